#include "http/httpserver.h"

#include "auth/passwords.h"
#include "core/database.h"
#include "http/httpconnection.h"
#include "protocol/limits.h"

#include <QDateTime>
#include <QSslSocket>

#include <algorithm>
#include <cmath>

namespace plein::server {

namespace {

constexpr qint64 touchEveryMs = 60 * 1000;

void refuseAndClose(QTcpSocket* socket)
{
    // Full: answered at once, before anything is read, and closed.
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\n"
                  "Connection: close\r\n\r\n");
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

} // namespace

HttpServer::HttpServer(const HttpOptions& options, const HttpRoutes& routes, AccountStore& accounts,
                       QObject* parent)
    : QTcpServer(parent)
    , m_options(options)
    , m_routes(routes)
    , m_accounts(accounts)
{
    m_workers.setMaxThreadCount(2);
    m_workers.setObjectName(QStringLiteral("plein-http-work"));
}

HttpServer::~HttpServer()
{
    // Before the members they report to are gone.
    qDeleteAll(findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly));
    // Work that has not begun is dropped (its connections are gone); work running uses what
    // the routes were given (the thumbnails' folder): it ends before the HTTP side does.
    m_workers.clear();
    m_workers.waitForDone();
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = m_secure ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    // Everyone behind a trusted proxy comes from its address: only the cap in all holds for
    // it, and its connections are not counted against its address (or its IPv6 /64).
    const bool proxy = isTrustedProxy(peer);
    const QString key = proxy ? QString() : addressKey(peer);
    const int perAddress = proxy ? 0 : m_perAddress.value(key);
    if (m_connections >= m_options.maxConnections
        || (!proxy && perAddress >= m_options.connectionsPerAddress)) {
        if (m_secure)
            socket->abort(), socket->deleteLater(); // no handshake for a refused connection
        else
            refuseAndClose(socket);
        return;
    }
    if (!proxy)
        ++m_perAddress[key];
    ++m_connections;
    if (m_secure) {
        auto* tls = static_cast<QSslSocket*>(socket);
        tls->setSslConfiguration(m_tls);
        tls->startServerEncryption();
    }
    new HttpConnection(socket, *this, key);
}

bool HttpServer::isTrustedProxy(const QHostAddress& peer) const
{
    // Strictly: 127.0.0.1 is not ::1, and a link-local address is one of its interface only.
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    const QHostAddress plain = mapped ? QHostAddress(v4) : peer;
    return std::any_of(m_options.trustedProxies.cbegin(), m_options.trustedProxies.cend(),
                       [&plain](const QHostAddress& p) {
                           return p.isEqual(plain, QHostAddress::StrictConversion)
                               && p.scopeId() == plain.scopeId();
                       });
}

QString HttpServer::addressKey(const QHostAddress& address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

void HttpServer::connectionClosed(const QString& address)
{
    --m_connections;
    if (address.isEmpty())
        return; // a trusted proxy's, not counted
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

std::optional<User> HttpServer::authenticate(const QByteArray& authorization)
{
    static const QByteArray scheme("bearer ");
    if (authorization.size() <= scheme.size()
        || !authorization.first(scheme.size()).toLower().startsWith(scheme))
        return std::nullopt;
    const QByteArray token = authorization.sliced(scheme.size()).trimmed();
    if (token.isEmpty() || token.size() > protocol::maxTokenChars)
        return std::nullopt;
    const QString hash = hashToken(QString::fromLatin1(token));
    const auto now = QDateTime::currentDateTimeUtc();
    const QString cutoff = now.addSecs(-m_options.sessionIdleSeconds).toString(Qt::ISODateWithMs);
    // The session is read on every request (a revoked token fails at once) but written to at
    // most once a minute per session.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const bool touch = nowMs - m_touched.value(hash, 0) >= touchEveryMs;
    auto user = m_accounts.userForToken(hash, cutoff, touch);
    if (user && touch) {
        if (m_touched.size() > 100000)
            m_touched.clear();
        m_touched.insert(hash, nowMs);
    }
    return user;
}

int HttpServer::takeRequest(qint64 userId)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto it = m_buckets.find(userId);
    if (it == m_buckets.end())
        it = m_buckets.insert(userId, Bucket {double(m_options.userBurst), nowMs});
    Bucket& b = it.value();
    b.tokens = std::min(double(m_options.userBurst),
                        b.tokens + (nowMs - b.lastMs) * m_options.userRequestsPerSecond / 1000.0);
    b.lastMs = nowMs;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return std::max(1, int(std::ceil((1 - b.tokens) / m_options.userRequestsPerSecond)));
}

namespace {

constexpr int workPerUser = 2;
constexpr int workInAll = 32;

} // namespace

bool HttpServer::reserveWork(qint64 userId)
{
    if (m_work >= workInAll || m_userWork.value(userId) >= workPerUser)
        return false;
    ++m_work;
    ++m_userWork[userId];
    return true;
}

void HttpServer::releaseWork(qint64 userId)
{
    --m_work;
    auto it = m_userWork.find(userId);
    if (it != m_userWork.end() && --it.value() <= 0)
        m_userWork.erase(it);
}

bool HttpServer::reserveBody(qint64 bytes, qint64 userId)
{
    if (bytes <= 0)
        return true;
    if (m_bodyBytes + bytes > m_options.bodyBudgetBytes)
        return false;
    if (userId && m_userBodies.value(userId) >= m_options.bodiesPerUser)
        return false;
    m_bodyBytes += bytes;
    if (userId)
        ++m_userBodies[userId];
    return true;
}

void HttpServer::releaseBody(qint64 bytes, qint64 userId)
{
    if (bytes <= 0)
        return;
    m_bodyBytes -= bytes;
    auto it = m_userBodies.find(userId);
    if (it != m_userBodies.end() && --it.value() <= 0)
        m_userBodies.erase(it);
}

} // namespace plein::server
