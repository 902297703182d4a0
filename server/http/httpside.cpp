#include "http/httpside.h"

#include "core/servercore.h"
#include "http/httproutes.h"
#include "http/httpserver.h"

#include <QFile>
#include <QHostAddress>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslKey>

namespace plein::server {

namespace {

std::optional<QSslKey> readKey(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray pem = f.readAll();
    for (auto algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

} // namespace

// Everything that lives on the HTTP thread; made and destroyed there.
struct HttpSide::Worker
{
    Database db;
    std::unique_ptr<ServerCore> core;
    HttpRoutes routes;
    std::unique_ptr<HttpServer> server;
};

HttpSide::HttpSide(HttpOptions options, DatabaseLocation database, bool sqliteSynchronousFull,
                   QVariantHash settings)
    : m_options(std::move(options))
    , m_database(std::move(database))
    , m_sqliteSynchronousFull(sqliteSynchronousFull)
    , m_settings(std::move(settings))
{
    m_thread.setObjectName(QStringLiteral("plein-http"));
}

HttpSide::~HttpSide()
{
    stop();
}

std::optional<QString> HttpSide::start()
{
    m_thread.start();
    std::optional<QString> error;
    QSemaphore done;
    auto* context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(context, [&, context]() {
        delete context;
        auto w = std::make_unique<Worker>();
        if (auto e = w->db.open(m_database, m_sqliteSynchronousFull)) {
            error = e;
            done.release();
            return;
        }
        w->core = std::make_unique<ServerCore>(w->db, m_settings);
        w->core->registerHttpRoutes(w->routes);
        w->server = std::make_unique<HttpServer>(m_options, w->routes, w->core->accounts);
        if (!m_options.tlsCertificate.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(m_options.tlsCertificate, QSsl::Pem);
            const auto key = readKey(m_options.tlsKey);
            if (certs.isEmpty() || !key) {
                error = QStringLiteral("cannot read the TLS certificate or key for HTTP");
                done.release();
                return;
            }
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setLocalCertificateChain(certs);
            tls.setPrivateKey(*key);
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            tls.setProtocol(QSsl::TlsV1_2OrLater);
            w->server->setTls(tls);
        }
        const QHostAddress address = m_options.listenAddress == QLatin1StringView("localhost")
            ? QHostAddress(QHostAddress::LocalHost)
            : QHostAddress(m_options.listenAddress);
        w->server->setMaxPendingConnections(1024);
        if (!w->server->listen(address, m_options.port)) {
            error = QStringLiteral("cannot listen for HTTP on %1:%2: %3")
                        .arg(m_options.listenAddress)
                        .arg(m_options.port)
                        .arg(w->server->errorString());
            done.release();
            return;
        }
        m_port = w->server->serverPort();
        m_worker = w.release();
        done.release();
    });
    done.acquire();
    if (error) {
        m_thread.quit();
        m_thread.wait();
    }
    return error;
}

QString HttpSide::url() const
{
    // Without a public address clients use the host they reached the WebSocket on, with the
    // port: our own listening address (a loopback one behind a proxy, or every address) would
    // mean nothing on their machine, or worse, their own.
    return m_options.publicUrl;
}

QString HttpSide::listeningUrl() const
{
    const QHostAddress address(m_options.listenAddress == QLatin1StringView("localhost")
                                   ? QStringLiteral("127.0.0.1")
                                   : m_options.listenAddress);
    return QStringLiteral("%1://%2:%3")
        .arg(m_options.tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"),
             address.protocol() == QAbstractSocket::IPv6Protocol
                 ? QStringLiteral("[%1]").arg(address.toString())
                 : address.toString())
        .arg(m_port);
}

void HttpSide::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_worker) {
        auto* context = new QObject;
        context->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            context,
            [this, context]() {
                delete context;
                delete m_worker; // connections are children of the server: closed with it
                m_worker = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

} // namespace plein::server
