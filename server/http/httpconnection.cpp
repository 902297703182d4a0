#include "http/httpconnection.h"

#include "http/httproutes.h"
#include "http/httpserver.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtConcurrent>

#include <sys/socket.h>

namespace plein::server {

namespace {

constexpr int tickMs = 250;
constexpr qint64 socketReadBuffer = 256 * 1024;
constexpr qint64 fileChunk = 64 * 1024;
constexpr qint64 writeAhead = 256 * 1024;
constexpr int lingerMs = 2000;
// A file answer checks again that it may go on after this many bytes or milliseconds.
constexpr qint64 recheckBytes = 4 * 1024 * 1024;
constexpr qint64 recheckMs = 2000;

bool isKnownMethod(const QByteArray& m)
{
    static const QByteArrayList known {"GET",    "HEAD",    "POST",  "PUT",    "PATCH",
                                       "DELETE", "OPTIONS", "TRACE", "CONNECT"};
    return known.contains(m);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpServer& server, QString address)
    : QObject(&server)
    , m_socket(socket)
    , m_server(server)
    , m_address(std::move(address))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(socketReadBuffer);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readMore);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) {
        m_written += n;
        if (m_phase == Phase::Writing)
            pumpFile();
    });
    if (auto* tls = qobject_cast<QSslSocket*>(m_socket)) {
        connect(tls, &QSslSocket::encryptedBytesWritten, this, [this](qint64) {
            if (m_phase == Phase::Writing)
                pumpFile();
        });
    }
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError || m_phase != Phase::Writing)
            close();
    });
    connect(&m_ticker, &QTimer::timeout, this, &HttpConnection::tick);
    m_ticker.start(tickMs);
    m_clock.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readMore, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_workGone) {
        *m_workGone = true;
        m_server.releaseWork(m_workUser);
    }
    m_server.releaseBody(m_reserved, m_reservedUser);
    m_server.connectionClosed(m_address);
}

void HttpConnection::close()
{
    if (m_phase == Phase::Closing && !m_socket->isOpen())
        return;
    m_phase = Phase::Closing;
    m_ticker.stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::readMore()
{
    switch (m_phase) {
    case Phase::Head:
    case Phase::Body:
        process();
        break;
    case Phase::Working:
    case Phase::Writing:
        break; // pipelined requests wait until this answer is sent
    case Phase::Closing:
        m_socket->readAll(); // discarded while the last answer lingers
        break;
    }
}

void HttpConnection::process()
{
    while (m_phase == Phase::Head || m_phase == Phase::Body) {
        if (m_phase == Phase::Head) {
            // Read at most what completes one head: what follows stays in the socket (and the
            // kernel) until this request is answered, so a client that pipelines without end
            // meets TCP back-pressure instead of growing our buffer.
            const qsizetype limit = qsizetype(m_server.options().head.maxHeadBytes) + 1;
            if (m_buffer.size() < limit && m_socket->bytesAvailable() > 0)
                m_buffer += m_socket->read(limit - m_buffer.size());
            if (m_buffer.isEmpty())
                return;
            if (!m_headStarted) {
                m_headStarted = true;
                m_clock.restart();
            }
            const auto state = m_scanner.scan(m_buffer, m_server.options().head);
            if (state == HeadScanner::State::NeedMore) {
                if (m_buffer.size() < limit && m_socket->bytesAvailable() > 0)
                    continue;
                return;
            }
            if (state == HeadScanner::State::Refused) {
                HttpResponse r
                    = HttpResponse::error(m_scanner.refusal().status, QStringLiteral("bad_request"),
                                          QString::fromLatin1(m_scanner.refusal().message));
                r.close = true;
                answer(std::move(r));
                return;
            }
            const qsizetype length = m_scanner.headLength();
            auto parsed
                = parseHead(QByteArrayView(m_buffer).first(length), m_server.options().head);
            m_buffer.remove(0, length);
            m_scanner.reset();
            if (auto* refusal = std::get_if<HeadRefusal>(&parsed)) {
                HttpResponse r = HttpResponse::error(refusal->status, QStringLiteral("bad_request"),
                                                     QString::fromLatin1(refusal->message));
                r.close = true;
                answer(std::move(r));
                return;
            }
            startRequest(std::move(std::get<HttpHead>(parsed)));
            continue;
        }
        // Body: take what the buffer holds, then read from the socket, never past the body.
        const qint64 missing = m_bodyLength - m_request.body.size();
        if (missing > 0 && !m_buffer.isEmpty()) {
            const qsizetype take = qsizetype(std::min<qint64>(missing, m_buffer.size()));
            m_request.body += QByteArrayView(m_buffer).first(take);
            m_buffer.remove(0, take);
        }
        const qint64 stillMissing = m_bodyLength - m_request.body.size();
        if (const qint64 now = std::min(stillMissing, m_socket->bytesAvailable()); now > 0) {
            // Straight into the body, reserved at its length when the head came: no buffer
            // of the whole remainder per read.
            const qsizetype at = m_request.body.size();
            m_request.body.resize(at + qsizetype(now));
            const qint64 got = m_socket->read(m_request.body.data() + at, now);
            m_request.body.resize(at + qsizetype(std::max<qint64>(got, 0)));
        }
        if (m_request.body.size() < m_bodyLength)
            return;
        finishBody();
    }
}

void HttpConnection::startRequest(HttpHead head)
{
    m_request = HttpRequest();
    m_request.addressKey = m_address;
    m_request.segments = pathSegments(head.path);
    bool closeAsked = false;
    for (const QByteArray& token : head.header("connection").toLower().split(','))
        closeAsked = closeAsked || token.trimmed() == "close";
    m_keepAlive = head.minorVersion == 1 && !closeAsked;
    const QByteArray expect = head.header("expect").toLower();
    const bool hasLength = head.count("content-length") == 1;
    m_bodyLength = hasLength ? head.header("content-length").toLongLong() : 0;
    m_request.head = std::move(head);
    const HttpHead& h = m_request.head;

    // Any refusal below is sent before a byte of the body is read; when a body was announced
    // the connection then closes, since what follows on it is that unread body.
    const auto refuse = [this](HttpResponse r) {
        if (m_bodyLength > 0)
            r.close = true;
        answer(std::move(r));
    };
    if (!isKnownMethod(h.method))
        return refuse(HttpResponse::error(501, QStringLiteral("bad_request"),
                                          QStringLiteral("unknown method")));
    if (!expect.isEmpty() && expect != "100-continue")
        return refuse(HttpResponse::error(417, QStringLiteral("bad_request"),
                                          QStringLiteral("only Expect: 100-continue is known")));
    if (!hasLength && (h.method == "POST" || h.method == "PUT" || h.method == "PATCH"))
        return refuse(HttpResponse::error(411, QStringLiteral("bad_request"),
                                          QStringLiteral("Content-Length is required")));
    const auto match = m_server.routes().find(h.method, m_request.segments);
    if (!match.route) {
        if (match.allowed.isEmpty())
            return refuse(HttpResponse::error(404, QStringLiteral("not_found"),
                                              QStringLiteral("no such resource")));
        HttpResponse r = HttpResponse::error(405, QStringLiteral("bad_request"),
                                             QStringLiteral("method not allowed here"));
        r.set("Allow", match.allowed.join(", "));
        return refuse(std::move(r));
    }
    const HttpRoutes::Route& route = *match.route;
    if (route.needsUser) {
        m_request.user = m_server.authenticate(h.header("authorization"));
        if (!m_request.user) {
            HttpResponse r = HttpResponse::error(
                401, QStringLiteral("unauthorized"),
                QStringLiteral("a valid session token is required (Authorization: Bearer)"));
            r.set("WWW-Authenticate", "Bearer");
            return refuse(std::move(r));
        }
        if (const int wait = m_server.takeRequest(m_request.user->id)) {
            HttpResponse r = HttpResponse::error(
                429, QStringLiteral("rate_limited"),
                QStringLiteral("too many requests; try again in %1 s").arg(wait));
            r.set("Retry-After", QByteArray::number(wait));
            return refuse(std::move(r));
        }
    }
    if (m_bodyLength > route.maxBodyBytes)
        return refuse(HttpResponse::error(
            413, QStringLiteral("too_large"),
            QStringLiteral("the body may hold at most %1 bytes").arg(route.maxBodyBytes)));
    if (route.screen) {
        if (auto r = route.screen(m_request))
            return refuse(std::move(*r));
    }
    const qint64 userId = m_request.user ? m_request.user->id : 0;
    if (!m_server.reserveBody(m_bodyLength, userId)) {
        HttpResponse r = HttpResponse::error(503, QStringLiteral("unavailable"),
                                             QStringLiteral("the server is busy; try again"));
        r.set("Retry-After", "1");
        return refuse(std::move(r));
    }
    m_reserved = m_bodyLength;
    m_reservedUser = userId;
    m_route = &route;
    if (expect == "100-continue" && m_bodyLength > 0 && h.minorVersion == 1)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_request.body.reserve(qsizetype(m_bodyLength));
    m_phase = Phase::Body;
    m_clock.restart();
}

void HttpConnection::finishBody()
{
    const auto* route = static_cast<const HttpRoutes::Route*>(m_route);
    HttpResponse r = route->handler(m_request);
    m_request.body = QByteArray();
    m_server.releaseBody(m_reserved, m_reservedUser);
    m_reserved = 0;
    if (r.deferred)
        return work(std::move(r.deferred));
    answer(std::move(r));
}

void HttpConnection::work(std::function<HttpResponse()> deferred)
{
    const qint64 user = m_request.user ? m_request.user->id : 0;
    if (!m_server.reserveWork(user)) {
        HttpResponse r = HttpResponse::error(503, QStringLiteral("unavailable"),
                                             QStringLiteral("the server is busy; try again"));
        r.set("Retry-After", "1");
        return answer(std::move(r));
    }
    m_workGone = std::make_shared<std::atomic_bool>(false);
    m_workUser = user;
    m_phase = Phase::Working;
    m_clock.restart();
    // The watcher belongs to this connection: when the connection goes first (the client
    // left), the answer is dropped with it, and work that has not begun is skipped.
    auto* watcher = new QFutureWatcher<HttpResponse>(this);
    connect(watcher, &QFutureWatcher<HttpResponse>::finished, this, [this, watcher]() {
        watcher->deleteLater();
        m_workGone.reset();
        m_server.releaseWork(m_workUser);
        m_workUser = -1;
        if (m_phase == Phase::Working)
            answer(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_server.workers(),
                                         [deferred = std::move(deferred), gone = m_workGone]() {
                                             if (*gone)
                                                 return HttpResponse {};
                                             HttpResponse r = deferred();
                                             r.deferred = nullptr;
                                             return r;
                                         }));
}

void HttpConnection::answer(HttpResponse response)
{
    if (!response.filePath.isEmpty() && !response.file) {
        auto file = std::make_shared<QFile>(response.filePath);
        if (file->open(QIODevice::ReadOnly)) {
            response.fileLength = file->size() - response.fileOffset;
            response.file = std::move(file);
        } else {
            response = HttpResponse::error(503, QStringLiteral("unavailable"),
                                           QStringLiteral("the file cannot be read now"));
        }
    }
    m_response = std::move(response);
    m_closeAfter = m_response.close || !m_keepAlive;
    const bool headOnly = m_request.head.method == "HEAD";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' '
        + reasonPhrase(m_response.status) + "\r\n";
    bool hasLength = false;
    for (const auto& [name, value] : m_response.headers) {
        hasLength = hasLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        out += name + ": " + value + "\r\n";
    }
    // A 204 carries neither a body nor Content-Length (RFC 9110 8.6).
    if (!hasLength && m_response.status != 204)
        out += "Content-Length: " + QByteArray::number(m_response.contentLength()) + "\r\n";
    out += m_closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!headOnly && !m_response.file)
        out += m_response.body;
    if (headOnly)
        m_response.file.reset();
    m_response.body = QByteArray();
    m_fileSent = 0;
    m_written = 0;
    m_checkedAt = 0;
    m_checkClock.start();
    m_phase = Phase::Writing;
    m_clock.restart();
    m_socket->write(out);
    pumpFile();
}

void HttpConnection::pumpFile()
{
    if (m_response.file && m_response.stillAllowed
        && (m_fileSent - m_checkedAt >= recheckBytes || m_checkClock.elapsed() >= recheckMs)) {
        m_checkedAt = m_fileSent;
        m_checkClock.restart();
        const auto user = m_server.authenticate(m_request.head.header("authorization"));
        if (!user || !m_response.stillAllowed(*user)) {
            m_response.file.reset();
            return close();
        }
    }
    if (m_response.file) {
        while (m_fileSent < m_response.fileLength && m_socket->bytesToWrite() < writeAhead) {
            if (m_fileSent == 0 && !m_response.file->seek(m_response.fileOffset)) {
                m_response.file.reset();
                return close();
            }
            const QByteArray piece
                = m_response.file->read(std::min(fileChunk, m_response.fileLength - m_fileSent));
            if (piece.isEmpty()) {
                // The file ended early (it should not): the length was promised, so close.
                m_response.file.reset();
                return close();
            }
            m_fileSent += piece.size();
            m_socket->write(piece);
        }
        if (m_fileSent >= m_response.fileLength)
            m_response.file.reset();
    }
    if (!m_response.file && m_socket->bytesToWrite() == 0) {
        auto* tls = qobject_cast<QSslSocket*>(m_socket);
        if (!tls || tls->encryptedBytesToWrite() == 0)
            answered();
    }
}

void HttpConnection::answered()
{
    if (m_closeAfter)
        return closeGracefully();
    m_phase = Phase::Head;
    m_headStarted = false;
    m_clock.restart();
    m_request = HttpRequest();
    // A pipelined request may already wait in the socket.
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readMore, Qt::QueuedConnection);
}

void HttpConnection::closeGracefully()
{
    // Closing with unread bytes makes the kernel send a reset, which can destroy the answer
    // before the client read it: stop sending, read and drop what still comes for a moment.
    m_phase = Phase::Closing;
    m_ticker.stop();
    m_buffer.clear();
    if (qobject_cast<QSslSocket*>(m_socket))
        m_socket->disconnectFromHost();
    else
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->readAll();
    QTimer::singleShot(lingerMs, this, [this]() {
        m_socket->abort();
        deleteLater();
    });
}

void HttpConnection::tick()
{
    const HttpOptions& o = m_server.options();
    const qint64 elapsed = m_clock.elapsed();
    const auto tooSlow = [&](qint64 done) {
        return elapsed > o.rateGraceMs
            && done * 1000 < o.minBytesPerSecond * (elapsed - o.rateGraceMs);
    };
    switch (m_phase) {
    case Phase::Head:
        if (!m_headStarted) {
            if (elapsed > o.idleTimeoutMs)
                close();
        } else if (elapsed > o.headTimeoutMs) {
            HttpResponse r
                = HttpResponse::error(408, QStringLiteral("bad_request"),
                                      QStringLiteral("the request head came too slowly"));
            r.close = true;
            answer(std::move(r));
        }
        break;
    case Phase::Body:
        if (tooSlow(m_request.body.size()) || elapsed > o.bodyTimeoutMs) {
            HttpResponse r
                = HttpResponse::error(408, QStringLiteral("bad_request"),
                                      QStringLiteral("the request body came too slowly"));
            r.close = true;
            m_request.body = QByteArray();
            m_server.releaseBody(m_reserved, m_reservedUser);
            m_reserved = 0;
            answer(std::move(r));
        }
        break;
    case Phase::Working:
        break; // the worker's own limits bound it (a thumbnail's pixel limit)
    case Phase::Writing:
        if (tooSlow(m_written))
            close(); // the client does not read its answer
        else if (m_response.file && m_response.stillAllowed)
            pumpFile(); // a client reading slowly is checked on too
        break;
    case Phase::Closing:
        break;
    }
}

} // namespace plein::server
