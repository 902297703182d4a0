#include "cache.h"
#include "sql/dialect.h"
#include "sql/migrator.h"

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

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradesVersionOneKeepingPosts();
    void damagedCacheIsMovedAside();
    void countsRepliesOnce();
    void outboxKeepsOrderAndErrors();
    void transactionRollsBack();
    void feedCounterFollowsChanges();
    void markedDamagedCacheKeepsItsOutbox();
    void backgroundCheckFindsDamage();
};

void TestCache::upgradesVersionOneKeepingPosts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        // A cache as release 1 of the schema left it.
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        Cache probe; // registers the migration resources
        QDir().mkpath(dir.filePath(QStringLiteral("probe")));
        QVERIFY(!probe.open(dir.filePath(QStringLiteral("probe/p.sqlite"))));
        plein::sql::Migrator m(db, plein::sql::Dialect(plein::sql::Backend::SQLite),
                               QStringLiteral(":/plein/client/migrations"));
        QVERIFY(!m.migrate(1));
        QCOMPARE(m.currentVersion(), 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                           "created_at) VALUES (7, 1, 'anna', 'Anna', 'from v1', '2024-01-01')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('cursor', '42')")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(cache.movedAsideTo().isEmpty());
    QCOMPARE(cache.cursor(), 42);
    const auto p = cache.post(7);
    QVERIFY(p);
    QCOMPARE(p->body, QStringLiteral("from v1"));
    QCOMPARE(p->mentionsMe, false);
    QCOMPARE(cache.outboxCount(), 0);
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
    QVERIFY(cache.transaction([&]() { return cache.upsertPost(post(1), false); }));
    QCOMPARE(cache.postCount(), 1);
}

void TestCache::countsRepliesOnce()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QVERIFY(cache.transaction([&]() {
        return cache.upsertPost(post(1), false) && cache.upsertPost(post(2, 1), false)
            && cache.upsertPost(post(2, 1, QStringLiteral("again")), false);
    }));
    QCOMPARE(cache.post(1)->replies, 1);
    QCOMPARE(cache.post(2)->body, QStringLiteral("again"));
    QVERIFY(cache.transaction([&]() { return cache.markDeleted(2) && cache.markDeleted(2); }));
    QCOMPARE(cache.post(1)->replies, 0);
    QVERIFY(cache.post(2)->deleted);
    QCOMPARE(cache.feedCount(), 1);
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
        QVERIFY(cache.transaction([&]() { return cache.addOutbox(e); }));
    }
    QCOMPARE(cache.nextPending()->clientId, QStringLiteral("client-id-0"));
    QVERIFY(cache.setOutboxFailed(QStringLiteral("client-id-0"), QStringLiteral("not_found"),
                                  QStringLiteral("gone")));
    QCOMPARE(cache.nextPending()->clientId, QStringLiteral("client-id-1"));
    const auto failed = cache.outboxEntry(QStringLiteral("client-id-0"));
    QVERIFY(failed->failed);
    QCOMPARE(failed->errorMessage, QStringLiteral("gone"));
    const auto shown = cache.outboxPosts(0);
    QCOMPARE(shown.size(), 3);
    QVERIFY(shown.first().failed);
    QCOMPARE(shown.last().body, QStringLiteral("2"));
}

void TestCache::transactionRollsBack()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("c.sqlite"))));
    QSignalSpy changed(&cache, &Cache::changed);
    QVERIFY(!cache.transaction(
        [&]() { return cache.upsertPost(post(1), false) && cache.setCursor(5) && false; }));
    QCOMPARE(cache.postCount(), 0);
    QCOMPARE(cache.cursor(), 0);
    QCOMPARE(changed.size(), 0);
}

void TestCache::feedCounterFollowsChanges()
{
    QTemporaryDir dir;
    Cache cache;
    QVERIFY(!cache.open(dir.filePath(QStringLiteral("count.sqlite"))));
    QVERIFY(cache.transaction([&]() {
        return cache.upsertPost(post(1), false) && cache.upsertPost(post(2), false)
            && cache.upsertPost(post(3, 1), false);
    }));
    QCOMPARE(cache.feedCount(), 2);
    // A deleted post with replies stays in the feed; without replies it leaves.
    QVERIFY(cache.transaction([&]() { return cache.markDeleted(1) && cache.markDeleted(2); }));
    QCOMPARE(cache.feedCount(), 1);
    QVERIFY(cache.transaction([&]() { return cache.markDeleted(3); }));
    QCOMPARE(cache.feedCount(), 0);
    bool inserted = true;
    QVERIFY(cache.transaction([&]() { return cache.upsertPost(post(4), false, &inserted); }));
    QVERIFY(inserted);
    QVERIFY(cache.transaction([&]() { return cache.upsertPost(post(4), false, &inserted); }));
    QVERIFY(!inserted);
    QCOMPARE(cache.feedCount(), 1);
    QVERIFY(cache.transaction([&]() { return cache.clearPosts(); }));
    QCOMPARE(cache.feedCount(), 0);
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
            [&]() { return cache.addOutbox(e) && cache.upsertPost(post(7), false); }));
    }
    QFile marker(path + QStringLiteral(".damaged"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    Cache cache;
    QVERIFY(!cache.open(path));
    QVERIFY(!cache.movedAsideTo().isEmpty());
    QVERIFY(!QFile::exists(path + QStringLiteral(".damaged")));
    QCOMPARE(cache.postCount(), 0);
    const auto entries = cache.outbox();
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
                if (!cache.upsertPost(post(i, 0, QString(200, u'x')), false))
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

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
