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
constexpr int defaultHeartbeatMs = 30 * 1000;
// People per snapshot note: a note must stay under NOTIFY's 8,000 bytes ([id,"online"] is at
// most 28 bytes with the largest ids).
constexpr int statesPerNote = 250;
// Asks for a snapshot this soon after the last one was sent are answered by that one.
constexpr qint64 snapshotGapMs = 1000;

QJsonObject note(const char* type)
{
    return QJsonObject {{QStringLiteral("type"), QLatin1StringView(type)}};
}

// The heartbeat: 30 s; shorter for tests of nodes that stall (PLEIN_PRESENCE_HEARTBEAT_MS).
int heartbeatFromEnvironment()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("PLEIN_PRESENCE_HEARTBEAT_MS", &ok);
    return ok && ms >= 100 ? ms : defaultHeartbeatMs;
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
    m_heartbeatMs = heartbeatFromEnvironment();
    m_heartbeat.setInterval(m_heartbeatMs);
    QObject::connect(&m_heartbeat, &QTimer::timeout, &m_heartbeat, [this]() {
        publish(note("alive"));
        forgetSilentNodes();
    });
    // Other nodes may be there: ask them who is present, and say we are alive from now on.
    QObject::connect(&m_relay, &NodeRelay::activated, &m_heartbeat, [this]() {
        publish(note("hello"));
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
        publish(n);
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

void PresenceTracker::publish(QJsonObject n)
{
    // Counted even when the relay refuses it: the others then hear a gap and ask for a snapshot.
    n.insert(QStringLiteral("n"), ++m_notes);
    m_relay.publish(topic, n, NodeRelay::Reach::Always);
}

void PresenceTracker::receive(const QJsonObject& n)
{
    const QString node = n.value(QLatin1StringView("node")).toString();
    if (node.isEmpty())
        return;
    const QString type = n.value(QLatin1StringView("type")).toString();
    if (!n.contains(QLatin1StringView("n"))) {
        receiveUncounted(node, type, n);
        return;
    }
    const qint64 count = n.value(QLatin1StringView("n")).toInteger();
    const bool known = m_peers.contains(node);
    Peer& peer = m_peers[node];
    peer.heard.start();
    if (!known || count != peer.lastNote + 1) {
        // Notes were missed, or this node was never heard of (it is new, or was forgotten as
        // silent): what we know of it may be wrong until its next snapshot. A node saying hello
        // has just started and has nothing to tell yet.
        peer.synced = !known && type == QLatin1StringView("hello");
        peer.snapshot = 0;
        peer.incoming.clear();
    }
    peer.lastNote = count;

    if (type == QLatin1StringView("state")) {
        applyRemote(node, n.value(QLatin1StringView("user")).toInteger(),
                    presenceStateFromName(n.value(QLatin1StringView("state")).toString()));
    } else if (type == QLatin1StringView("states")) {
        const qint64 snapshot = n.value(QLatin1StringView("snap")).toInteger();
        if (snapshot == count) { // its first note
            peer.snapshot = snapshot;
            peer.incoming.clear();
        }
        if (peer.snapshot > 0 && peer.snapshot == snapshot) {
            for (const auto& entry : n.value(QLatin1StringView("states")).toArray()) {
                const QJsonArray pair = entry.toArray();
                const qint64 userId = pair.at(0).toInteger();
                const PresenceState state = presenceStateFromName(pair.at(1).toString());
                if (userId > 0 && state != PresenceState::Offline)
                    peer.incoming.insert(userId, state);
            }
            if (n.value(QLatin1StringView("end")).toBool()) {
                const QHash<qint64, PresenceState> states = std::move(peer.incoming);
                peer.incoming.clear();
                peer.snapshot = 0;
                peer.synced = true;
                replaceNode(node, states);
            }
        }
    } else if (type == QLatin1StringView("hello")) {
        publishSnapshot();
    } else if (type == QLatin1StringView("ask")) {
        // A lost note is usually lost for every node, and each asks: one snapshot answers
        // them all (every node takes it), so asks within a second of the last get no other.
        if (n.value(QLatin1StringView("to")).toString() == m_relay.nodeId()
            && (!m_snapshotSent.isValid() || m_snapshotSent.elapsed() > snapshotGapMs))
            publishSnapshot();
    }

    // Asked again after a while when the answer does not come (it, or the question, was lost);
    // the other node's heartbeat brings us back here.
    Peer& p = m_peers[node];
    const int askAgainMs = std::min(5000, m_heartbeatMs);
    if (!p.synced && p.snapshot == 0 && (!p.asked.isValid() || p.asked.elapsed() > askAgainMs)) {
        p.asked.start();
        QJsonObject ask = note("ask");
        ask.insert(QStringLiteral("to"), node);
        publish(ask);
    }
}

void PresenceTracker::receiveUncounted(const QString& node, const QString& type,
                                       const QJsonObject& n)
{
    // A node of an earlier version (during an upgrade, one node after another): its notes carry
    // no count, so they are taken as they come, as that version's nodes take them.
    m_peers[node].heard.start();
    m_peers[node].synced = true;
    if (type == QLatin1StringView("state")) {
        applyRemote(node, n.value(QLatin1StringView("user")).toInteger(),
                    presenceStateFromName(n.value(QLatin1StringView("state")).toString()));
    } else if (type == QLatin1StringView("states")) {
        for (const auto& entry : n.value(QLatin1StringView("states")).toArray()) {
            const QJsonArray pair = entry.toArray();
            applyRemote(node, pair.at(0).toInteger(), presenceStateFromName(pair.at(1).toString()));
        }
    } else if (type == QLatin1StringView("hello")) {
        publishSnapshot();
    }
}

void PresenceTracker::applyRemote(const QString& node, qint64 userId, PresenceState state)
{
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
}

void PresenceTracker::replaceNode(const QString& node, const QHash<qint64, PresenceState>& states)
{
    QList<qint64> gone;
    for (auto it = m_remote.cbegin(); it != m_remote.cend(); ++it) {
        if (it->contains(node) && !states.contains(it.key()))
            gone << it.key();
    }
    for (qint64 userId : gone)
        applyRemote(node, userId, PresenceState::Offline);
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        applyRemote(node, it.key(), it.value());
}

void PresenceTracker::publishSnapshot()
{
    QJsonArray states;
    for (qint64 userId : m_byUser.uniqueKeys()) {
        const PresenceState local = localStateOf(userId);
        if (local != PresenceState::Offline)
            states.append(QJsonArray {userId, presenceStateName(local)});
    }
    m_snapshotSent.start();
    // Always at least one note, so that an empty snapshot clears what others knew.
    const qint64 snapshot = m_notes + 1;
    qsizetype at = 0;
    do {
        QJsonArray part;
        for (qsizetype i = at; i < std::min(states.size(), at + statesPerNote); ++i)
            part.append(states.at(i));
        at += statesPerNote;
        QJsonObject n = note("states");
        n.insert(QStringLiteral("snap"), snapshot);
        n.insert(QStringLiteral("end"), at >= states.size());
        n.insert(QStringLiteral("states"), part);
        publish(n);
    } while (at < states.size());
}

void PresenceTracker::forgetSilentNodes()
{
    // A node silent for three heartbeats (and a little) has stopped; its users are offline.
    const qint64 silentMs = 3LL * m_heartbeatMs + m_heartbeatMs / 6;
    QStringList silent;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->heard.elapsed() > silentMs)
            silent << it.key();
    }
    for (const QString& node : silent)
        forgetNode(node);
}

void PresenceTracker::forgetNode(const QString& node)
{
    m_peers.remove(node);
    replaceNode(node, {});
}

} // namespace plein::server
