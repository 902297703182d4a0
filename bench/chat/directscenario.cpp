#include "directscenario.h"

#include "chatbodies.h"
#include "loadcontext.h"

#include <QJsonObject>

#include <cmath>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {
constexpr int tickMs = 2;
constexpr int graceMs = 5000;
} // namespace

void DirectScenario::start(std::function<void()> done)
{
    m_done = std::move(done);
    m_context.ensurePairs(m_context.options().pairs, [this] { begin(); });
}

void DirectScenario::begin()
{
    m_pairs = m_context.openedPairs();
    const double rate = m_context.options().rate;
    const auto total = std::size_t(std::llround(rate * m_context.options().directSeconds));
    m_sentNs.assign(total, -1);
    m_receiver.assign(total, -1);
    m_latencyNs.assign(total, -1);
    note(u"chat-load: direct: %1 messages at %2/s over %3 pairs"_s.arg(total).arg(rate).arg(
        m_pairs));
    if (m_pairs == 0 || total == 0) {
        finish();
        return;
    }
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(tickMs);
    QObject::connect(&m_ticker, &QTimer::timeout, &m_context.owner(), [this] { tick(); });
    m_grace.setSingleShot(true);
    QObject::connect(&m_grace, &QTimer::timeout, &m_context.owner(), [this] { finish(); });
    m_startNs = m_context.now();
    m_meter.start();
    m_ticker.start();
}

// Open loop: whatever is due by now goes out now, whether or not earlier ones were answered.
void DirectScenario::tick()
{
    const double rate = m_context.options().rate;
    const double elapsed = double(m_context.now() - m_startNs) / 1e9;
    const auto total = qint64(m_sentNs.size());
    const qint64 dueMessages = std::min(total, qint64(elapsed * rate) + 1);
    while (m_nextTag < dueMessages)
        sendMessage(m_nextTag++);
    const qint64 duePings = std::min(total / 2, qint64(elapsed * rate / 2) + 1);
    while (m_pingsSent < duePings)
        sendPing(m_pingsSent++);
    if (dueMessages == total && m_pingsSent >= total / 2) {
        m_ticker.stop();
        m_endNs = m_context.now();
        m_server = m_meter.read();
        m_grace.start(graceMs);
        maybeFinish();
    }
}

void DirectScenario::sendMessage(qint64 tag)
{
    const int pair = int(tag % m_pairs);
    // Every other round the other member writes.
    const bool flip = (tag / m_pairs) % 2 == 1;
    const int sender = 2 * pair + (flip ? 1 : 0);
    const int receiver = 2 * pair + (flip ? 0 : 1);
    const auto at = std::size_t(tag);
    m_receiver[at] = receiver;
    const QJsonObject payload {{u"clientId"_s, m_context.requests().clientId()},
                               {u"conversationId"_s, m_context.pairConversation(pair)},
                               {u"body"_s, u"#%1 "_s.arg(tag) + bench::chatBody(quint64(tag))}};
    m_sentNs[at] = m_context.now();
    m_context.requests().send(sender, u"chat.send"_s, payload,
                              [this](const QJsonObject& answer, qint64 ns) {
                                  if (!answer.value(u"ok"_s).toBool()) {
                                      m_context.refused(u"chat.send"_s, answer);
                                      return;
                                  }
                                  m_acks.push_back(ns);
                                  ++m_acked;
                              });
}

void DirectScenario::sendPing(qint64 k)
{
    // The members of the pairs in turn, the receivers' side first.
    const int index = int((2 * k + 1) % (2 * m_pairs));
    m_context.requests().send(index, u"ping"_s, {},
                              [this](const QJsonObject&, qint64 ns) { m_pings.push_back(ns); });
}

void DirectScenario::onPush(int index, const QString& frame)
{
    if (m_sentNs.empty() || !frame.contains(u"\"kind\":\"chat.message\""_s))
        return;
    const qint64 tag = bodyTag(frame);
    if (tag < 0 || tag >= qint64(m_sentNs.size()))
        return;
    const auto at = std::size_t(tag);
    if (m_receiver[at] != index || m_latencyNs[at] >= 0)
        return; // the sender's own copy, or a repeat
    m_latencyNs[at] = m_context.now() - m_sentNs[at];
    ++m_received;
    maybeFinish();
}

void DirectScenario::maybeFinish()
{
    if (m_endNs > 0 && m_received == int(m_sentNs.size())
        && m_acked + m_context.refusals() >= m_received && qint64(m_pings.size()) == m_pingsSent)
        finish();
}

void DirectScenario::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_ticker.stop();
    m_grace.stop();
    std::vector<qint64> latencies;
    for (const qint64 ns : m_latencyNs) {
        if (ns >= 0)
            latencies.push_back(ns);
    }
    const double seconds = double((m_endNs > 0 ? m_endNs : m_context.now()) - m_startNs) / 1e9;
    QJsonObject line {{u"kind"_s, u"direct"_s},
                      {u"connections"_s, m_context.pool().live()},
                      {u"pairs"_s, m_pairs},
                      {u"rate"_s, m_context.options().rate},
                      {u"seconds"_s, round3(seconds)},
                      {u"sent"_s, qint64(m_sentNs.size())},
                      {u"received"_s, m_received},
                      {u"acked"_s, m_acked},
                      {u"shown"_s, latencyJson(latencies)},
                      {u"ack"_s, latencyJson(m_acks)},
                      {u"ping"_s, latencyJson(m_pings)},
                      {u"server"_s, m_server},
                      {u"refusals"_s, m_context.refusals()}};
    if (!m_context.options().label.isEmpty())
        line.insert(u"label"_s, m_context.options().label);
    printLine(line);
    m_done();
}

} // namespace plein::loadbench
