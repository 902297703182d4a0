#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QRegularExpression>
#include <QSettings>

namespace plein::test {

ServerProcess::ServerProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    if (m_dataDir.isEmpty()) {
        m_temp = std::make_unique<QTemporaryDir>();
        m_dataDir = m_temp->path();
    }
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

int ServerProcess::command(const QStringList& args, const QByteArray& input, QByteArray* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(PLEIN_SERVER_BINARY),
            QStringList {QStringLiteral("--data"), m_dataDir} + m_extra + args);
    if (!p.waitForStarted(10000))
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return -1;
    if (output)
        *output = p.readAll();
    else
        qDebug().noquote() << QString::fromUtf8(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool ServerProcess::addUser(const QString& username, bool admin, const QString& password)
{
    QStringList args {QStringLiteral("user"),
                      QStringLiteral("add"),
                      username,
                      QStringLiteral("--password-stdin"),
                      QStringLiteral("--display-name"),
                      username.toUpper()};
    if (admin)
        args << QStringLiteral("--admin");
    QByteArray out;
    return command(args, password.toUtf8() + '\n', &out) == 0;
}

void ServerProcess::setConfig(const QString& key, const QString& value)
{
    QSettings s(QDir(m_dataDir).filePath(QStringLiteral("plein-server.conf")),
                QSettings::IniFormat);
    s.setValue(QStringLiteral("server/") + key, value);
}

bool ServerProcess::start(quint16 port)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this]() { m_log += m_process->readAllStandardError(); });
    m_process->start(QStringLiteral(PLEIN_SERVER_BINARY),
                     QStringList {QStringLiteral("--data"), m_dataDir, QStringLiteral("--port"),
                                  QString::number(port)}
                         + m_extra);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on wss?://[^:]+:(\\d+)"));
    static const QRegularExpression http(QStringLiteral("http side on https?://[^:]+:(\\d+)"));
    QByteArray out;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            m_httpPort = quint16(http.match(QString::fromUtf8(out)).captured(1).toUInt());
            return true;
        }
    }
    m_log += m_process->readAllStandardError();
    qWarning().noquote() << "plein-server did not start:" << QString::fromUtf8(out + m_log);
    return false;
}

bool ServerProcess::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    const bool finished = m_process->waitForFinished(15000);
    m_log += m_process->readAllStandardError();
    return finished && m_process->exitStatus() == QProcess::NormalExit
        && m_process->exitCode() == 0;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString ServerProcess::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(m_port);
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace plein::test
