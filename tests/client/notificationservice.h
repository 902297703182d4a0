#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

#include <optional>

namespace plein::test {

// A session bus of the test's own (a real dbus-daemon): the session bus of scripts/test.sh is
// shared by the suites running in parallel, whose windows notify too, and its activatable
// services could answer for a notification service a test says is missing. start() points
// DBUS_SESSION_BUS_ADDRESS at it, so call it before anything asks for the session bus.
class PrivateBus
{
public:
    PrivateBus() = default;
    ~PrivateBus();
    PrivateBus(const PrivateBus&) = delete;
    PrivateBus& operator=(const PrivateBus&) = delete;

    // An error text when the daemon cannot start (the package dbus is missing).
    std::optional<QString> start();
    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

// A notification service as a desktop runs one, on its own connection to the bus, so that the
// app's calls travel through the bus daemon as they do on a desktop. It records every Notify
// (with its replaces_id, actions and hints) and CloseNotification, and plays the person: a
// click (invoke()), a button (invoke(id, key)), a reply typed in the bubble (reply()), closing.
class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    static constexpr auto service = "org.freedesktop.Notifications";
    static constexpr auto path = "/org/freedesktop/Notifications";

    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0;
    };

    explicit NotificationService(QStringList capabilities);
    ~NotificationService() override;

    bool start(const QString& address);

    QList<Call> calls;
    // The ids CloseNotification was asked for, in order.
    QList<uint> closeRequests;
    // The keys of the newest call's buttons, without "default" (the click).
    QStringList buttonKeys() const;

    void invoke(uint id, const QString& key = QStringLiteral("default"))
    {
        Q_EMIT ActionInvoked(id, key);
    }
    void reply(uint id, const QString& text) { Q_EMIT NotificationReplied(id, text); }
    void close(uint id) { Q_EMIT NotificationClosed(id, 2); }

public Q_SLOTS:
    QStringList GetCapabilities() { return m_capabilities; }
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon,
                const QString& summary, const QString& body, const QStringList& actions,
                const QVariantMap& hints, int timeout);
    void CloseNotification(uint id);
    QString GetServerInformation(QString& vendor, QString& version, QString& specVersion);

Q_SIGNALS:
    void NotificationClosed(uint id, uint reason);
    void ActionInvoked(uint id, const QString& actionKey);
    // KDE Plasma's, with the "inline-reply" capability.
    void NotificationReplied(uint id, const QString& text);

private:
    QStringList m_capabilities;
    QDBusConnection m_connection {QString()};
    uint m_nextId = 1;
};

} // namespace plein::test
