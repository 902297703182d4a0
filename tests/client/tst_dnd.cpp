#include "client.h"
#include "notificationservice.h"
#include "shell/desktopnotifier.h"
#include "shell/donotdisturb.h"
#include "shell/donotdisturbmenu.h"
#include "shell/header.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationkinds.h"
#include "shell/notificationmodel.h"
#include "shell/notificationsettingsdialog.h"
#include "shell/scheduleeditor.h"
#include "testclient.h"

#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QTimeZone>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

using namespace plein;
using Dnd = app::DoNotDisturb;
using Day = Dnd::Day;
using namespace std::chrono_literals;

namespace {

// The test runs in Europe/Amsterdam (tests/client/CMakeLists.txt sets TZ): daylight-saving time
// starts on 31 March 2024 at 02:00 (to 03:00) and ends on 27 October 2024 at 03:00 (to 02:00).
// 3 June 2024 is a Monday.
QDateTime at(int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute, second));
}

// A clock the test moves by hand.
struct FakeClock
{
    QDateTime now;
    Dnd::Clock clock()
    {
        return [this]() { return now; };
    }
};

Dnd::Schedule workingHours()
{
    Dnd::Schedule schedule = Dnd::Schedule::workingHours();
    schedule.enabled = true;
    return schedule;
}

app::NotificationModel::Notification message(const QString& title, const QString& kind,
                                             const QString& key = {})
{
    return {.kind = kind,
            .title = title,
            .link = app::Navigator::link(QStringLiteral("notifications")),
            .key = key};
}

} // namespace

// Do-not-disturb: the schedule's arithmetic on a fixed clock (overnight ranges, the week's
// boundaries, daylight-saving changes, "until tomorrow"), its timers, the menus and the
// schedule editor, and what it does to notifications: listed but quiet, and one summary when
// it ends, through a real notification service on a private bus.
class TestDoNotDisturb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void overnightRangesCoverEveningAndMorning();
    void plainRangesAndWholeDays();
    void theStateChangesAtTheExactBoundary();
    void turningOffDuringTheScheduleLastsUntilItsEnd();
    void forOneHourIsAnHourOfRealTime();
    void untilTomorrowIsTheNextMorning();
    void aBoundaryInTheSkippedHourComesAfterIt();
    void theStateOutlivesARestart();
    void theTimerFiresAtTheBoundaryWithoutPolling();
    void theEditorShowsTheHoursThatNotify();
    void theMenuSetsIt();
    void nothingBubblesWhileQuietButEverythingIsListed();
    void theSummaryLeavesOutWhatWasRead();
    void theBellShowsIt();
    void theSettingsDialogStoresTheSchedule();

private:
    std::unique_ptr<client::Client> makeClient();

    test::PrivateBus m_bus;
    bool m_haveBus = false;
    QTemporaryDir m_dir;
    int m_clients = 0;
};

void TestDoNotDisturb::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("Europe/Amsterdam"));
    QVERIFY2(!at(3, 31, 2, 30).isValid(), "02:30 on 31 March is in the skipped hour");
    const auto error = m_bus.start();
    if (error && qgetenv("CI") == "true")
        QFAIL(qPrintable(*error));
    m_haveBus = !error;
    if (m_haveBus)
        QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestDoNotDisturb::init()
{
    QSettings().clear();
}

std::unique_ptr<client::Client> TestDoNotDisturb::makeClient()
{
    return test::makeClient(QUrl(QStringLiteral("ws://127.0.0.1:9")), QStringLiteral("anna"),
                            m_dir.filePath(QString::number(++m_clients)));
}

void TestDoNotDisturb::overnightRangesCoverEveningAndMorning()
{
    // Monday to Friday 18:00–08:00, the weekend all day.
    const Dnd::Schedule schedule = workingHours();
    QVERIFY(schedule.isQuietAt(at(6, 3, 7, 59))); // Monday before work, after a quiet Sunday
    QVERIFY(!schedule.isQuietAt(at(6, 3, 8, 0)));
    QVERIFY(!schedule.isQuietAt(at(6, 3, 17, 59)));
    QVERIFY(schedule.isQuietAt(at(6, 3, 18, 0)));
    QVERIFY(schedule.isQuietAt(at(6, 3, 23, 59)));
    QVERIFY(schedule.isQuietAt(at(6, 4, 0, 0))); // across midnight
    QVERIFY(schedule.isQuietAt(at(6, 4, 3, 0)));
    QVERIFY(!schedule.isQuietAt(at(6, 4, 12, 0)));
    QVERIFY(schedule.isQuietAt(at(6, 7, 18, 30))); // Friday evening
    QVERIFY(schedule.isQuietAt(at(6, 8, 12, 0))); // Saturday
    QVERIFY(schedule.isQuietAt(at(6, 9, 23, 59))); // Sunday night
    // The same instant in UTC reads the local clock.
    QVERIFY(!schedule.isQuietAt(at(6, 3, 9, 0).toUTC()));
    QVERIFY(schedule.isQuietAt(at(6, 3, 18, 30).toUTC()));

    Dnd::Schedule off = schedule;
    off.enabled = false;
    QVERIFY(!off.isQuietAt(at(6, 8, 12, 0)));
    QVERIFY(!off.nextBoundary(at(6, 8, 12, 0)).isValid());
}

void TestDoNotDisturb::plainRangesAndWholeDays()
{
    Dnd::Schedule schedule;
    schedule.enabled = true;
    schedule.days[2] = {.mode = Day::Mode::Hours, .from = QTime(12, 0), .to = QTime(13, 0)};
    schedule.days[3] = {.mode = Day::Mode::AllDay};
    schedule.days[4] = {.mode = Day::Mode::Hours, .from = QTime(9, 0), .to = QTime(9, 0)};
    QVERIFY(!schedule.isQuietAt(at(6, 5, 11, 59))); // Wednesday
    QVERIFY(schedule.isQuietAt(at(6, 5, 12, 0)));
    QVERIFY(!schedule.isQuietAt(at(6, 5, 13, 0)));
    QVERIFY(schedule.isQuietAt(at(6, 6, 0, 0))); // Thursday all day
    QVERIFY(schedule.isQuietAt(at(6, 6, 23, 59)));
    QVERIFY(schedule.isQuietAt(at(6, 7, 15, 0))); // equal hours: all day
    QVERIFY(!schedule.isQuietAt(at(6, 3, 15, 0))); // Monday is off
    QCOMPARE(schedule.nextBoundary(at(6, 5, 10, 0)), at(6, 5, 12, 0));
    QCOMPARE(schedule.nextBoundary(at(6, 5, 12, 0)), at(6, 5, 13, 0));
    QCOMPARE(schedule.nextBoundary(at(6, 5, 13, 0)), at(6, 6, 0, 0));
}

void TestDoNotDisturb::theStateChangesAtTheExactBoundary()
{
    FakeClock clock {at(6, 3, 17, 0)};
    Dnd dnd(clock.clock(), nullptr);
    QSignalSpy toggled(&dnd, &Dnd::activeChanged);
    dnd.setSchedule(workingHours());
    QVERIFY(!dnd.isActive());
    QVERIFY(!dnd.activeUntil().isValid());
    // The timer is set for the evening, not for a poll.
    QCOMPARE(dnd.nextCheck(), at(6, 3, 18, 0));

    clock.now = at(6, 3, 17, 59, 59);
    dnd.update();
    QVERIFY(!dnd.isActive());
    clock.now = at(6, 3, 18, 0);
    dnd.update();
    QVERIFY(dnd.isActive());
    QCOMPARE(toggled.size(), 1);
    QCOMPARE(toggled.first().first().toBool(), true);
    QCOMPARE(dnd.activeUntil(), at(6, 4, 8, 0));
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until tomorrow 08:00"));
    QVERIFY(dnd.nextCheck() <= at(6, 4, 0, 0)); // midnight: another day's rule

    // Friday evening lasts the weekend.
    clock.now = at(6, 7, 19, 0);
    dnd.update();
    QCOMPARE(dnd.activeUntil(), at(6, 10, 8, 0));
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until Mon 08:00"));
    clock.now = at(6, 10, 8, 0);
    dnd.update();
    QVERIFY(!dnd.isActive());
    QCOMPARE(toggled.size(), 2);
    QCOMPARE(toggled.last().first().toBool(), false);
    QCOMPARE(dnd.statusText(), QString());
}

void TestDoNotDisturb::turningOffDuringTheScheduleLastsUntilItsEnd()
{
    FakeClock clock {at(6, 4, 20, 0)}; // Tuesday evening
    Dnd dnd(clock.clock(), nullptr);
    dnd.setSchedule(workingHours());
    QVERIFY(dnd.isActive());
    QVERIFY(!dnd.isManual());
    dnd.turnOff();
    QVERIFY(!dnd.isActive());
    // Not back at midnight, nor before the morning's end of the quiet time.
    clock.now = at(6, 5, 0, 30);
    dnd.update();
    QVERIFY(!dnd.isActive());
    clock.now = at(6, 5, 7, 59);
    dnd.update();
    QVERIFY(!dnd.isActive());
    // The schedule takes over again at its next start.
    clock.now = at(6, 5, 18, 0);
    dnd.update();
    QVERIFY(dnd.isActive());

    // On by hand for a while during the schedule: it ends when both have ended.
    clock.now = at(6, 5, 7, 30);
    dnd.turnOff();
    dnd.turnOnUntil(at(6, 5, 9, 0));
    QVERIFY(dnd.isActive());
    QVERIFY(dnd.isManual());
    QCOMPARE(dnd.activeUntil(), at(6, 5, 9, 0));
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until 09:00"));
    clock.now = at(6, 6, 3, 0);
    dnd.turnOn();
    QVERIFY(!dnd.activeUntil().isValid());
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until you turn it off"));
    clock.now = at(6, 9, 3, 0);
    dnd.update();
    QVERIFY(dnd.isActive());
}

void TestDoNotDisturb::forOneHourIsAnHourOfRealTime()
{
    // 02:30 summer time on the night the clocks go back: an hour later the clock shows 02:30
    // again (winter time).
    const QDateTime start
        = QDateTime::fromString(QStringLiteral("2024-10-27T00:30:00Z"), Qt::ISODate).toLocalTime();
    QCOMPARE(start.time(), QTime(2, 30));
    QVERIFY(start.isDaylightTime());
    FakeClock clock {start};
    Dnd dnd(clock.clock(), nullptr);
    dnd.turnOnFor(Dnd::shortWhile);
    QCOMPARE(start.secsTo(dnd.activeUntil()), 3600);
    QCOMPARE(dnd.activeUntil().toLocalTime().time(), QTime(2, 30));
    QVERIFY(!dnd.activeUntil().toLocalTime().isDaylightTime());
    clock.now = start.addSecs(3599);
    dnd.update();
    QVERIFY(dnd.isActive());
    clock.now = start.addSecs(3600);
    dnd.update();
    QVERIFY(!dnd.isActive());
    QVERIFY(!dnd.isManual());
}

void TestDoNotDisturb::untilTomorrowIsTheNextMorning()
{
    static_assert(Dnd::tomorrowHour == 8);
    QCOMPARE(Dnd::tomorrowMorning(at(6, 3, 14, 0)), at(6, 4, 8, 0));
    QCOMPARE(Dnd::tomorrowMorning(at(6, 3, 23, 30)), at(6, 4, 8, 0));
    // In the small hours "tomorrow" is the coming morning, not the one after.
    QCOMPARE(Dnd::tomorrowMorning(at(6, 4, 1, 0)), at(6, 4, 8, 0));
    QCOMPARE(Dnd::tomorrowMorning(at(6, 4, 4, 0)), at(6, 5, 8, 0));
    // Across the change to summer time: 08:00 on the clock, nine hours later, not ten.
    const QDateTime evening = at(3, 30, 22, 0);
    const QDateTime morning = Dnd::tomorrowMorning(evening);
    QCOMPARE(morning, at(3, 31, 8, 0));
    QCOMPARE(evening.secsTo(morning), 9 * 3600);

    FakeClock clock {evening};
    Dnd dnd(clock.clock(), nullptr);
    dnd.turnOnUntilTomorrow();
    QVERIFY(dnd.isActive());
    QCOMPARE(dnd.activeUntil(), morning);
    QCOMPARE(dnd.nextCheck(), morning);
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until tomorrow 08:00"));
    clock.now = at(3, 31, 7, 59);
    dnd.update();
    QVERIFY(dnd.isActive());
    QCOMPARE(dnd.nextCheck(), morning);
    QCOMPARE(dnd.statusText(), QStringLiteral("Do not disturb until 08:00"));
    clock.now = morning;
    dnd.update();
    QVERIFY(!dnd.isActive());
}

void TestDoNotDisturb::aBoundaryInTheSkippedHourComesAfterIt()
{
    // Sunday 31 March: quiet from 02:30, which the clock skips, until 04:00.
    Dnd::Schedule schedule;
    schedule.enabled = true;
    schedule.days[6] = {.mode = Day::Mode::Hours, .from = QTime(2, 30), .to = QTime(4, 0)};
    const QDateTime before = at(3, 31, 1, 50);
    QVERIFY(!schedule.isQuietAt(before));
    // Where 02:30 would be, the clock already shows 03:00.
    const QDateTime next = schedule.nextBoundary(before);
    QCOMPARE(next, at(3, 31, 3, 0));
    QCOMPARE(before.secsTo(next), 10 * 60);
    QVERIFY(schedule.isQuietAt(next));
    QCOMPARE(schedule.nextBoundary(next), at(3, 31, 4, 0));

    FakeClock clock {before};
    Dnd dnd(clock.clock(), nullptr);
    dnd.setSchedule(schedule);
    QCOMPARE(dnd.nextCheck(), next);
    clock.now = next;
    dnd.update();
    QVERIFY(dnd.isActive());
    QCOMPARE(dnd.activeUntil(), at(3, 31, 4, 0));
    QCOMPARE(next.secsTo(dnd.activeUntil()), 3600);
}

void TestDoNotDisturb::theStateOutlivesARestart()
{
    FakeClock clock {at(6, 3, 10, 0)};
    {
        Dnd dnd(clock.clock(), nullptr);
        Dnd::Schedule schedule = workingHours();
        schedule.days[2] = {.mode = Day::Mode::Hours, .from = QTime(12, 0), .to = QTime(13, 0)};
        dnd.setSchedule(schedule);
        dnd.turnOnUntil(at(6, 3, 11, 0));
    }
    {
        Dnd dnd(clock.clock(), nullptr);
        QVERIFY(dnd.isActive());
        QCOMPARE(dnd.activeUntil(), at(6, 3, 11, 0));
        QVERIFY(dnd.schedule().enabled);
        QCOMPARE(dnd.schedule().days[2].from, QTime(12, 0));
        QCOMPARE(dnd.schedule().days[5].mode, Day::Mode::AllDay);
        QCOMPARE(dnd.schedule(), Dnd::storedSchedule());
    }
    // Started after its end (and outside the schedule): off, without waiting for a timer.
    clock.now = at(6, 3, 12, 30);
    Dnd dnd(clock.clock(), nullptr);
    QVERIFY(!dnd.isActive());
    QVERIFY(!dnd.isManual());
}

void TestDoNotDisturb::theTimerFiresAtTheBoundaryWithoutPolling()
{
    Dnd dnd;
    QVERIFY(!dnd.isActive());
    QSignalSpy toggled(&dnd, &Dnd::activeChanged);
    QElapsedTimer elapsed;
    elapsed.start();
    dnd.turnOnUntil(QDateTime::currentDateTime().addMSecs(400));
    QCOMPARE(toggled.size(), 1);
    QVERIFY(dnd.isActive());
    QTRY_COMPARE_WITH_TIMEOUT(toggled.size(), 2, 5000);
    QCOMPARE(toggled.last().first().toBool(), false);
    // Far sooner than the recheck: the timer was set for the end itself.
    QVERIFY2(elapsed.elapsed() >= 390 && elapsed.elapsed() < Dnd::recheckMs / 10,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!dnd.isActive());
}

void TestDoNotDisturb::theEditorShowsTheHoursThatNotify()
{
    app::ScheduleEditor editor;
    editor.setSchedule(workingHours());
    QVERIFY(editor.enabledBox()->isChecked());
    // Monday notifies from 08:00 to 18:00; Saturday is quiet all day.
    QVERIFY(editor.dayBox(1)->isChecked());
    QCOMPARE(editor.dayBox(1)->text(), QStringLiteral("Monday"));
    QCOMPARE(editor.fromEdit(1)->time(), QTime(8, 0));
    QCOMPARE(editor.toEdit(1)->time(), QTime(18, 0));
    QVERIFY(!editor.dayBox(6)->isChecked());
    editor.show();
    QVERIFY(editor.fromEdit(1)->isVisible());
    QVERIFY(!editor.fromEdit(6)->isVisible());
    QCOMPARE(editor.schedule(), workingHours());

    QSignalSpy changed(&editor, &app::ScheduleEditor::changed);
    editor.fromEdit(3)->setTime(QTime(9, 30));
    editor.toEdit(3)->setTime(QTime(17, 0));
    editor.dayBox(7)->setChecked(true); // Sunday: a night shift
    editor.fromEdit(7)->setTime(QTime(22, 0));
    editor.toEdit(7)->setTime(QTime(6, 0));
    editor.dayBox(5)->setChecked(true); // Friday: all day
    editor.fromEdit(5)->setTime(QTime(0, 0));
    editor.toEdit(5)->setTime(QTime(0, 0));
    QVERIFY(changed.size() >= 5);
    const Dnd::Schedule schedule = editor.schedule();
    QCOMPARE(schedule.days[2],
             (Day {.mode = Day::Mode::Hours, .from = QTime(17, 0), .to = QTime(9, 30)}));
    QCOMPARE(schedule.days[6],
             (Day {.mode = Day::Mode::Hours, .from = QTime(6, 0), .to = QTime(22, 0)}));
    QCOMPARE(schedule.days[4].mode, Day::Mode::Off);
    QVERIFY(schedule.isQuietAt(at(6, 5, 9, 0)));
    QVERIFY(!schedule.isQuietAt(at(6, 5, 9, 30)));
    QVERIFY(schedule.isQuietAt(at(6, 9, 12, 0))); // Sunday daytime
    QVERIFY(!schedule.isQuietAt(at(6, 9, 23, 0))); // Sunday night, at work
    QVERIFY(!schedule.isQuietAt(at(6, 7, 23, 0))); // Friday
    // What the editor makes, the editor shows again.
    app::ScheduleEditor again;
    again.setSchedule(schedule);
    QCOMPARE(again.schedule(), schedule);

    editor.enabledBox()->setChecked(false);
    QVERIFY(!editor.dayBox(1)->isEnabled());
    QVERIFY(!editor.schedule().enabled);
}

void TestDoNotDisturb::theMenuSetsIt()
{
    FakeClock clock {at(6, 3, 14, 0)};
    Dnd dnd(clock.clock(), nullptr);
    app::DoNotDisturbMenu menu;
    QVERIFY(!menu.forAWhileAction()->isEnabled()); // nothing to act on yet
    menu.setTarget(&dnd);
    QCOMPARE(menu.title(), QStringLiteral("Do not disturb"));
    QCOMPARE(menu.stateAction()->text(), QStringLiteral("Pause notifications"));
    QVERIFY(!menu.stateAction()->isEnabled());
    QVERIFY(!menu.turnOffAction()->isVisible());
    QCOMPARE(menu.untilTomorrowAction()->text(), QStringLiteral("Until tomorrow, 08:00"));

    menu.forAWhileAction()->trigger();
    QVERIFY(dnd.isActive());
    QCOMPARE(dnd.activeUntil(), at(6, 3, 15, 0));
    QCOMPARE(menu.stateAction()->text(), QStringLiteral("Do not disturb until 15:00"));
    QVERIFY(menu.turnOffAction()->isVisible());
    menu.untilTomorrowAction()->trigger();
    QCOMPARE(dnd.activeUntil(), at(6, 4, 8, 0));
    menu.untilTurnedOffAction()->trigger();
    QVERIFY(!dnd.activeUntil().isValid());
    QVERIFY(dnd.isActive());
    menu.turnOffAction()->trigger();
    QVERIFY(!dnd.isActive());
    QVERIFY(!menu.turnOffAction()->isVisible());
    QSignalSpy schedule(&menu, &app::DoNotDisturbMenu::scheduleRequested);
    menu.scheduleAction()->trigger();
    QCOMPARE(schedule.size(), 1);
}

void TestDoNotDisturb::nothingBubblesWhileQuietButEverythingIsListed()
{
    if (!m_haveBus)
        QSKIP("no dbus-daemon");
    test::NotificationService service({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(service.start(m_bus.address()));
    auto core = makeClient();
    app::MainWindow window(*core, false);
    auto* notifier = window.desktopNotifier();
    QTRY_VERIFY(notifier->isServiceAvailable());
    Dnd* dnd = notifier->doNotDisturb();
    QVERIFY(dnd);
    QSignalSpy presence(dnd, &Dnd::activeChanged);
    dnd->turnOn();
    QCOMPARE(presence.size(), 1);

    auto& model = window.notifications();
    for (int i = 1; i <= 3; ++i) {
        model.add(message(QStringLiteral("Bram: message %1").arg(i), QStringLiteral("chat.direct"),
                          QStringLiteral("chat:31")));
    }
    model.add(message(QStringLiteral("Bram replied"), QStringLiteral("reply")));
    model.add(message(QStringLiteral("Chantal replied"), QStringLiteral("reply")));
    QTest::qWait(300);
    QCOMPARE(service.calls.size(), 0);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.unreadCount(), 5);
    QCOMPARE(notifier->missedCount(), 5);

    // One bubble when it ends, which says what was missed and opens the list.
    dnd->turnOff();
    QCOMPARE(presence.size(), 2);
    QTRY_COMPARE(service.calls.size(), 1);
    QTest::qWait(100);
    QCOMPARE(service.calls.size(), 1);
    const auto& summary = service.calls.first();
    QCOMPARE(summary.summary, QStringLiteral("While you were in do-not-disturb: 5 notifications"));
    QCOMPARE(summary.body, QStringLiteral("3 messages, 2 replies"));
    QCOMPARE(notifier->missedCount(), 0);
    service.invoke(summary.id);
    QTRY_COMPARE(window.navigator().current(),
                 app::Navigator::link(QStringLiteral("notifications")));

    // Quiet no more: the next one bubbles (to a window nobody looks at).
    window.hide();
    QTRY_VERIFY(!window.isActiveWindow());
    model.add(message(QStringLiteral("Bram: back"), QStringLiteral("chat.direct"),
                      QStringLiteral("chat:31")));
    QTRY_COMPARE(service.calls.size(), 2);
    QCOMPARE(service.calls.last().summary, QStringLiteral("Bram: back"));
}

void TestDoNotDisturb::theSummaryLeavesOutWhatWasRead()
{
    if (!m_haveBus)
        QSKIP("no dbus-daemon");
    test::NotificationService service({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(service.start(m_bus.address()));
    auto core = makeClient();
    app::MainWindow window(*core, false);
    auto* notifier = window.desktopNotifier();
    QTRY_VERIFY(notifier->isServiceAvailable());
    Dnd* dnd = notifier->doNotDisturb();
    dnd->turnOnFor(Dnd::shortWhile);
    auto& model = window.notifications();
    model.add(message(QStringLiteral("Bram mentioned you"), QStringLiteral("mention")));
    model.add(message(QStringLiteral("Bram: hi"), QStringLiteral("chat.direct"),
                      QStringLiteral("chat:31")));
    model.add(message(QStringLiteral("Daan: hoi"), QStringLiteral("chat.direct"),
                      QStringLiteral("chat:32")));
    // Conversation 31 was read on another device meanwhile.
    model.markKeyRead(QStringLiteral("chat:31"));
    dnd->turnOff();
    QTRY_COMPARE(service.calls.size(), 1);
    QCOMPARE(service.calls.first().summary,
             QStringLiteral("While you were in do-not-disturb: 2 notifications"));
    QCOMPARE(service.calls.first().body, QStringLiteral("1 message, 1 mention"));

    // Nothing left unread, nothing to say.
    dnd->turnOn();
    model.add(message(QStringLiteral("Daan: nog iets"), QStringLiteral("chat.direct"),
                      QStringLiteral("chat:32")));
    model.markAllRead();
    dnd->turnOff();
    QTest::qWait(300);
    QCOMPARE(service.calls.size(), 1);
}

void TestDoNotDisturb::theBellShowsIt()
{
    auto core = makeClient();
    app::MainWindow window(*core, false);
    window.show();
    QToolButton* bell = window.header()->bellButton();
    QCOMPARE(bell->popupMode(), QToolButton::MenuButtonPopup);
    QCOMPARE(bell->menu(), window.header()->doNotDisturbMenu());
    QCOMPARE(window.header()->doNotDisturbMenu()->target(),
             window.desktopNotifier()->doNotDisturb());
    QCOMPARE(bell->toolTip(), QStringLiteral("Notifications"));
    const QImage before = bell->icon().pixmap(QSize(20, 20)).toImage();

    window.header()->doNotDisturbMenu()->untilTurnedOffAction()->trigger();
    QCOMPARE(bell->toolTip(),
             QStringLiteral("Do not disturb until you turn it off\nNotifications"));
    QVERIFY(bell->icon().pixmap(QSize(20, 20)).toImage() != before);
    window.header()->doNotDisturbMenu()->turnOffAction()->trigger();
    QCOMPARE(bell->toolTip(), QStringLiteral("Notifications"));
    QCOMPARE(bell->icon().pixmap(QSize(20, 20)).toImage(), before);
    // A click still opens the notification centre.
    QTest::mouseClick(bell, Qt::LeftButton, {}, QPoint(6, bell->height() / 2));
    QTRY_COMPARE(window.navigator().current(),
                 app::Navigator::link(QStringLiteral("notifications")));
}

void TestDoNotDisturb::theSettingsDialogStoresTheSchedule()
{
    auto core = makeClient();
    app::MainWindow window(*core, false);
    Dnd* dnd = window.desktopNotifier()->doNotDisturb();
    QVERIFY(!dnd->schedule().enabled);
    app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
    dialog.showSchedule();
    QCOMPARE(dialog.tabs()->currentWidget()->isAncestorOf(dialog.scheduleEditor()), true);
    auto* state = dialog.findChild<QLabel*>(QStringLiteral("doNotDisturbState"));
    QVERIFY(state);
    QCOMPARE(state->text(), QStringLiteral("Do not disturb is off."));
    dnd->turnOn();
    QCOMPARE(state->text(), QStringLiteral("Do not disturb until you turn it off"));
    dnd->turnOff();

    dialog.scheduleEditor()->enabledBox()->setChecked(true);
    dialog.scheduleEditor()->dayBox(2)->setChecked(false); // Tuesday: quiet all day
    dialog.accept();
    QVERIFY(dnd->schedule().enabled);
    QCOMPARE(dnd->schedule().days[1].mode, Day::Mode::AllDay);
    QCOMPARE(dnd->schedule().days[0],
             (Day {.mode = Day::Mode::Hours, .from = QTime(18, 0), .to = QTime(8, 0)}));
    QCOMPARE(Dnd::storedSchedule(), dnd->schedule());
}

int main(int argc, char** argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PleinTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dnd"));
    // Times as "08:00", weeks from Monday.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    // The source strings are English; their plural forms are in the English translation.
    QTranslator english;
    if (!english.load(QStringLiteral("plein_en"), QStringLiteral(PLEIN_QM_DIR)))
        qFatal("no plein_en.qm in %s", PLEIN_QM_DIR);
    QCoreApplication::installTranslator(&english);
    TestDoNotDisturb test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dnd.moc"
