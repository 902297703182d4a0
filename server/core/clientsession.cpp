#include "core/clientsession.h"

#include "capabilities/session/sessionprotocol.h"
#include "protocol/envelope.h"
#include "protocol/limits.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSession, "plein.server.session")

namespace plein::server {

ClientSession::ClientSession(QWebSocket* socket, Limits limits, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_peerAddress(socket->peerAddress().toString())
    , m_tokens(2.0 * limits.requestsPerSecond)
{
    m_socket->setParent(this);
    // Frames a little over the limit get a readable too_large error from the decoder; up to
    // closeFrameBytes they are read to their end and answered with close code 1009. Qt itself
    // cuts off larger ones, closing the socket with their bytes unread, which the peer sees as
    // a reset: reading them first is what lets the close frame arrive.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(protocol::closeFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(protocol::closeFrameBytes));
    // What the socket has written to the network, to count what is still waiting (see
    // unsentBytes()).
    if (m_limits.countWrites)
        connect(m_socket, &QWebSocket::bytesWritten, this,
                [this](qint64 bytes) { m_written += bytes; });
    m_lastHeard.start();
    m_refill.start();
    m_signalRefill.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& message) {
        m_lastHeard.restart();
        const QByteArray frame = message.toUtf8();
        if (frame.size() > 2 * protocol::maxFrameBytes) {
            closeWith(QWebSocketProtocol::CloseCodeTooMuchData,
                      QStringLiteral("frame far over the limit"));
            return;
        }
        Q_EMIT frameReceived(this, frame);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray&) {
        m_lastHeard.restart();
        sendError(QString(),
                  protocol::Error {protocol::ErrorCode::BadRequest,
                                   QStringLiteral("frames are UTF-8 JSON text, not binary")});
    });
    connect(m_socket, &QWebSocket::pong, this,
            [this](quint64, const QByteArray&) { m_lastHeard.restart(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this]() { Q_EMIT closed(this); });
}

ClientSession::~ClientSession() = default;

qint64 ClientSession::unsentBytes() const
{
    // Over wss:// the WebSocket's bytesToWrite() counts only what is not encrypted yet, and the
    // encrypted bytes waiting underneath are out of reach; so count what was queued against
    // what the socket reports written, and take the larger of the two measures.
    if (!m_limits.countWrites)
        return m_socket->bytesToWrite();
    return std::max(m_queued - m_written, m_socket->bytesToWrite());
}

void ClientSession::countQueued(qint64 payloadBytes)
{
    if (!m_limits.countWrites)
        return;
    // Server frames are not masked: a 2, 4 or 10 byte header per frame of at most
    // outgoingFrameSize() bytes.
    const qint64 frameSize = qint64(m_socket->outgoingFrameSize());
    qint64 left = payloadBytes;
    do {
        const qint64 chunk = std::min(left, frameSize);
        m_queued += chunk + (chunk < 126 ? 2 : chunk < 65536 ? 4 : 10);
        left -= chunk;
    } while (left > 0);
}

void ClientSession::goLive(qint64 cursor)
{
    m_cursor = std::max(m_cursor, cursor);
    m_live = true;
}

bool ClientSession::send(const QByteArray& frame)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (unsentBytes() > m_limits.dropBytes) {
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated,
                  QStringLiteral("connection too slow: the client does not read"));
        return false;
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    countQueued(frame.size());
    m_socket->flush();
    return true;
}

void ClientSession::sendError(const QString& requestId, const protocol::Error& error)
{
    send(protocol::encodeError(requestId, error));
}

void ClientSession::pushEvent(qint64 seq, const QString& frame, qint64 frameBytes)
{
    if (!m_live || seq <= m_cursor || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (unsentBytes() > m_limits.pauseBytes) {
        // Stop buffering: the client catches up from the log once it has read what it has.
        m_live = false;
        qCInfo(lcSession) << "session of" << (user ? user->username : QString()) << "fell behind at"
                          << m_cursor;
        send(protocol::encodePush(protocol::session::SyncBehind,
                                  QJsonObject {{QStringLiteral("head"), seq}}));
        return;
    }
    m_socket->sendTextMessage(frame);
    countQueued(frameBytes);
    // Write now rather than arm a write notifier and wait for the next event-loop pass: with
    // thousands of sockets that round trip costs more than the write itself.
    m_socket->flush();
    m_cursor = seq;
}

void ClientSession::sendText(const QString& frame, qint64 frameBytes)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState || unsentBytes() > m_limits.pauseBytes)
        return;
    m_socket->sendTextMessage(frame);
    countQueued(frameBytes);
    m_socket->flush();
}

bool ClientSession::admitRequest()
{
    const double rate = m_limits.requestsPerSecond;
    m_tokens = std::min(2.0 * rate, m_tokens + rate * double(m_refill.restart()) / 1000.0);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

int ClientSession::admitEphemeral()
{
    constexpr double rate = 5.0;
    m_signalTokens
        = std::min(2.0 * rate, m_signalTokens + rate * double(m_signalRefill.restart()) / 1000.0);
    if (m_signalTokens < 1.0)
        return 1;
    m_signalTokens -= 1.0;
    return 0;
}

void ClientSession::closeWith(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    m_live = false;
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->close(code, reason);
    else
        m_socket->abort();
}

} // namespace plein::server
