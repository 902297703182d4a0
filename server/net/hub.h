#pragma once

#include "net/clientsession.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace plein::server {

class EventLog;
struct StoredEvent;

// Every connected session, and live delivery: `pump()` reads the events committed since the
// last pump from the log (written by this node, another node or the command line) and pushes
// each one, encoded once, to the live sessions allowed to see it.
class Hub : public QObject
{
    Q_OBJECT

public:
    Hub(EventLog& events, ClientSession::Limits limits, QObject* parent = nullptr);

    ClientSession* addSession(QWebSocket* socket);
    void setUser(ClientSession* session);
    // Forgets the session's user (logout): it stays connected but receives nothing.
    void clearUser(ClientSession* session);
    int sessionCount() const { return int(m_sessions.size()); }
    int liveSessionCount() const;

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
    void closeUserSessions(qint64 userId, QWebSocketProtocol::CloseCode code,
                           const QString& reason);
    void removeSession(ClientSession* session);
    void checkIdle();

    EventLog& m_events;
    ClientSession::Limits m_limits;
    QSet<ClientSession*> m_sessions;
    QMultiHash<qint64, ClientSession*> m_byUser;
    qint64 m_lastPumped = 0;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    QTimer m_idleTimer;
};

} // namespace plein::server
