#include "shell/desktopnotifier.h"

#include "shell/navigator.h"
#include "shell/notificationkinds.h"
#include "shell/trayicon.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

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

// The kinds collapse as the settings group them (the requests, invitations and approvals of
// groups in one bubble); an unknown kind on its own.
QString bubbleKey(const QString& kind)
{
    const auto entry = NotificationKinds::of(kind);
    return entry ? entry->key : kind;
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
        notify(notification, silent);
}

void DesktopNotifier::notify(const NotificationModel::Notification& notification, bool silent)
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
    const QString key = bubbleKey(notification.kind);
    auto it = m_bubbles.find(key);
    const bool joins = it != m_bubbles.end()
        && (it->waiting || (it->id != 0 && it->updated.elapsed() < collapseMs));
    if (!joins)
        it = m_bubbles.insert(key, Bubble {});
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
    const bool collapsed = bubble.count > 1;
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

    QDBusMessage message = call(QStringLiteral("Notify"));
    message << QStringLiteral("Plein") << bubble.id << QStringLiteral("nl.plein.Plein") << summary
            << body << QStringList {QStringLiteral("default"), tr("Open")} << hints << -1;
    bubble.waiting = true;
    bubble.sentCount = bubble.count;
    const Target target = collapsed ? Target {0, Navigator::link(QStringLiteral("notifications"))}
                                    : Target {newest.id, newest.link};
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

void DesktopNotifier::onActionInvoked(uint id, const QString& action)
{
    if (action != QLatin1StringView("default"))
        return;
    const auto it = m_targets.constFind(id);
    if (it != m_targets.constEnd())
        Q_EMIT activated(it->notificationId, it->link);
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
