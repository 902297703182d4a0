#include "shell/activitytracker.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEvent>

namespace plein::app {

ActivityTracker::ActivityTracker(QObject* parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(awayAfterMs);
    connect(&m_idle, &QTimer::timeout, this, [this]() {
        m_idleNow = true;
        update();
    });
    m_idle.start();
    qApp->installEventFilter(this);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // Both names exist on different desktops; either may tell of a lock.
        for (const char* name : {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"}) {
            const QString service = QString::fromLatin1(name);
            const QString path = service == QLatin1StringView("org.gnome.ScreenSaver")
                ? QStringLiteral("/org/gnome/ScreenSaver")
                : QStringLiteral("/ScreenSaver");
            bus.connect(service, path, service, QStringLiteral("ActiveChanged"), this,
                        SLOT(onScreenSaverActive(bool)));
        }
    }
}

void ActivityTracker::setAwayAfter(int ms)
{
    m_idle.setInterval(ms);
    if (!m_idleNow)
        m_idle.start();
}

bool ActivityTracker::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        // Restarting a timer is all the work; the state changes only when coming back.
        m_idle.start();
        if (m_idleNow) {
            m_idleNow = false;
            update();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void ActivityTracker::onScreenSaverActive(bool active)
{
    setScreenLocked(active);
}

void ActivityTracker::setScreenLocked(bool locked)
{
    m_locked = locked;
    if (!locked) {
        // Unlocking is coming back.
        m_idleNow = false;
        m_idle.start();
    }
    update();
}

void ActivityTracker::setDoNotDisturb(bool on)
{
    m_dnd = on;
    update();
}

void ActivityTracker::update()
{
    using State = client::Presence::State;
    const State next = m_dnd ? State::Dnd : (m_idleNow || m_locked) ? State::Away : State::Online;
    if (next == m_state)
        return;
    m_state = next;
    Q_EMIT stateChanged(next);
}

} // namespace plein::app
