#pragma once

#include "capabilities/accounts/accountstore.h"
#include "core/audience.h"
#include "protocol/errorcode.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWebSocket>

#include <optional>

namespace plein::server {

// One WebSocket connection and what the server knows of it: handshake, the logged-in user,
// and whether it is live (caught up, so new events are pushed) with the last sequence number
// it was sent. Memory per session is bounded: when the socket's send buffer grows past
// `pauseBytes`, live pushes stop and the client is told to catch up from the log; past
// `dropBytes` the connection is closed.
class ClientSession : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 pauseBytes = 1 * 1024 * 1024;
        qint64 dropBytes = 8 * 1024 * 1024;
        int requestsPerSecond = 100; // sustained; bursts of twice this are fine
        // Count queued against written bytes (wss://, where bytesToWrite() misses what is
        // encrypted and waiting). Plain ws:// reads bytesToWrite(), which is exact and free.
        bool countWrites = false;
    };

    ClientSession(QWebSocket* socket, Limits limits, QObject* parent = nullptr);
    ~ClientSession() override;

    QWebSocket* socket() const { return m_socket; }
    QString peerAddress() const { return m_peerAddress; }
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }

    bool helloDone = false;
    // The features agreed at hello: what this client may be sent and may ask for.
    QSet<QString> features;
    std::optional<User> user;
    QString tokenHash;
    // The groups whose events this session receives (kept current by the hub as memberships
    // change), with each one's history rule for sync.since.
    QList<GroupReach> groups;
    bool loginPending = false;

    bool agrees(QLatin1StringView feature) const { return features.contains(QString(feature)); }
    // The reader of the event log this session is.
    Reader reader() const { return Reader {user ? user->id : 0, groups, features}; }

    bool isLive() const { return m_live; }
    qint64 cursor() const { return m_cursor; }
    // The client caught up to `cursor`: push what comes after it.
    void goLive(qint64 cursor);
    void pause() { m_live = false; }

    // Sends a response or push; false when the connection was closed for being too slow.
    bool send(const QByteArray& frame);
    void sendError(const QString& requestId, const protocol::Error& error);
    // Sends a passing signal (already encoded); dropped, not queued, for a client that is
    // behind, since a late typing notice is worth nothing.
    void sendText(const QString& frame, qint64 frameBytes);
    // Pushes an already encoded event frame (`frameBytes` long in UTF-8) and advances the cursor.
    void pushEvent(qint64 seq, const QString& frame, qint64 frameBytes);

    // True when this request is within the session's rate.
    bool admitRequest();
    // 0 when an ephemeral signal is within its own, lower rate (5 a second, bursts of 10);
    // otherwise the seconds to wait.
    int admitEphemeral();
    qint64 idleMilliseconds() const { return m_lastHeard.elapsed(); }
    void closeWith(QWebSocketProtocol::CloseCode code, const QString& reason);

    // Frames queued for this client and not yet written to the network, in bytes.
    qint64 unsentBytes() const;
    // Counts a ping the hub sends, so that the written count stays comparable.
    void countPing()
    {
        if (m_limits.countWrites)
            m_queued += 2;
    }

Q_SIGNALS:
    void frameReceived(ClientSession* session, const QByteArray& frame);
    void closed(ClientSession* session);

private:
    void countQueued(qint64 payloadBytes);

    QWebSocket* m_socket;
    qint64 m_queued = 0;
    qint64 m_written = 0;
    Limits m_limits;
    QString m_peerAddress;
    bool m_live = false;
    qint64 m_cursor = 0;
    QElapsedTimer m_lastHeard;
    double m_tokens = 0;
    QElapsedTimer m_refill;
    double m_signalTokens = 10;
    QElapsedTimer m_signalRefill;
};

} // namespace plein::server
