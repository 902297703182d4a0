#include "app/serverapp.h"

#include "auth/passwords.h"
#include "core/database.h"
#include "core/dispatcher.h"
#include "core/hub.h"
#include "core/readpool.h"
#include "core/servercore.h"
#include "http/httpside.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QWebSocketServer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcServer, "plein.server")

namespace plein::server {

namespace {

constexpr int sqlitePollMs = 250; // other processes (the command line) writing to SQLite
constexpr int postgresPollMs = 5000; // safety net behind LISTEN/NOTIFY
constexpr int housekeepingMs = 6 * 3600 * 1000;
constexpr int shutdownGraceMs = 5000;
// Closing waits until no frame arrived for drainQuietMs, at most drainMaxMs.
constexpr int drainPollMs = 20;
constexpr qint64 drainQuietMs = 150;
constexpr qint64 drainMaxMs = 2000;

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

ServerApp::ServerApp(ServerConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{ }

ServerApp::~ServerApp()
{
    m_http.reset();
    delete m_server;
    delete m_dispatcher;
    delete m_hub;
}

quint16 ServerApp::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

std::optional<QString> ServerApp::start()
{
    QString error;
    const auto location = DatabaseLocation::parse(m_config.database, m_config.dataDir, &error);
    if (!location)
        return error;
    m_db = std::make_unique<Database>();
    if (auto err = m_db->open(*location, m_config.sqliteSynchronousFull))
        return err;
    if (auto err = m_db->migrate())
        return err;
    m_core = std::make_unique<ServerCore>(*m_db, m_config.capabilitySettings());
    // Computed now, not on the first login for an unknown name, which would stall the loop.
    if (dummyPasswordHash().isEmpty())
        return QStringLiteral("cannot hash passwords: out of memory");

    // The HTTP side first: the hello answer tells its port. It listens before the WebSocket
    // side, so a client that learned of it can reach it.
    m_http
        = std::make_unique<HttpSide>(m_config.httpOptions(), *location,
                                     m_config.sqliteSynchronousFull, m_config.capabilitySettings());
    if (auto err = m_http->start())
        return err;
    std::printf("plein-server: http side on %s\n", qPrintable(m_http->listeningUrl()));
    std::fflush(stdout);

    ClientSession::Limits limits = m_config.limits;
    limits.countWrites = m_config.tlsEnabled();
    m_hub = new Hub(m_core->events, m_hooks, m_sessionHooks, limits);
    m_hub->start();
    m_dispatcher
        = new Dispatcher(*m_core, *m_hub, m_handlers,
                         DispatcherOptions {m_config.organisation, m_config.sessionIdleSeconds,
                                            m_config.batchMaxWrites, m_config.batchBudgetMs,
                                            m_http->port(), m_http->url()});
    // Searches wait here beyond what the threads work on; more are answered "busy".
    constexpr int readsQueued = 256;
    auto reads = std::make_unique<ReadPool>(*location, m_config.readThreads, readsQueued);
    if (auto err = reads->start())
        return err;
    m_dispatcher->setReadPool(std::move(reads));
    m_core->registerAll(m_handlers, m_hooks, m_sessionHooks);
    if (const QStringList missing = m_handlers.unhandled(); !missing.isEmpty())
        return QStringLiteral("no handler for %1").arg(missing.join(QStringLiteral(", ")));
    connect(m_hub, &Hub::sessionAdded, this, [this](ClientSession* session) {
        connect(session, &ClientSession::frameReceived, m_dispatcher, &Dispatcher::handleFrame);
    });

    connect(&m_pollTimer, &QTimer::timeout, m_hub, &Hub::pump);
    if (m_db->dialect().isPostgres()) {
        QSqlDriver* driver = m_db->db().driver();
        if (!driver->subscribeToNotification(QStringLiteral("plein_events")))
            qCWarning(lcServer) << "cannot LISTEN for other nodes' events; polling instead";
        if (!driver->subscribeToNotification(QStringLiteral("plein_ephemeral")))
            qCWarning(lcServer) << "cannot LISTEN for other nodes' signals";
        connect(
            driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                if (name == QLatin1StringView("plein_ephemeral"))
                    m_core->relay.receive(payload.toString().toUtf8());
                else
                    m_hub->pump();
            });
        // Ephemeral signals and presence cross nodes through the database too, but are never
        // stored.
        m_core->relay.setTransport([this](const QByteArray& note) {
            QSqlQuery q(m_db->db());
            q.prepare(QStringLiteral("SELECT pg_notify('plein_ephemeral', ?)"));
            q.addBindValue(QString::fromUtf8(note));
            if (!q.exec())
                qCWarning(lcServer) << "cannot pass a note to other nodes";
        });
        m_pollTimer.start(postgresPollMs);
    } else {
        m_pollTimer.start(sqlitePollMs);
    }

    connect(&m_housekeepingTimer, &QTimer::timeout, this, &ServerApp::housekeeping);
    m_housekeepingTimer.start(housekeepingMs);
    housekeeping();

    if (auto err = listen())
        return err;
    qCInfo(lcServer) << "serving" << location->describe();
    return std::nullopt;
}

std::optional<QString> ServerApp::listen()
{
    const bool secure = m_config.tlsEnabled();
    m_server = new QWebSocketServer(QStringLiteral("plein-server"),
                                    secure ? QWebSocketServer::SecureMode
                                           : QWebSocketServer::NonSecureMode);
    if (secure) {
        const auto certs = QSslCertificate::fromPath(m_config.tlsCertificate, QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("no PEM certificate in %1").arg(m_config.tlsCertificate);
        const auto key = readKey(m_config.tlsKey);
        if (!key)
            return QStringLiteral("no PEM private key (RSA or EC) in %1").arg(m_config.tlsKey);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(certs);
        tls.setPrivateKey(*key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        m_server->setSslConfiguration(tls);
    }
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QWebSocketServer::newConnection, this, [this]() {
        while (m_server->hasPendingConnections())
            m_hub->addSession(m_server->nextPendingConnection());
    });
    const QHostAddress address = m_config.listenAddress == QLatin1StringView("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(m_config.listenAddress);
    if (!m_server->listen(address, m_config.port))
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(m_config.listenAddress)
            .arg(m_config.port)
            .arg(m_server->errorString());
    const QString url = QStringLiteral("%1://%2:%3")
                            .arg(secure ? QStringLiteral("wss") : QStringLiteral("ws"),
                                 address.protocol() == QAbstractSocket::IPv6Protocol
                                     ? QStringLiteral("[%1]").arg(address.toString())
                                     : address.toString())
                            .arg(m_server->serverPort());
    // Scripts and tests read this line to learn the port when --port 0 was given.
    std::printf("plein-server: listening on %s\n", qPrintable(url));
    std::fflush(stdout);
    return std::nullopt;
}

void ServerApp::housekeeping()
{
    const auto now = QDateTime::currentDateTimeUtc();
    const QString eventCutoff
        = now.addDays(-m_config.eventRetentionDays).toString(Qt::ISODateWithMs);
    const QString writeCutoff
        = now.addDays(-m_config.clientWriteRetentionDays).toString(Qt::ISODateWithMs);
    auto pruned = m_core->writes.runUnlogged([&]() -> Result<QJsonObject> {
        auto events = m_core->events.pruneBefore(eventCutoff);
        if (!events)
            return events.error();
        auto writes = m_core->ledger.pruneBefore(writeCutoff);
        if (!writes)
            return writes.error();
        return QJsonObject {{QStringLiteral("events"), events.value()},
                            {QStringLiteral("writes"), writes.value()}};
    });
    if (!pruned)
        qCWarning(lcServer) << "housekeeping failed:" << pruned.error().message;
    else if (pruned->value(QLatin1StringView("events")).toInteger() > 0)
        qCInfo(lcServer) << "pruned" << pruned->value(QLatin1StringView("events")).toInteger()
                         << "events";
}

void ServerApp::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer) << "shutting down";
    if (m_server)
        m_server->close(); // stop accepting
    if (m_http)
        m_http->stop();
    m_pollTimer.stop();
    if (!m_dispatcher) {
        markStopped();
        return;
    }
    m_dispatcher->stopAccepting();
    // Writes run to their commit within one event-loop turn, so none is half-done here; logins
    // hash on a worker thread and are waited for.
    QTimer::singleShot(shutdownGraceMs, this, &ServerApp::finishShutdown);
    if (m_dispatcher->loginsInFlight() == 0)
        finishShutdown();
    else
        connect(m_dispatcher, &Dispatcher::loginsFinished, this, &ServerApp::finishShutdown);
}

void ServerApp::finishShutdown()
{
    if (m_finishing)
        return;
    m_finishing = true;
    // Read what the clients already sent (answering "unavailable") before closing: closing a
    // socket with unread bytes makes the kernel reset the connection, and a reset can destroy
    // answers the client has not read yet, including those of writes that committed.
    auto* drain = new QTimer(this);
    QElapsedTimer waited;
    waited.start();
    connect(drain, &QTimer::timeout, this, [this, drain, waited]() {
        if (m_dispatcher->quietMilliseconds() < drainQuietMs && waited.elapsed() < drainMaxMs)
            return;
        drain->deleteLater();
        m_hub->pump(); // deliver what was committed last
        connect(m_hub, &Hub::allClosed, this, &ServerApp::markStopped);
        QTimer::singleShot(shutdownGraceMs, this, &ServerApp::markStopped);
        m_hub->closeAll(QStringLiteral("server shutting down"));
    });
    drain->start(drainPollMs);
}

void ServerApp::markStopped()
{
    if (m_stopped)
        return;
    m_stopped = true;
    Q_EMIT stopped();
}

} // namespace plein::server
