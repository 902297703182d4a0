#pragma once

#include "presence/presence.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace plein::app {

// Whether the person is at the app, for their presence: online while they use it, away after
// `awayAfterMs` without input in any of its windows or while the desktop's screen is locked
// (org.freedesktop.ScreenSaver / org.gnome.ScreenSaver tell, where the desktop has them), and
// dnd while do-not-disturb is on (setDoNotDisturb), whatever else is true. Input is seen by an
// event filter on the application: cheap, it only notes the time.
class ActivityTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr int awayAfterMs = 10 * 60 * 1000;

    explicit ActivityTracker(QObject* parent = nullptr);

    client::Presence::State state() const { return m_state; }
    void setDoNotDisturb(bool on);
    void setScreenLocked(bool locked);
    // For tests: how long without input counts as away.
    void setAwayAfter(int ms);

Q_SIGNALS:
    void stateChanged(plein::client::Presence::State state);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private Q_SLOTS:
    // Connected by name: QtDBus delivers bus signals to slots only.
    void onScreenSaverActive(bool active);

private:
    void update();

    QTimer m_idle;
    bool m_idleNow = false;
    bool m_locked = false;
    bool m_dnd = false;
    client::Presence::State m_state = client::Presence::State::Online;
};

} // namespace plein::app
