#include "client.h"
#include "feed/feed.h"
#include "feed/followstore.h"
#include "feed/poststore.h"
#include "groups/groupstore.h"
#include "outbox/outboxstore.h"
#include "sql/dialect.h"
#include "sql/migrator.h"
#include "store/cache.h"
#include "sync/keptevents.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein::client;

namespace {

QJsonObject post(qint64 id, qint64 parentId = 0, const QString& body = QStringLiteral("hello"))
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), 1},
                      {QStringLiteral("username"), QStringLiteral("anna")},
                      {QStringLiteral("displayName"), QStringLiteral("Anna")}}},
        {QStringLiteral("parentId"), parentId ? QJsonValue(parentId) : QJsonValue()},
        {QStringLiteral("body"), body},
        {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("likes"), 0},
        {QStringLiteral("replies"), 0}};
}

// Writes the cache file `path` as schema version `version` left it, then runs `statements`
// in it (rows of that version). False when any step fails.
bool writeOldCache(const QString& path, int version, const QStringList& statements)
{
    const QString connection = QStringLiteral("old-%1").arg(version);
    bool ok = false;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QTemporaryDir probeDir;
        Cache probe; // registers the migration resources
        plein::sql::Migrator m(db, plein::sql::Dialect(plein::sql::Backend::SQLite),
                               QStringLiteral(":/plein/client/migrations"));
        ok = db.open() && !probe.open(probeDir.filePath(QStringLiteral("p.sqlite")))
            && !m.migrate(version) && m.currentVersion() == version;
        QSqlQuery q(db);
        for (const QString& statement : statements)
            ok = ok && q.exec(statement);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradesVersionOneKeepingPosts();
    void upgradesVersionFourKeepingPostsAndOutbox();
    void changesSayWhatChanged();
    void damagedCacheIsMovedAside();
    void countsRepliesOnce();
    void outboxKeepsOrderAndErrors();
    void transactionRollsBack();
    void feedCounterFollowsChanges();
    void markedDamagedCacheKeepsItsOutbox();
    void backgroundCheckFindsDamage();
    void upgradesVersionEightKnowingTheGroupsOfKeptEvents();
    void nestedFailureRollsBackTheWhole();
    void postsArrivedFollowsARolledBackPage();
    void failingKeptEventDoesNotHoldUpTheOthers();
    void upgradesVersionTenWithAnEmptyDepartment();
    void topicsOfCachedPosts();
};

void TestCache::upgradesVersionOneKeepingPosts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    // A cache as release 1 of the schema left it.
    QVERIFY(writeOldCache(
        path, 1,
        {QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                        "created_at) VALUES (7, 1, 'anna', 'Anna', 'from v1', '2024-01-01')"),
         QStringLiteral("INSERT INTO meta (key, value) VALUES ('cursor', '42')")}));

    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty());
    QCOMPARE(cache.cursor(), 42);
    const auto p = PostStore(cache).post(7);
    QVERIFY(p);
    QCOMPARE(p->body, QStringLiteral("from v1"));
    QCOMPARE(p->mentionsMe, false);
    QCOMPARE(OutboxStore(cache).count(), 0);
}

// A cache as the last release before groups left it (version 4): its posts join the company
// feed with its counter, and its waiting writes keep their order in the feed's lane.
void TestCache::upgradesVersionFourKeepingPostsAndOutbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
    QVERIFY(writeOldCache(
        path, 4,
        {QStringLiteral(
             "INSERT INTO posts (id, author_id, author_username, author_name, body, created_at, "
             "mentions_me) VALUES (7, 1, 'anna', 'Anna', 'top', '2024-01-01', 1), "
             "(8, 1, 'anna', 'Anna', 'reply', '2024-01-01', 0)"),
         QStringLiteral("UPDATE posts SET parent_id = 7 WHERE id = 8"),
         QStringLiteral(
             "INSERT INTO outbox (client_id, kind, payload, parent_id, body, created_at, sent) "
             "VALUES ('old-write-1', 'post.create', '{\"clientId\":\"old-write-1\",\"body\":"
             "\"from v4\"}', 0, 'from v4', '2024-01-01', 1), ('old-write-2', 'post.like', "
             "'{\"clientId\":\"old-write-2\",\"postId\":7,\"liked\":true}', NULL, NULL, "
             "'2024-01-01', 0)")}));

    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty());
    PostStore posts(cache);
    QCOMPARE(posts.feedCount(FeedScope::company()), 1);
    QCOMPARE(posts.feedCount(FeedScope::home()), 1);
    QCOMPARE(posts.feedCount(FeedScope::group(3)), 0);
    const auto top = posts.post(7);
    QVERIFY(top);
    QCOMPARE(top->groupId, 0);
    QVERIFY(!top->pinned);
    QVERIFY(top->mentionsMe);
    QCOMPARE(posts.feedPage(FeedScope::home(), 10).size(), 1);
    const auto entries = OutboxStore(cache).entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).clientId, QStringLiteral("old-write-1"));
    QCOMPARE(entries.at(0).lane, QStringLiteral("feed"));
    QVERIFY(entries.at(0).sent);
    QCOMPARE(entries.at(1).kind, QStringLiteral("post.like"));
    QCOMPARE(entries.at(1).lane, QStringLiteral("feed"));
    // The counters follow posts of groups from now on, one per feed.
    QJsonObject inGroup = post(9);
    inGroup.insert(QStringLiteral("groupId"), 3);
    QVERIFY(cache.transaction([&]() { return posts.upsert(inGroup); }));
    QCOMPARE(posts.feedCount(FeedScope::group(3)), 1);
    QCOMPARE(posts.feedCount(FeedScope::company()), 1);
}

void TestCache::changesSayWhatChanged()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QSignalSpy changed(&cache, &Cache::changed);
    QJsonObject inGroup = post(5);
    inGroup.insert(QStringLiteral("groupId"), 12);
    QVERIFY(cache.transaction(
        [&]() { return PostStore(cache).upsert(inGroup) && PostStore(cache).upsert(post(6, 5)); }));
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.first().first().value<CacheChanges>();
    QVERIFY(changes.touches(PostStore::postsArea, 5));
    QVERIFY(changes.touches(PostStore::postsArea, 6));
    QVERIFY(changes.touches(PostStore::feedsArea, 12));
    QVERIFY(changes.touches(PostStore::threadsArea, 5));
    QVERIFY(!changes.touches(PostStore::threadsArea, 7));
    QVERIFY(!changes.touches(OutboxStore::area));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::group(12)), 1);
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 0);
    // Nothing changed, nothing said.
    QVERIFY(cache.transaction([&]() { return cache.setCursor(3); }));
    QCOMPARE(changed.size(), 1);
}

void TestCache::damagedCacheIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(!cache.movedAsideTo().isEmpty());
    QVERIFY(QFile::exists(cache.movedAsideTo()));
    QCOMPARE(cache.cursor(), 0);
    QVERIFY(cache.transaction([&]() { return PostStore(cache).upsert(post(1)); }));
    QCOMPARE(PostStore(cache).postCount(), 1);
}

void TestCache::countsRepliesOnce()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QVERIFY(cache.transaction([&]() {
        return PostStore(cache).upsert(post(1)) && PostStore(cache).upsert(post(2, 1))
            && PostStore(cache).upsert(post(2, 1, QStringLiteral("again")));
    }));
    QCOMPARE(PostStore(cache).post(1)->replies, 1);
    QCOMPARE(PostStore(cache).post(2)->body, QStringLiteral("again"));
    QVERIFY(cache.transaction(
        [&]() { return PostStore(cache).markDeleted(2) && PostStore(cache).markDeleted(2); }));
    QCOMPARE(PostStore(cache).post(1)->replies, 0);
    QVERIFY(PostStore(cache).post(2)->deleted);
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 1);
}

void TestCache::outboxKeepsOrderAndErrors()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    for (int i = 0; i < 3; ++i) {
        OutboxEntry e;
        e.clientId = QStringLiteral("client-id-%1").arg(i);
        e.kind = QStringLiteral("post.create");
        e.payload = QJsonObject {{QStringLiteral("clientId"), e.clientId},
                                 {QStringLiteral("body"), QString::number(i)}};
        QVERIFY(cache.transaction([&]() { return OutboxStore(cache).add(e); }));
    }
    QCOMPARE(OutboxStore(cache).pending().first().clientId, QStringLiteral("client-id-0"));
    QVERIFY(OutboxStore(cache).setFailed(QStringLiteral("client-id-0"), QStringLiteral("not_found"),
                                         QStringLiteral("gone")));
    QCOMPARE(OutboxStore(cache).pending().first().clientId, QStringLiteral("client-id-1"));
    const auto failed = OutboxStore(cache).entry(QStringLiteral("client-id-0"));
    QVERIFY(failed->failed);
    QCOMPARE(failed->errorMessage, QStringLiteral("gone"));
    const auto entries = OutboxStore(cache).entries();
    QCOMPARE(entries.size(), 3);
    QVERIFY(entries.first().failed);
    QCOMPARE(entries.last().payload.value(QLatin1StringView("body")).toString(),
             QStringLiteral("2"));
    QCOMPARE(entries.last().lane, QStringLiteral("feed"));
}

void TestCache::transactionRollsBack()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QSignalSpy changed(&cache, &Cache::changed);
    QVERIFY(!cache.transaction(
        [&]() { return PostStore(cache).upsert(post(1)) && cache.setCursor(5) && false; }));
    QCOMPARE(PostStore(cache).postCount(), 0);
    QCOMPARE(cache.cursor(), 0);
    QCOMPARE(changed.size(), 0);
}

void TestCache::feedCounterFollowsChanges()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("count.sqlite"))));
    QVERIFY(cache.transaction([&]() {
        return PostStore(cache).upsert(post(1)) && PostStore(cache).upsert(post(2))
            && PostStore(cache).upsert(post(3, 1));
    }));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 2);
    // A deleted post with replies stays in the feed; without replies it leaves.
    QVERIFY(cache.transaction(
        [&]() { return PostStore(cache).markDeleted(1) && PostStore(cache).markDeleted(2); }));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 1);
    QVERIFY(cache.transaction([&]() { return PostStore(cache).markDeleted(3); }));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 0);
    bool inserted = true;
    QVERIFY(
        cache.transaction([&]() { return PostStore(cache).upsert(post(4), false, &inserted); }));
    QVERIFY(inserted);
    QVERIFY(
        cache.transaction([&]() { return PostStore(cache).upsert(post(4), false, &inserted); }));
    QVERIFY(!inserted);
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 1);
    QVERIFY(cache.transaction([&]() { return PostStore(cache).clear(); }));
    QCOMPARE(PostStore(cache).feedCount(FeedScope::company()), 0);
}

// Damage found by the background check is acted on at the next start: the file is set aside,
// and the unconfirmed writes come along with their client ids.
void TestCache::markedDamagedCacheKeepsItsOutbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("marked.sqlite"));
    {
        Cache cache;
        QVERIFY(!cache.open(path));
        OutboxEntry e;
        e.clientId = QStringLiteral("client-0001");
        e.kind = QStringLiteral("post.create");
        e.payload = QJsonObject {{QStringLiteral("clientId"), e.clientId},
                                 {QStringLiteral("body"), QStringLiteral("written on the train")}};
        QVERIFY(cache.transaction(
            [&]() { return OutboxStore(cache).add(e) && PostStore(cache).upsert(post(7)); }));
    }
    QFile marker(path + QStringLiteral(".damaged"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(!cache.movedAsideTo().isEmpty());
    QVERIFY(!QFile::exists(path + QStringLiteral(".damaged")));
    QCOMPARE(PostStore(cache).postCount(), 0);
    const auto entries = OutboxStore(cache).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().clientId, QStringLiteral("client-0001"));
    QCOMPARE(entries.first().payload.value(QLatin1StringView("body")).toString(),
             QStringLiteral("written on the train"));
}

void TestCache::backgroundCheckFindsDamage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rot.sqlite"));
    {
        Cache cache;
        QVERIFY(!cache.open(path));
        QVERIFY(cache.transaction([&]() {
            for (int i = 1; i <= 3000; ++i) {
                if (!PostStore(cache).upsert(post(i, 0, QString(200, u'x'))))
                    return false;
            }
            return true;
        }));
        // A healthy cache: nothing to report.
        QSignalSpy healthy(&cache, &Cache::damaged);
        cache.checkIntegrity();
        QVERIFY(!healthy.wait(1500));
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    // Bit rot in the middle of the posts table; the schema on page 1 stays readable.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 200000);
    for (qint64 offset = size / 3; offset < size / 3 + 4 * 4096; offset += 4096) {
        f.seek(offset);
        f.write(QByteArray(512, '\xA5'));
    }
    f.close();
    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty()); // opening is quick and does not read it all
    QSignalSpy damaged(&cache, &Cache::damaged);
    cache.checkIntegrity();
    QVERIFY(damaged.wait(10000));
    QVERIFY(QFile::exists(path + QStringLiteral(".damaged")));
    cache.close();
    Cache again;
    QVERIFY(!again.open(path));
    QVERIFY(!again.movedAsideTo().isEmpty());
}

// A cache of the first release with groups (version 8): its kept events learn the group they
// were addressed to, so that leaving the group forgets them.
void TestCache::upgradesVersionEightKnowingTheGroupsOfKeptEvents()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v8.sqlite"));
    QVERIFY(writeOldCache(
        path, 8,
        {QStringLiteral("INSERT INTO kept_events (seq, kind, event) VALUES "
                        "(10, 'poll.created', '{\"seq\":10,\"kind\":\"poll.created\",\"audience\":"
                        "{\"scope\":\"group\",\"id\":12},\"data\":{}}'), "
                        "(11, 'poll.created', '{\"seq\":11,\"kind\":\"poll.created\",\"audience\":"
                        "{\"scope\":\"all\"},\"data\":{}}')"),
         QStringLiteral(
             "INSERT INTO posts (id, author_id, author_username, author_name, body, created_at, "
             "replies) VALUES (7, 1, 'anna', 'Anna', 'top', '2024-01-01', 2)")}));

    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty());
    KeptEvents kept(cache);
    QCOMPARE(kept.count(), 2);
    QVERIFY(cache.transaction([&]() { return kept.forgetGroup(12); }));
    QCOMPARE(kept.count(), 1);
    QCOMPARE(kept.ofKinds({QStringLiteral("poll.created")}).first().seq, 11);
    // Its posts' counts are of no known position: a new reply counts as before.
    QVERIFY(cache.transaction([&]() { return PostStore(cache).upsert(post(8, 7)); }));
    QCOMPARE(PostStore(cache).post(7)->replies, 3);
}

// A transaction inside another that fails (without saying why) takes the outer one with it.
void TestCache::nestedFailureRollsBackTheWhole()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("nested.sqlite"))));
    const bool outer = cache.transaction([&]() {
        cache.transaction([&]() { return PostStore(cache).upsert(post(1)) && false; });
        return true;
    });
    QVERIFY(!outer);
    QCOMPARE(PostStore(cache).postCount(), 0);
    // A savepoint undoes only its own part.
    QVERIFY(cache.transaction([&]() {
        const bool held
            = cache.savepoint([&]() { return PostStore(cache).upsert(post(2)) && false; });
        return !held && PostStore(cache).upsert(post(3));
    }));
    QVERIFY(!PostStore(cache).post(2));
    QVERIFY(PostStore(cache).post(3));
}

// One page that rolled back must not silence the signal for the pages after it.
void TestCache::postsArrivedFollowsARolledBackPage()
{
    QTemporaryDir dir;
    Client client;
    QVERIFY(
        !client.open(QUrl(QStringLiteral("ws://127.0.0.1:9")), QStringLiteral("bea"), dir.path()));
    QSignalSpy arrived(&client.feed(), &Feed::postsArrived);
    const PostRow row = PostRow::fromJson(post(20));
    const auto page = [&](bool commits) {
        return client.cache().transaction([&]() {
            client.feed().noteArrived(row, 1, false, 4);
            return commits;
        });
    };
    QVERIFY(!page(false));
    QVERIFY(page(true));
    QVERIFY(page(true));
    QCOMPARE(arrived.size(), 2);
    QCOMPARE(arrived.first().first().toInt(), 1);
}

// A kept event this build cannot apply stays kept; the others are applied all the same.
void TestCache::failingKeptEventDoesNotHoldUpTheOthers()
{
    QTemporaryDir dir;
    const QUrl server(QStringLiteral("ws://127.0.0.1:9"));
    {
        Cache cache;
        QVERIFY(!cache.open(Cache::fileFor(dir.path(), server, QStringLiteral("daan"))));
        KeptEvents kept(cache);
        const auto event = [](qint64 seq, const QString& kind, const QJsonObject& data) {
            return SyncEvent::fromJson(
                seq, QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("data"), data}});
        };
        QVERIFY(cache.transaction([&]() {
            return kept.keep(event(10, QStringLiteral("post.created"),
                                   {{QStringLiteral("post"), QJsonObject {}}})) // no id
                && kept.keep(event(
                    11, QStringLiteral("group.created"),
                    {{QStringLiteral("group"),
                      QJsonObject {{QStringLiteral("id"), 77},
                                   {QStringLiteral("name"), QStringLiteral("Sluiswachters")}}}}));
        }));
    }
    Client client;
    QVERIFY(!client.open(server, QStringLiteral("daan"), dir.path()));
    QVERIFY(GroupStore(client.cache()).group(77));
    KeptEvents kept(client.cache());
    QCOMPARE(kept.count(), 1);
    QCOMPARE(kept.kinds(), QStringList {QStringLiteral("post.created")});
}

// Posts cached before the server sent the author's department (version 10) keep an empty one
// until the server sends them again, with it.
void TestCache::upgradesVersionTenWithAnEmptyDepartment()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v10.sqlite"));
    QVERIFY(writeOldCache(
        path, 10,
        {QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                        "created_at) VALUES (7, 1, 'anna', 'Anna', 'from v10', '2024-01-01')")}));
    Cache cache;
    QVERIFY(!cache.open(path));
    auto p = PostStore(cache).post(7);
    QVERIFY(p);
    QCOMPARE(p->body, QStringLiteral("from v10"));
    QCOMPARE(p->authorDepartment, QString());
    QJsonObject json = post(7, 0, QStringLiteral("from v10"));
    QJsonObject author = json.value(QStringLiteral("author")).toObject();
    author.insert(QStringLiteral("department"), QStringLiteral("Communicatie"));
    json.insert(QStringLiteral("author"), author);
    QVERIFY(cache.transaction([&]() { return PostStore(cache).upsert(json); }));
    QCOMPARE(PostStore(cache).post(7)->authorDepartment, QStringLiteral("Communicatie"));
    // A post from an old event, without one, is stored with none.
    QVERIFY(cache.transaction([&]() { return PostStore(cache).upsert(post(8)); }));
    QCOMPARE(PostStore(cache).post(8)->authorDepartment, QString());
}

// Posts cached before client migration 020 get their topics once; later writes keep them
// right (a reply's for its thread, an edit replaces, a deletion removes); Home shows what is
// followed.
void TestCache::topicsOfCachedPosts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v16.sqlite"));
    QVERIFY(writeOldCache(
        path, 16,
        {QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                        "created_at, group_id) VALUES (7, 1, 'anna', 'Anna', 'De #Dijk en "
                        "`#code`', '2024-01-01', 44)"),
         QStringLiteral("INSERT INTO posts (id, parent_id, author_id, author_username, "
                        "author_name, body, created_at) VALUES (8, 7, 2, 'bram', 'Bram', "
                        "'#sluis', '2024-01-01')")}));
    Cache cache;
    QVERIFY(!cache.open(path));
    PostStore posts(cache);
    const auto ids = [&](const FeedScope& scope) {
        QList<qint64> out;
        for (const PostRow& p : posts.feedPage(scope, 10))
            out << p.id;
        return out;
    };
    QVERIFY(ids(FeedScope::topic(QStringLiteral("dijk"))).isEmpty()); // not yet
    QVERIFY(cache.transaction([&]() { return posts.tagUntagged(); }));
    QCOMPARE(ids(FeedScope::topic(QStringLiteral("dijk"))), QList<qint64> {7});
    QCOMPARE(ids(FeedScope::topic(QStringLiteral("sluis"))), QList<qint64> {7});
    QVERIFY(ids(FeedScope::topic(QStringLiteral("code"))).isEmpty());
    QCOMPARE(posts.feedCount(FeedScope::topic(QStringLiteral("dijk"))), 1);
    // An edit of the root replaces its own topics, the reply's stay.
    QJsonObject edited = post(7, 0, QStringLiteral("#brug"));
    edited.insert(QStringLiteral("groupId"), 44);
    QVERIFY(cache.transaction([&]() { return posts.upsert(edited); }));
    QVERIFY(ids(FeedScope::topic(QStringLiteral("dijk"))).isEmpty());
    QCOMPARE(ids(FeedScope::topic(QStringLiteral("brug"))), QList<qint64> {7});
    QCOMPARE(ids(FeedScope::topic(QStringLiteral("sluis"))), QList<qint64> {7});
    QVERIFY(cache.transaction([&]() { return posts.markDeleted(8); }));
    QVERIFY(ids(FeedScope::topic(QStringLiteral("sluis"))).isEmpty());
    // Not a member of group 44: Home shows the post only once its topic is followed.
    QVERIFY(!ids(FeedScope::home()).contains(7));
    QVERIFY(cache.transaction([&]() {
        return FollowStore(cache).set(QStringLiteral("topic"), QStringLiteral("brug"), true);
    }));
    QVERIFY(ids(FeedScope::home()).contains(7));
    QCOMPARE(posts.feedCount(FeedScope::home()), int(ids(FeedScope::home()).size()));
    // Once.
    QSqlQuery q(cache.database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'topics_untagged'"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
