#include "typingscenario.h"

#include "loadcontext.h"
#include "loadsupport.h"

#include <QJsonObject>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {
constexpr int tickMs = 5;
constexpr int watchConcurrency = 200;
constexpr int settleMs = 2000;
} // namespace

QString TypingScenario::name(Step step)
{
    switch (step) {
    case Step::Idle:
        return u"idle"_s;
    case Step::Watching:
        return u"watching"_s;
    case Step::Typing:
        return u"typing"_s;
    case Step::TypingPresence:
        return u"typingPresence"_s;
    case Step::Done:
        break;
    }
    return u"done"_s;
}

void TypingScenario::start(std::function<void()> done)
{
    m_done = std::move(done);
    m_stepTimer.setSingleShot(true);
    QObject::connect(&m_stepTimer, &QTimer::timeout, &m_context.owner(), [this] { endStep(); });
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(tickMs);
    QObject::connect(&m_ticker, &QTimer::timeout, &m_context.owner(), [this] { tick(); });
    m_away.assign(std::size_t(m_context.connections()), false);
    m_context.ensurePairs(m_context.options().typists, [this] {
        m_typists = std::min(m_context.options().typists, m_context.openedPairs());
        m_lastTypingNs.assign(std::size_t(m_typists), -1);
        runStep(Step::Idle);
    });
}

void TypingScenario::runStep(Step step)
{
    m_step = step;
    if (step == Step::Done) {
        QJsonObject line {{u"kind"_s, u"typing"_s},
                          {u"connections"_s, m_context.pool().live()},
                          {u"typists"_s, m_typists},
                          {u"typingIntervalMs"_s, m_context.options().typingIntervalMs},
                          {u"watch"_s, m_context.options().watch},
                          {u"presenceRate"_s, m_context.options().presenceRate},
                          {u"watchAnswer"_s, latencyJson(m_watchTimes)},
                          {u"steps"_s, m_steps}};
        if (!m_context.options().label.isEmpty())
            line.insert(u"label"_s, m_context.options().label);
        printLine(line);
        m_done();
        return;
    }
    if (step == Step::Watching && m_nextWatch == 0) {
        watchAll();
        return;
    }
    note(u"chat-load: typing: step %1 for %2 s"_s.arg(name(step))
             .arg(m_context.options().stepSeconds));
    m_typingSent = m_typingAnswered = m_typingReceived = 0;
    m_presenceSent = m_presenceReceived = 0;
    m_typingLatency.clear();
    m_stepStartNs = m_context.now();
    m_meter.start();
    if (step == Step::Typing || step == Step::TypingPresence)
        m_ticker.start();
    m_stepTimer.start(m_context.options().stepSeconds * 1000);
}

void TypingScenario::endStep()
{
    m_ticker.stop();
    QJsonObject o = m_meter.read();
    o.insert(u"step"_s, name(m_step));
    o.insert(u"typingSent"_s, m_typingSent);
    o.insert(u"typingAnswered"_s, m_typingAnswered);
    o.insert(u"typingReceived"_s, m_typingReceived);
    o.insert(u"typingDelivery"_s, latencyJson(m_typingLatency));
    o.insert(u"presenceSent"_s, m_presenceSent);
    o.insert(u"presenceReceived"_s, m_presenceReceived);
    m_steps.append(o);
    printLine(QJsonObject {{u"kind"_s, u"typingStep"_s}, {u"step"_s, o}});
    const Step next = Step(int(m_step) + 1);
    // The typists stop between steps, as people do; the next step starts from quiet.
    QTimer::singleShot(500, &m_context.owner(), [this, next] { runStep(next); });
}

void TypingScenario::watchAll()
{
    note(u"chat-load: typing: %1 connections watch %2 people each"_s.arg(m_context.connections())
             .arg(m_context.options().watch));
    watchNext();
}

void TypingScenario::watchNext()
{
    const int n = m_context.connections();
    while (m_watchInFlight < watchConcurrency && m_nextWatch < n) {
        const int index = m_nextWatch++;
        if (!m_context.isLive(index))
            continue;
        // The partner first, then the next users, as a conversation list would show them.
        QJsonArray ids {m_context.userId(index ^ 1)};
        for (int k = 1; ids.size() < m_context.options().watch && k < n; ++k) {
            const int other = (index + k) % n;
            if (other != (index ^ 1))
                ids.append(m_context.userId(other));
        }
        ++m_watchInFlight;
        m_context.requests().send(index, u"presence.watch"_s, {{u"userIds"_s, ids}},
                                  [this](const QJsonObject& answer, qint64 ns) {
                                      --m_watchInFlight;
                                      if (!answer.value(u"ok"_s).toBool())
                                          m_context.refused(u"presence.watch"_s, answer);
                                      m_watchTimes.push_back(ns);
                                      watchNext();
                                  });
    }
    if (m_watchInFlight == 0 && m_nextWatch >= n) {
        m_nextWatch = n + 1; // done: the step runs now
        QTimer::singleShot(settleMs, &m_context.owner(), [this] { runStep(Step::Watching); });
    }
}

void TypingScenario::tick()
{
    const double elapsedMs = double(m_context.now() - m_stepStartNs) / 1e6;
    const int interval = std::max(1, m_context.options().typingIntervalMs);
    const auto dueTyping = qint64(elapsedMs * m_typists / interval) + 1;
    while (m_typingSent < dueTyping && m_typists > 0) {
        const int typist = int(m_typingSent % m_typists);
        ++m_typingSent;
        m_lastTypingNs[std::size_t(typist)] = m_context.now();
        const QJsonObject payload {
            {u"channel"_s, u"chat:%1"_s.arg(m_context.pairConversation(typist))},
            {u"signal"_s, u"typing"_s}};
        m_context.requests().send(2 * typist, u"ephemeral.send"_s, payload,
                                  [this](const QJsonObject& answer, qint64) {
                                      if (answer.value(u"ok"_s).toBool())
                                          ++m_typingAnswered;
                                      else
                                          m_context.refused(u"ephemeral.send"_s, answer);
                                  });
    }
    if (m_step != Step::TypingPresence)
        return;
    const int n = m_context.connections();
    const auto duePresence = qint64(elapsedMs / 1000 * m_context.options().presenceRate) + 1;
    while (m_presenceSent < duePresence) {
        // A stride through all connections, so that changes are spread over the watchers.
        const int index = int((m_presenceSent * 7919) % n);
        ++m_presenceSent;
        if (!m_context.isLive(index))
            continue;
        const bool away = !m_away[std::size_t(index)];
        m_away[std::size_t(index)] = away;
        m_context.requests().send(index, u"presence.set"_s,
                                  {{u"state"_s, away ? u"away"_s : u"online"_s}},
                                  [this](const QJsonObject& answer, qint64) {
                                      if (!answer.value(u"ok"_s).toBool())
                                          m_context.refused(u"presence.set"_s, answer);
                                  });
    }
}

void TypingScenario::onPush(int index, const QString& frame)
{
    if (frame.endsWith(u"\"type\":\"presence\"}"_s)) {
        ++m_presenceReceived;
        return;
    }
    if (!frame.endsWith(u"\"type\":\"ephemeral\"}"_s) || !frame.contains(u"\"typing\""_s))
        return;
    const int from = m_context.indexOfUser(scanInteger(frame, u"\"from\":"));
    // A typist is the first of its pair and signals to the second.
    if (from < 0 || from % 2 != 0 || index != from + 1 || from / 2 >= m_typists)
        return;
    ++m_typingReceived;
    const qint64 sent = m_lastTypingNs[std::size_t(from / 2)];
    if (sent >= 0)
        m_typingLatency.push_back(m_context.now() - sent);
}

} // namespace plein::loadbench
