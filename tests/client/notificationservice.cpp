#include "notificationservice.h"

#include <QFile>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace plein::test {

namespace {

const QString connectionName = QStringLiteral("notification-service");

} // namespace

PrivateBus::~PrivateBus()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }
}

std::optional<QString> PrivateBus::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
               "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
               "<allow own=\"*\"/><allow receive_sender=\"*\"/></policy></busconfig>\n");
    file.close();
#ifdef Q_OS_LINUX
    // The daemon goes with the test, even one that crashes.
    m_daemon.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_daemon.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                    QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted(10000) || !m_daemon.waitForReadyRead(10000)) {
        return QStringLiteral("cannot start dbus-daemon (%1): install the package dbus "
                              "(scripts/debian-packages.txt)")
            .arg(m_daemon.errorString());
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty())
        return QStringLiteral("dbus-daemon said no address");
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    return std::nullopt;
}

NotificationService::NotificationService(QStringList capabilities)
    : m_capabilities(std::move(capabilities))
{ }

NotificationService::~NotificationService()
{
    m_connection.unregisterService(QString::fromLatin1(service));
    m_connection.unregisterObject(QString::fromLatin1(path));
    QDBusConnection::disconnectFromBus(connectionName);
}

bool NotificationService::start(const QString& address)
{
    m_connection = QDBusConnection::connectToBus(address, connectionName);
    return m_connection.isConnected()
        && m_connection.registerObject(QString::fromLatin1(path), this,
                                       QDBusConnection::ExportAllSlots
                                           | QDBusConnection::ExportAllSignals)
        && m_connection.registerService(QString::fromLatin1(service));
}

QStringList NotificationService::buttonKeys() const
{
    QStringList keys;
    if (calls.isEmpty())
        return keys;
    const QStringList& actions = calls.last().actions;
    for (qsizetype i = 0; i + 1 < actions.size(); i += 2) {
        if (actions.at(i) != QLatin1StringView("default"))
            keys.append(actions.at(i));
    }
    return keys;
}

uint NotificationService::Notify(const QString& appName, uint replacesId, const QString& appIcon,
                                 const QString& summary, const QString& body,
                                 const QStringList& actions, const QVariantMap& hints, int timeout)
{
    const uint id = replacesId != 0 ? replacesId : m_nextId++;
    calls.append({appName, replacesId, appIcon, summary, body, actions, hints, timeout, id});
    return id;
}

void NotificationService::CloseNotification(uint id)
{
    closeRequests.append(id);
    close(id);
}

QString NotificationService::GetServerInformation(QString& vendor, QString& version,
                                                  QString& specVersion)
{
    vendor = QStringLiteral("Plein tests");
    version = QStringLiteral("1");
    specVersion = QStringLiteral("1.2");
    return QStringLiteral("plein tests");
}

} // namespace plein::test
