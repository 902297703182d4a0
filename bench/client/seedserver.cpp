// Writes N posts straight into a stopped server's SQLite database (plein.db), each with the
// post.created event the server itself would have logged (the JSON of FeedService::create),
// and advances the event counter: a log of N events for the catch-up benchmark in seconds,
// where N post.create requests would take minutes.

#include "samplebodies.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

namespace {

int fail(const QString& what, const QString& why)
{
    std::fprintf(stderr, "plein-bench-seed-server: %s: %s\n", qPrintable(what), qPrintable(why));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Bulk-loads posts and their events into a stopped server."));
    parser.addHelpOption();
    const QCommandLineOption dataOption(
        QStringLiteral("data"), QStringLiteral("Server data folder."), QStringLiteral("DIR"));
    const QCommandLineOption postsOption(QStringLiteral("posts"),
                                         QStringLiteral("Posts to add (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption userOption(QStringLiteral("author"),
                                        QStringLiteral("Author's username (default: first user)."),
                                        QStringLiteral("NAME"));
    parser.addOptions({dataOption, postsOption, userOption});
    parser.process(app);
    if (!parser.isSet(dataOption))
        return fail(QStringLiteral("usage"), QStringLiteral("--data is required"));
    const qint64 count = parser.value(postsOption).toLongLong();

    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(QDir(parser.value(dataOption)).filePath(QStringLiteral("plein.db")));
    if (!db.open())
        return fail(QStringLiteral("open"), db.lastError().text());
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA cache_size=-262144"));
    q.prepare(
        parser.isSet(userOption)
            ? QStringLiteral("SELECT id, username, display_name FROM users WHERE username = ?")
            : QStringLiteral("SELECT id, username, display_name FROM users ORDER BY id LIMIT 1"));
    if (parser.isSet(userOption))
        q.addBindValue(parser.value(userOption));
    if (!q.exec() || !q.next())
        return fail(QStringLiteral("author"), QStringLiteral("no such user; add one first"));
    const qint64 authorId = q.value(0).toLongLong();
    const QJsonObject author {{QStringLiteral("id"), authorId},
                              {QStringLiteral("username"), q.value(1).toString()},
                              {QStringLiteral("displayName"), q.value(2).toString()}};
    q.finish();

    if (!db.transaction())
        return fail(QStringLiteral("begin"), db.lastError().text());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM posts")) || !q.next())
        return fail(QStringLiteral("posts"), q.lastError().text());
    const qint64 firstId = q.value(0).toLongLong() + 1;
    if (!q.exec(QStringLiteral("SELECT last_seq FROM event_counter WHERE id = 1")) || !q.next())
        return fail(QStringLiteral("event counter"), q.lastError().text());
    const qint64 firstSeq = q.value(0).toLongLong() + 1;
    q.finish();

    QSqlQuery post(db);
    post.prepare(
        QStringLiteral("INSERT INTO posts (id, author_id, parent_id, group_id, body, created_at) "
                       "VALUES (?, ?, NULL, NULL, ?, ?)"));
    QSqlQuery event(db);
    event.prepare(QStringLiteral(
        "INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, created_at) "
        "VALUES (?, 'post.created', ?, 'all', NULL, ?, ?)"));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-count);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        const QString body = plein::bench::sampleBody(quint64(id));
        const QString at = start.addSecs(i).toString(Qt::ISODateWithMs);
        post.addBindValue(id);
        post.addBindValue(authorId);
        post.addBindValue(body);
        post.addBindValue(at);
        if (!post.exec())
            return fail(QStringLiteral("post"), post.lastError().text());
        // As FeedService::create logs it: Post::toJson(false) and the mentioned user ids.
        const QJsonObject json {{QStringLiteral("post"),
                                 QJsonObject {{QStringLiteral("id"), id},
                                              {QStringLiteral("author"), author},
                                              {QStringLiteral("parentId"), QJsonValue()},
                                              {QStringLiteral("body"), body},
                                              {QStringLiteral("createdAt"), at},
                                              {QStringLiteral("editedAt"), QJsonValue()},
                                              {QStringLiteral("deleted"), false},
                                              {QStringLiteral("likes"), 0},
                                              {QStringLiteral("replies"), 0}}},
                                {QStringLiteral("mentions"), QJsonArray()}};
        event.addBindValue(firstSeq + i);
        event.addBindValue(authorId);
        event.addBindValue(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        event.addBindValue(at);
        if (!event.exec())
            return fail(QStringLiteral("event"), event.lastError().text());
    }
    post.finish();
    event.finish();
    q.prepare(QStringLiteral("UPDATE event_counter SET last_seq = ? WHERE id = 1"));
    q.addBindValue(firstSeq + count - 1);
    if (!q.exec() || !db.commit())
        return fail(QStringLiteral("commit"), db.lastError().text());
    q.finish();
    db.close();
    QTextStream(stdout) << "posts=" << count << " first_seq=" << firstSeq
                        << " head=" << firstSeq + count - 1 << " seed_ms=" << timer.elapsed()
                        << '\n';
    return 0;
}
