#pragma once

#include "shell/notificationmodel.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QDBusPendingCallWatcher;

namespace plein::app {

class TrayIcon;

// Shows notifications on the desktop through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus), so desktops without a tray get them too;
// the tray's message is the fallback when no service answers, and nothing shows when there is
// neither. A flood is collapsed: while a bubble of a kind is still up, the next one of that
// kind replaces it ("3 new replies"). Clicking a bubble (its "default" action) says which
// notification to open. What notifies at all is the caller's decision (NotificationSettings).
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr auto service = "org.freedesktop.Notifications";
    static constexpr auto path = "/org/freedesktop/Notifications";
    // A bubble older than this is left alone: a new one starts instead of replacing it.
    static constexpr int collapseMs = 30000;

    enum class Route { Service, Tray, None };
    Q_ENUM(Route)

    // `tray` is the fallback (nullptr: none).
    explicit DesktopNotifier(TrayIcon* tray, QObject* parent = nullptr);

    // `silent`: ask the service not to play a sound.
    void notify(const NotificationModel::Notification& notification, bool silent = false);

    // What the service said it can do (GetCapabilities); empty until it answered.
    QStringList capabilities() const { return m_capabilities; }
    bool isServiceAvailable() const { return m_state == State::Available; }
    // Whether the last attempt found no service on the bus (or no bus).
    bool isServiceMissing() const { return m_missing; }
    // Asks the service for its capabilities; capabilitiesChanged() follows the answer.
    void probe();

Q_SIGNALS:
    // The person clicked the bubble of the notification stored as `id` (0 for a collapsed one)
    // that leads to `link`.
    void activated(qint64 id, const QUrl& link);
    // A notification went out, and how.
    void shown(plein::app::DesktopNotifier::Route route, const QString& summary);
    void capabilitiesChanged();

private Q_SLOTS:
    // Connected by name: QtDBus delivers bus signals to slots only.
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    enum class State { Unknown, Probing, Available, Missing };
    // One bubble on screen per kind, which later ones of the kind replace.
    struct Bubble
    {
        uint id = 0; // the service's; 0 while Notify has not answered
        int count = 0; // notifications it stands for
        int sentCount = 0; // what the service shows
        bool waiting = false;
        NotificationModel::Notification newest;
        QElapsedTimer updated;
    };

    void onCapabilities(QDBusPendingCallWatcher* call);
    void send(const QString& key, bool silent);
    void fallBack(const NotificationModel::Notification& notification);
    void flushWaiting();

    QDBusConnection m_bus;
    TrayIcon* m_tray = nullptr;
    State m_state = State::Unknown;
    bool m_missing = false;
    QElapsedTimer m_probed;
    QStringList m_capabilities;
    // Notifications that came while the capabilities were being asked for.
    QList<std::pair<NotificationModel::Notification, bool>> m_waiting;
    QHash<QString, Bubble> m_bubbles; // by kind (NotificationKinds key, or the raw kind)
    // What each bubble on screen opens.
    struct Target
    {
        qint64 notificationId = 0;
        QUrl link;
    };
    QHash<uint, Target> m_targets;
};

} // namespace plein::app
