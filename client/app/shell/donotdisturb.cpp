#include "shell/donotdisturb.h"

#include <QLocale>
#include <QSettings>
#include <QTimeZone>

#include <algorithm>

namespace plein::app {

namespace {

const QString manualKey = QStringLiteral("dnd/manual");
const QString untilKey = QStringLiteral("dnd/until");
const QString resumeKey = QStringLiteral("dnd/resumeAt");
const QString scheduleKey = QStringLiteral("dnd/schedule/enabled");
const QString dayKey = QStringLiteral("dnd/schedule/day%1");

// The boundary timer never sleeps longer than this: QTimer counts in int milliseconds, and
// the recheck covers whatever happens in between anyway.
constexpr qint64 longestSleepMs = qint64(12) * 3600 * 1000;
// A schedule repeats every week; a day more covers a boundary at the end of the last day.
constexpr int lookAheadDays = 8;
// More boundaries than a week of schedule can have: where nothing ends, stop looking.
constexpr int maxSteps = lookAheadDays * 4 + 8;
const QString timeFormat = QStringLiteral("HH:mm");

// The moment the wall clock shows `time` on `date`. In the hour skipped when daylight-saving
// time starts, the first moment after the gap; midnight is the start of the day, wherever it
// falls.
QDateTime localAt(QDate date, QTime time)
{
    if (time == QTime(0, 0))
        return date.startOfDay();
    QDateTime at(date, time);
    // Qt 6.4 answers a time in the gap with an invalid QDateTime; gaps last an hour or two.
    for (int minutes = 1; !at.isValid() && minutes <= 3 * 60; ++minutes) {
        const QTime later = time.addSecs(minutes * 60);
        if (later < time)
            return date.addDays(1).startOfDay();
        at = QDateTime(date, later);
    }
    return at;
}

QString dayText(const DoNotDisturb::Day& day)
{
    switch (day.mode) {
    case DoNotDisturb::Day::Mode::Off:
        return QStringLiteral("off");
    case DoNotDisturb::Day::Mode::AllDay:
        return QStringLiteral("all");
    case DoNotDisturb::Day::Mode::Hours:
        break;
    }
    return day.from.toString(timeFormat) + u'-' + day.to.toString(timeFormat);
}

std::optional<DoNotDisturb::Day> dayFrom(const QString& text)
{
    using Mode = DoNotDisturb::Day::Mode;
    if (text == QLatin1StringView("off"))
        return DoNotDisturb::Day {.mode = Mode::Off};
    if (text == QLatin1StringView("all"))
        return DoNotDisturb::Day {.mode = Mode::AllDay};
    const auto parts = text.split(u'-');
    if (parts.size() != 2)
        return std::nullopt;
    const QTime from = QTime::fromString(parts.at(0), timeFormat);
    const QTime to = QTime::fromString(parts.at(1), timeFormat);
    if (!from.isValid() || !to.isValid())
        return std::nullopt;
    return DoNotDisturb::Day {.mode = Mode::Hours, .from = from, .to = to};
}

} // namespace

bool DoNotDisturb::Day::isQuietAt(QTime time) const
{
    switch (mode) {
    case Mode::Off:
        return false;
    case Mode::AllDay:
        return true;
    case Mode::Hours:
        break;
    }
    if (from == to)
        return true;
    if (from < to)
        return time >= from && time < to;
    return time >= from || time < to;
}

DoNotDisturb::Schedule DoNotDisturb::Schedule::workingHours()
{
    Schedule schedule;
    for (int i = 0; i < 5; ++i)
        schedule.days[i] = {.mode = Day::Mode::Hours, .from = QTime(18, 0), .to = QTime(8, 0)};
    schedule.days[5] = schedule.days[6] = {.mode = Day::Mode::AllDay};
    return schedule;
}

bool DoNotDisturb::Schedule::isQuietAt(const QDateTime& at) const
{
    if (!enabled)
        return false;
    const QDateTime local = at.toLocalTime();
    return days[local.date().dayOfWeek() - 1].isQuietAt(local.time());
}

QDateTime DoNotDisturb::Schedule::nextBoundary(const QDateTime& after) const
{
    if (!enabled)
        return {};
    QDateTime next;
    // The day changes at midnight, and with it the day's rule; a change to or from
    // daylight-saving time moves the wall clock under a range.
    const QTimeZone::OffsetData transition = QTimeZone::systemTimeZone().nextTransition(after);
    if (transition.atUtc.isValid())
        next = transition.atUtc;
    const QDate first = after.toLocalTime().date();
    for (int i = 0; i <= lookAheadDays; ++i) {
        const QDate date = first.addDays(i);
        const Day& day = days[date.dayOfWeek() - 1];
        QList<QTime> times {QTime(0, 0)};
        if (day.mode == Day::Mode::Hours)
            times << day.from << day.to;
        bool found = false;
        for (const QTime time : std::as_const(times)) {
            const QDateTime at = localAt(date, time);
            if (at > after && (!next.isValid() || at < next)) {
                next = at;
                found = true;
            }
        }
        // Every time of a day comes before the next day's midnight.
        if (found || (next.isValid() && next <= date.addDays(1).startOfDay()))
            break;
    }
    return next;
}

DoNotDisturb::DoNotDisturb(QObject* parent)
    : DoNotDisturb(Clock(), parent)
{ }

DoNotDisturb::DoNotDisturb(Clock clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
    // A boundary an hour away must not come a few minutes late, as a coarse timer may.
    m_boundary.setTimerType(Qt::PreciseTimer);
    m_boundary.setSingleShot(true);
    connect(&m_boundary, &QTimer::timeout, this, &DoNotDisturb::update);
    m_recheck.setTimerType(Qt::VeryCoarseTimer);
    m_recheck.setInterval(recheckMs);
    connect(&m_recheck, &QTimer::timeout, this, &DoNotDisturb::update);
    m_recheck.start();
    load();
    // The state as it is, without a signal: nobody listens yet.
    const QDateTime current = now();
    m_active = activeAt(current);
    update();
}

QDateTime DoNotDisturb::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTime();
}

void DoNotDisturb::load()
{
    QSettings settings;
    const QString manual = settings.value(manualKey).toString();
    m_until = settings.value(untilKey).toDateTime();
    if (manual == QLatin1StringView("on"))
        m_manual = Manual::On;
    else if (manual == QLatin1StringView("until") && m_until.isValid())
        m_manual = Manual::Until;
    else
        m_manual = Manual::Off;
    m_resumeAt = settings.value(resumeKey).toDateTime();
    m_schedule = storedSchedule();
}

void DoNotDisturb::save() const
{
    QSettings settings;
    switch (m_manual) {
    case Manual::Off:
        settings.setValue(manualKey, QStringLiteral("off"));
        break;
    case Manual::On:
        settings.setValue(manualKey, QStringLiteral("on"));
        break;
    case Manual::Until:
        settings.setValue(manualKey, QStringLiteral("until"));
        break;
    }
    if (m_manual == Manual::Until)
        settings.setValue(untilKey, m_until.toUTC());
    else
        settings.remove(untilKey);
    if (m_resumeAt.isValid())
        settings.setValue(resumeKey, m_resumeAt.toUTC());
    else
        settings.remove(resumeKey);
}

DoNotDisturb::Schedule DoNotDisturb::storedSchedule()
{
    QSettings settings;
    Schedule schedule = Schedule::workingHours();
    schedule.enabled = settings.value(scheduleKey, false).toBool();
    for (int i = 0; i < 7; ++i) {
        const QVariant stored = settings.value(dayKey.arg(i + 1));
        if (!stored.isValid())
            continue;
        if (const auto day = dayFrom(stored.toString()))
            schedule.days[i] = *day;
    }
    return schedule;
}

void DoNotDisturb::storeSchedule(const Schedule& schedule)
{
    QSettings settings;
    settings.setValue(scheduleKey, schedule.enabled);
    for (int i = 0; i < 7; ++i)
        settings.setValue(dayKey.arg(i + 1), dayText(schedule.days[i]));
}

bool DoNotDisturb::activeAt(const QDateTime& at) const
{
    if (m_manual == Manual::On || (m_manual == Manual::Until && at < m_until))
        return true;
    return m_schedule.isQuietAt(at) && !(m_resumeAt.isValid() && at < m_resumeAt);
}

QDateTime DoNotDisturb::nextBoundary(const QDateTime& after) const
{
    QDateTime next = m_schedule.nextBoundary(after);
    for (const QDateTime& end : {m_manual == Manual::Until ? m_until : QDateTime(), m_resumeAt}) {
        if (end.isValid() && end > after && (!next.isValid() || end < next))
            next = end;
    }
    return next;
}

QDateTime DoNotDisturb::endOf(const QDateTime& from,
                              const std::function<bool(const QDateTime&)>& quiet,
                              const std::function<QDateTime(const QDateTime&)>& next) const
{
    QDateTime at = from;
    for (int step = 0; step < maxSteps; ++step) {
        at = next(at);
        if (!at.isValid())
            return {};
        if (!quiet(at))
            return at;
    }
    return {};
}

void DoNotDisturb::update()
{
    const QDateTime current = now();
    bool expired = false;
    if (m_manual == Manual::Until && current >= m_until) {
        m_manual = Manual::Off;
        m_until = {};
        expired = true;
    }
    if (m_resumeAt.isValid() && current >= m_resumeAt) {
        m_resumeAt = {};
        expired = true;
    }
    if (expired)
        save();

    const bool active = activeAt(current);
    QDateTime until;
    if (active && m_manual != Manual::On) {
        until = endOf(
            current, [this](const QDateTime& at) { return activeAt(at); },
            [this](const QDateTime& at) { return nextBoundary(at); });
    }
    m_nextCheck = nextBoundary(current);
    if (m_nextCheck.isValid())
        m_boundary.start(int(std::clamp(current.msecsTo(m_nextCheck), qint64(1), longestSleepMs)));
    else
        m_boundary.stop();

    const bool toggled = active != m_active;
    const bool moved = until != m_activeUntil;
    m_active = active;
    m_activeUntil = until;
    if (toggled)
        Q_EMIT activeChanged(active);
    if (toggled || moved)
        Q_EMIT changed();
}

void DoNotDisturb::turnOn()
{
    m_manual = Manual::On;
    m_until = {};
    m_resumeAt = {};
    save();
    update();
}

void DoNotDisturb::turnOnFor(std::chrono::minutes duration)
{
    turnOnUntil(now().addSecs(std::chrono::duration_cast<std::chrono::seconds>(duration).count()));
}

void DoNotDisturb::turnOnUntilTomorrow()
{
    turnOnUntil(tomorrowMorning(now()));
}

void DoNotDisturb::turnOnUntil(const QDateTime& end)
{
    if (!end.isValid())
        return;
    m_manual = Manual::Until;
    m_until = end;
    m_resumeAt = {};
    save();
    update();
}

void DoNotDisturb::turnOff()
{
    const QDateTime current = now();
    m_manual = Manual::Off;
    m_until = {};
    m_resumeAt = {};
    if (m_schedule.isQuietAt(current)) {
        // Until the scheduled quiet time that is running ends; should it never end (quiet all
        // week), until tomorrow morning.
        m_resumeAt = endOf(
            current, [this](const QDateTime& at) { return m_schedule.isQuietAt(at); },
            [this](const QDateTime& at) { return m_schedule.nextBoundary(at); });
        if (!m_resumeAt.isValid())
            m_resumeAt = tomorrowMorning(current);
    }
    save();
    update();
}

void DoNotDisturb::setSchedule(const Schedule& schedule)
{
    const bool differs = schedule != m_schedule;
    m_schedule = schedule;
    storeSchedule(schedule);
    // "Turn off" was about the old schedule's quiet time.
    m_resumeAt = {};
    save();
    update();
    if (differs)
        Q_EMIT changed();
}

QDateTime DoNotDisturb::tomorrowMorning(const QDateTime& now)
{
    const QDateTime local = now.toLocalTime();
    const QDate day = local.time().hour() < nightEndsHour ? local.date() : local.date().addDays(1);
    return localAt(day, QTime(tomorrowHour, 0));
}

QString DoNotDisturb::statusText() const
{
    if (!m_active)
        return QString();
    if (!m_activeUntil.isValid())
        return tr("Do not disturb until you turn it off");
    const QLocale locale;
    const QDateTime end = m_activeUntil.toLocalTime();
    const QString time = locale.toString(end.time(), QLocale::ShortFormat);
    const QDate today = now().toLocalTime().date();
    if (end.date() == today)
        return tr("Do not disturb until %1").arg(time);
    if (end.date() == today.addDays(1))
        return tr("Do not disturb until tomorrow %1").arg(time);
    if (end.date() < today.addDays(7))
        return tr("Do not disturb until %1 %2")
            .arg(locale.dayName(end.date().dayOfWeek(), QLocale::ShortFormat), time);
    return tr("Do not disturb until %1 %2")
        .arg(locale.toString(end.date(), QLocale::ShortFormat), time);
}

} // namespace plein::app
