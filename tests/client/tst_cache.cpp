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

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
