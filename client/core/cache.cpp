#include "cache.h"

#include "sql/dialect.h"
#include "sql/migrator.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <limits>

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
    e.sent = q.value(10).toInt() != 0;
    return e;
}

const QString entryColumns = QStringLiteral(
    "seq, client_id, kind, payload, state, error_code, error_message, parent_id, body, created_at, "
    "sent");

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

struct SalvagedWrite
{
    QString clientId;
    QString kind;
    QString payload;
    QVariant parentId;
    QString body;
    QString createdAt;
};

// The outbox rows that can still be read from a damaged cache file, oldest first.
QList<SalvagedWrite> salvageOutbox(const QString& file)
{
    QList<SalvagedWrite> out;
    const QString name = QStringLiteral("plein-cache-salvage");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(
                    QStringLiteral("SELECT client_id, kind, payload, parent_id, body, created_at "
                                   "FROM outbox ORDER BY seq"))) {
                while (q.next())
                    out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3), q.value(4).toString(), q.value(5).toString()});
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QString damagedMarker(const QString& cacheFile)
{
    return cacheFile + QStringLiteral(".damaged");
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
    // The background check reads the same file: let it finish before the file goes.
    if (m_integrityCheck) {
        m_integrityCheck->requestInterruption();
        m_integrityCheck->wait();
    }
    m_insertPost.finalize();
    m_statements.clear();
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
    // A background check of an earlier run found damage: start afresh now.
    const bool markedDamaged = QFile::exists(damagedMarker(filePath));
    QFile::remove(damagedMarker(filePath));
    auto err = markedDamaged ? std::optional<QString>(QStringLiteral("damaged")) : openFile();
    if (!err)
        return std::nullopt;
    close();
    if (!QFileInfo::exists(filePath))
        return err;
    // What the user wrote and the server has not confirmed is the one thing the server cannot
    // give back: read what can still be read, before the file (and its WAL) is set aside.
    const QList<SalvagedWrite> salvaged = salvageOutbox(filePath);
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
    // Same client ids: a write that did reach the server is answered as a replay, not doubled.
    transaction([&]() {
        for (const SalvagedWrite& w : salvaged) {
            if (!m_statements.run(QStringLiteral("INSERT INTO outbox (client_id, kind, payload, "
                                                 "parent_id, body, created_at) "
                                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                                  {w.clientId, w.kind, w.payload, w.parentId, w.body, w.createdAt}))
                return fail(m_statements.lastError());
        }
        return true;
    });
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
    // A file that is not a database at all fails here. A full integrity check reads the whole
    // file (300 ms warm, over a second cold with a million posts), so it runs in the
    // background instead: see checkIntegrity().
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !q.next())
        return QStringLiteral("%1 is not a readable database: %2")
            .arg(m_filePath, sql::describeError(q));
    q.finish();
    if (auto err = sql::Migrator(m_db, dialect, migrationDir()).migrate())
        return err;
    m_statements.setDatabase(m_db);
    return std::nullopt;
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
    QSqlQuery* q = m_statements.run(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!q || !q->next())
        return QString();
    return q->value(0).toString();
}

bool Cache::setMeta(const QString& key, const QString& value)
{
    if (!m_statements.run(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {key, value}))
        return fail(m_statements.lastError());
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

bool Cache::upsertPost(const QJsonObject& json, bool mentionsMe, bool* inserted)
{
    return upsertPost(PostRow::fromJson(json), json.contains(QLatin1StringView("likedByMe")),
                      mentionsMe, inserted);
}

bool Cache::upsertPost(const PostRow& p, bool hasLikedByMe, bool mentionsMe, bool* inserted)
{
    if (p.id <= 0)
        return fail(QStringLiteral("a post without an id"));
    const QVariant edited
        = p.editedAt.isEmpty() ? sql::nullValue(QMetaType::QString) : QVariant(p.editedAt);
    // Insert when new (one statement, no look-up first); otherwise update in place.
    if (!m_insertPost.isPrepared()
        && !m_insertPost.prepare(m_db,
                                 "INSERT INTO posts (id, parent_id, author_id, "
                                 "author_username, author_name, body, created_at, edited_at, "
                                 "deleted, likes, replies, liked_by_me, mentions_me) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (id) DO NOTHING"))
        return fail(m_insertPost.error());
    m_insertPost.bind(1, p.id);
    if (p.parentId)
        m_insertPost.bind(2, p.parentId);
    else
        m_insertPost.bindNull(2);
    m_insertPost.bind(3, p.authorId);
    m_insertPost.bind(4, p.authorUsername);
    m_insertPost.bind(5, p.authorName);
    m_insertPost.bind(6, p.body);
    m_insertPost.bind(7, p.createdAt);
    if (p.editedAt.isEmpty())
        m_insertPost.bindNull(8);
    else
        m_insertPost.bind(8, p.editedAt);
    m_insertPost.bind(9, qint64(p.deleted));
    m_insertPost.bind(10, qint64(p.likes));
    m_insertPost.bind(11, qint64(p.replies));
    m_insertPost.bind(12, qint64(p.likedByMe));
    m_insertPost.bind(13, qint64(mentionsMe));
    if (!m_insertPost.run())
        return fail(m_insertPost.error());
    const bool isNew = m_insertPost.changes() > 0;
    if (inserted)
        *inserted = isNew;
    if (isNew) {
        // The server counts the new reply on its parent without an event for the parent.
        if (p.parentId
            && !m_statements.run(
                QStringLiteral("UPDATE posts SET replies = replies + 1 WHERE id = ?"),
                {p.parentId}))
            return fail(m_statements.lastError());
        return true;
    }
    const bool hasLiked = hasLikedByMe;
    if (!m_statements.run(
            QStringLiteral(
                "UPDATE posts SET author_username = ?, author_name = ?, body = ?, edited_at = ?, "
                "deleted = ?, likes = ?, replies = ?, "
                "liked_by_me = CASE WHEN ? THEN ? ELSE liked_by_me END, "
                "mentions_me = MAX(mentions_me, ?) WHERE id = ?"),
            {p.authorUsername, p.authorName, p.body, edited, p.deleted, p.likes, p.replies,
             hasLiked, p.likedByMe, mentionsMe, p.id}))
        return fail(m_statements.lastError());
    return true;
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
    const bool ok = likedByMe
        ? m_statements.run(
            QStringLiteral("UPDATE posts SET likes = ?, liked_by_me = ? WHERE id = ?"),
            {likes, *likedByMe, postId})
        : m_statements.run(QStringLiteral("UPDATE posts SET likes = ? WHERE id = ?"),
                           {likes, postId});
    return ok ? true : fail(m_statements.lastError());
}

bool Cache::clearPosts()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("DELETE FROM posts")) ? true : fail(sql::describeError(q));
}

std::optional<PostRow> Cache::post(qint64 id) const
{
    QSqlQuery* q = m_statements.run(
        QStringLiteral("SELECT %1 FROM posts WHERE id = ?").arg(postColumns), {id});
    if (!q || !q->next())
        return std::nullopt;
    return readPost(*q);
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

QList<PostRow> Cache::feedPageBefore(qint64 beforeId, int limit) const
{
    QList<PostRow> out;
    QSqlQuery* q = m_statements.run(
        QStringLiteral(
            "SELECT %1 FROM posts WHERE parent_id IS NULL AND (deleted = 0 OR replies > 0) "
            "AND id < ? ORDER BY id DESC LIMIT ?")
            .arg(postColumns),
        {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit});
    if (!q)
        return out;
    while (q->next())
        out.append(readPost(*q));
    return out;
}

int Cache::feedCount() const
{
    // Kept by triggers (migration 003): counting a million rows at start took 180 ms.
    QSqlQuery* q
        = m_statements.run(QStringLiteral("SELECT value FROM counters WHERE name = 'feed'"));
    if (!q || !q->next())
        return 0;
    return q->value(0).toInt();
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

bool Cache::setOutboxSent(const QString& clientId)
{
    if (!m_statements.run(QStringLiteral("UPDATE outbox SET sent = 1 WHERE client_id = ?"),
                          {clientId}))
        return fail(m_statements.lastError());
    return true;
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

void Cache::checkIntegrity()
{
    if (!isOpen())
        return;
    const QString file = m_filePath;
    QPointer<Cache> self(this);
    // Its own read-only connection on its own thread: the UI keeps using the main connection.
    QThread* worker = QThread::create([file, self]() {
        const QString name = QStringLiteral("plein-cache-check-%1")
                                 .arg(reinterpret_cast<quintptr>(QThread::currentThread()));
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            // Only what quick_check itself reports counts as damage: a busy or interrupted check
            // says nothing about the file.
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA quick_check")) && q.next()) {
                    result = q.value(0).toString();
                } else {
                    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) are damage; other errors not.
                    const QString code = q.lastError().nativeErrorCode();
                    if (code == QLatin1StringView("11") || code == QLatin1StringView("26"))
                        result = q.lastError().text();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (result.isEmpty() || result == QLatin1StringView("ok"))
            return;
        // Marked for the next start, which moves the file aside and rebuilds from the server.
        QFile marker(damagedMarker(file));
        if (marker.open(QIODevice::WriteOnly))
            marker.write(result.toUtf8());
        if (!QCoreApplication::instance())
            return;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result]() {
                if (self)
                    Q_EMIT self->damaged(result);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_integrityCheck = worker;
    worker->start(QThread::LowestPriority);
}

} // namespace plein::client
