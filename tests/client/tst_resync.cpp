#include "capabilities/session/sessionprotocol.h"
#include "client.h"
#include "feed/feed.h"
#include "feed/feedapplier.h"
#include "feed/feedmodel.h"
#include "feed/poststore.h"
#include "groups/groupstore.h"
#include "groups/mygroupsmodel.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/keptevents.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

QJsonObject post(qint64 id, const QString& body)
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("author"),
                         QJsonObject {{QStringLiteral("id"), 1},
                                      {QStringLiteral("username"), QStringLiteral("anna")},
                                      {QStringLiteral("displayName"), QStringLiteral("Anna")}}},
                        {QStringLiteral("body"), body},
                        {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")}};
}

} // namespace

// The paths a client takes when its cache and the server's log disagree: a resync, and events
// or fields this build does not know.
class TestResync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resyncRebuildsFeedAndGroups();
    void unknownKindsAreKeptAndUnknownFieldsIgnored();
    void keptEventsAreAppliedByABuildThatKnowsThem();
    void upgradedCacheLoadsItsGroups();
    void rebuildFailsWhenAGroupPageFailsForNow();
    void replyAppliedAgainIsNotCountedTwice();

private:
    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

void TestResync::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

// A cursor beyond the server's head (a server restored from a backup) gets `resync`: every
// capability rebuilds from its snapshot reads, and the client syncs on from their head.
void TestResync::resyncRebuildsFeedAndGroups()
{
    const QString profile = m_profiles.filePath(QStringLiteral("bram"));
    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), profile);
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    const QList<qint64> groups = GroupStore(bram->cache()).memberGroupIds();
    QCOMPARE(groups.size(), 3);
    const int companyPosts = PostStore(bram->cache()).feedCount(FeedScope::company());
    bram->connection().stop();

    // What the server no longer vouches for: a post it never had, a group forgotten, a
    // waiting write (which a rebuild never touches), and a cursor from the future.
    Cache& cache = bram->cache();
    QVERIFY(cache.transaction([&]() {
        return PostStore(cache).upsert(post(900000, QStringLiteral("only in this cache")))
            && GroupStore(cache).setMembership(groups.first(), QStringLiteral("none"), QString())
            && cache.setCursor(1000000000);
    }));
    const QString waiting = bram->feed().createPost(QStringLiteral("waiting through a resync"));
    FeedModel home(cache, FeedScope::home());
    MyGroupsModel mine(*bram);
    QCOMPARE(mine.rowCount(), 2);

    QSignalSpy resynced(&bram->sync(), &SyncEngine::resynced);
    QSignalSpy caughtUp(&bram->sync(), &SyncEngine::caughtUp);
    bram->connection().start();
    QVERIFY(caughtUp.wait(20000));
    QCOMPARE(resynced.size(), 1);
    const qint64 head = resynced.first().first().toLongLong();
    QVERIFY(head > 0 && head < 1000000000);
    QVERIFY(cache.cursor() >= head);
    QVERIFY(!PostStore(cache).post(900000));
    QCOMPARE(GroupStore(cache).memberGroupIds(), groups);
    QCOMPARE(mine.rowCount(), 3);
    for (const qint64 id : groups) {
        const PostStore posts(cache);
        QVERIFY(!posts.feedPage(FeedScope::group(id), 10).isEmpty()
                || !posts.pinned(FeedScope::group(id)).isEmpty());
    }
    // The waiting post was delivered alongside; the company feed is whole again.
    QTRY_VERIFY(!OutboxStore(cache).entry(waiting));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), companyPosts + 1);

    // And live again: a post by someone else arrives as before.
    auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"),
                                 m_profiles.filePath(QStringLiteral("anna")));
    QVERIFY(anna);
    anna->feed().createPost(QStringLiteral("after the resync"));
    QVERIFY(test::goOnlineAndCatchUp(*anna));
    QTRY_COMPARE_WITH_TIMEOUT(home.index(0).data(PostListModel::BodyRole).toString(),
                              QStringLiteral("after the resync"), 10000);
}

// A newer server's event kinds and fields reach this build through the same push: the fields
// are passed over, the kinds are kept for a later build, and nothing triggers a catch-up.
void TestResync::unknownKindsAreKeptAndUnknownFieldsIgnored()
{
    auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"),
                                m_profiles.filePath(QStringLiteral("eva")));
    QVERIFY(test::goOnlineAndCatchUp(*eva));
    QSignalSpy started(&eva->sync(), &SyncEngine::syncStarted);
    const qint64 cursor = eva->cache().cursor();
    QJsonObject newer = post(800000, QStringLiteral("with fields from the future"));
    newer.insert(QStringLiteral("reactions"), QJsonObject {{QStringLiteral("🎉"), 3}});
    Q_EMIT eva->session().eventPushed(
        cursor + 1000000,
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("post.created")},
                     {QStringLiteral("at"), QStringLiteral("2030-01-01")},
                     {QStringLiteral("actor"), 1},
                     {QStringLiteral("mood"), QStringLiteral("sunny")},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("post"), newer}}}});
    Q_EMIT eva->session().eventPushed(
        cursor + 1000001,
        QJsonObject {
            {QStringLiteral("kind"), QStringLiteral("poll.created")},
            {QStringLiteral("at"), QStringLiteral("2030-01-01")},
            {QStringLiteral("actor"), 1},
            {QStringLiteral("data"),
             QJsonObject {{QStringLiteral("poll"), QJsonObject {{QStringLiteral("id"), 4}}}}}});
    QCOMPARE(PostStore(eva->cache()).post(800000)->body,
             QStringLiteral("with fields from the future"));
    KeptEvents kept(eva->cache());
    QCOMPARE(kept.count(), 1);
    QCOMPARE(kept.kinds(), QStringList {QStringLiteral("poll.created")});
    QCOMPARE(eva->cache().cursor(), cursor + 1000001);
    QVERIFY(eva->sync().isLive());
    QTest::qWait(200);
    QCOMPARE(started.size(), 0);
}

// A build without groups kept the group events it received; the build that knows them
// applies them when it opens the cache, and keeps what it does not know either.
void TestResync::keptEventsAreAppliedByABuildThatKnowsThem()
{
    const QString profile = m_profiles.filePath(QStringLiteral("kept"));
    const QUrl server(QStringLiteral("ws://127.0.0.1:9"));
    {
        Cache cache;
        QVERIFY(!cache.open(Cache::fileFor(profile, server, QStringLiteral("daan"))));
        KeptEvents kept(cache);
        const auto event = [](qint64 seq, const QString& kind, const QJsonObject& data) {
            return SyncEvent::fromJson(seq,
                                       QJsonObject {{QStringLiteral("kind"), kind},
                                                    {QStringLiteral("actor"), 4},
                                                    {QStringLiteral("data"), data}});
        };
        const QJsonObject group {{QStringLiteral("id"), 77},
                                 {QStringLiteral("name"), QStringLiteral("Sluiswachters")},
                                 {QStringLiteral("kind"), QStringLiteral("public")},
                                 {QStringLiteral("members"), 1}};
        QVERIFY(cache.transaction([&]() {
            return cache.setMeta(QStringLiteral("userId"), QStringLiteral("4"))
                && kept.keep(
                    event(10, QStringLiteral("group.created"), {{QStringLiteral("group"), group}}))
                && kept.keep(event(11, QStringLiteral("group.member"),
                                   {{QStringLiteral("groupId"), 77},
                                    {QStringLiteral("userId"), 4},
                                    {QStringLiteral("state"), QStringLiteral("member")},
                                    {QStringLiteral("role"), QStringLiteral("owner")},
                                    {QStringLiteral("members"), 1}}))
                && kept.keep(event(12, QStringLiteral("poll.created"), {}));
        }));
    }
    Client client;
    QVERIFY(!client.open(server, QStringLiteral("daan"), profile));
    const auto g = GroupStore(client.cache()).group(77);
    QVERIFY(g);
    QCOMPARE(g->name, QStringLiteral("Sluiswachters"));
    QCOMPARE(g->myState, QStringLiteral("member"));
    QCOMPARE(g->myRole, QStringLiteral("owner"));
    KeptEvents kept(client.cache());
    QCOMPARE(kept.kinds(), QStringList {QStringLiteral("poll.created")});
}

// A build without groups synced this cache up to the head: the group events before its cursor
// never reached it. The build with groups agrees on the feature and rebuilds before reading on.
void TestResync::upgradedCacheLoadsItsGroups()
{
    const QString profile = m_profiles.filePath(QStringLiteral("upgraded"));
    {
        auto older = test::makeClient(m_server.url(), QStringLiteral("bram"), profile);
        older->connection().setFeatures(
            {QStringLiteral("feed"), QStringLiteral("sync"), QStringLiteral("idempotent-writes")});
        QVERIFY(test::goOnlineAndCatchUp(*older));
        QVERIFY(!older->connection().agreedFeatures().contains(QStringLiteral("groups")));
        QVERIFY(older->cache().cursor() > 0);
        QCOMPARE(GroupStore(older->cache()).memberGroupIds().size(), 0);
    }
    auto upgraded = test::makeClient(m_server.url(), QStringLiteral("bram"), profile);
    QSignalSpy resynced(&upgraded->sync(), &SyncEngine::resynced);
    QVERIFY(test::goOnlineAndCatchUp(*upgraded));
    QCOMPARE(resynced.size(), 1);
    const QList<qint64> groups = GroupStore(upgraded->cache()).memberGroupIds();
    QCOMPARE(groups.size(), 3);
    const PostStore posts(upgraded->cache());
    for (const qint64 id : groups)
        QVERIFY(posts.feedCount(FeedScope::group(id)) > 0
                || !posts.pinned(FeedScope::group(id)).isEmpty());
    QVERIFY(upgraded->sync().syncedFeatures().contains(QStringLiteral("groups")));
    upgraded.reset();

    // Synced with groups now: the next start reads on from the cursor.
    auto again = test::makeClient(m_server.url(), QStringLiteral("bram"), profile);
    QSignalSpy resyncedAgain(&again->sync(), &SyncEngine::resynced);
    QVERIFY(test::goOnlineAndCatchUp(*again));
    QCOMPARE(resyncedAgain.size(), 0);
    QCOMPARE(GroupStore(again->cache()).memberGroupIds(), groups);
}

// A group's page that fails for now (here: the session logged out after the company page was
// read) fails the rebuild, which clears nothing and is tried again; only a group the user
// lost in the meantime (forbidden, not_found) is passed over.
void TestResync::rebuildFailsWhenAGroupPageFailsForNow()
{
    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"),
                                 m_profiles.filePath(QStringLiteral("transient")));
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    const PostStore posts(bram->cache());
    const qint64 groupId = GroupStore(bram->cache()).memberGroupIds().first();
    const int groupPosts = posts.feedCount(FeedScope::group(groupId));
    QVERIFY(groupPosts > 0);
    FeedApplier applier(bram->session(), bram->cache(), bram->feed(), bram->sync());
    std::optional<Result<qint64>> outcome;
    applier.rebuild([&](const Result<qint64>& head) { outcome = head; });
    // Behind the company page on the wire: the group pages after it get `unauthorized`.
    QObject context;
    bram->session().request(protocol::session::AuthLogout, QJsonObject {}, &context,
                            [](const Result<QJsonObject>&) {});
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(!*outcome);
    QCOMPARE(outcome->error().code, protocol::ErrorCode::Unauthorized);
    QCOMPARE(posts.feedCount(FeedScope::group(groupId)), groupPosts);
}

// Snapshot reads answer different heads and the sync goes on from the lowest: events between
// are applied to rows that already count them. A reply's parent counted it in its snapshot.
void TestResync::replyAppliedAgainIsNotCountedTwice()
{
    auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"),
                                 m_profiles.filePath(QStringLiteral("anna-replies")));
    QVERIFY(test::goOnlineAndCatchUp(*anna));
    QSignalSpy delivered(&anna->outbox(), &Outbox::delivered);
    anna->feed().createPost(QStringLiteral("a post with one reply"));
    QTRY_COMPARE(delivered.size(), 1);
    const QJsonObject created = delivered.first().at(1).toJsonObject();
    const qint64 parentId
        = created.value(QStringLiteral("post")).toObject().value(QStringLiteral("id")).toInteger();
    anna->feed().createPost(QStringLiteral("the reply"), parentId);
    QTRY_COMPARE(delivered.size(), 2);
    const QJsonObject reply = delivered.last().at(1).toJsonObject();
    const qint64 replyId
        = reply.value(QStringLiteral("post")).toObject().value(QStringLiteral("id")).toInteger();
    const qint64 replySeq = reply.value(QStringLiteral("seq")).toInteger();
    QVERIFY(replyId > 0 && replySeq > 0);

    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"),
                                 m_profiles.filePath(QStringLiteral("bram-replies")));
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    const PostStore posts(bram->cache());
    QCOMPARE(posts.post(parentId)->replies, 1);
    // Rebuilt: the parent with the server's count, its thread not read.
    bram->connection().stop();
    QVERIFY(bram->cache().transaction([&]() { return bram->cache().setCursor(1000000000); }));
    QSignalSpy resynced(&bram->sync(), &SyncEngine::resynced);
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    QCOMPARE(resynced.size(), 1);
    QVERIFY(!posts.post(replyId));
    QCOMPARE(posts.post(parentId)->replies, 1);
    // Synced on from a head before the reply, as after a snapshot read that answered earlier.
    bram->connection().stop();
    QVERIFY(bram->cache().transaction([&]() { return bram->cache().setCursor(replySeq - 1); }));
    QVERIFY(test::goOnlineAndCatchUp(*bram));
    QVERIFY(posts.post(replyId));
    QCOMPARE(posts.post(parentId)->replies, 1);
}

QTEST_GUILESS_MAIN(TestResync)
#include "tst_resync.moc"
