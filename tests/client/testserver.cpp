#include "testserver.h"

#include "testdatabase.h"

#include <QRegularExpression>
#include <QSettings>

namespace plein::test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

namespace {

bool onPostgres()
{
    return qEnvironmentVariable("PLEIN_TEST_BACKEND") == QLatin1StringView("postgresql");
}

} // namespace

QString TestServer::backendMissing()
{
    if (!onPostgres() || postgresUrl() || postgresRequired())
        return {};
    return QStringLiteral("PLEIN_TEST_BACKEND=postgresql, but PLEIN_TEST_POSTGRES names no "
                          "database");
}

QString TestServer::backend()
{
    return onPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

bool TestServer::initialise()
{
    QStringList arguments {QStringLiteral("demo"), QStringLiteral("--data"), m_data.path()};
    QString database;
    if (onPostgres()) {
        // A fresh database for this suite (the suites that use it never run at once).
        const auto url = postgresUrl();
        if (!url) {
            m_error = QStringLiteral("PLEIN_TEST_BACKEND=postgresql needs PLEIN_TEST_POSTGRES");
            return false;
        }
        if (!resetPostgres(*url, &m_error))
            return false;
        database = *url;
        arguments << QStringLiteral("--database") << database;
    }
    QProcess demo;
    demo.start(QStringLiteral(PLEIN_SERVER_BINARY), arguments);
    if (!demo.waitForFinished(60000) || demo.exitCode() != 0) {
        m_error = QString::fromUtf8(demo.readAllStandardError());
        return false;
    }
    // Tests write thousands of posts quickly and need no power-cut safety.
    QSettings config(m_data.filePath(QStringLiteral("plein-server.conf")), QSettings::IniFormat);
    config.beginGroup(QStringLiteral("server"));
    config.setValue(QStringLiteral("requests_per_second"), 100000);
    config.setValue(QStringLiteral("sqlite_synchronous"), QStringLiteral("normal"));
    if (!database.isEmpty())
        config.setValue(QStringLiteral("database"), database);
    config.endGroup();
    config.sync();
    m_initialised = true;
    return true;
}

bool TestServer::start(quint16 port)
{
    if (!m_initialised && !initialise())
        return false;
    {
        // A restart on the same port takes the same HTTP port too (freed with the old
        // process), never port + 1, which another test's ephemeral port may hold by now.
        QSettings config(m_data.filePath(QStringLiteral("plein-server.conf")),
                         QSettings::IniFormat);
        config.beginGroup(QStringLiteral("server"));
        config.setValue(QStringLiteral("http_port"), port ? m_httpPort : 0);
        config.endGroup();
        config.sync();
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(
        QStringLiteral(PLEIN_SERVER_BINARY),
        {QStringLiteral("--data"), m_data.path(), QStringLiteral("--port"), QString::number(port)});
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (ws://\\S+)"));
    static const QRegularExpression http(QStringLiteral("http side on https?://[^\\s:]+:(\\d+)"));
    QByteArray out;
    for (int i = 0; i < 200 && m_process->state() == QProcess::Running; ++i) {
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            if (const auto h = http.match(QString::fromUtf8(out)); h.hasMatch())
                m_httpPort = quint16(h.captured(1).toUInt());
            return true;
        }
    }
    m_error = QString::fromUtf8(out + m_process->readAllStandardError());
    return false;
}

void TestServer::stop(bool crash)
{
    if (!m_process)
        return;
    if (crash)
        m_process->kill();
    else
        m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace plein::test
