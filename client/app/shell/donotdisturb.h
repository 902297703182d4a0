#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <array>
#include <chrono>
#include <functional>

namespace plein::app {

// Do not disturb: while it is on, notifications still go into the notification centre, but no
// bubble shows and no sound plays (DesktopNotifier asks isActive()). It is on by hand — until
// turned off, for a while, until tomorrow morning — or by a weekly schedule, and stored in the
// settings like NotificationSettings, so a restart or the next account's window finds it as it
// was left. The schedule and "until tomorrow" follow the wall clock, also across a change to or
// from daylight-saving time; "for 1 hour" is an hour of real time.
//
// A timer wakes at the exact next moment the state can change (an end, a scheduled start); a
// coarse one rechecks every `recheckMs`, for a clock set by hand, a new time zone or a machine
// that slept past a boundary.
class DoNotDisturb : public QObject
{
    Q_OBJECT

public:
    // "Until tomorrow" ends at this hour of the next morning.
    static constexpr int tomorrowHour = 8;
    // Before this hour "tomorrow" is still tonight's morning: at 01:00 "until tomorrow" means
    // until 08:00, not until 08:00 the day after.
    static constexpr int nightEndsHour = 4;
    static constexpr int recheckMs = 60 * 1000;
    // "For 1 hour" in the menus.
    static constexpr std::chrono::minutes shortWhile {60};

    // One weekday of the schedule.
    struct Day
    {
        enum class Mode { Off, Hours, AllDay };
        Mode mode = Mode::Off;
        // With Hours: quiet from `from` until `to`. A range that ends before it starts
        // (18:00–08:00) is the evening and the early morning of that day, so that "Monday to
        // Friday 18:00–08:00" is quiet before 08:00 on Monday too. Equal times: all day.
        QTime from = QTime(18, 0);
        QTime to = QTime(8, 0);

        bool isQuietAt(QTime time) const;
        bool operator==(const Day& other) const = default;
    };

    struct Schedule
    {
        bool enabled = false;
        std::array<Day, 7> days {}; // Monday first, as QDate::dayOfWeek() counts

        // Weekday evenings and nights from 18:00 to 08:00 and the weekend all day: what the
        // editor offers the first time.
        static Schedule workingHours();
        bool isQuietAt(const QDateTime& at) const;
        // The first moment after `after` at which the schedule may turn quiet or end being
        // quiet (invalid when it is off).
        QDateTime nextBoundary(const QDateTime& after) const;
        bool operator==(const Schedule& other) const = default;
    };

    using Clock = std::function<QDateTime()>;

    // Reads the state and the schedule from the settings.
    explicit DoNotDisturb(QObject* parent = nullptr);
    // With `clock` in place of the system clock (tests move it and call update()).
    DoNotDisturb(Clock clock, QObject* parent);

    bool isActive() const { return m_active; }
    // When it ends by itself; invalid while it is off, and while it is on until turned off.
    QDateTime activeUntil() const { return m_activeUntil; }
    // Whether it was turned on by hand (not only by the schedule).
    bool isManual() const { return m_manual != Manual::Off; }
    // "Do not disturb until 09:00", "… until tomorrow 08:00", "… until you turn it off"; empty
    // while it is off.
    QString statusText() const;

    void turnOn(); // until turned off
    void turnOnFor(std::chrono::minutes duration);
    void turnOnUntilTomorrow();
    void turnOnUntil(const QDateTime& end);
    // Off now; during a scheduled quiet time it stays off until that time's end, and the
    // schedule takes over again from its next start.
    void turnOff();

    Schedule schedule() const { return m_schedule; }
    void setSchedule(const Schedule& schedule);
    static Schedule storedSchedule();
    static void storeSchedule(const Schedule& schedule);

    // The end of "until tomorrow" seen from `now`.
    static QDateTime tomorrowMorning(const QDateTime& now);

    // Reads the clock again and says what changed (the timers call it).
    void update();
    // When the timer wakes next: the next moment the state may change (invalid: never).
    QDateTime nextCheck() const { return m_nextCheck; }

Q_SIGNALS:
    // On or off; what a capability tells the server for the person's presence.
    void activeChanged(bool active);
    // The state, its end or the schedule changed: texts and menus follow.
    void changed();

private:
    enum class Manual { Off, On, Until };

    void load();
    void save() const;
    QDateTime now() const;
    bool activeAt(const QDateTime& at) const;
    QDateTime nextBoundary(const QDateTime& after) const;
    // The first boundary after `from` at which `quiet` is false, or invalid.
    QDateTime endOf(const QDateTime& from, const std::function<bool(const QDateTime&)>& quiet,
                    const std::function<QDateTime(const QDateTime&)>& next) const;

    Clock m_clock;
    Manual m_manual = Manual::Off;
    QDateTime m_until; // with Manual::Until
    // After "Turn off" during a scheduled quiet time: the schedule is ignored until then.
    QDateTime m_resumeAt;
    Schedule m_schedule;
    bool m_active = false;
    QDateTime m_activeUntil;
    QDateTime m_nextCheck;
    QTimer m_boundary;
    QTimer m_recheck;
};

} // namespace plein::app
