#include "client.h"
#include "connection.h"
#include "feed/feed.h"
#include "feed/poststore.h"
#include "feedmodel.h"
#include "outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "syncengine.h"
#include "testclient.h"
#include "testserver.h"
#include "threadmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace plein;
using namespace plein::client;

// End to end: client cores against the real server.
class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void postFromAAppearsLiveAtB();
    void offlineWritesArriveOnceAndInOrder();
    void catchesUpTenThousandEvents();
    void survivesServerRestartDuringCatchUp();
    void threadPagesRepliesBeyondOnePage();
    void frozenServerIsNoticedByKeepAlive();
    void networkChangeSkipsTheBackoff();
    void httpSideFromHello();
    void httpSideRefusesLessSafeAddresses();

private:
    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

void TestSync::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestSync::postFromAAppearsLiveAtB()
{
    auto a = test::makeClient(m_server.url(), QStringLiteral("anna"),
                              m_profiles.filePath(QStringLiteral("a")));
    auto b = test::makeClient(m_server.url(), QStringLiteral("bram"),
                              m_profiles.filePath(QStringLiteral("b")));
    QVERIFY(a && b);
    QVERIFY(test::goOnlineAndCatchUp(*a));
    QVERIFY(test::goOnlineAndCatchUp(*b));
    QVERIFY(PostStore(b->cache()).postCount() > 0); // the demo posts
    QSignalSpy concerns(&b->feed(), &Feed::concernsMe);
    FeedModel feed(b->cache());
    const int before = feed.rowCount();
    const QString clientId = a->outbox().createPost(QStringLiteral("Live from anna to @bram"));
    QVERIFY(!clientId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(feed.rowCount(), before + 1, 10000);
    QCOMPARE(feed.index(0).data(PostListModel::BodyRole).toString(),
             QStringLiteral("Live from anna to @bram"));
    QVERIFY(!feed.index(0).data(PostListModel::PendingRole).toBool());
    QTRY_COMPARE(concerns.size(), 1);
    QCOMPARE(concerns.first().at(2).toBool(), true); // a mention
    // B may see the post live before A has read and stored its own acknowledgement.
    QTRY_COMPARE(a->outbox().count(), 0);
}

void TestSync::offlineWritesArriveOnceAndInOrder()
{
    auto a = test::makeClient(m_server.url(), QStringLiteral("anna"),
                              m_profiles.filePath(QStringLiteral("a")));
    auto b = test::makeClient(m_server.url(), QStringLiteral("bram"),
                              m_profiles.filePath(QStringLiteral("b")));
    QVERIFY(test::goOnlineAndCatchUp(*a));
    QVERIFY(test::goOnlineAndCatchUp(*b));
    b->connection().stop();
    QCOMPARE(b->connection().state(), Connection::State::Offline);
    FeedModel bFeed(b->cache());
    for (int i = 0; i < 50; ++i)
        QVERIFY(!b->outbox().createPost(QStringLiteral("offline %1").arg(i)).isEmpty());
    QCOMPARE(b->outbox().count(), 50);
    QVERIFY(bFeed.index(0).data(PostListModel::PendingRole).toBool());
    QCOMPARE(bFeed.index(0).data(PostListModel::BodyRole).toString(), QStringLiteral("offline 49"));
    // Nothing has left the machine yet.
    QTest::qWait(200);
    QCOMPARE(PostStore(a->cache())
                 .feedPage(FeedScope::company(), 1)
                 .first()
                 .body.startsWith(QStringLiteral("offline")),
             false);

    b->connection().start();
    QTRY_COMPARE_WITH_TIMEOUT(b->outbox().count(), 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(PostStore(a->cache()).feedPage(FeedScope::company(), 1).first().body,
                              QStringLiteral("offline 49"), 10000);
    // Exactly once, in the order written: ids ascend with the numbers in the text.
    const QList<PostRow> rows = PostStore(a->cache()).feedPage(FeedScope::company(), 50);
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const PostRow& row = rows.at(49 - i);
        QCOMPARE(row.body, QStringLiteral("offline %1").arg(i));
        QCOMPARE(row.authorUsername, QStringLiteral("bram"));
        QVERIFY(!seen.contains(row.body));
        seen.insert(row.body);
        if (i > 0)
            QVERIFY(row.id > rows.at(50 - i).id);
    }
    QCOMPARE(bFeed.index(0).data(PostListModel::PendingRole).toBool(), false);
}

void TestSync::catchesUpTenThousandEvents()
{
    auto c = test::makeClient(m_server.url(), QStringLiteral("chantal"),
                              m_profiles.filePath(QStringLiteral("c")));
    QVERIFY(test::goOnlineAndCatchUp(*c));
    c->connection().stop();
    const int before = PostStore(c->cache()).postCount();
    QElapsedTimer writing;
    writing.start();
    QCOMPARE(test::writeManyPosts(m_server.url(), QStringLiteral("daan"), 10000,
                                  QStringLiteral("missed")),
             10000);
    qInfo("wrote 10000 posts in %lld ms", writing.elapsed());

    QSignalSpy progress(&c->sync(), &SyncEngine::progress);
    QElapsedTimer catching;
    catching.start();
    QVERIFY(test::goOnlineAndCatchUp(*c, 60000));
    qInfo("caught up 10000 events in %lld ms and %lld pages", catching.elapsed(),
          qint64(progress.size()));
    QCOMPARE(PostStore(c->cache()).postCount(), before + 10000);
    QVERIFY(progress.size() >= 10); // pages of at most 1000
    FeedModel feed(c->cache());
    QCOMPARE(feed.rowCount(), feed.pageSize()); // a page in memory, not 10,000 rows
    QCOMPARE(feed.index(0).data(PostListModel::BodyRole).toString(), QStringLiteral("missed 9999"));
}

void TestSync::survivesServerRestartDuringCatchUp()
{
    auto e = test::makeClient(m_server.url(), QStringLiteral("eva"),
                              m_profiles.filePath(QStringLiteral("e")));
    QVERIFY(test::goOnlineAndCatchUp(*e));
    e->connection().stop();
    const int before = PostStore(e->cache()).postCount();
    QCOMPARE(test::writeManyPosts(m_server.url(), QStringLiteral("daan"), 3000,
                                  QStringLiteral("restart")),
             3000);
    e->sync().setPageSize(200);

    // Crash the server after the first page is stored, then bring it back on the same port.
    bool crashed = false;
    const quint16 port = m_server.port();
    connect(&e->sync(), &SyncEngine::progress, this, [&](qint64 cursor, qint64 head) {
        if (!crashed && cursor < head) {
            crashed = true;
            m_server.stop(true);
        }
    });
    QSignalSpy caughtUp(&e->sync(), &SyncEngine::caughtUp);
    e->connection().start();
    QTRY_VERIFY_WITH_TIMEOUT(crashed, 20000);
    QVERIFY(PostStore(e->cache()).postCount() > before);
    QVERIFY(PostStore(e->cache()).postCount() < before + 3000);
    QTRY_COMPARE_WITH_TIMEOUT(e->connection().state(), Connection::State::Offline, 5000);
    QVERIFY2(m_server.start(port), qPrintable(m_server.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp.size() > 0, 30000);
    QCOMPARE(PostStore(e->cache()).postCount(), before + 3000);
}

void TestSync::threadPagesRepliesBeyondOnePage()
{
    auto c = test::makeClient(m_server.url(), QStringLiteral("chantal"),
                              m_profiles.filePath(QStringLiteral("thread")));
    QVERIFY(c);
    QVERIFY(test::goOnlineAndCatchUp(*c));
    c->outbox().createPost(QStringLiteral("A long thread"));
    QTRY_COMPARE(c->outbox().count(), 0);
    const qint64 root = PostStore(c->cache()).feedPage(FeedScope::company(), 1).first().id;
    constexpr int replies = 250; // more than one thread.get page (200)
    QCOMPARE(test::writeManyPosts(m_server.url(), QStringLiteral("eva"), replies,
                                  QStringLiteral("reply"), root),
             replies);
    QTRY_COMPARE_WITH_TIMEOUT(PostStore(c->cache()).threadCount(root), replies, 20000);
    // Forget what the sync brought (the cursor stays), so only thread.get can fill the thread.
    QVERIFY(c->cache().transaction([&]() { return PostStore(c->cache()).clear(); }));

    ThreadModel thread(c->cache(), c->feed(), root);
    QAbstractItemModelTester tester(&thread,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!thread.isFetching());
    QCOMPARE(PostStore(c->cache()).threadCount(root), 200);
    QVERIFY(thread.serverHasMore());
    for (int guard = 0; thread.canFetchMore(QModelIndex()) && guard < 50; ++guard) {
        thread.fetchMore(QModelIndex());
        QTRY_VERIFY(!thread.isFetching());
    }
    QVERIFY(!thread.serverHasMore());
    QCOMPARE(thread.rowCount(), 1 + replies);
    QCOMPARE(thread.index(0).data(PostListModel::IdRole).toLongLong(), root);
    for (int row = 2; row < thread.rowCount(); ++row)
        QVERIFY(thread.index(row).data(PostListModel::IdRole).toLongLong()
                > thread.index(row - 1).data(PostListModel::IdRole).toLongLong());
}

// A server that stops answering (as after a laptop's sleep, when the socket is dead without
// knowing it) is noticed by the keep-alive ping, and the client reconnects when it can.
void TestSync::frozenServerIsNoticedByKeepAlive()
{
    auto c = test::makeClient(m_server.url(), QStringLiteral("chantal"),
                              m_profiles.filePath(QStringLiteral("frozen")));
    QVERIFY(c);
    c->connection().setKeepAlive(300, 600);
    QVERIFY(test::goOnlineAndCatchUp(*c));
    ::kill(pid_t(m_server.pid()), SIGSTOP);
    QTRY_VERIFY_WITH_TIMEOUT(c->connection().state() != Connection::State::Online, 5000);
    ::kill(pid_t(m_server.pid()), SIGCONT);
    c->connection().networkChanged();
    QTRY_COMPARE_WITH_TIMEOUT(c->connection().state(), Connection::State::Online, 15000);
}

// Offline with a long backoff, a network change (or a wake from sleep) tries at once.
void TestSync::networkChangeSkipsTheBackoff()
{
    auto d = test::makeClient(m_server.url(), QStringLiteral("daan"),
                              m_profiles.filePath(QStringLiteral("backoff")));
    QVERIFY(d);
    const quint16 port = m_server.port();
    m_server.stop();
    d->connection().setBackoff(60000, 60000);
    d->connection().start();
    QTRY_VERIFY_WITH_TIMEOUT(d->connection().nextRetryMs() >= 30000, 10000);
    QCOMPARE(d->connection().state(), Connection::State::Offline);
    QVERIFY2(m_server.start(port), qPrintable(m_server.lastError()));
    d->connection().networkChanged();
    QTRY_COMPARE_WITH_TIMEOUT(d->connection().state(), Connection::State::Online, 5000);
}

// The real server's hello tells where its HTTP side is: the port on the host the client
// reached, which answers.
void TestSync::httpSideFromHello()
{
    auto a = test::makeClient(m_server.url(), QStringLiteral("anna"),
                              m_profiles.filePath(QStringLiteral("http-a")));
    QVERIFY(a);
    QVERIFY(a->connection().httpBase().isEmpty());
    QVERIFY(test::goOnlineAndCatchUp(*a));
    const QUrl base = a->connection().httpBase();
    QCOMPARE(base.scheme(), QStringLiteral("http"));
    QCOMPARE(base.host(), m_server.url().host());
    QVERIFY(base.port() > 0 && base.port() != m_server.url().port());
    QTcpSocket probe;
    probe.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(probe.waitForConnected(5000));
}

// A url in hello that would take the token somewhere less safe than the WebSocket went is no
// HTTP side at all; without a url the port goes with the WebSocket's host and security.
void TestSync::httpSideRefusesLessSafeAddresses()
{
    const auto base = [](const QString& url, int port, const QString& webSocket) {
        return Connection::httpBaseFrom(
            QJsonObject {{QStringLiteral("url"), url}, {QStringLiteral("port"), port}},
            QUrl(webSocket));
    };
    const QString remote = QStringLiteral("wss://plein.example:7447");
    QCOMPARE(base(QString(), 7448, remote), QUrl(QStringLiteral("https://plein.example:7448")));
    QCOMPARE(base(QString(), 7448, QStringLiteral("ws://127.0.0.1:7447")),
             QUrl(QStringLiteral("http://127.0.0.1:7448")));
    QCOMPARE(base(QStringLiteral("https://plein.example/files-side/"), 7448, remote),
             QUrl(QStringLiteral("https://plein.example/files-side")));
    // Plain http after wss; a loopback host after a remote server; junk: none, not the port.
    QVERIFY(base(QStringLiteral("http://plein.example/files-side"), 7448, remote).isEmpty());
    QVERIFY(base(QStringLiteral("https://127.0.0.1:7448"), 7448, remote).isEmpty());
    QVERIFY(base(QStringLiteral("https://localhost:7448"), 7448, remote).isEmpty());
    QVERIFY(base(QStringLiteral("https://[::1]:7448"), 7448, remote).isEmpty());
    QVERIFY(base(QStringLiteral("ftp://plein.example"), 7448, remote).isEmpty());
    QVERIFY(base(QStringLiteral("https://u:p@plein.example"), 7448, remote).isEmpty());
    QVERIFY(base(QString(), 0, remote).isEmpty());
    QVERIFY(base(QString(), 70000, remote).isEmpty());
    // A loopback url after a loopback WebSocket is fine (a local server).
    QCOMPARE(
        base(QStringLiteral("http://127.0.0.1:9000"), 7448, QStringLiteral("ws://127.0.0.1:7447")),
        QUrl(QStringLiteral("http://127.0.0.1:9000")));
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
