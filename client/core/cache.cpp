#include "cache.h"

#include "sql/dialect.h"
#include "sql/migrator.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

// The migrations are a resource of a static library: register them before first use.
static void initClientMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace plein::client {

namespace {

QString migrationDir()
{
    static const bool registered = (initClientMigrationResources(), true);
    Q_UNUSED(registered);
    return QStringLiteral(":/plein/client/migrations");
}

const QString postColumns
    = QStringLiteral("id, parent_id, author_id, author_username, author_name, body, "
                     "created_at, edited_at, deleted, likes, replies, liked_by_me, "
                     "mentions_me");

PostRow readPost(const QSqlQuery& q)
{
    PostRow p;
    p.id = q.value(0).toLongLong();
    p.parentId = q.value(1).toLongLong();
    p.authorId = q.value(2).toLongLong();
    p.authorUsername = q.value(3).toString();
    p.authorName = q.value(4).toString();
    p.body = q.value(5).toString();
    p.createdAt = q.value(6).toString();
    p.editedAt = q.value(7).toString();
    p.deleted = q.value(8).toBool();
    p.likes = q.value(9).toInt();
    p.replies = q.value(10).toInt();
    p.likedByMe = q.value(11).toBool();
    p.mentionsMe = q.value(12).toBool();
    return p;
}

OutboxEntry readEntry(const QSqlQuery& q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.clientId = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    e.failed = q.value(4).toString() == QLatin1StringView("failed");
    e.errorCode = q.value(5).toString();
    e.errorMessage = q.value(6).toString();
    return e;
}

const QString entryColumns = QStringLiteral(
    "seq, client_id, kind, payload, state, error_code, error_message, parent_id, body, created_at");

QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString safeName(QString s)
{
    for (QChar& c : s) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'.')
            c = u'_';
    }
    return s;
}

} // namespace

PostRow PostRow::fromJson(const QJsonObject& post)
{
    PostRow p;
    const QJsonObject author = post.value(QLatin1StringView("author")).toObject();
    p.id = qint64(post.value(QLatin1StringView("id")).toDouble());
    p.parentId = qint64(post.value(QLatin1StringView("parentId")).toDouble());
    p.authorId = qint64(author.value(QLatin1StringView("id")).toDouble());
    p.authorUsername = author.value(QLatin1StringView("username")).toString();
    p.authorName = author.value(QLatin1StringView("displayName")).toString();
    p.body = post.value(QLatin1StringView("body")).toString();
    p.createdAt = post.value(QLatin1StringView("createdAt")).toString();
    p.editedAt = post.value(QLatin1StringView("editedAt")).toString();
    p.deleted = post.value(QLatin1StringView("deleted")).toBool();
    p.likes = post.value(QLatin1StringView("likes")).toInt();
    p.replies = post.value(QLatin1StringView("replies")).toInt();
    p.likedByMe = post.value(QLatin1StringView("likedByMe")).toBool();
    return p;
}

Cache::Cache(QObject* parent)
    : QObject(parent)
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("plein-cache-%1").arg(counter.fetchAndAddRelaxed(1));
}

Cache::~Cache()
{
    close();
}

QString Cache::fileFor(const QString& baseDir, const QUrl& server, const QString& username)
{
    // Readable for people who look in the folder, unique through the short hash of the URL.
    const QByteArray hash
        = QCryptographicHash::hash(server.toString().toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(8);
    const QString name = QStringLiteral("%1-%2-%3.sqlite")
                             .arg(safeName(server.host()), safeName(username.toLower()),
                                  QString::fromLatin1(hash));
    return QDir(baseDir).filePath(name);
}

void Cache::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

std::optional<QString> Cache::open(const QString& filePath)
{
    close();
    m_filePath = filePath;
    m_movedAsideTo.clear();
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    auto err = openFile();
    if (!err)
        return std::nullopt;
    close();
    if (!QFileInfo::exists(filePath))
        return err;
    const QString aside
        = QStringLiteral("%1.broken-%2")
              .arg(filePath,
                   QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
    if (!QFile::rename(filePath, aside))
        return QStringLiteral("the cache %1 is damaged (%2) and cannot be moved aside")
            .arg(filePath, *err);
    QFile::remove(filePath + QStringLiteral("-wal"));
    QFile::remove(filePath + QStringLiteral("-shm"));
    m_movedAsideTo = aside;
    if (auto again = openFile()) {
        close();
        return again;
    }
    return std::nullopt;
}

std::optional<QString> Cache::openFile()
{
    const sql::Dialect dialect(sql::Backend::SQLite);
    m_db = QSqlDatabase::addDatabase(dialect.driverName(), m_connectionName);
    m_db.setDatabaseName(m_filePath);
    if (!m_db.open())
        return QStringLiteral("cannot open %1: %2").arg(m_filePath, m_db.lastError().text());
    QSqlQuery q(m_db);
    // An outbox entry is a promise to the user: sync it to disk at every commit.
    for (const QString& statement : dialect.connectionSetup(true)) {
        if (!q.exec(statement))
            return QStringLiteral("cannot set up %1: %2").arg(m_filePath, sql::describeError(q));
    }
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()
        || q.value(0).toString() != QLatin1StringView("ok"))
        return QStringLiteral("%1 failed its integrity check").arg(m_filePath);
    q.finish();
    return sql::Migrator(m_db, dialect, migrationDir()).migrate();
}

bool Cache::fail(const QString& what)
{
    m_lastError = what;
    m_failedInside = m_depth > 0;
    return false;
}

bool Cache::transaction(const std::function<bool()>& work)
{
    if (m_depth > 0) {
        ++m_depth;
        const bool ok = work();
        --m_depth;
        return ok;
    }
    if (!m_db.transaction())
        return fail(sql::describeError(m_db));
    m_depth = 1;
    m_failedInside = false;
    const bool ok = work() && !m_failedInside;
    m_depth = 0;
    if (!ok) {
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        m_db.rollback();
        return fail(sql::describeError(m_db));
    }
    Q_EMIT changed();
    return true;
}

QString Cache::meta(const QString& key) const
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}) || !q.next())
        return QString();
    return q.value(0).toString();
}

bool Cache::setMeta(const QString& key, const QString& value)
{
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                  {key, value}))
        return fail(sql::describeError(q));
    return true;
}

qint64 Cache::cursor() const
{
    return meta(QStringLiteral("cursor")).toLongLong();
}

bool Cache::setCursor(qint64 cursor)
{
    return setMeta(QStringLiteral("cursor"), QString::number(cursor));
}

bool Cache::upsertPost(const QJsonObject& json, bool mentionsMe)
{
    const PostRow p = PostRow::fromJson(json);
    if (p.id <= 0)
        return fail(QStringLiteral("a post without an id"));
    const bool known = post(p.id).has_value();
    const QVariant parent = p.parentId ? QVariant(p.parentId) : sql::nullValue(QMetaType::LongLong);
    const QVariant edited
        = p.editedAt.isEmpty() ? sql::nullValue(QMetaType::QString) : QVariant(p.editedAt);
    QSqlQuery q(m_db);
    bool ok = false;
    if (known) {
        const bool hasLiked = json.contains(QLatin1StringView("likedByMe"));
        ok = sql::run(
            q,
            QStringLiteral(
                "UPDATE posts SET author_username = ?, author_name = ?, body = ?, edited_at = ?, "
                "deleted = ?, likes = ?, replies = ?, liked_by_me = CASE WHEN ? THEN ? ELSE "
                "liked_by_me "
                "END, mentions_me = MAX(mentions_me, ?) WHERE id = ?"),
            {p.authorUsername, p.authorName, p.body, edited, p.deleted, p.likes, p.replies,
             hasLiked, p.likedByMe, mentionsMe, p.id});
    } else {
        ok = sql::run(
            q,
            QStringLiteral("INSERT INTO posts (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(postColumns),
            {p.id, parent, p.authorId, p.authorUsername, p.authorName, p.body, p.createdAt, edited,
             p.deleted, p.likes, p.replies, p.likedByMe, mentionsMe});
        // The server counts the new reply on its parent without an event for the parent.
        if (ok && p.parentId) {
            q.finish();
            ok = sql::run(q, QStringLiteral("UPDATE posts SET replies = replies + 1 WHERE id = ?"),
                          {p.parentId});
        }
    }
    return ok ? true : fail(sql::describeError(q));
}

bool Cache::markDeleted(qint64 postId)
{
    QSqlQuery q(m_db);
    if (!sql::run(
            q,
            QStringLiteral("UPDATE posts SET deleted = 1, body = '' WHERE id = ? AND deleted = 0"),
            {postId}))
        return fail(sql::describeError(q));
    if (q.numRowsAffected() > 0) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral("UPDATE posts SET replies = MAX(replies - 1, 0) WHERE id = "
                                     "(SELECT parent_id FROM posts WHERE id = ?)"),
                      {postId}))
            return fail(sql::describeError(q));
    }
    return true;
}

bool Cache::setLikes(qint64 postId, int likes, std::optional<bool> likedByMe)
{
    QSqlQuery q(m_db);
    const bool ok = likedByMe
        ? sql::run(q, QStringLiteral("UPDATE posts SET likes = ?, liked_by_me = ? WHERE id = ?"),
                   {likes, *likedByMe, postId})
        : sql::run(q, QStringLiteral("UPDATE posts SET likes = ? WHERE id = ?"), {likes, postId});
    return ok ? true : fail(sql::describeError(q));
}

bool Cache::clearPosts()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("DELETE FROM posts")) ? true : fail(sql::describeError(q));
}

std::optional<PostRow> Cache::post(qint64 id) const
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT %1 FROM posts WHERE id = ?").arg(postColumns), {id})
        || !q.next())
        return std::nullopt;
    return readPost(q);
}

QList<PostRow> Cache::feedPage(int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<PostRow> out;
    // A deleted post stays listed only while replies hang under it.
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT %1 FROM posts WHERE parent_id IS NULL AND (deleted = 0 OR replies > 0) "
                "ORDER BY id DESC LIMIT ?")
                .arg(postColumns),
            {limit}))
        return out;
    while (q.next())
        out.append(readPost(q));
    return out;
}

int Cache::feedCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT COUNT(*) FROM posts WHERE parent_id IS NULL AND (deleted = 0 OR replies > 0)"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<PostRow> Cache::threadPage(qint64 rootId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<PostRow> out;
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM posts WHERE parent_id = ? ORDER BY id LIMIT ?")
                      .arg(postColumns),
                  {rootId, limit}))
        return out;
    while (q.next())
        out.append(readPost(q));
    return out;
}

int Cache::threadCount(qint64 rootId) const
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id = ?"), {rootId})
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

int Cache::postCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM posts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Cache::addOutbox(const OutboxEntry& e)
{
    const qint64 parentId = qint64(e.payload.value(QLatin1StringView("parentId")).toDouble());
    const bool isCreate = e.kind == QLatin1StringView("post.create");
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral(
                      "INSERT INTO outbox (client_id, kind, payload, parent_id, body, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)"),
                  {e.clientId, e.kind, compactJson(e.payload),
                   isCreate ? QVariant(parentId) : sql::nullValue(QMetaType::LongLong),
                   e.payload.value(QLatin1StringView("body")).toString(),
                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}))
        return fail(sql::describeError(q));
    return true;
}

QList<OutboxEntry> Cache::outbox() const
{
    QSqlQuery q(m_db);
    QList<OutboxEntry> out;
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(entryColumns)))
        return out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

std::optional<OutboxEntry> Cache::nextPending() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1")
                    .arg(entryColumns))
        || !q.next())
        return std::nullopt;
    return readEntry(q);
}

std::optional<OutboxEntry> Cache::outboxEntry(const QString& clientId) const
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT %1 FROM outbox WHERE client_id = ?").arg(entryColumns),
                  {clientId})
        || !q.next())
        return std::nullopt;
    return readEntry(q);
}

bool Cache::removeOutbox(const QString& clientId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM outbox WHERE client_id = ?"), {clientId})
        ? true
        : fail(sql::describeError(q));
}

bool Cache::setOutboxFailed(const QString& clientId, const QString& code, const QString& message)
{
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral(
                        "UPDATE outbox SET state = 'failed', error_code = ?, error_message = ? "
                        "WHERE client_id = ?"),
                    {code, message, clientId})
        ? true
        : fail(sql::describeError(q));
}

bool Cache::setOutboxPending(const QString& clientId, const QJsonObject& payload)
{
    QSqlQuery q(m_db);
    return sql::run(
               q,
               QStringLiteral(
                   "UPDATE outbox SET state = 'pending', error_code = NULL, error_message = NULL, "
                   "payload = ?, body = ? WHERE client_id = ?"),
               {compactJson(payload), payload.value(QLatin1StringView("body")).toString(),
                clientId})
        ? true
        : fail(sql::describeError(q));
}

int Cache::outboxCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<PostRow> Cache::outboxPosts(qint64 parentId) const
{
    QSqlQuery q(m_db);
    QList<PostRow> out;
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT %1 FROM outbox WHERE kind = 'post.create' AND parent_id = ? ORDER BY seq")
                .arg(entryColumns),
            {parentId}))
        return out;
    while (q.next()) {
        const OutboxEntry e = readEntry(q);
        PostRow p;
        p.pending = true;
        p.clientId = e.clientId;
        p.parentId = parentId;
        p.body = q.value(8).toString();
        p.createdAt = q.value(9).toString();
        p.failed = e.failed;
        p.error = e.errorMessage;
        out.append(p);
    }
    return out;
}

QList<OutboxEntry> Cache::outboxChanges() const
{
    QSqlQuery q(m_db);
    QList<OutboxEntry> out;
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox WHERE kind <> 'post.create' ORDER BY seq")
                    .arg(entryColumns)))
        return out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

} // namespace plein::client
