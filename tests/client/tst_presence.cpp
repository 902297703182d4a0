#include "client.h"
#include "presence/presence.h"
#include "shell/activitytracker.h"
#include "sync/connection.h"
#include "sync/syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QKeyEvent>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using namespace plein;
using namespace plein::client;

// Presence end to end (the client core's Presence against the real server) and the app's
// ActivityTracker, which decides the user's own state.
class TestPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void watchedPeopleOnlyAndOfflineWhenGone();
    void trackerGoesAwayAndComesBack();

private:
    std::unique_ptr<Client> online(const QString& username);

    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

void TestPresence::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

std::unique_ptr<Client> TestPresence::online(const QString& username)
{
    auto c = test::makeClient(m_server.url(), username, m_profiles.filePath(username));
    if (c && !test::goOnlineAndCatchUp(*c))
        c.reset();
    return c;
}

void TestPresence::watchedPeopleOnlyAndOfflineWhenGone()
{
    auto anna = online(QStringLiteral("anna"));
    auto bram = online(QStringLiteral("bram"));
    auto chantal = online(QStringLiteral("chantal"));
    QVERIFY(anna && bram && chantal);
    QVERIFY(anna->connection().agreedFeatures().contains(QStringLiteral("presence")));
    const qint64 bramId = bram->sync().userId();
    const qint64 chantalId = chantal->sync().userId();
    QObject view;
    QSignalSpy changed(&anna->presence(), &Presence::changed);
    anna->presence().watch(&view, {bramId});
    QTRY_COMPARE(anna->presence().state(bramId), Presence::State::Online);
    changed.clear();

    bram->presence().setOwnState(Presence::State::Away);
    QTRY_COMPARE(anna->presence().state(bramId), Presence::State::Away);
    bram->presence().setOwnState(Presence::State::Dnd);
    QTRY_COMPARE(anna->presence().state(bramId), Presence::State::Dnd);
    // chantal is not watched: nothing of her reaches anna.
    chantal->presence().setOwnState(Presence::State::Away);
    QTest::qWait(300);
    for (const auto& call : std::as_const(changed))
        QCOMPARE(call.first().toLongLong(), bramId);
    QCOMPARE(anna->presence().state(chantalId), Presence::State::Offline);

    // Gone: offline once bram's last session closes.
    bram->connection().stop();
    QTRY_COMPARE(anna->presence().state(bramId), Presence::State::Offline);
    // A view that goes away stops watching.
    {
        QObject other;
        anna->presence().watch(&other, {chantalId});
        QTRY_COMPARE(anna->presence().state(chantalId), Presence::State::Away);
    }
    QTRY_VERIFY(!anna->presence().watched().contains(chantalId));
}

void TestPresence::trackerGoesAwayAndComesBack()
{
    using State = Presence::State;
    app::ActivityTracker tracker;
    QSignalSpy states(&tracker, &app::ActivityTracker::stateChanged);
    tracker.setAwayAfter(100);
    QTRY_COMPARE(tracker.state(), State::Away);
    QWidget window;
    window.show();
    QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCoreApplication::sendEvent(&window, &key);
    QCOMPARE(tracker.state(), State::Online);
    tracker.setDoNotDisturb(true);
    QCOMPARE(tracker.state(), State::Dnd);
    tracker.setScreenLocked(true);
    QCOMPARE(tracker.state(), State::Dnd); // do-not-disturb wins
    tracker.setDoNotDisturb(false);
    QCOMPARE(tracker.state(), State::Away); // locked
    tracker.setScreenLocked(false);
    QCOMPARE(tracker.state(), State::Online);
    QCOMPARE(states.size(), 5);
}

QTEST_MAIN(TestPresence)
#include "tst_presence.moc"
