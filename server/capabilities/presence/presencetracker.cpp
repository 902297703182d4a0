#include "capabilities/presence/presencetracker.h"

#include "capabilities/presence/presenceprotocol.h"
#include "core/clientsession.h"
#include "core/noderelay.h"
#include "protocol/envelope.h"

#include <QJsonObject>

#include <algorithm>

namespace plein::server {

namespace presence = protocol::presence;

namespace {

const QString topic = QStringLiteral("presence");
constexpr int heartbeatMs = 30 * 1000;
// A node silent for three heartbeats (and a little) has stopped; its users are offline.
constexpr qint64 silentMs = 3 * heartbeatMs + 5000;
// People per note to a new node: a note must stay under NOTIFY's 8,000 bytes.
constexpr int statesPerNote = 400;

QJsonObject note(const char* type)
{
    return QJsonObject {{QStringLiteral("type"), QLatin1StringView(type)}};
}

} // namespace

QString presenceStateName(PresenceState state)
{
    switch (state) {
    case PresenceState::Offline:
        return QStringLiteral("offline");
    case PresenceState::Away:
        return QStringLiteral("away");
    case PresenceState::Dnd:
        return QStringLiteral("dnd");
    case PresenceState::Online:
        return QStringLiteral("online");
    }
    return QStringLiteral("offline");
}

PresenceState presenceStateFromName(const QString& name)
{
    if (name == QLatin1StringView("online"))
        return PresenceState::Online;
    if (name == QLatin1StringView("dnd"))
        return PresenceState::Dnd;
    if (name == QLatin1StringView("away"))
        return PresenceState::Away;
    return PresenceState::Offline;
}

PresenceTracker::PresenceTracker(NodeRelay& relay)
    : m_relay(relay)
{
    m_relay.subscribe(topic, [this](const QJsonObject& n) { receive(n); });
    m_heartbeat.setInterval(heartbeatMs);
    QObject::connect(&m_heartbeat, &QTimer::timeout, &m_heartbeat, [this]() {
        m_relay.publish(topic, note("alive"));
        forgetSilentNodes();
    });
    // Other nodes may be there: ask them who is present, and say we are alive from now on.
    QObject::connect(&m_relay, &NodeRelay::activated, &m_heartbeat, [this]() {
        m_relay.publish(topic, note("hello"));
        m_heartbeat.start();
    });
}

PresenceState PresenceTracker::localStateOf(qint64 userId) const
{
    PresenceState best = PresenceState::Offline;
    for (auto it = m_byUser.constFind(userId); it != m_byUser.constEnd() && it.key() == userId;
         ++it)
        best = std::max(best, m_sessions.value(it.value()).state);
    return best;
}

PresenceState PresenceTracker::stateOf(qint64 userId) const
{
    PresenceState best = localStateOf(userId);
    const auto remote = m_remote.constFind(userId);
    if (remote != m_remote.constEnd()) {
        for (PresenceState s : *remote)
            best = std::max(best, s);
    }
    return best;
}

void PresenceTracker::sessionStarted(ClientSession& session)
{
    if (m_sessions.contains(&session) || !session.user)
        return;
    const qint64 userId = session.user->id;
    const PresenceState before = stateOf(userId);
    const PresenceState localBefore = localStateOf(userId);
    m_sessions.insert(&session, Session {userId, PresenceState::Online, {}});
    m_byUser.insert(userId, &session);
    changed(userId, before, localBefore);
}

void PresenceTracker::sessionEnded(ClientSession& session)
{
    const auto it = m_sessions.constFind(&session);
    if (it == m_sessions.constEnd())
        return;
    const Session s = *it;
    unwatch(&session, s.watched);
    const PresenceState before = stateOf(s.userId);
    const PresenceState localBefore = localStateOf(s.userId);
    m_sessions.remove(&session);
    m_byUser.remove(s.userId, &session);
    changed(s.userId, before, localBefore);
}

void PresenceTracker::set(ClientSession& session, PresenceState state)
{
    // Only sessions the hub lists (through the session hooks) are tracked: those are sure to
    // be let go of when they end.
    const auto it = m_sessions.find(&session);
    if (it == m_sessions.end() || it->state == state)
        return;
    const qint64 userId = it->userId;
    const PresenceState before = stateOf(userId);
    const PresenceState localBefore = localStateOf(userId);
    it->state = state;
    changed(userId, before, localBefore);
}

void PresenceTracker::unwatch(ClientSession* session, const QList<qint64>& userIds)
{
    for (qint64 id : userIds) {
        const auto w = m_watchers.find(id);
        if (w == m_watchers.end())
            continue;
        w->remove(session);
        if (w->isEmpty())
            m_watchers.erase(w);
    }
}

QJsonArray PresenceTracker::watch(ClientSession& session, const QList<qint64>& userIds)
{
    QJsonArray states;
    const auto it = m_sessions.find(&session);
    if (it != m_sessions.end()) {
        unwatch(&session, it->watched);
        it->watched = userIds;
    }
    for (qint64 id : userIds) {
        if (it != m_sessions.end())
            m_watchers[id].insert(&session);
        states.append(QJsonObject {{QStringLiteral("userId"), id},
                                   {QStringLiteral("state"), presenceStateName(stateOf(id))}});
    }
    return states;
}

void PresenceTracker::changed(qint64 userId, PresenceState before, PresenceState localBefore)
{
    const PresenceState local = localStateOf(userId);
    if (local != localBefore) {
        QJsonObject n = note("state");
        n.insert(QStringLiteral("user"), userId);
        n.insert(QStringLiteral("state"), presenceStateName(local));
        m_relay.publish(topic, n);
    }
    const PresenceState now = stateOf(userId);
    if (now != before)
        push(userId, now);
}

void PresenceTracker::push(qint64 userId, PresenceState state)
{
    const auto watchers = m_watchers.constFind(userId);
    if (watchers == m_watchers.constEnd())
        return;
    const QByteArray frame
        = protocol::encodePush(presence::Presence,
                               QJsonObject {{QStringLiteral("userId"), userId},
                                            {QStringLiteral("state"), presenceStateName(state)}});
    const QString text = QString::fromUtf8(frame);
    for (ClientSession* s : *watchers) {
        if (s->agrees(presence::Feature))
            s->sendText(text, frame.size());
    }
}

void PresenceTracker::receive(const QJsonObject& n)
{
    const QString node = n.value(QLatin1StringView("node")).toString();
    if (node.isEmpty())
        return;
    m_heard[node].start();
    const QString type = n.value(QLatin1StringView("type")).toString();
    const auto apply = [&](qint64 userId, PresenceState state) {
        if (userId <= 0)
            return;
        const PresenceState before = stateOf(userId);
        auto& byNode = m_remote[userId];
        if (state == PresenceState::Offline)
            byNode.remove(node);
        else
            byNode.insert(node, state);
        if (byNode.isEmpty())
            m_remote.remove(userId);
        const PresenceState now = stateOf(userId);
        if (now != before)
            push(userId, now);
    };
    if (type == QLatin1StringView("state")) {
        apply(qint64(n.value(QLatin1StringView("user")).toDouble()),
              presenceStateFromName(n.value(QLatin1StringView("state")).toString()));
    } else if (type == QLatin1StringView("states")) {
        for (const auto& entry : n.value(QLatin1StringView("states")).toArray()) {
            const QJsonArray pair = entry.toArray();
            apply(qint64(pair.at(0).toDouble()), presenceStateFromName(pair.at(1).toString()));
        }
    } else if (type == QLatin1StringView("hello")) {
        publishAll();
    }
}

void PresenceTracker::publishAll()
{
    QJsonArray states;
    const auto flush = [&]() {
        if (states.isEmpty())
            return;
        QJsonObject n = note("states");
        n.insert(QStringLiteral("states"), states);
        m_relay.publish(topic, n);
        states = QJsonArray();
    };
    for (qint64 userId : m_byUser.uniqueKeys()) {
        const PresenceState local = localStateOf(userId);
        if (local == PresenceState::Offline)
            continue;
        states.append(QJsonArray {userId, presenceStateName(local)});
        if (states.size() >= statesPerNote)
            flush();
    }
    flush();
}

void PresenceTracker::forgetSilentNodes()
{
    QStringList silent;
    for (auto it = m_heard.cbegin(); it != m_heard.cend(); ++it) {
        if (it->elapsed() > silentMs)
            silent << it.key();
    }
    for (const QString& node : silent)
        forgetNode(node);
}

void PresenceTracker::forgetNode(const QString& node)
{
    m_heard.remove(node);
    QList<qint64> users;
    for (auto it = m_remote.cbegin(); it != m_remote.cend(); ++it) {
        if (it->contains(node))
            users << it.key();
    }
    for (qint64 userId : users) {
        const PresenceState before = stateOf(userId);
        auto& byNode = m_remote[userId];
        byNode.remove(node);
        if (byNode.isEmpty())
            m_remote.remove(userId);
        const PresenceState now = stateOf(userId);
        if (now != before)
            push(userId, now);
    }
}

} // namespace plein::server
