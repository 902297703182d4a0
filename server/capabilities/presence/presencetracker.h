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
// users' combined state whenever it changes and says it is alive every heartbeat; a node not
// heard from for three heartbeats is taken to be gone, and its users with it.
//
// What one node knows of another must not stay wrong when a note is lost (a dropped database
// connection, a note the relay refused) or when a node taken to be gone turns out not to be (a
// stall of more than 95 s). So every note a node sends carries its own running count, and a
// node that hears a gap in another's count, or hears from a node it does not know (a new one,
// or one it forgot), asks that node for a snapshot of all its users' states, which replaces
// what it knew of it; a node that starts asks everyone at once ("hello"). The heartbeat keeps
// the counts moving, so a lost last note is noticed within one heartbeat.
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

    // Another node, as this one hears it.
    struct Peer
    {
        QElapsedTimer heard;
        qint64 lastNote = 0; // the count of its last note
        bool synced = false; // what we know of it is whole (no gap since its last snapshot)
        QElapsedTimer asked; // when we last asked it for a snapshot
        qint64 snapshot = 0; // the snapshot being received (the count of its first note)
        QHash<qint64, PresenceState> incoming; // that snapshot's states so far
    };

    void receive(const QJsonObject& note);
    void receiveUncounted(const QString& node, const QString& type, const QJsonObject& note);
    // Sends a note to the other nodes with this node's next count.
    void publish(QJsonObject note);
    void publishSnapshot();
    // One user's state on another node (offline: none) as a note or a snapshot says.
    void applyRemote(const QString& node, qint64 userId, PresenceState state);
    // A whole snapshot of another node: its users not in it are offline there.
    void replaceNode(const QString& node, const QHash<qint64, PresenceState>& states);
    void forgetSilentNodes();
    void forgetNode(const QString& node);

    NodeRelay& m_relay;
    QHash<ClientSession*, Session> m_sessions;
    QMultiHash<qint64, ClientSession*> m_byUser;
    QHash<qint64, QSet<ClientSession*>> m_watchers;
    // Other nodes: each user's combined state there, by node; what we know of each node.
    QHash<qint64, QHash<QString, PresenceState>> m_remote;
    QHash<QString, Peer> m_peers;
    qint64 m_notes = 0; // this node's notes so far
    QElapsedTimer m_snapshotSent;
    int m_heartbeatMs = 0;
    QTimer m_heartbeat;
};

} // namespace plein::server
