#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimer>

namespace plein::server {

class ClientSession;
class NodeRelay;

// How present a person is, least first: a person is the most present of their sessions.
enum class PresenceState { Offline, Away, Dnd, Online };

QString presenceStateName(PresenceState state);
PresenceState presenceStateFromName(const QString& name);

// Presence, in memory only: each session's state, each session's watch list and the index of
// who watches whom, so that a change goes to the sessions that show that person and to no one
// else. Sessions on other nodes count through the node relay: each node tells the others its
// users' combined state whenever it changes, answers a new node with all of it, and says it is
// alive; a node not heard from for a while is taken to be gone, and its users with it.
class PresenceTracker
{
public:
    explicit PresenceTracker(NodeRelay& relay);
    PresenceTracker(const PresenceTracker&) = delete;
    PresenceTracker& operator=(const PresenceTracker&) = delete;

    // A session became its user's (online), or stopped being it (its watch list goes too).
    void sessionStarted(ClientSession& session);
    void sessionEnded(ClientSession& session);
    void set(ClientSession& session, PresenceState state);
    // Replaces the session's watch list; answers each person's state now.
    QJsonArray watch(ClientSession& session, const QList<qint64>& userIds);
    // The person's state over every node.
    PresenceState stateOf(qint64 userId) const;

private:
    struct Session
    {
        qint64 userId = 0;
        PresenceState state = PresenceState::Online;
        QList<qint64> watched;
    };

    PresenceState localStateOf(qint64 userId) const;
    // After a change to what this node knows of `userId`: tells the watchers (and the other
    // nodes, when this node's own sessions changed) what changed.
    void changed(qint64 userId, PresenceState before, PresenceState localBefore);
    void push(qint64 userId, PresenceState state);
    void unwatch(ClientSession* session, const QList<qint64>& userIds);

    void receive(const QJsonObject& note);
    void publishAll();
    void forgetSilentNodes();
    void forgetNode(const QString& node);

    NodeRelay& m_relay;
    QHash<ClientSession*, Session> m_sessions;
    QMultiHash<qint64, ClientSession*> m_byUser;
    QHash<qint64, QSet<ClientSession*>> m_watchers;
    // Other nodes: each user's combined state there, by node; when each node was last heard.
    QHash<qint64, QHash<QString, PresenceState>> m_remote;
    QHash<QString, QElapsedTimer> m_heard;
    QTimer m_heartbeat;
};

} // namespace plein::server
