#include "client.h"
#include "feed/poststore.h"
#include "notifications/notificationstore.h"
#include "notificationservice.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/threadpane.h"
#include "shell/desktopnotifier.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/notificationsettings.h"
#include "shell/notificationsettingsdialog.h"
#include "shell/notificationspage.h"
#include "shell/sidebarmodel.h"
#include "shell/trayicon.h"
#include "sql/dialect.h"
#include "sql/migrator.h"
#include "store/cache.h"
#include "testclient.h"
#include "threadmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using Route = app::DesktopNotifier::Route;

namespace {

const QString notificationsService = QString::fromLatin1(test::NotificationService::service);
using NotificationServer = test::NotificationService;

app::NotificationModel::Notification reply(const QString& title, const QString& body = {},
                                           qint64 postId = 7)
{
    return {.kind = QStringLiteral("reply"),
            .title = title,
            .body = body,
            .link = app::Navigator::link(QStringLiteral("post"), postId)};
}

bool addPost(client::Cache& cache, qint64 id)
{
    const QJsonObject post {
        {QStringLiteral("id"), id},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), 2},
                      {QStringLiteral("username"), QStringLiteral("bram")},
                      {QStringLiteral("displayName"), QStringLiteral("Bram")}}},
        {QStringLiteral("body"), QStringLiteral("post %1").arg(id)},
        {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")},
        {QStringLiteral("likes"), 0},
        {QStringLiteral("replies"), 0}};
    return cache.transaction([&]() { return client::PostStore(cache).upsert(post, false); });
}

// The settings as the dialog leaves them: everything on, sound on.
void resetSettings()
{
    QSettings().clear();
}

} // namespace

// Notifications end to end: the model and its cache, the desktop's notification service over
// a private D-Bus (a real bus daemon, with a real service object on it), the tray fallback, the
// settings and the start options.
class TestNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void aNotificationReachesTheServiceAsSpecified();
    void bodyIsPlainWithoutMarkup();
    void clickingTheBubbleOpensItsLinkAndRaisesTheWindow();
    void aFloodCollapsesIntoOneBubblePerKind();
    void notificationsOfOneKeyReplaceEachOther();
    void buttonsReachTheCapability();
    void aReplyTypedInTheBubbleReachesTheCapability();
    void withoutActionsTheClickStillOpens();
    void mutedSourcesAreListedButDoNotBubble();
    void withoutAServiceTheTrayTakesOver();
    void mutedKindsAreListedButDoNotNotify();
    void silentAsksForNoSound();
    void theActiveWindowIsNotInterrupted();
    void notificationsSurviveARestartWithTheirUnreadState();
    void theCacheKeepsTheNewest();
    void anOldCacheGainsTheNotificationList();
    void emptyStateSaysWhatWillShow();
    void startAtLoginWritesAndRemovesTheAutostartFile();
    void startMinimisedWithoutATrayMinimises();

private:
    std::unique_ptr<client::Client> makeClient(const QString& username);
    static bool waitForService(app::MainWindow& window);

    test::PrivateBus m_bus;
    QString m_busAddress;
    QTemporaryDir m_dir;
    QUrl m_server {QStringLiteral("ws://127.0.0.1:9")};
    int m_clients = 0;
};

void TestNotifications::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const auto error = m_bus.start()) {
        if (qgetenv("CI") != "true")
            QSKIP(qPrintable(*error));
        QFAIL(qPrintable(*error));
    }
    m_busAddress = m_bus.address();
    // From here on the session bus is this one.
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             qPrintable(QDBusConnection::sessionBus().lastError().message()));
    {
        NotificationServer probe({});
        QVERIFY(probe.start(m_busAddress));
        QVERIFY2(
            QDBusConnection::sessionBus().interface()->isServiceRegistered(notificationsService),
            "the session bus of the app is not the test's own");
    }
}

void TestNotifications::init()
{
    resetSettings();
}

std::unique_ptr<client::Client> TestNotifications::makeClient(const QString& username)
{
    return test::makeClient(m_server, username, m_dir.filePath(QString::number(++m_clients)));
}

bool TestNotifications::waitForService(app::MainWindow& window)
{
    return QTest::qWaitFor([&]() { return window.desktopNotifier()->isServiceAvailable(); }, 10000);
}

void TestNotifications::aNotificationReachesTheServiceAsSpecified()
{
    NotificationServer server(
        {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    QCOMPARE(window.desktopNotifier()->capabilities(),
             QStringList({QStringLiteral("actions"), QStringLiteral("body"),
                          QStringLiteral("body-markup")}));

    window.notifications().add(
        reply(QStringLiteral("Bram replied to you"), QStringLiteral("<b>a</b> & b > c")));
    QTRY_COMPARE(server.calls.size(), 1);
    const auto& call = server.calls.first();
    QCOMPARE(call.appName, QStringLiteral("Plein"));
    QCOMPARE(call.appIcon, QStringLiteral("nl.plein.Plein"));
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.summary, QStringLiteral("Bram replied to you"));
    // The service reads markup: the body is escaped so that it shows as it was written.
    QCOMPARE(call.body, QStringLiteral("&lt;b&gt;a&lt;/b&gt; &amp; b &gt; c"));
    QCOMPARE(call.actions, QStringList({QStringLiteral("default"), QStringLiteral("Open")}));
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("nl.plein.Plein"));
    QCOMPARE(call.hints.value(QStringLiteral("category")).toString(),
             QStringLiteral("im.received"));
    QVERIFY(!call.hints.contains(QStringLiteral("suppress-sound")));
    QCOMPARE(call.timeout, -1);

    window.notifications().add({.kind = QStringLiteral("group.invitation"),
                                .title = QStringLiteral("You are invited to join Koffie"),
                                .link = app::Navigator::link(QStringLiteral("group"), 3)});
    QTRY_COMPARE(server.calls.size(), 2);
    QCOMPARE(server.calls.at(1).summary, QStringLiteral("You are invited to join Koffie"));
    QCOMPARE(server.calls.at(1).hints.value(QStringLiteral("category")).toString(),
             QStringLiteral("im"));
    // Another kind is a bubble of its own.
    QCOMPARE(server.calls.at(1).replacesId, 0u);
}

void TestNotifications::bodyIsPlainWithoutMarkup()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    window.notifications().add(reply(QStringLiteral("Bram replied"), QStringLiteral("a < b & c")));
    QTRY_COMPARE(server.calls.size(), 1);
    QCOMPARE(server.calls.first().body, QStringLiteral("a < b & c"));
}

void TestNotifications::clickingTheBubbleOpensItsLinkAndRaisesTheWindow()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    QVERIFY(!window.isVisible());

    window.notifications().add(reply(QStringLiteral("Bram replied to you")));
    QTRY_COMPARE(server.calls.size(), 1);
    QCOMPARE(window.notifications().unreadCount(), 1);
    // An action on a bubble that is not ours is none of our business.
    server.invoke(server.calls.first().id + 100);
    QTest::qWait(100);
    QVERIFY(!window.isVisible());

    server.invoke(server.calls.first().id);
    QTRY_VERIFY(window.isVisible());
    QVERIFY(!window.isMinimized());
    QTRY_VERIFY(window.isActiveWindow());
    QCOMPARE(window.navigator().current(), app::Navigator::link(QStringLiteral("post"), 7));
    QCOMPARE(window.detail(), app::FeedCapability::of(window)->thread());
    QCOMPARE(app::FeedCapability::of(window)->thread()->model()->rootId(), 7);
    QCOMPARE(window.notifications().unreadCount(), 0);
    QVERIFY(window.notifications().at(0).read);
}

void TestNotifications::aFloodCollapsesIntoOneBubblePerKind()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));

    for (int i = 1; i <= 3; ++i)
        window.notifications().add(reply(QStringLiteral("Reply %1").arg(i)));
    const auto lastSummary
        = [&server]() { return server.calls.isEmpty() ? QString() : server.calls.last().summary; };
    QTRY_COMPARE(lastSummary(), QStringLiteral("3 new replies"));
    QTest::qWait(100);
    const uint id = server.calls.first().id;
    QSet<uint> bubbles;
    for (const auto& call : std::as_const(server.calls)) {
        bubbles.insert(call.id);
        QVERIFY(call.replacesId == 0 || call.replacesId == id);
    }
    QCOMPARE(bubbles.size(), 1);
    QCOMPARE(server.calls.first().summary, QStringLiteral("Reply 1"));
    // The collapsed bubble names the newest and opens the list.
    QCOMPARE(server.calls.last().body, QStringLiteral("Reply 3"));
    QCOMPARE(window.notifications().rowCount(), 3);

    // Once the person closed it, the next one is a bubble of its own again.
    server.close(id);
    QTest::qWait(100);
    const auto before = server.calls.size();
    window.notifications().add(reply(QStringLiteral("Reply 4")));
    QTRY_COMPARE(server.calls.size(), before + 1);
    QCOMPARE(server.calls.last().replacesId, 0u);
    QCOMPARE(server.calls.last().summary, QStringLiteral("Reply 4"));

    server.invoke(id);
    QTest::qWait(100);
    QVERIFY2(!window.isVisible(), "a closed bubble has nothing to open");
    server.invoke(server.calls.last().id);
    QTRY_COMPARE(window.navigator().current(), app::Navigator::link(QStringLiteral("post"), 7));
}

// One conversation, one bubble: each message replaces it, whatever its kind, and reading the
// conversation takes it away; other keys and keyless kinds keep bubbles of their own.
void TestNotifications::notificationsOfOneKeyReplaceEachOther()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    auto& model = window.notifications();
    const auto chat = [](const QString& kind, const QString& title, const QString& key) {
        return app::NotificationModel::Notification {
            .kind = kind,
            .title = title,
            .body = title + QStringLiteral("!"),
            .link = app::Navigator::link(QStringLiteral("post"), 7),
            .key = key};
    };
    model.add(chat(QStringLiteral("chat.direct"), QStringLiteral("Bram: one"),
                   QStringLiteral("chat:31")));
    QTRY_COMPARE(server.calls.size(), 1);
    const uint first = server.calls.first().id;
    model.add(chat(QStringLiteral("chat.mention"), QStringLiteral("Bram: two"),
                   QStringLiteral("chat:31")));
    QTRY_COMPARE(server.calls.size(), 2);
    QCOMPARE(server.calls.at(1).replacesId, first);
    // The newest as it is, not "2 new messages".
    QCOMPARE(server.calls.at(1).summary, QStringLiteral("Bram: two"));
    QCOMPARE(server.calls.at(1).body, QStringLiteral("Bram: two!"));

    model.add(chat(QStringLiteral("chat.direct"), QStringLiteral("Daan: hoi"),
                   QStringLiteral("chat:32")));
    model.add(reply(QStringLiteral("Chantal replied")));
    QTRY_COMPARE(server.calls.size(), 4);
    QCOMPARE(server.calls.at(2).replacesId, 0u);
    QCOMPARE(server.calls.at(3).replacesId, 0u);
    const uint other = server.calls.at(2).id;
    QVERIFY(other != first);

    // Long after the kinds stop collapsing, a key's bubble is still replaced while it is up.
    model.add(chat(QStringLiteral("chat.direct"), QStringLiteral("Bram: three"),
                   QStringLiteral("chat:31")));
    QTRY_COMPARE(server.calls.size(), 5);
    QCOMPARE(server.calls.last().replacesId, first);

    // The conversation was read (here, on another device): its bubble goes, the other stays.
    QCOMPARE(model.unreadCount(), 5);
    model.markKeyRead(QStringLiteral("chat:31"));
    QCOMPARE(model.unreadCount(), 2);
    QTRY_COMPARE(server.closeRequests, QList<uint>({first}));
    // Reading one of two leaves the bubble up; the last one takes it away.
    model.add(chat(QStringLiteral("chat.direct"), QStringLiteral("Daan: nog iets"),
                   QStringLiteral("chat:32")));
    QTRY_COMPARE(server.calls.size(), 6);
    model.markRead(model.rowOf(model.at(0).id));
    QTest::qWait(100);
    QCOMPARE(server.closeRequests.size(), 1);
    model.markAllRead();
    QTRY_COMPARE(server.closeRequests, QList<uint>({first, other}));
    // Once closed, the key starts a bubble of its own again.
    model.add(chat(QStringLiteral("chat.direct"), QStringLiteral("Bram: four"),
                   QStringLiteral("chat:31")));
    QTRY_COMPARE(server.calls.size(), 7);
    QCOMPARE(server.calls.last().replacesId, 0u);
}

void TestNotifications::buttonsReachTheCapability()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    auto* notifier = window.desktopNotifier();
    QVERIFY(notifier->hasActions());
    QVERIFY(!notifier->hasInlineReply());
    QSignalSpy invoked(notifier, &app::DesktopNotifier::actionInvoked);
    auto& model = window.notifications();
    const app::NotificationModel::Notification message {
        .kind = QStringLiteral("chat.direct"),
        .title = QStringLiteral("Bram: lunch?"),
        .link = app::Navigator::link(QStringLiteral("post"), 7),
        .key = QStringLiteral("chat:31"),
        .actions = {app::NotificationModel::reply(), app::NotificationModel::markRead()}};
    model.add(message);
    model.add(message);
    QTRY_COMPARE(server.calls.size(), 2);
    // Without inline reply, Reply is a button like the others.
    QCOMPARE(server.calls.last().actions,
             QStringList({QStringLiteral("default"), QStringLiteral("Open"),
                          QStringLiteral("reply"), QStringLiteral("Reply"),
                          QStringLiteral("mark-read"), QStringLiteral("Mark as read")}));
    QVERIFY(!server.calls.last().hints.contains(QStringLiteral("x-kde-reply-placeholder-text")));
    const uint id = server.calls.last().id;

    server.invoke(id, QStringLiteral("mark-read"));
    QTRY_COMPARE(invoked.size(), 1);
    const auto target = invoked.first().at(0).value<app::NotificationModel::Notification>();
    QCOMPARE(target.key, QStringLiteral("chat:31"));
    QCOMPARE(target.link, app::Navigator::link(QStringLiteral("post"), 7));
    QCOMPARE(target.id, model.at(0).id);
    QCOMPARE(invoked.first().at(1).toString(), QStringLiteral("mark-read"));
    // Both of the conversation read, the bubble gone, the window left alone.
    QCOMPARE(model.unreadCount(), 0);
    QTRY_COMPARE(server.closeRequests, QList<uint>({id}));
    QVERIFY(!window.isVisible());

    // Reply, where it cannot be typed in the bubble, opens the conversation to write it there.
    model.add(message);
    QTRY_COMPARE(server.calls.size(), 3);
    server.invoke(server.calls.last().id, QStringLiteral("reply"));
    QTRY_COMPARE(invoked.size(), 2);
    QCOMPARE(invoked.last().at(1).toString(), QStringLiteral("reply"));
    QTRY_VERIFY(window.isVisible());
    QCOMPARE(window.navigator().current(), app::Navigator::link(QStringLiteral("post"), 7));

    // A collapsed bubble stands for several: no buttons.
    window.hide();
    QTRY_VERIFY(!window.isActiveWindow());
    const auto before = server.calls.size();
    for (int i = 0; i < 2; ++i) {
        model.add({.kind = QStringLiteral("reply"),
                   .title = QStringLiteral("Reply %1").arg(i),
                   .actions = {app::NotificationModel::markRead()}});
    }
    QTRY_COMPARE(server.calls.size(), before + 2);
    QCOMPARE(server.calls.at(before).actions.size(), 4);
    QCOMPARE(server.calls.last().actions,
             QStringList({QStringLiteral("default"), QStringLiteral("Open")}));
}

void TestNotifications::aReplyTypedInTheBubbleReachesTheCapability()
{
    NotificationServer server(
        {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("inline-reply")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    auto* notifier = window.desktopNotifier();
    QVERIFY(notifier->hasInlineReply());
    QSignalSpy replied(notifier, &app::DesktopNotifier::replied);
    auto& model = window.notifications();
    model.add({.kind = QStringLiteral("chat.direct"),
               .title = QStringLiteral("Bram: lunch?"),
               .key = QStringLiteral("chat:31"),
               .actions = {app::NotificationModel::reply(), app::NotificationModel::markRead()}});
    QTRY_COMPARE(server.calls.size(), 1);
    const auto& call = server.calls.first();
    // KDE's inline reply: the action "inline-reply" and the field's placeholder.
    QCOMPARE(server.buttonKeys(),
             QStringList({QStringLiteral("inline-reply"), QStringLiteral("mark-read")}));
    QCOMPARE(call.actions.at(3), QStringLiteral("Reply"));
    QCOMPARE(call.hints.value(QStringLiteral("x-kde-reply-placeholder-text")).toString(),
             QStringLiteral("Write a reply…"));

    // Another application's bubble is none of ours.
    server.reply(call.id + 50, QStringLiteral("not for us"));
    server.reply(call.id, QStringLiteral("Yes, 12:30 <b>at</b> the usual place"));
    QTRY_COMPARE(replied.size(), 1);
    const auto target = replied.first().at(0).value<app::NotificationModel::Notification>();
    QCOMPARE(target.key, QStringLiteral("chat:31"));
    QCOMPARE(replied.first().at(1).toString(),
             QStringLiteral("Yes, 12:30 <b>at</b> the usual place"));
    // Who answers has read it; the window was not needed.
    QCOMPARE(model.unreadCount(), 0);
    QVERIFY(!window.isVisible());
}

void TestNotifications::withoutActionsTheClickStillOpens()
{
    NotificationServer server({QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    QVERIFY(!window.desktopNotifier()->hasActions());
    window.notifications().add(
        {.kind = QStringLiteral("chat.direct"),
         .title = QStringLiteral("Bram: lunch?"),
         .link = app::Navigator::link(QStringLiteral("post"), 7),
         .key = QStringLiteral("chat:31"),
         .actions = {app::NotificationModel::reply(), app::NotificationModel::markRead()}});
    QTRY_COMPARE(server.calls.size(), 1);
    QCOMPARE(server.calls.first().actions,
             QStringList({QStringLiteral("default"), QStringLiteral("Open")}));
    server.invoke(server.calls.first().id);
    QTRY_VERIFY(window.isVisible());
    QCOMPARE(window.navigator().current(), app::Navigator::link(QStringLiteral("post"), 7));
    QCOMPARE(window.notifications().unreadCount(), 0);
}

void TestNotifications::mutedSourcesAreListedButDoNotBubble()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    auto* notifier = window.desktopNotifier();
    {
        QObject capability;
        notifier->addMuteCheck(&capability, [](const app::NotificationModel::Notification& n) {
            return n.key == QLatin1StringView("chat:9");
        });
        window.notifications().add({.kind = QStringLiteral("chat.direct"),
                                    .title = QStringLiteral("Muted: hi"),
                                    .key = QStringLiteral("chat:9")});
        window.notifications().add({.kind = QStringLiteral("chat.direct"),
                                    .title = QStringLiteral("Daan: hoi"),
                                    .key = QStringLiteral("chat:10")});
        QTRY_COMPARE(server.calls.size(), 1);
        QTest::qWait(100);
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls.first().summary, QStringLiteral("Daan: hoi"));
        QCOMPARE(window.notifications().rowCount(), 2);
        QCOMPARE(window.notifications().at(1).title, QStringLiteral("Muted: hi"));
    }
    // The check goes with the capability that registered it.
    window.notifications().add({.kind = QStringLiteral("chat.direct"),
                                .title = QStringLiteral("Unmuted: hi"),
                                .key = QStringLiteral("chat:9")});
    QTRY_COMPARE(server.calls.size(), 2);
    QCOMPARE(server.calls.last().summary, QStringLiteral("Unmuted: hi"));
}

void TestNotifications::withoutAServiceTheTrayTakesOver()
{
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(notificationsService));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, true);
    auto* notifier = window.desktopNotifier();
    QTRY_VERIFY(notifier->isServiceMissing());
    QSignalSpy shown(notifier, &app::DesktopNotifier::shown);
    window.notifications().add(reply(QStringLiteral("Bram replied to you")));
    QTRY_COMPARE(shown.size(), 1);
    // The tray's message where the desktop has a tray; nothing (but the list) where it has not,
    // as under the offscreen platform.
    const Route expected = app::TrayIcon::instance() ? Route::Tray : Route::None;
    QCOMPARE(shown.first().at(0).value<Route>(), expected);
    QCOMPARE(shown.first().at(1).toString(), QStringLiteral("Bram replied to you"));
    QCOMPARE(window.tray() != nullptr, app::TrayIcon::instance() != nullptr);
    QCOMPARE(window.notifications().rowCount(), 1);

    // A service that starts later is used from then on.
    NotificationServer server({QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    QTRY_VERIFY(notifier->isServiceAvailable());
    window.notifications().add(reply(QStringLiteral("Chantal replied to you")));
    QTRY_COMPARE(server.calls.size(), 1);
    // The route is told once the service answered, which may come after the call arrived.
    QTRY_COMPARE(shown.size(), 2);
    QCOMPARE(shown.last().at(0).value<Route>(), Route::Service);
}

void TestNotifications::mutedKindsAreListedButDoNotNotify()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));

    // Replies off, through the dialog as a person would.
    {
        app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
        QVERIFY(dialog.desktopBox()->isChecked());
        QVERIFY(dialog.kindBox(QStringLiteral("replies"))->isChecked());
        QVERIFY(dialog.kindBox(QStringLiteral("mentions")));
        QVERIFY(dialog.kindBox(QStringLiteral("groups")));
        // This service plays no sounds, so there is none to turn off.
        QVERIFY(dialog.silentBox()->isHidden());
        dialog.kindBox(QStringLiteral("replies"))->setChecked(false);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QVERIFY(!app::NotificationSettings::load().notifies(QStringLiteral("reply")));
    QVERIFY(app::NotificationSettings::load().notifies(QStringLiteral("mention")));

    window.notifications().add(reply(QStringLiteral("Bram replied to you")));
    window.notifications().add(
        {.kind = QStringLiteral("mention"), .title = QStringLiteral("Bram mentioned you")});
    QTRY_COMPARE(server.calls.size(), 1);
    QCOMPARE(server.calls.first().summary, QStringLiteral("Bram mentioned you"));
    QCOMPARE(window.notifications().rowCount(), 2);
    QCOMPARE(window.notifications().at(1).title, QStringLiteral("Bram replied to you"));
    QCOMPARE(window.notifications().unreadCount(), 2);

    // Desktop notifications off: nothing shows, everything is listed.
    {
        app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
        QVERIFY(!dialog.kindBox(QStringLiteral("replies"))->isChecked());
        dialog.desktopBox()->setChecked(false);
        QVERIFY(!dialog.kindBox(QStringLiteral("mentions"))->isEnabled());
        dialog.accept();
    }
    window.notifications().add(
        {.kind = QStringLiteral("mention"), .title = QStringLiteral("Daan mentioned you")});
    window.notifications().add({.kind = QStringLiteral("group.request"),
                                .title = QStringLiteral("New request to join Koffie")});
    QTest::qWait(300);
    QCOMPARE(server.calls.size(), 1);
    QCOMPARE(window.notifications().rowCount(), 4);
}

void TestNotifications::silentAsksForNoSound()
{
    NotificationServer server(
        {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("sound")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    {
        app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
        QVERIFY(!dialog.silentBox()->isHidden());
        dialog.silentBox()->setChecked(true);
        dialog.accept();
    }
    window.notifications().add(reply(QStringLiteral("Bram replied to you")));
    QTRY_COMPARE(server.calls.size(), 1);
    QCOMPARE(server.calls.first().hints.value(QStringLiteral("suppress-sound")).toBool(), true);
}

void TestNotifications::theActiveWindowIsNotInterrupted()
{
    NotificationServer server({QStringLiteral("actions"), QStringLiteral("body")});
    QVERIFY(server.start(m_busAddress));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(waitForService(window));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.notifications().add(reply(QStringLiteral("Bram replied to you")));
    QTest::qWait(300);
    QCOMPARE(server.calls.size(), 0);
    QCOMPARE(window.notifications().unreadCount(), 1);
}

void TestNotifications::notificationsSurviveARestartWithTheirUnreadState()
{
    const QString profile = m_dir.filePath(QStringLiteral("restart"));
    {
        auto core = test::makeClient(m_server, QStringLiteral("anna"), profile);
        app::MainWindow window(*core, false);
        auto& model = window.notifications();
        model.add(reply(QStringLiteral("first"), QStringLiteral("one"), 1));
        model.add({.kind = QStringLiteral("group.approval"),
                   .title = QStringLiteral("second"),
                   .link = app::Navigator::link(QStringLiteral("group"), 2)});
        model.add(reply(QStringLiteral("third"), QStringLiteral("three"), 3));
        model.markRead(1); // "second"
        QCOMPARE(model.unreadCount(), 2);
    }
    {
        auto core = test::makeClient(m_server, QStringLiteral("anna"), profile);
        app::MainWindow window(*core, false);
        auto& model = window.notifications();
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.unreadCount(), 2);
        QCOMPARE(model.at(0).title, QStringLiteral("third"));
        QCOMPARE(model.at(0).body, QStringLiteral("three"));
        QCOMPARE(model.at(0).link, app::Navigator::link(QStringLiteral("post"), 3));
        QVERIFY(!model.at(0).read);
        QCOMPARE(model.at(1).kind, QStringLiteral("group.approval"));
        QVERIFY(model.at(1).read);
        QCOMPARE(model.at(2).title, QStringLiteral("first"));
        QVERIFY(model.at(2).at.isValid());
        QVERIFY(model.at(2).at <= model.at(0).at);
        // The sidebar's badge starts from what was left unread.
        QCOMPARE(window.sidebarModel()
                     .indexFor(app::Navigator::link(QStringLiteral("notifications")))
                     .data(app::SidebarModel::BadgeRole)
                     .toInt(),
                 2);

        QVERIFY(window.navigator().open(app::Navigator::link(QStringLiteral("notifications"))));
        auto* page = qobject_cast<app::NotificationsPage*>(window.currentPage());
        QVERIFY(page);
        QVERIFY(page->markAllReadButton()->isEnabled());
        page->markAllReadButton()->click();
        QCOMPARE(model.unreadCount(), 0);
    }
    {
        auto core = test::makeClient(m_server, QStringLiteral("anna"), profile);
        app::MainWindow window(*core, false);
        QCOMPARE(window.notifications().rowCount(), 3);
        QCOMPARE(window.notifications().unreadCount(), 0);
    }
    // Another account on the same machine has a list of its own.
    {
        auto core = test::makeClient(m_server, QStringLiteral("bram"), profile);
        app::MainWindow window(*core, false);
        QCOMPARE(window.notifications().rowCount(), 0);
    }
}

void TestNotifications::theCacheKeepsTheNewest()
{
    auto core = makeClient(QStringLiteral("anna"));
    auto store = core->notifications();
    constexpr int extra = 7;
    QVERIFY(core->cache().transaction([&]() {
        for (int i = 0; i < client::NotificationStore::maxKept + extra; ++i) {
            client::NotificationRow row {.kind = QStringLiteral("reply"),
                                         .title = QStringLiteral("n%1").arg(i)};
            if (!store.add(row))
                return false;
        }
        return true;
    }));
    const auto rows = store.newest(client::NotificationStore::maxKept * 2);
    QCOMPARE(rows.size(), client::NotificationStore::maxKept);
    QCOMPARE(rows.first().title,
             QStringLiteral("n%1").arg(client::NotificationStore::maxKept + extra - 1));
    QCOMPARE(rows.last().title, QStringLiteral("n%1").arg(extra));
    QCOMPARE(store.unreadCount(), client::NotificationStore::maxKept);
    QVERIFY(store.markRead(rows.first().id));
    QCOMPARE(store.unreadCount(), client::NotificationStore::maxKept - 1);
    QVERIFY(store.markAllRead());
    QCOMPARE(store.unreadCount(), 0);
}

// A cache from before the notification list (version 10) keeps its posts and gains the list.
void TestNotifications::anOldCacheGainsTheNotificationList()
{
    const QString path = m_dir.filePath(QStringLiteral("v10.sqlite"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QTemporaryDir probeDir;
        client::Cache probe; // registers the migration resources
        QVERIFY(!probe.open(probeDir.filePath(QStringLiteral("p.sqlite"))));
        sql::Migrator migrator(db, sql::Dialect(sql::Backend::SQLite),
                               QStringLiteral(":/plein/client/migrations"));
        QVERIFY(db.open());
        QVERIFY(!migrator.migrate(10));
        QCOMPARE(migrator.currentVersion(), 10);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO posts (id, author_id, author_username, author_name, body, created_at) "
            "VALUES (7, 1, 'anna', 'Anna', 'kept', '2024-01-01')")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    client::Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty());
    QCOMPARE(client::PostStore(cache).post(7)->body, QStringLiteral("kept"));
    client::NotificationStore store(cache);
    QCOMPARE(store.newest().size(), 0);
    client::NotificationRow row {.kind = QStringLiteral("mention"), .title = QStringLiteral("hi")};
    QVERIFY(store.add(row));
    QVERIFY(row.id > 0);
    QCOMPARE(store.newest().first(), row);
}

void TestNotifications::emptyStateSaysWhatWillShow()
{
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(window.navigator().open(app::Navigator::link(QStringLiteral("notifications"))));
    auto* page = qobject_cast<app::NotificationsPage*>(window.currentPage());
    QVERIFY(page);
    QVERIFY(page->emptyState()->isVisible());
    QVERIFY(!page->view()->isVisible());
    QVERIFY(!page->markAllReadButton()->isEnabled());
    auto* text = page->emptyState()->findChild<QLabel*>(QStringLiteral("emptyText"));
    QVERIFY(text);
    QCOMPARE(text->text(),
             QStringLiteral("Nothing yet: mentions, replies and group invitations show up here."));
    window.notifications().add(
        reply(QStringLiteral("Bram replied to you"), QStringLiteral("Thanks, see you there")));
    QVERIFY(!page->emptyState()->isVisible());
    QVERIFY(page->view()->isVisible());
    QVERIFY(page->markAllReadButton()->isEnabled());
    // Rows are as high as a title and a line of body at least.
    QVERIFY(page->view()->visualRect(window.notifications().index(0)).height()
            > 2 * page->fontMetrics().height());
}

void TestNotifications::startAtLoginWritesAndRemovesTheAutostartFile()
{
    const QString file = app::NotificationSettings::autostartFile();
    QCOMPARE(file,
             qEnvironmentVariable("XDG_CONFIG_HOME")
                 + QStringLiteral("/autostart/nl.plein.Plein.desktop"));
    QVERIFY(!QFile::exists(file));
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    {
        app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
        QVERIFY(!dialog.startAtLoginBox()->isChecked());
        QVERIFY(!dialog.startMinimisedBox()->isChecked());
        dialog.startAtLoginBox()->setChecked(true);
        dialog.startMinimisedBox()->setChecked(true);
        dialog.accept();
    }
    QVERIFY(QFile::exists(file));
    QVERIFY(app::NotificationSettings::load().startMinimised);
    QFile entry(file);
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(entry.readAll());
    QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
    QVERIFY(text.contains(QStringLiteral("\nType=Application\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=nl.plein.Plein\n")));
    const QRegularExpression exec(QStringLiteral("\nExec=(.+) --minimised\n"));
    QVERIFY2(exec.match(text).hasMatch(), qPrintable(text));
    const QString validator
        = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (!validator.isEmpty()) {
        QProcess validate;
        validate.start(validator, {file});
        QVERIFY(validate.waitForFinished(20000));
        QVERIFY2(validate.exitCode() == 0 && validate.readAll().trimmed().isEmpty(),
                 qPrintable(text));
    }
    {
        app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
        QVERIFY(dialog.startAtLoginBox()->isChecked());
        QVERIFY(dialog.startMinimisedBox()->isChecked());
        dialog.startAtLoginBox()->setChecked(false);
        dialog.accept();
    }
    QVERIFY(!QFile::exists(file));
    // Removed by hand (or by the desktop's settings): the dialog says so.
    QVERIFY(!app::NotificationSettings::setStartsAtLogin(true));
    QVERIFY(QFile::remove(file));
    app::NotificationSettingsDialog dialog(window.desktopNotifier(), &window);
    QVERIFY(!dialog.startAtLoginBox()->isChecked());
}

void TestNotifications::startMinimisedWithoutATrayMinimises()
{
    auto core = makeClient(QStringLiteral("anna"));
    app::MainWindow window(*core, false);
    QVERIFY(!window.tray());
    window.startMinimised();
    QVERIFY(window.isMinimized());
    window.bringToFront();
    QVERIFY(!window.isMinimized());
    QVERIFY(window.isVisible());
}

int main(int argc, char** argv)
{
    // Settings and the autostart folder in a folder of the test's own, before anything reads
    // them.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PleinTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_notifications"));
    TestNotifications test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifications.moc"
