#include "groupscenario.h"

#include "chatbodies.h"
#include "loadcontext.h"
#include "loadsupport.h"
#include "searchscenario.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {
constexpr int roundTimeoutMs = 10000;
constexpr int roundGapMs = 300;
constexpr int settleMs = 1000;
// Tags of this scenario's bodies, apart from the direct scenario's.
constexpr qint64 firstTag = 100000000;

qint64 idOf(const QJsonObject& answer, const QString& object)
{
    return qint64(
        answer.value(u"payload"_s).toObject().value(object).toObject().value(u"id"_s).toDouble());
}
} // namespace

GroupScenario::GroupScenario(LoadContext& context, double searchRate)
    : Scenario(context)
    , m_searchRate(searchRate)
{ }

GroupScenario::~GroupScenario()
{
    *m_alive = false;
}

void GroupScenario::start(std::function<void()> done)
{
    m_done = std::move(done);
    m_size = std::min(m_context.options().groupSize, m_context.connections());
    for (int i = 0; i < m_size; ++i) {
        if (!m_context.isLive(i)) {
            note(u"chat-load: group: connection %1 is not live, skipping the scenario"_s.arg(i));
            m_done();
            return;
        }
    }
    m_roundTimer.setSingleShot(true);
    QObject::connect(&m_roundTimer, &QTimer::timeout, &m_context.owner(),
                     [this] { finishRound(true); });
    m_arrivalNs.assign(std::size_t(m_size), -1);
    createConversation();
}

void GroupScenario::createConversation()
{
    QJsonArray others;
    for (int i = 1; i < m_size; ++i)
        others.append(m_context.userId(i));
    const QJsonObject payload {{u"clientId"_s, m_context.requests().clientId()},
                               {u"title"_s, u"Bench %1"_s.arg(m_size)},
                               {u"userIds"_s, others}};
    m_context.requests().send(
        0, u"chat.create"_s, payload, [this](const QJsonObject& answer, qint64 ns) {
            m_conversationId = idOf(answer, u"conversation"_s);
            if (m_conversationId <= 0) {
                m_context.refused(u"chat.create"_s, answer);
                m_done();
                return;
            }
            note(u"chat-load: group: conversation of %1 made in %2 ms"_s.arg(m_size).arg(
                double(ns) / 1e6, 0, 'f', 1));
            createGroup();
        });
}

void GroupScenario::createGroup()
{
    const QJsonObject payload {
        {u"clientId"_s, m_context.requests().clientId()},
        {u"name"_s, u"chat bench %1"_s.arg(QDateTime::currentMSecsSinceEpoch())},
        {u"kind"_s, u"public"_s}};
    m_context.requests().send(
        0, u"group.create"_s, payload, [this](const QJsonObject& answer, qint64) {
            m_groupId = idOf(answer, u"group"_s);
            if (m_groupId <= 0) {
                m_context.refused(u"group.create"_s, answer);
                m_done();
                return;
            }
            m_joinsWaiting = m_size - 1;
            for (int i = 1; i < m_size; ++i)
                m_context.requests().send(
                    i, u"group.join"_s,
                    {{u"clientId"_s, m_context.requests().clientId()}, {u"groupId"_s, m_groupId}},
                    [this](const QJsonObject& joinAnswer, qint64) {
                        if (!joinAnswer.value(u"ok"_s).toBool())
                            m_context.refused(u"group.join"_s, joinAnswer);
                        if (--m_joinsWaiting == 0)
                            joined();
                    });
            if (m_joinsWaiting == 0)
                joined();
        });
}

void GroupScenario::joined()
{
    note(u"chat-load: group: %1 members joined the baseline group"_s.arg(m_size - 1));
    if (m_searchRate > 0)
        startSearching();
    QTimer::singleShot(settleMs, &m_context.owner(), [this] { startRound(); });
}

void GroupScenario::startSearching()
{
    for (int i = m_size; i < m_context.connections(); ++i) {
        if (m_context.isLive(i))
            m_searchers << i;
    }
    if (m_searchers.isEmpty()) {
        note(u"chat-load: group: no connection outside the group is left to search from"_s);
        return;
    }
    note(u"chat-load: group: %1 searches a second from %2 connections"_s.arg(m_searchRate)
             .arg(m_searchers.size()));
    m_searchTimer.setTimerType(Qt::PreciseTimer);
    m_searchTimer.setInterval(std::max(1, int(std::lround(1000.0 / m_searchRate))));
    QObject::connect(&m_searchTimer, &QTimer::timeout, &m_context.owner(), [this] { search(); });
    m_searchStartNs = m_context.now();
    m_searchTimer.start();
}

void GroupScenario::search()
{
    // Open loop: each on time, whatever is still in flight.
    const int n = m_searchesSent++;
    const QList<SearchQuery> queries = searchQueriesOf(quint64(n / 6));
    const SearchQuery& q = queries.at(n % queries.size());
    const int from = m_searchers.at(n % m_searchers.size());
    m_context.requests().send(from, u"search.query"_s, {{u"q"_s, q.q}, {u"sort"_s, q.sort}},
                              [this, alive = m_alive](const QJsonObject& answer, qint64 ns) {
                                  if (!*alive)
                                      return;
                                  if (!answer.value(u"ok"_s).toBool()) {
                                      ++m_searchesRefused;
                                      m_context.refused(u"search.query"_s, answer);
                                      return; // counted, not timed
                                  }
                                  m_searchNs.push_back(ns);
                              });
}

QJsonObject GroupScenario::searchSummary() const
{
    const double seconds = double(m_context.now() - m_searchStartNs) / 1e9;
    QJsonObject o = latencyJson(m_searchNs);
    o.insert(u"rate"_s, m_searchRate);
    o.insert(u"searchers"_s, int(m_searchers.size()));
    o.insert(u"sent"_s, m_searchesSent);
    o.insert(u"answered"_s, int(m_searchNs.size()));
    o.insert(u"refused"_s, m_searchesRefused);
    o.insert(u"perSecond"_s, seconds > 0 ? round3(double(m_searchesSent) / seconds) : 0.0);
    return o;
}

void GroupScenario::startRound()
{
    const int round = int(m_rounds.size());
    if (round >= 2 * m_context.options().groupRounds) {
        finish();
        return;
    }
    m_path = round % 2 == 0 ? Path::Chat : Path::Feed;
    m_sender = (round / 2 * 37) % m_size;
    m_tag = firstTag + round;
    std::fill(m_arrivalNs.begin(), m_arrivalNs.end(), -1);
    m_received = 0;
    m_ackNs = -1;
    m_running = true;
    const QString body = u"#%1 "_s.arg(m_tag) + bench::chatBody(quint64(m_tag));
    QJsonObject payload {{u"clientId"_s, m_context.requests().clientId()}, {u"body"_s, body}};
    if (m_path == Path::Chat)
        payload.insert(u"conversationId"_s, m_conversationId);
    else
        payload.insert(u"groupId"_s, m_groupId);
    m_roundTimer.start(roundTimeoutMs);
    m_serverCpuStartNs = cpuNanoseconds(m_context.options().serverPid);
    m_sendNs = m_context.now();
    m_context.requests().send(m_sender, m_path == Path::Chat ? u"chat.send"_s : u"post.create"_s,
                              payload, [this, round](const QJsonObject& answer, qint64) {
                                  if (!m_running || int(m_rounds.size()) != round)
                                      return;
                                  if (!answer.value(u"ok"_s).toBool())
                                      m_context.refused(u"group send"_s, answer);
                                  m_ackNs = m_context.now();
                                  checkRound();
                              });
}

void GroupScenario::onPush(int index, const QString& frame)
{
    if (!m_running || index >= m_size || index == m_sender || m_arrivalNs[std::size_t(index)] >= 0)
        return;
    const bool match = m_path == Path::Chat ? frame.contains(u"\"kind\":\"chat.message\""_s)
                                            : frame.contains(u"\"kind\":\"post.created\""_s);
    if (!match || bodyTag(frame) != m_tag)
        return;
    m_arrivalNs[std::size_t(index)] = m_context.now();
    ++m_received;
    checkRound();
}

void GroupScenario::checkRound()
{
    if (m_running && m_received >= m_size - 1 && m_ackNs >= 0)
        finishRound(false);
}

void GroupScenario::finishRound(bool timedOut)
{
    if (!m_running)
        return;
    m_running = false;
    m_roundTimer.stop();
    const qint64 serverCpuNs = cpuNanoseconds(m_context.options().serverPid);
    Round r;
    r.path = m_path;
    // The sender's own connection is not among the receivers.
    std::vector<qint64> others = m_arrivalNs;
    others.erase(others.begin() + m_sender);
    r.delivery = Delivery::of(others, m_sendNs, m_size - 1);
    r.delivery.timedOut = timedOut;
    r.delivery.ackMs = m_ackNs >= 0 ? double(m_ackNs - m_sendNs) / 1e6 : -1;
    if (serverCpuNs >= 0 && m_serverCpuStartNs >= 0 && r.delivery.received > 0)
        r.serverCpuUsPerDelivery
            = double(serverCpuNs - m_serverCpuStartNs) / 1e3 / r.delivery.received;
    m_rounds.push_back(r);
    QJsonObject line {{u"kind"_s, u"groupRound"_s},
                      {u"path"_s, r.path == Path::Chat ? u"chat"_s : u"feed"_s},
                      {u"round"_s, int(m_rounds.size())},
                      {u"serverCpuUsPerDelivery"_s, round3(r.serverCpuUsPerDelivery)}};
    r.delivery.writeTo(line);
    printLine(line);
    QTimer::singleShot(roundGapMs, &m_context.owner(), [this] { startRound(); });
}

QJsonObject GroupScenario::summary(Path path) const
{
    Medians medians;
    int received = 0, expected = 0, rounds = 0;
    for (const Round& r : m_rounds) {
        if (r.path != path)
            continue;
        ++rounds;
        medians.add(r.delivery);
        medians.add(u"serverCpuUsPerDelivery"_s, r.serverCpuUsPerDelivery);
        received += r.delivery.received;
        expected += r.delivery.expected;
    }
    QJsonObject o {{u"rounds"_s, rounds},
                   {u"received"_s, received},
                   {u"expected"_s, expected},
                   {u"serverCpuUsPerDelivery"_s, medians.value(u"serverCpuUsPerDelivery"_s)}};
    medians.writeDeliveryTo(o);
    return o;
}

void GroupScenario::finish()
{
    m_searchTimer.stop();
    QJsonObject line {{u"kind"_s, m_searchRate > 0 ? u"groupSearch"_s : u"group"_s},
                      {u"members"_s, m_size},
                      {u"connections"_s, m_context.pool().live()},
                      {u"chat"_s, summary(Path::Chat)},
                      {u"feed"_s, summary(Path::Feed)}};
    if (m_searchRate > 0)
        line.insert(u"search"_s, searchSummary());
    if (!m_context.options().label.isEmpty())
        line.insert(u"label"_s, m_context.options().label);
    printLine(line);
    m_done();
}

} // namespace plein::loadbench
