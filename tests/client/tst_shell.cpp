#include "cache.h"
#include "client.h"
#include "connection.h"
#include "feed.h"
#include "feedscope.h"
#include "loginflow.h"
#include "outbox.h"
#include "outboxstore.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/threadpane.h"
#include "poststore.h"
#include "shell/header.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/notificationspage.h"
#include "shell/shortcutsdialog.h"
#include "shell/sidebar.h"
#include "shell/sidebarmodel.h"
#include "testclient.h"
#include "testlogin.h"
#include "testserver.h"
#include "threadmodel.h"
#include "ui/icons.h"
#include "ui/theme.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace plein;

// The shell: the Navigator's links, the sidebar, the notification centre, the layout from wide
// to one column, and links given on the command line; against the real server.
class TestShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void navigatorParsesLinks_data();
    void navigatorParsesLinks();
    void navigatorOpensPagesAndRefusesTheRest();
    void sidebarFollowsTheRowsOfACapability();
    void sidebarOpensWhatIsChosen();
    void notificationCentreListsAndMarksRead();
    void aReplyNotifiesAndOpensItsThread();
    void layoutGoesFromThreeColumnsToOne();
    void commandLineLinkOpensAtStart();
    void headerSaysWhoIsLoggedInAndWhere();
    void noticeFloatsWithoutMovingThePage();
    void retryCountdownCountsDownAndReconnectNowTries();
    void refusedWritesAreCountedApart();
    void shortcutsPageListsEveryShortcut();
    void escapeGoesBackAndAltArrowsWalkTheSidebar();
    void darkThemeRedrawsTheIcons();

private:
    test::TestServer m_server;
};

namespace {

QUrl link(const char* text)
{
    return QUrl(QString::fromLatin1(text));
}

app::FeedCapability& feedOf(const app::MainWindow& window)
{
    return *app::FeedCapability::of(window);
}

void clickRow(QAbstractItemView* view, const QModelIndex& index)
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

bool addPost(client::Cache& cache, qint64 id, qint64 parentId = 0)
{
    QJsonObject post {{QStringLiteral("id"), id},
                      {QStringLiteral("author"),
                       QJsonObject {{QStringLiteral("id"), 2},
                                    {QStringLiteral("username"), QStringLiteral("bram")},
                                    {QStringLiteral("displayName"), QStringLiteral("Bram")}}},
                      {QStringLiteral("body"), QStringLiteral("post %1").arg(id)},
                      {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")},
                      {QStringLiteral("likes"), 0},
                      {QStringLiteral("replies"), 0}};
    if (parentId)
        post.insert(QStringLiteral("parentId"), parentId);
    return cache.transaction([&]() { return client::PostStore(cache).upsert(post, false); });
}

} // namespace

void TestShell::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestShell::navigatorParsesLinks_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("route");
    QTest::addColumn<qint64>("id");
    QTest::newRow("home") << link("plein:/home") << true << "home" << qint64(0);
    QTest::newRow("group") << link("plein:/group/12") << true << "group" << qint64(12);
    QTest::newRow("post") << link("plein:/post/991") << true << "post" << qint64(991);
    QTest::newRow("no slash") << link("plein:group/12") << true << "group" << qint64(12);
    QTest::newRow("three slashes") << link("plein:///group/12") << true << "group" << qint64(12);
    QTest::newRow("trailing slash") << link("plein:/groups/") << true << "groups" << qint64(0);
    QTest::newRow("upper-case scheme") << link("PLEIN:/home") << true << "home" << qint64(0);
    QTest::newRow("host") << link("plein://group/12") << false << "" << qint64(0);
    QTest::newRow("other scheme") << link("https:/group/12") << false << "" << qint64(0);
    QTest::newRow("id not a number") << link("plein:/group/abc") << false << "" << qint64(0);
    QTest::newRow("id zero") << link("plein:/post/0") << false << "" << qint64(0);
    QTest::newRow("negative id") << link("plein:/post/-3") << false << "" << qint64(0);
    QTest::newRow("id too large") << link("plein:/post/99999999999999999") << false << ""
                                  << qint64(0);
    QTest::newRow("too deep") << link("plein:/group/12/members") << false << "" << qint64(0);
    QTest::newRow("empty") << link("plein:") << false << "" << qint64(0);
    QTest::newRow("script") << link("plein:/<script>") << false << "" << qint64(0);
}

void TestShell::navigatorParsesLinks()
{
    QFETCH(QUrl, url);
    QFETCH(bool, valid);
    QFETCH(QString, route);
    QFETCH(qint64, id);
    const auto target = app::Navigator::parse(url);
    QCOMPARE(target.has_value(), valid);
    if (valid) {
        QCOMPARE(target->route, route);
        QCOMPARE(target->id, id);
        QCOMPARE(app::Navigator::parse(app::Navigator::link(route, id)), target);
    }
}

void TestShell::navigatorOpensPagesAndRefusesTheRest()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(addPost(core->cache(), 7));
    QVERIFY(addPost(core->cache(), 8, 7));
    app::MainWindow window(*core, false);
    window.show();
    auto& navigator = window.navigator();
    auto& feed = feedOf(window);
    QCOMPARE(navigator.current(), link("plein:/home"));
    QCOMPARE(window.currentPage(), feed.home());

    QVERIFY(navigator.open(link("plein:/notifications")));
    QVERIFY(qobject_cast<app::NotificationsPage*>(window.currentPage()));
    QVERIFY(navigator.open(link("plein:/home")));
    QCOMPARE(window.currentPage(), feed.home());

    // A reply opens its thread.
    QVERIFY(navigator.open(link("plein:/post/8")));
    QVERIFY(window.isDetailOpen());
    QCOMPARE(window.detail(), feed.thread());
    QCOMPARE(feed.thread()->model()->rootId(), 7);
    // The sidebar still marks the page the thread was opened beside.
    QCOMPARE(window.sidebar()->currentIndex(), window.sidebarModel().indexFor(link("plein:/home")));

    // Nothing changes for a link that leads nowhere, but the status bar says so.
    QSignalSpy refused(&navigator, &app::Navigator::refused);
    for (const char* bad : {"plein:/nowhere", "plein:/post", "plein:/home/3", "plein:/post/x",
                            "https://plein.example/home", "plein://home"}) {
        window.statusBar()->clearMessage();
        QVERIFY2(!navigator.open(link(bad)), bad);
        QCOMPARE(window.currentPage(), feed.home());
        QCOMPARE(navigator.current(), link("plein:/post/8"));
        QVERIFY2(!window.statusBar()->currentMessage().isEmpty(), bad);
    }
    QCOMPARE(refused.size(), 6);
}

void TestShell::sidebarFollowsTheRowsOfACapability()
{
    QStandardItemModel rows;
    app::SidebarModel sidebar;
    QAbstractItemModelTester tester(&sidebar,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int home
        = sidebar.addEntry({.title = QStringLiteral("Home"), .link = link("plein:/home")});
    const int groups = sidebar.addEntry(
        {.title = QStringLiteral("Groups"),
         .link = QUrl(),
         .rows = &rows,
         .rowTitleRole = Qt::DisplayRole,
         .rowBadgeRole = Qt::UserRole + 2,
         .rowLink =
             [](const QModelIndex& index) {
                 return app::Navigator::link(QStringLiteral("group"),
                                             index.data(Qt::UserRole + 1).toLongLong());
             },
         .fixed = {{QStringLiteral("Browse groups"), link("plein:/groups")}}});
    QCOMPARE(sidebar.rowCount(), 2);
    const QModelIndex groupsEntry = sidebar.index(groups, 0);
    QCOMPARE(sidebar.rowCount(groupsEntry), 1);

    const auto addGroup = [&](int row, qint64 id, const QString& name, int unread) {
        auto* item = new QStandardItem(name);
        item->setData(id, Qt::UserRole + 1);
        item->setData(unread, Qt::UserRole + 2);
        rows.insertRow(row, item);
    };
    addGroup(0, 12, QStringLiteral("Dijkbeheer"), 3);
    addGroup(0, 4, QStringLiteral("Lunchwandelaars"), 0);
    addGroup(2, 30, QStringLiteral("ICT-nieuws"), 1);
    QCOMPARE(sidebar.rowCount(groupsEntry), 4);
    QCOMPARE(sidebar.index(1, 0, groupsEntry).data().toString(), QStringLiteral("Dijkbeheer"));
    QCOMPARE(sidebar.index(1, 0, groupsEntry).data(app::SidebarModel::BadgeRole).toInt(), 3);
    QCOMPARE(sidebar.index(3, 0, groupsEntry).data().toString(), QStringLiteral("Browse groups"));
    QCOMPARE(sidebar.indexFor(link("plein:/group/12")), sidebar.index(1, 0, groupsEntry));
    QCOMPARE(sidebar.indexFor(link("plein:/groups")), sidebar.index(3, 0, groupsEntry));
    QCOMPARE(sidebar.indexFor(link("plein:/home")), sidebar.index(home, 0));
    QVERIFY(!sidebar.indexFor(link("plein:/group/99")).isValid());

    QSignalSpy changed(&sidebar, &QAbstractItemModel::dataChanged);
    rows.item(1)->setData(0, Qt::UserRole + 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(sidebar.index(1, 0, groupsEntry).data(app::SidebarModel::BadgeRole).toInt(), 0);
    sidebar.setBadge(home, 5);
    QCOMPARE(sidebar.index(home, 0).data(app::SidebarModel::BadgeRole).toInt(), 5);

    rows.sort(0); // a new order (layoutChanged)
    QCOMPARE(sidebar.index(1, 0, groupsEntry).data().toString(), QStringLiteral("ICT-nieuws"));
    rows.removeRow(1);
    QCOMPARE(sidebar.rowCount(groupsEntry), 3);
    QCOMPARE(sidebar.index(1, 0, groupsEntry).data().toString(), QStringLiteral("Lunchwandelaars"));
    rows.clear();
    QCOMPARE(sidebar.rowCount(groupsEntry), 1);
}

void TestShell::sidebarOpensWhatIsChosen()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* sidebar = window.sidebar();
    const QModelIndex notifications = window.sidebarModel().indexFor(link("plein:/notifications"));
    QVERIFY(notifications.isValid());
    clickRow(sidebar, notifications);
    QCOMPARE(window.navigator().current(), link("plein:/notifications"));
    // Opened another way, the sidebar shows where the reader is.
    QVERIFY(window.navigator().open(link("plein:/home")));
    QCOMPARE(sidebar->currentIndex(), window.sidebarModel().indexFor(link("plein:/home")));
    sidebar->setFocus();
    QTest::keyClick(sidebar, Qt::Key_Down);
    QTest::keyClick(sidebar, Qt::Key_Return);
    QCOMPARE(window.navigator().current(),
             sidebar->currentIndex().data(app::SidebarModel::LinkRole).toUrl());
}

void TestShell::notificationCentreListsAndMarksRead()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    window.show();
    auto& model = window.notifications();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex entry = window.sidebarModel().indexFor(link("plein:/notifications"));
    QCOMPARE(entry.data(app::SidebarModel::BadgeRole).toInt(), 0);

    model.add({.kind = QStringLiteral("reply"),
               .title = QStringLiteral("Bram replied to you"),
               .body = QStringLiteral("post 7"),
               .link = link("plein:/post/7")});
    model.add({.kind = QStringLiteral("group.invitation"),
               .title = QStringLiteral("An invitation"),
               .link = link("plein:/home")});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.unreadCount(), 2);
    QCOMPARE(entry.data(app::SidebarModel::BadgeRole).toInt(), 2);
    QCOMPARE(model.index(0).data(app::NotificationModel::TitleRole).toString(),
             QStringLiteral("An invitation"));

    QVERIFY(window.navigator().open(link("plein:/notifications")));
    auto* page = qobject_cast<app::NotificationsPage*>(window.currentPage());
    QVERIFY(page);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = page->view();
    clickRow(view, model.index(1));
    QVERIFY(model.index(1).data(app::NotificationModel::ReadRole).toBool());
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(window.detail(), feedOf(window).thread());
    QCOMPARE(feedOf(window).thread()->model()->rootId(), 7);

    page->markAllReadButton()->click();
    QCOMPARE(model.unreadCount(), 0);
    QCOMPARE(entry.data(app::SidebarModel::BadgeRole).toInt(), 0);
    QVERIFY(!page->markAllReadButton()->isEnabled());

    for (int i = 0; i < app::NotificationModel::maxEntries + 5; ++i)
        model.add({.title = QStringLiteral("n%1").arg(i)});
    QCOMPARE(model.rowCount(), app::NotificationModel::maxEntries);
    QCOMPARE(model.unreadCount(), app::NotificationModel::maxEntries);
}

void TestShell::aReplyNotifiesAndOpensItsThread()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(test::goOnlineAndCatchUp(*core));
    core->feed().createPost(QStringLiteral("Wie weet waar de sleutel van de kast is?"));
    QTRY_COMPARE(core->outbox().count(), 0);
    const qint64 mine = feedOf(window).home()->model()->rowAt(0).id;
    QVERIFY(mine > 0);

    QTemporaryDir bramProfile;
    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), bramProfile.path());
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    bram->feed().createPost(QStringLiteral("Bij de receptie"), mine);
    QTRY_COMPARE(bram->outbox().count(), 0);
    auto& notifications = window.notifications();
    QTRY_COMPARE_WITH_TIMEOUT(notifications.rowCount(), 1, 10000);
    const auto notification = notifications.at(0);
    QCOMPARE(notification.kind, QStringLiteral("reply"));
    QVERIFY2(notification.title.contains(QStringLiteral("replied to you")),
             qPrintable(notification.title));
    QCOMPARE(notification.link, app::Navigator::link(QStringLiteral("post"), mine));
    QVERIFY(window.navigator().open(notification.link));
    QCOMPARE(feedOf(window).thread()->model()->rootId(), mine);
    bram->connection().stop();
    core->connection().stop();
}

void TestShell::layoutGoesFromThreeColumnsToOne()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto& feed = feedOf(window);
    QVERIFY(window.navigator().open(link("plein:/post/7")));

    window.resize(1100, 700);
    QTRY_COMPARE(window.layoutMode(), app::MainWindow::Layout::Wide);
    QVERIFY(window.sidebar()->isVisible());
    QVERIFY(feed.home()->isVisible());
    QVERIFY(feed.thread()->isVisible()); // beside the page

    window.resize(700, 700);
    QTRY_COMPARE(window.layoutMode(), app::MainWindow::Layout::Medium);
    QVERIFY(window.sidebar()->isVisible());
    QVERIFY(!feed.home()->isVisible()); // the thread is over it
    QVERIFY(feed.thread()->isVisible());
    window.closeDetail();
    QVERIFY(feed.home()->isVisible());

    // One column, down to 360 pixels: the sidebar is behind the Menu button.
    const auto tooWide = [&window]() {
        QStringList out;
        for (auto* widget : window.findChildren<QWidget*>()) {
            if (widget->isVisible() && widget->minimumSizeHint().width() > 360)
                out << QString::fromLatin1(widget->metaObject()->className()) + u' '
                        + widget->objectName() + u' '
                        + QString::number(widget->minimumSizeHint().width());
        }
        return out.join(u", ");
    };
    QVERIFY2(window.minimumSizeHint().width() <= 360, qPrintable(tooWide()));
    window.resize(360, 640);
    QTRY_COMPARE(window.width(), 360);
    QTRY_COMPARE(window.layoutMode(), app::MainWindow::Layout::Narrow);
    QVERIFY(!window.sidebar()->isVisible());
    QVERIFY(feed.home()->isVisible());
    QVERIFY(window.sidebarButton()->isVisible());
    window.sidebarButton()->click();
    QVERIFY(window.sidebar()->isVisible());
    QVERIFY(!feed.home()->isVisible());
    const QModelIndex notifications = window.sidebarModel().indexFor(link("plein:/notifications"));
    clickRow(window.sidebar(), notifications);
    QVERIFY(!window.sidebar()->isVisible());
    QVERIFY(window.currentPage()->isVisible());
    QVERIFY(window.navigator().open(link("plein:/home")));
    QVERIFY(window.navigator().open(link("plein:/post/7")));
    QVERIFY(feed.thread()->isVisible());
    QVERIFY(!feed.home()->isVisible());
    QVERIFY(feed.thread()->width() <= 360);
    Q_EMIT feed.thread()->closeRequested();
    QVERIFY(feed.home()->isVisible());
}

void TestShell::commandLineLinkOpensAtStart()
{
    for (const char* given : {"plein:/notifications", "plein:/nowhere/else"}) {
        QTemporaryDir profile;
        auto options = test::loginOptions(m_server.url(), QStringLiteral("daan"), profile.path());
        options.link = QString::fromLatin1(given);
        app::LoginFlow flow(options);
        flow.start();
        // The window opens once the server has accepted the login.
        QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
        const bool known = QByteArrayView(given) == "plein:/notifications";
        QCOMPARE(flow.window()->navigator().current(),
                 known ? link(given) : app::MainWindow::startLink());
        QCOMPARE(flow.window()->statusBar()->currentMessage().isEmpty(), known);
        QTRY_COMPARE_WITH_TIMEOUT(flow.client()->connection().state(),
                                  client::Connection::State::Online, 10000);
        flow.client()->connection().stop();
    }
}

void TestShell::headerSaysWhoIsLoggedInAndWhere()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QCOMPARE(window.header()->title(), QStringLiteral("Home"));
    QVERIFY(test::goOnlineAndCatchUp(*core));
    const QString name = core->connection().user().value(QStringLiteral("displayName")).toString();
    QVERIFY(!name.isEmpty());
    QTRY_COMPARE(window.header()->accountButton()->text(), name);
    QVERIFY(window.header()->accountButton()->toolTip().contains(QStringLiteral("eva")));
    QCOMPARE(window.header()->accountButton()->menu(), window.accountMenu());
    QVERIFY(window.navigator().open(link("plein:/notifications")));
    QCOMPARE(window.header()->title(), QStringLiteral("Notifications"));
    const int before = window.notifications().unreadCount();
    QCOMPARE(window.header()->unread(), before);
    window.notifications().add({QStringLiteral("mention"), QStringLiteral("Bram mentioned you"),
                                QStringLiteral("Kijk even"), link("plein:/home")});
    QCOMPARE(window.header()->unread(), before + 1);
    QVERIFY(window.header()->bellButton()->toolTip().contains(
        QStringLiteral("%1 unread").arg(before + 1)));
    core->connection().stop();
}

void TestShell::noticeFloatsWithoutMovingThePage()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget* page = window.currentPage();
    const QRect before(page->mapTo(&window, QPoint(0, 0)), page->size());
    window.showNotice(QStringLiteral("Cannot reach the server at plein.example.org. Check your "
                                     "network connection; Plein keeps trying."));
    QVERIFY(window.isNoticeShown());
    QCoreApplication::processEvents();
    const QRect after(page->mapTo(&window, QPoint(0, 0)), page->size());
    QCOMPARE(after, before);
    auto* bar = window.findChild<QWidget*>(QStringLiteral("noticeBar"));
    QVERIFY(bar && bar->isVisible());
    const QRect barRect(bar->mapTo(&window, QPoint(0, 0)), bar->size());
    QVERIFY2(window.rect().contains(barRect), "the notice lies inside the window");
    QVERIFY(barRect.height() >= bar->fontMetrics().height());
    // It follows the window when it is made narrower.
    window.resize(420, 600);
    QTRY_VERIFY(bar->width() <= 420);
    window.hideNotice();
    QVERIFY(!window.isNoticeShown());
}

void TestShell::retryCountdownCountsDownAndReconnectNowTries()
{
    // A port where nothing listens: the connection keeps retrying.
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress::LocalHost));
    const quint16 port = placeholder.serverPort();
    placeholder.close();
    QUrl nowhere = m_server.url();
    nowhere.setPort(port);
    QTemporaryDir profile;
    auto core = test::makeClient(nowhere, QStringLiteral("eva"), profile.path());
    core->connection().setBackoff(6000, 6000);
    app::MainWindow window(*core, false);
    window.show();
    core->connection().start();
    QLabel* state = window.stateLabel();
    const QRegularExpression countdown(QStringLiteral("retrying in (\\d+) s"));
    QTRY_VERIFY_WITH_TIMEOUT(countdown.match(state->text()).hasMatch(), 10000);
    const int first = countdown.match(state->text()).captured(1).toInt();
    QVERIFY2(first >= 2, qPrintable(state->text()));
    QTRY_VERIFY_WITH_TIMEOUT(countdown.match(state->text()).captured(1).toInt() < first, 2500);
    QVERIFY(!state->text().contains(QStringLiteral(" 0 s")));

    auto* reconnect = window.findChild<QToolButton*>(QStringLiteral("reconnectButton"));
    QVERIFY(reconnect && reconnect->isVisible());
    QSignalSpy states(&core->connection(), &client::Connection::stateChanged);
    reconnect->click();
    QTRY_VERIFY(!states.isEmpty());
    QCOMPARE(states.first().first().value<client::Connection::State>(),
             client::Connection::State::Connecting);
    core->connection().stop();
    QTRY_VERIFY(!reconnect->isVisible());
}

void TestShell::refusedWritesAreCountedApart()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(test::goOnlineAndCatchUp(*core));
    // Someone else's post: the server refuses the edit, and it waits for Eva's decision.
    const auto posts = client::PostStore(core->cache()).feedPage(client::FeedScope::home(), 50);
    qint64 others = 0;
    for (const auto& post : posts) {
        if (post.authorUsername != QStringLiteral("eva") && post.parentId == 0) {
            others = post.id;
            break;
        }
    }
    QVERIFY(others > 0);
    QVERIFY(!core->outbox().editPost(others, QStringLiteral("Niet van mij")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(core->outbox().failedCount(), 1, 10000);
    QTRY_VERIFY(window.stateLabel()->text().contains(QStringLiteral("1 refused")));
    QVERIFY2(!window.stateLabel()->text().contains(QStringLiteral("waiting")),
             qPrintable(window.stateLabel()->text()));
    core->connection().stop();
}

void TestShell::shortcutsPageListsEveryShortcut()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.addShortcutHelp(QStringLiteral("Posts"), QKeySequence(Qt::Key_L),
                           QStringLiteral("Like the chosen post"));
    app::ShortcutsDialog dialog(window, window.shortcutHelp());
    const QStringList rows = dialog.rows();
    const QString all = rows.join(u'\n');
    int menuShortcuts = 0;
    for (QAction* action : window.menuBar()->findChildren<QAction*>()) {
        if (action->shortcut().isEmpty() || action->menu())
            continue;
        ++menuShortcuts;
        QVERIFY2(all.contains(action->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(action->text()));
    }
    QVERIFY(menuShortcuts >= 5);
    QVERIFY(all.contains(QStringLiteral("Posts\tL\tLike the chosen post")));
    QVERIFY(all.contains(QStringLiteral("Keyboard shortcuts")));
    QVERIFY(all.contains(QStringLiteral("Back to the list")));
}

void TestShell::escapeGoesBackAndAltArrowsWalkTheSidebar()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(addPost(core->cache(), 7));
    app::MainWindow window(*core, false);
    window.resize(700, 600); // the thread covers the page
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto& feed = feedOf(window);
    QVERIFY(window.navigator().open(link("plein:/post/7")));
    QVERIFY(window.isDetailOpen());
    feed.thread()->replyComposer()->editor()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    // First out of the reply box into the thread, then out of the thread.
    QVERIFY(window.isDetailOpen());
    QVERIFY(qobject_cast<QAbstractItemView*>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!window.isDetailOpen());
    QVERIFY(feed.home()->isVisible());
    QVERIFY(feed.home()->isAncestorOf(QApplication::focusWidget()));

    QCOMPARE(window.currentPage(), feed.home());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
    QVERIFY(window.currentPage() != feed.home());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window.navigator().current(), link("plein:/home"));
}

void TestShell::darkThemeRedrawsTheIcons()
{
    const auto inkOf = [](const QIcon& icon) {
        const QImage image = icon.pixmap(QSize(24, 24)).toImage();
        int best = -1;
        QColor ink;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() > best) {
                    best = c.alpha();
                    ink = c;
                }
            }
        }
        return ink;
    };
    const QIcon home = app::icons::ownIcon(app::icons::Icon::Home);
    app::theme::apply(app::theme::Choice::Light);
    QVERIFY(!app::theme::isDark());
    QVERIFY(inkOf(home).lightness() < 100);
    app::theme::apply(app::theme::Choice::Dark);
    QVERIFY(app::theme::isDark());
    QVERIFY2(inkOf(home).lightness() > 180, "the same icon is drawn light on a dark palette");
    // Crisp at 200%: drawn at the device size, not scaled up.
    const QPixmap large = home.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(large.size(), QSize(48, 48));
    app::theme::apply(app::theme::Choice::System);
    QVERIFY(!app::theme::isDark());
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
