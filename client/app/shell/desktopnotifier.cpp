#include "shell/desktopnotifier.h"

#include "shell/donotdisturb.h"
#include "shell/navigator.h"
#include "shell/notificationkinds.h"
#include "shell/notificationsettings.h"
#include "shell/trayicon.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

#include <algorithm>
#include <utility>

namespace plein::app {

namespace {

// A service that is started on demand (D-Bus activation) may take a moment; longer than this
// and the tray shows it instead.
constexpr int callTimeoutMs = 10000;
// How long a missing service is taken for missing before it is asked for again.
constexpr int reprobeMs = 60000;

QString serviceName()
{
    return QString::fromLatin1(DesktopNotifier::service);
}

QString objectPath()
{
    return QString::fromLatin1(DesktopNotifier::path);
}

QDBusMessage call(const QString& method)
{
    return QDBusMessage::createMethodCall(serviceName(), objectPath(), serviceName(), method);
}

// The service's name for the action whose text is typed in the bubble.
const QLatin1StringView inlineReplyAction {"inline-reply"};
const QLatin1StringView defaultAction {"default"};
// The key of the bubble that sums up what do-not-disturb held back.
const QLatin1StringView summaryKey {"plein:do-not-disturb"};

// A notification with a key replaces the bubble of its key; the kinds collapse as the settings
// group them (the requests, invitations and approvals of groups in one bubble); an unknown kind
// on its own.
QString bubbleKey(const NotificationModel::Notification& notification)
{
    if (!notification.key.isEmpty())
        return QStringLiteral("key:") + notification.key;
    const auto entry = NotificationKinds::of(notification.kind);
    return QStringLiteral("kind:") + (entry ? entry->key : notification.kind);
}

// Only &, < and > have meaning in the body markup of the specification.
QString escapeMarkup(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'&')
            out += QStringLiteral("&amp;");
        else if (c == u'<')
            out += QStringLiteral("&lt;");
        else if (c == u'>')
            out += QStringLiteral("&gt;");
        else
            out += c;
    }
    return out;
}

} // namespace

DesktopNotifier::DesktopNotifier(TrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_bus(QDBusConnection::sessionBus())
    , m_tray(tray)
    , m_missing(!m_bus.isConnected())
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(serviceName(), objectPath(), serviceName(), QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(serviceName(), objectPath(), serviceName(), QStringLiteral("NotificationClosed"),
                  this, SLOT(onClosed(uint, uint)));
    // KDE Plasma's inline reply (the "inline-reply" capability).
    m_bus.connect(serviceName(), objectPath(), serviceName(), QStringLiteral("NotificationReplied"),
                  this, SLOT(onReplied(uint, QString)));
    // A service that starts, stops or is replaced (another desktop session, a crash) has other
    // capabilities and knows none of our bubbles.
    auto* watcher = new QDBusServiceWatcher(serviceName(), m_bus,
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, [this]() {
        m_bubbles.clear();
        m_targets.clear();
        if (m_state != State::Probing)
            m_state = State::Unknown;
        probe();
    });
    probe();
}

void DesktopNotifier::probe()
{
    if (!m_bus.isConnected() || m_state == State::Probing)
        return;
    m_state = State::Probing;
    m_probed.start();
    auto* pending = new QDBusPendingCallWatcher(
        m_bus.asyncCall(call(QStringLiteral("GetCapabilities")), callTimeoutMs), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, &DesktopNotifier::onCapabilities);
}

void DesktopNotifier::onCapabilities(QDBusPendingCallWatcher* call)
{
    call->deleteLater();
    const QDBusPendingReply<QStringList> reply = *call;
    m_missing = reply.isError();
    if (reply.isError()) {
        m_state = State::Missing;
        m_capabilities.clear();
    } else {
        m_state = State::Available;
        m_capabilities = reply.value();
    }
    Q_EMIT capabilitiesChanged();
    flushWaiting();
}

void DesktopNotifier::flushWaiting()
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& [notification, silent] : waiting)
        show(notification, silent);
}

bool DesktopNotifier::hasActions() const
{
    return m_capabilities.contains(QLatin1StringView("actions"));
}

bool DesktopNotifier::hasInlineReply() const
{
    return hasActions() && m_capabilities.contains(inlineReplyAction);
}

void DesktopNotifier::setModel(NotificationModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &NotificationModel::keyRead, this, &DesktopNotifier::withdraw);
}

void DesktopNotifier::setDoNotDisturb(DoNotDisturb* dnd)
{
    if (m_dnd)
        disconnect(m_dnd, nullptr, this, nullptr);
    m_dnd = dnd;
    m_missed.clear();
    if (m_dnd) {
        connect(m_dnd, &DoNotDisturb::activeChanged, this, [this](bool active) {
            if (!active)
                summarise();
        });
    }
}

DoNotDisturb* DesktopNotifier::doNotDisturb() const
{
    return m_dnd;
}

void DesktopNotifier::addMuteCheck(QObject* context, MuteCheck muted)
{
    m_muteChecks.append({context, std::move(muted)});
}

bool DesktopNotifier::isMuted(const NotificationModel::Notification& notification) const
{
    return std::any_of(m_muteChecks.cbegin(), m_muteChecks.cend(), [&](const auto& check) {
        return check.first && check.second(notification);
    });
}

void DesktopNotifier::notify(const NotificationModel::Notification& notification, bool silent)
{
    if (isMuted(notification))
        return;
    if (m_dnd && m_dnd->isActive()) {
        m_missed.append(notification);
        return;
    }
    show(notification, silent);
}

void DesktopNotifier::summarise()
{
    auto missed = std::exchange(m_missed, {});
    // What was read meanwhile (in the window, or with "Mark as read") is no news.
    if (m_model) {
        missed.removeIf([this](const auto& notification) {
            return notification.id > 0 && !m_model->isUnread(notification.id);
        });
    }
    if (missed.isEmpty())
        return;
    QStringList kinds;
    for (const auto& notification : std::as_const(missed))
        kinds.append(notification.kind);
    NotificationModel::Notification summary {
        .kind = QStringLiteral("do-not-disturb"),
        .title
        = tr("While you were in do-not-disturb: %n notification(s)", nullptr, int(missed.size())),
        .body = NotificationKinds::breakdown(kinds),
        .link = Navigator::link(QStringLiteral("notifications")),
        .key = summaryKey,
    };
    show(summary, NotificationSettings::load().silent);
}

void DesktopNotifier::show(const NotificationModel::Notification& notification, bool silent)
{
    if (!m_bus.isConnected()) {
        fallBack(notification);
        return;
    }
    switch (m_state) {
    case State::Unknown:
        m_waiting.append({notification, silent});
        probe();
        return;
    case State::Probing:
        m_waiting.append({notification, silent});
        return;
    case State::Missing:
        // A service that starts later is seen by the watcher; one started on demand that
        // failed to start may do better a while later.
        if (m_probed.elapsed() >= reprobeMs) {
            m_waiting.append({notification, silent});
            m_state = State::Unknown;
            probe();
            return;
        }
        fallBack(notification);
        return;
    case State::Available:
        break;
    }
    const QString key = bubbleKey(notification);
    const bool keyed = !notification.key.isEmpty();
    auto it = m_bubbles.find(key);
    // A key's bubble is replaced for as long as it is up; a kind's only while it is fresh.
    const bool joins = it != m_bubbles.end()
        && (it->waiting || (it->id != 0 && (keyed || it->updated.elapsed() < collapseMs)));
    if (!joins) {
        it = m_bubbles.insert(key, Bubble {});
        it->keyed = keyed;
    }
    // One withdrawn on its way is replaced by this one instead.
    it->withdrawn = false;
    it->count += 1;
    it->newest = notification;
    // Sent once the service has answered the one on its way, which it then replaces.
    if (!it->waiting)
        send(key, silent);
}

void DesktopNotifier::send(const QString& key, bool silent)
{
    Bubble& bubble = m_bubbles[key];
    const NotificationModel::Notification& newest = bubble.newest;
    const bool collapsed = !bubble.keyed && bubble.count > 1;
    const QString summary
        = collapsed ? NotificationKinds::collapsedSummary(newest.kind, bubble.count) : newest.title;
    QString body = collapsed ? newest.title : newest.body;
    if (m_capabilities.contains(QLatin1StringView("body-markup")))
        body = escapeMarkup(body);
    QVariantMap hints {
        {QStringLiteral("desktop-entry"), QStringLiteral("nl.plein.Plein")},
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))},
    };
    if (const QString category = NotificationKinds::category(newest.kind); !category.isEmpty())
        hints.insert(QStringLiteral("category"), category);
    if (silent)
        hints.insert(QStringLiteral("suppress-sound"), true);
    // The click opens; buttons act on one notification, so a collapsed bubble has none. A
    // service without the "actions" capability shows none of them.
    QStringList actions {defaultAction, tr("Open")};
    if (!collapsed && hasActions()) {
        for (const auto& action : newest.actions) {
            if (action.id == QLatin1StringView(NotificationModel::replyAction)
                && hasInlineReply()) {
                actions << inlineReplyAction << action.label;
                hints.insert(QStringLiteral("x-kde-reply-placeholder-text"), tr("Write a reply…"));
                hints.insert(QStringLiteral("x-kde-reply-submit-button-text"), tr("Send"));
            } else {
                actions << action.id << action.label;
            }
        }
    }

    QDBusMessage message = call(QStringLiteral("Notify"));
    message << QStringLiteral("Plein") << bubble.id << QStringLiteral("nl.plein.Plein") << summary
            << body << actions << hints << -1;
    bubble.waiting = true;
    bubble.sentCount = bubble.count;
    NotificationModel::Notification target = newest;
    if (collapsed) {
        target = {.kind = newest.kind,
                  .title = summary,
                  .link = Navigator::link(QStringLiteral("notifications"))};
    }
    auto* pending = new QDBusPendingCallWatcher(m_bus.asyncCall(message, callTimeoutMs), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this,
            [this, key, silent, summary, target, fallback = newest](QDBusPendingCallWatcher* call) {
                call->deleteLater();
                const QDBusPendingReply<uint> reply = *call;
                auto it = m_bubbles.find(key);
                if (reply.isError()) {
                    // The service went away under us: it may come back, the tray shows this one.
                    if (it != m_bubbles.end())
                        m_bubbles.erase(it);
                    m_state = State::Unknown;
                    fallBack(fallback);
                    return;
                }
                const uint id = reply.value();
                m_targets.insert(id, target);
                Q_EMIT shown(Route::Service, summary);
                if (it == m_bubbles.end())
                    return;
                if (it->id != 0 && it->id != id)
                    m_targets.remove(it->id);
                it->id = id;
                it->waiting = false;
                it->updated.start();
                if (it->withdrawn) {
                    m_targets.remove(id);
                    close(id);
                    m_bubbles.erase(it);
                    return;
                }
                if (it->count > it->sentCount)
                    send(key, silent);
            });
}

void DesktopNotifier::fallBack(const NotificationModel::Notification& notification)
{
    if (m_tray && m_tray->isVisible()) {
        m_tray->showMessage(notification.title, notification.body.left(200), notification.id,
                            notification.link);
        Q_EMIT shown(Route::Tray, notification.title);
        return;
    }
    Q_EMIT shown(Route::None, notification.title);
}

void DesktopNotifier::withdraw(const QString& key)
{
    if (key.isEmpty())
        return;
    const auto it = m_bubbles.find(QStringLiteral("key:") + key);
    if (it == m_bubbles.end())
        return;
    if (it->waiting) {
        // Closed once the service says which bubble it is.
        it->withdrawn = true;
        return;
    }
    const uint id = it->id;
    m_bubbles.erase(it);
    m_targets.remove(id);
    close(id);
}

void DesktopNotifier::close(uint id)
{
    if (id == 0 || !m_bus.isConnected())
        return;
    QDBusMessage message = call(QStringLiteral("CloseNotification"));
    message << id;
    m_bus.asyncCall(message, callTimeoutMs);
}

void DesktopNotifier::markRead(const NotificationModel::Notification& notification)
{
    if (!m_model)
        return;
    if (!notification.key.isEmpty())
        m_model->markKeyRead(notification.key);
    else
        m_model->markRead(m_model->rowOf(notification.id));
}

void DesktopNotifier::onActionInvoked(uint id, const QString& action)
{
    const auto it = m_targets.constFind(id);
    if (it == m_targets.constEnd())
        return; // another application's bubble, or one of ours that is gone
    const NotificationModel::Notification target = *it;
    if (action == defaultAction) {
        Q_EMIT activated(target.id, target.link);
        return;
    }
    // A service that cannot show the reply field shows the reply action as a button.
    if (action == QLatin1StringView(NotificationModel::replyAction)
        || action == inlineReplyAction) {
        Q_EMIT activated(target.id, target.link);
        Q_EMIT actionInvoked(target, QString::fromLatin1(NotificationModel::replyAction));
        return;
    }
    if (action == QLatin1StringView(NotificationModel::markReadAction)) {
        // Pressing a button closes the bubble on most desktops, not on all.
        if (target.key.isEmpty()) {
            m_targets.remove(id);
            close(id);
        }
        markRead(target);
    }
    Q_EMIT actionInvoked(target, action);
}

void DesktopNotifier::onReplied(uint id, const QString& text)
{
    const auto it = m_targets.constFind(id);
    if (it == m_targets.constEnd())
        return;
    const NotificationModel::Notification target = *it;
    // Who answers has read what they answer.
    markRead(target);
    Q_EMIT replied(target, text);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    m_targets.remove(id);
    for (auto it = m_bubbles.begin(); it != m_bubbles.end();) {
        if (it->id == id && !it->waiting)
            it = m_bubbles.erase(it);
        else
            ++it;
    }
}

} // namespace plein::app
