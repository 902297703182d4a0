#include "cache.h"
#include "client.h"
#include "connection.h"
#include "feedmodel.h"
#include "logindialog.h"
#include "loginflow.h"
#include "markdown.h"
#include "outbox.h"
#include "outboxstore.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postdelegate.h"
#include "pages/feed/threadpane.h"
#include "postlistmodel.h"
#include "poststore.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "testclient.h"
#include "testlogin.h"
#include "testserver.h"
#include "threadmodel.h"

#include <QFile>
#include <QIcon>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace plein;

// The Widgets UI under the offscreen platform, against the real server.
class TestApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginDialogValidates();
    void composingPendingOfflineThenSent();
    void closingWithoutTrayQuits();
    void linksAndHtmlAreSafe();
    void clickingALinkOpensIt();
    void pleinLinksInPostsOpenInTheApp();
    void delegateLaysOutEachPostOnce();
    void wrongPasswordAsksAgainWithAClearMessage();
    void unreachableServerIsExplained();
    void deactivatedAccountIsExplained();
    void damagedCacheIsToldOnce();
    void iconsAreBuiltIn();
    void keyboardLikesRepliesAndComposes();
    void newPostsShowABarInsteadOfMovingTheFeed();

private:
    test::TestServer m_server;
};

namespace {

QJsonObject post(qint64 id, const QString& body)
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("author"),
                         QJsonObject {{QStringLiteral("id"), 2},
                                      {QStringLiteral("username"), QStringLiteral("bram")},
                                      {QStringLiteral("displayName"), QStringLiteral("Bram")}}},
                        {QStringLiteral("body"), body},
                        {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")},
                        {QStringLiteral("likes"), 0},
                        {QStringLiteral("replies"), 0}};
}

// The Home page and the thread of a window, as the feed capability installed them.
app::FeedView& homePage(const app::MainWindow& window)
{
    return *app::FeedCapability::of(window)->home();
}

app::ThreadPane& threadPane(const app::MainWindow& window)
{
    return *app::FeedCapability::of(window)->thread();
}

// A point on a link in the post at `index`, found by asking the delegate, as a hovering pointer
// would; (-1, -1) when it has none.
QPoint linkPoint(const QListView& view, const QModelIndex& index, QString* anchor)
{
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = view.visualRect(index);
    for (int y = option.rect.top(); y < option.rect.bottom(); y += 2) {
        for (int x = option.rect.left(); x < option.rect.right(); x += 4) {
            *anchor = app::PostDelegate::anchorAt(option, index, QPoint(x, y));
            if (!anchor->isEmpty())
                return QPoint(x, y);
        }
    }
    return QPoint(-1, -1);
}

bool addPosts(client::Cache& cache, qint64 from, qint64 to)
{
    return cache.transaction([&]() {
        for (qint64 id = from; id <= to; ++id) {
            if (!client::PostStore(cache).upsert(
                    post(id, QStringLiteral("post %1\n\nline two").arg(id)), false))
                return false;
        }
        return true;
    });
}

} // namespace

void TestApp::initTestCase()
{
    // Settings (language, last account) go to a throw-away place.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestApp::loginDialogValidates()
{
    app::LoginDialog dialog;
    dialog.serverEdit()->setText(QStringLiteral("http://example.org"));
    dialog.userEdit()->setText(QStringLiteral("Anna"));
    dialog.passwordEdit()->setText(QStringLiteral("x"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.serverEdit()->setText(m_server.url().toString());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.username(), QStringLiteral("anna"));
    QCOMPARE(dialog.server(), m_server.url());
}

void TestApp::composingPendingOfflineThenSent()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(window.stateLabel()->text().contains(QStringLiteral("Offline")));
    QTest::keyClicks(homePage(window).composer()->editor(), QStringLiteral("Hello from the train"));
    QVERIFY(homePage(window).composer()->charactersLeft() < 5000);
    QTest::keyClick(homePage(window).composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(homePage(window).composer()->text().isEmpty());
    auto* model = homePage(window).view()->model();
    QVERIFY(model->index(0, 0).data(client::PostListModel::PendingRole).toBool());
    QVERIFY(window.stateLabel()->text().contains(QStringLiteral("waiting")));

    QVERIFY(test::goOnlineAndCatchUp(*core));
    QTRY_COMPARE(core->outbox().count(), 0);
    QTRY_COMPARE(window.stateLabel()->text(), QStringLiteral("Online"));
    QCOMPARE(model->index(0, 0).data(client::PostListModel::BodyRole).toString(),
             QStringLiteral("Hello from the train"));
    QVERIFY(!model->index(0, 0).data(client::PostListModel::PendingRole).toBool());
}

void TestApp::closingWithoutTrayQuits()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("daan"), profile.path());
    app::MainWindow window(*core, false);
    QVERIFY(!window.tray());
    window.show();
    QSignalSpy quitting(qApp, &QCoreApplication::aboutToQuit);
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

void TestApp::linksAndHtmlAreSafe()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc, QStringLiteral("<b>x</b> **y** ![img](file:///etc/passwd)"));
    QVERIFY(doc.toPlainText().contains(QStringLiteral("<b>x</b>")));
    QVERIFY(!doc.toHtml().contains(QStringLiteral("<img")));
    QVERIFY(app::isOpenableLink(QUrl(QStringLiteral("https://plein.example"))));
    QVERIFY(app::isOpenableLink(QUrl(QStringLiteral("mailto:a@b.nl"))));
    QVERIFY(!app::isOpenableLink(QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY(!app::isOpenableLink(QUrl(QStringLiteral("javascript:alert(1)"))));
}

void TestApp::clickingALinkOpensIt()
{
    QTemporaryDir dir;
    client::Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QVERIFY(cache.transaction([&]() {
        return client::PostStore(cache).upsert(
                   post(1, QStringLiteral("see [the site](https://plein.example/a)")), false)
            && client::PostStore(cache).upsert(post(2, QStringLiteral("[bad](file:///etc/passwd)")),
                                               false);
    }));
    client::FeedModel feed(cache);
    QListView view;
    auto* delegate = new app::PostDelegate(&view);
    view.setItemDelegate(delegate);
    view.setModel(&feed);
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy opened(delegate, &app::PostDelegate::linkActivated);

    QString anchor;
    const QPoint good = linkPoint(view, feed.index(1), &anchor); // newest first: post 1 is row 1
    QCOMPARE(anchor, QStringLiteral("https://plein.example/a"));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, good);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toUrl(), QUrl(QStringLiteral("https://plein.example/a")));

    // A link the app would not open is shown as text: nowhere in the post is there an anchor,
    // and clicking on it opens nothing.
    QCOMPARE(linkPoint(view, feed.index(0), &anchor), QPoint(-1, -1));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(feed.index(0)).center());
    QCOMPARE(opened.size(), 1);
}

void TestApp::pleinLinksInPostsOpenInTheApp()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(core->cache().transaction([&]() {
        return client::PostStore(core->cache())
            .upsert(post(1, QStringLiteral("the [notifications](plein:/notifications) page")),
                    false);
    }));
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListView* view = homePage(window).view();
    QString anchor;
    const QPoint point = linkPoint(*view, view->model()->index(0, 0), &anchor);
    QCOMPARE(anchor, QStringLiteral("plein:/notifications"));
    QVERIFY(app::isFollowableLink(QUrl(anchor)));
    QVERIFY(!app::isOpenableLink(QUrl(anchor))); // never handed to the browser
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
    QCOMPARE(window.navigator().current(), QUrl(QStringLiteral("plein:/notifications")));
    QVERIFY(window.currentPage() != &homePage(window));
}

void TestApp::delegateLaysOutEachPostOnce()
{
    QTemporaryDir dir;
    client::Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QVERIFY(addPosts(cache, 1, 30));
    client::FeedModel feed(cache);
    QListView view;
    app::PostDelegate delegate;
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = QRect(0, 0, 400, 0);
    const auto heights = [&]() {
        QList<int> out;
        for (int row = 0; row < feed.rowCount(); ++row)
            out.append(delegate.sizeHint(option, feed.index(row)).height());
        return out;
    };
    const QList<int> first = heights();
    QCOMPARE(delegate.layoutCount(), 30);
    // The view asks again after every change to the list: answered without laying out.
    QCOMPARE(heights(), first);
    QCOMPARE(delegate.layoutCount(), 30);

    // An edited post is laid out again, and only that one.
    QJsonObject edited = post(30, QStringLiteral("a much longer post\n\nwith\n\nmore\n\nlines"));
    edited.insert(QStringLiteral("editedAt"), QStringLiteral("2024-01-02T10:00:00.000Z"));
    QVERIFY(cache.transaction([&]() { return client::PostStore(cache).upsert(edited, false); }));
    QCOMPARE(feed.index(0).data(client::PostListModel::BodyRole).toString(),
             edited.value(QStringLiteral("body")).toString());
    const QList<int> after = heights();
    QCOMPARE(delegate.layoutCount(), 31);
    QVERIFY(after.first() > first.first());
    QCOMPARE(after.mid(1), first.mid(1));

    // Another width re-wraps what is cached; the Markdown is not read again.
    option.rect.setWidth(120);
    const QList<int> narrow = heights();
    QVERIFY(narrow.first() > after.first());
    QVERIFY(delegate.layoutCount() <= 31 + 30);
    option.rect.setWidth(400);
    QCOMPARE(heights(), after);
}

void TestApp::wrongPasswordAsksAgainWithAClearMessage()
{
    QTemporaryDir profile;
    auto options = test::loginOptions(m_server.url(), QStringLiteral("bram"), profile.path(),
                                      QStringLiteral("not-the-password"));
    app::LoginFlow flow(options);
    flow.start();
    // No window until the server has accepted the login (tst_client_accounts has the rest).
    QVERIFY(!flow.window());
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->isVisible());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("password is not right")),
             qPrintable(flow.dialog()->message()));
    QVERIFY(!flow.window());
    QCOMPARE(flow.dialog()->username(), QStringLiteral("bram"));

    // The right password from the same dialog: online, and the dialog goes away.
    flow.dialog()->passwordEdit()->setText(test::TestServer::password());
    flow.dialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QCOMPARE(flow.client()->connection().state(), client::Connection::State::Online);
    QTRY_VERIFY(!flow.dialog()->isVisible());
    QTRY_VERIFY(!flow.window()->isNoticeShown());
}

void TestApp::unreachableServerIsExplained()
{
    // A port that was free a moment ago: nobody answers there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QUrl url(QStringLiteral("ws://127.0.0.1"));
    url.setPort(port);
    QTemporaryDir profile;
    auto core = test::makeClient(url, QStringLiteral("anna"), profile.path());
    QVERIFY(core);
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(!window.isNoticeShown());
    core->connection().start();
    QTRY_VERIFY_WITH_TIMEOUT(window.isNoticeShown(), 10000);
    QVERIFY2(window.noticeText().contains(QStringLiteral("Cannot reach the server at 127.0.0.1")),
             qPrintable(window.noticeText()));
    QTRY_VERIFY(window.stateLabel()->text().startsWith(QStringLiteral("Offline")));
    core->connection().stop();
}

void TestApp::deactivatedAccountIsExplained()
{
    const auto admin = [this](QStringList arguments, const QByteArray& input) {
        QProcess process;
        arguments << QStringLiteral("--data") << m_server.dataDir();
        process.start(QStringLiteral(PLEIN_SERVER_BINARY), arguments);
        process.write(input);
        process.closeWriteChannel();
        return process.waitForFinished(20000) && process.exitCode() == 0;
    };
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("frank")},
                  test::TestServer::password().toUtf8() + '\n'));
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("frank")},
                  QByteArray()));
    QTemporaryDir profile;
    auto options = test::loginOptions(m_server.url(), QStringLiteral("frank"), profile.path());
    app::LoginFlow flow(options);
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->isVisible());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("has been deactivated")),
             qPrintable(flow.dialog()->message()));
}

void TestApp::damagedCacheIsToldOnce()
{
    QTemporaryDir profile;
    const QString file
        = client::Cache::fileFor(profile.path(), m_server.url(), QStringLiteral("chantal"));
    QFile broken(file);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(8192, 'x'));
    broken.close();
    {
        auto core = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
        QVERIFY(core);
        app::MainWindow window(*core, false);
        QVERIFY(window.isNoticeShown());
        QVERIFY(window.noticeText().contains(QStringLiteral("damaged")));
    }
    auto again = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
    QVERIFY(again);
    app::MainWindow window(*again, false);
    QVERIFY(!window.isNoticeShown());
}

void TestApp::iconsAreBuiltIn()
{
    for (const char* name : {":/icons/plein.svg", ":/icons/plein-unread.svg"}) {
        const QString path = QString::fromLatin1(name);
        QVERIFY2(QFile::exists(path), name);
        QVERIFY2(!QIcon(path).pixmap(32, 32).isNull(), name);
    }
}

void TestApp::keyboardLikesRepliesAndComposes()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    QVERIFY(core);
    QVERIFY(addPosts(core->cache(), 1, 5));
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* feed = homePage(window).view();
    feed->setFocus();
    feed->setCurrentIndex(feed->model()->index(0, 0));
    QTest::keyClick(feed, Qt::Key_Down);
    QCOMPARE(feed->currentIndex().row(), 1);
    const qint64 id = feed->currentIndex().data(client::PostListModel::IdRole).toLongLong();

    QTest::keyClick(feed, Qt::Key_L);
    const auto entries = client::OutboxStore(core->cache()).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().kind, QStringLiteral("post.like"));
    QCOMPARE(qint64(entries.first().payload.value(QStringLiteral("postId")).toDouble()), id);
    QVERIFY(feed->currentIndex().data(client::PostListModel::LikedByMeRole).toBool());
    QVERIFY(feed->currentIndex().data(client::PostListModel::ChangePendingRole).toBool());

    QTest::keyClick(feed, Qt::Key_Return);
    QVERIFY(threadPane(window).model());
    QCOMPARE(threadPane(window).model()->rootId(), id);

    feed->setFocus();
    QTest::keyClick(feed, Qt::Key_Up);
    QTest::keyClick(feed, Qt::Key_R);
    QCOMPARE(threadPane(window).model()->rootId(),
             feed->currentIndex().data(client::PostListModel::IdRole).toLongLong());
    QTRY_VERIFY(threadPane(window).replyComposer()->editor()->hasFocus());

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(homePage(window).composer()->editor()->hasFocus());
}

void TestApp::newPostsShowABarInsteadOfMovingTheFeed()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("daan"), profile.path());
    QVERIFY(core);
    QVERIFY(addPosts(core->cache(), 10, 49));
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* feed = homePage(window).view();
    QTRY_VERIFY(feed->verticalScrollBar()->maximum() > 0);
    feed->verticalScrollBar()->setValue(feed->verticalScrollBar()->maximum() / 2);
    const QModelIndex topBefore = feed->indexAt(QPoint(4, 4));
    const qint64 topId = topBefore.data(client::PostListModel::IdRole).toLongLong();
    const int topY = feed->visualRect(topBefore).top();

    QVERIFY(addPosts(core->cache(), 50, 51));
    QVERIFY(homePage(window).newPostsBar()->isVisible());
    QCOMPARE(homePage(window).newPosts(), 2);
    QVERIFY(homePage(window).newPostsBar()->text().startsWith(QStringLiteral("2 new post")));
    const QModelIndex topAfter = feed->indexAt(QPoint(4, 4));
    QCOMPARE(topAfter.data(client::PostListModel::IdRole).toLongLong(), topId);
    QVERIFY(qAbs(feed->visualRect(topAfter).top() - topY) <= 1);

    homePage(window).newPostsBar()->click();
    QVERIFY(!homePage(window).newPostsBar()->isVisible());
    QCOMPARE(feed->verticalScrollBar()->value(), 0);
    QCOMPARE(feed->indexAt(QPoint(4, 4)).data(client::PostListModel::IdRole).toLongLong(), 51);

    // At the top, new posts simply appear: no bar.
    QVERIFY(addPosts(core->cache(), 52, 52));
    QVERIFY(!homePage(window).newPostsBar()->isVisible());
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"
