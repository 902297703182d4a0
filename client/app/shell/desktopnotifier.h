#pragma once

#include "shell/donotdisturb.h"
#include "shell/notificationmodel.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class QDBusPendingCallWatcher;

namespace plein::app {

class TrayIcon;

// Shows notifications on the desktop through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus), so desktops without a tray get them too;
// the tray's message is the fallback when no service answers, and nothing shows when there is
// neither. A flood is collapsed: while a bubble of a kind is still up, the next one of that
// kind replaces it ("3 new replies"); notifications with a key (one conversation) replace the
// bubble of their key instead, for as long as it is up, and it goes away once all of them are
// read. Clicking a bubble (its "default" action) says which notification to open; its buttons
// (Reply, Mark as read) and a reply typed in it are said by actionInvoked() and replied(),
// where the service shows buttons at all (a click still opens where it does not).
//
// What notifies at all is the caller's decision (NotificationSettings); this class holds back
// what comes from a muted source (addMuteCheck()) and, while do-not-disturb is on, everything:
// listed in the notification centre, but no bubble and no sound, and one bubble when it ends
// that sums up what was missed and opens the centre.
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

    using MuteCheck = std::function<bool(const NotificationModel::Notification&)>;

    // `silent`: ask the service not to play a sound.
    void notify(const NotificationModel::Notification& notification, bool silent = false);
    // Takes the bubble of `key` off the screen (the service's CloseNotification).
    void withdraw(const QString& key);

    // The model whose notifications this shows: "Mark as read" and a reply typed in the bubble
    // mark them read there, reading all of a key takes its bubble away, and the summary after
    // do-not-disturb leaves out what was read meanwhile. Optional (nullptr: none).
    void setModel(NotificationModel* model);
    // Quiet while `dnd` is on (nullptr: never).
    void setDoNotDisturb(DoNotDisturb* dnd);
    DoNotDisturb* doNotDisturb() const;
    // A capability says which notifications come from a source the person muted (a muted
    // conversation): they are listed, but never bubble. The check ends with `context`.
    void addMuteCheck(QObject* context, MuteCheck muted);
    bool isMuted(const NotificationModel::Notification& notification) const;
    // Held back by do-not-disturb since it began.
    qsizetype missedCount() const { return m_missed.size(); }

    // What the service said it can do (GetCapabilities); empty until it answered.
    QStringList capabilities() const { return m_capabilities; }
    bool isServiceAvailable() const { return m_state == State::Available; }
    // Whether the last attempt found no service on the bus (or no bus).
    bool isServiceMissing() const { return m_missing; }
    // Whether bubbles show buttons, and whether a reply can be typed in them.
    bool hasActions() const;
    bool hasInlineReply() const;
    // Asks the service for its capabilities; capabilitiesChanged() follows the answer.
    void probe();

Q_SIGNALS:
    // The person clicked the bubble of the notification stored as `id` (0 for a collapsed one)
    // that leads to `link`.
    void activated(qint64 id, const QUrl& link);
    // A button of the notification's bubble was pressed (NotificationModel::Action::id). The
    // Reply button also opens the notification (activated()), for the reply to be written there.
    void actionInvoked(const plein::app::NotificationModel::Notification& notification,
                       const QString& action);
    // The person typed `text` into the bubble's reply field and sent it; the notifications of
    // its key are marked read.
    void replied(const plein::app::NotificationModel::Notification& notification,
                 const QString& text);
    // A notification went out, and how.
    void shown(plein::app::DesktopNotifier::Route route, const QString& summary);
    void capabilitiesChanged();

private Q_SLOTS:
    // Connected by name: QtDBus delivers bus signals to slots only.
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);
    void onReplied(uint id, const QString& text);

private:
    enum class State { Unknown, Probing, Available, Missing };
    // One bubble on screen per kind or per key, which later ones of the kind or key replace.
    struct Bubble
    {
        uint id = 0; // the service's; 0 while Notify has not answered
        int count = 0; // notifications it stands for
        int sentCount = 0; // what the service shows
        bool waiting = false;
        bool keyed = false; // stands for one key: shows the newest, never "3 new replies"
        bool withdrawn = false; // to be closed as soon as the service says its id
        NotificationModel::Notification newest;
        QElapsedTimer updated;
    };

    void onCapabilities(QDBusPendingCallWatcher* call);
    void show(const NotificationModel::Notification& notification, bool silent);
    void send(const QString& key, bool silent);
    void close(uint id);
    void fallBack(const NotificationModel::Notification& notification);
    void flushWaiting();
    // Do-not-disturb ended: one bubble for what it held back.
    void summarise();
    void markRead(const NotificationModel::Notification& notification);

    QDBusConnection m_bus;
    TrayIcon* m_tray = nullptr;
    State m_state = State::Unknown;
    bool m_missing = false;
    QElapsedTimer m_probed;
    QStringList m_capabilities;
    // Notifications that came while the capabilities were being asked for.
    QList<std::pair<NotificationModel::Notification, bool>> m_waiting;
    // By "kind:" and the NotificationKinds key (or the raw kind), or "key:" and the key.
    QHash<QString, Bubble> m_bubbles;
    // What each bubble on screen opens and acts on (id 0 and the list for a collapsed one).
    QHash<uint, NotificationModel::Notification> m_targets;
    QPointer<NotificationModel> m_model;
    QPointer<DoNotDisturb> m_dnd;
    QList<std::pair<QPointer<QObject>, MuteCheck>> m_muteChecks;
    QList<NotificationModel::Notification> m_missed;
};

} // namespace plein::app
