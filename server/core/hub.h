#pragma once

#include "core/clientsession.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace plein::server {

class EventHooks;
class EventLog;
class SessionHooks;
struct StoredEvent;

// Every connected session, and live delivery: `pump()` reads the events committed since the
// last pump from the log (written by this node, another node or the command line), runs the
// capabilities' hooks for each and pushes it, encoded once per wire shape, to the live
// sessions in its audience. Sessions are indexed by user and by group, so delivery to a group
// touches its members only.
class Hub : public QObject
{
    Q_OBJECT

public:
    Hub(EventLog& events, const EventHooks& hooks, const SessionHooks& sessionHooks,
        ClientSession::Limits limits, QObject* parent = nullptr);

    ClientSession* addSession(QWebSocket* socket);
    // Lists an authenticated session under its user and its groups.
    void setUser(ClientSession* session);
    // Forgets the session's user (logout): it stays connected but receives nothing.
    void clearUser(ClientSession* session);
    int sessionCount() const { return int(m_sessions.size()); }
    int liveSessionCount() const;
    QList<ClientSession*> sessionsOf(qint64 userId) const { return m_byUser.values(userId); }

    // Membership changes, effective for the user's open sessions from the next event on
    // (joining: the sessions that agreed on `feature`).
    void joinGroup(qint64 userId, const GroupReach& reach, QLatin1StringView feature);
    void leaveGroup(qint64 userId, qint64 groupId);
    // The group's history rule became "all": its members' sessions may read all of it.
    void openGroupHistory(qint64 groupId);
    // The last event delivered: sync.since reads up to here, the hub pushes what follows.
    qint64 lastPumped() const { return m_lastPumped; }
    // Closes every session of a user, or every one logged in with a token.
    void closeUserSessions(qint64 userId, QWebSocketProtocol::CloseCode code,
                           const QString& reason);
    void closeTokenSessions(const QString& tokenHash, QWebSocketProtocol::CloseCode code,
                            const QString& reason);

    // A passing signal (never stored) for the live sessions of a group's members, or of some
    // users, that agreed on every one of `features`; `except` is the sender's own session.
    void sendToGroup(qint64 groupId, const QStringList& features, const QByteArray& frame,
                     const ClientSession* except);
    void sendToUsers(const QList<qint64>& userIds, const QStringList& features,
                     const QByteArray& frame, const ClientSession* except);

    // Starts delivery after the current head (events already in the log are for sync.since).
    void start();
    void pump();
    // Closes every session with "going away".
    void closeAll(const QString& reason);

Q_SIGNALS:
    void sessionAdded(ClientSession* session);
    void allClosed();

private:
    void deliver(const StoredEvent& event);
    void removeSession(ClientSession* session);
    void unlistGroups(ClientSession* session);
    void checkIdle();
    // The session stops being its user's: the session hooks let go of it.
    void endUser(ClientSession* session);

    EventLog& m_events;
    const EventHooks& m_hooks;
    const SessionHooks& m_sessionHooks;
    ClientSession::Limits m_limits;
    QSet<ClientSession*> m_sessions;
    QMultiHash<qint64, ClientSession*> m_byUser;
    QMultiHash<qint64, ClientSession*> m_byGroup;
    qint64 m_lastPumped = 0;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    QTimer m_idleTimer;
};

} // namespace plein::server
