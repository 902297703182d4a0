#include "cache.h"

#include "integritycheck.h"
#include "salvage.h"
#include "search/searchindex.h"
#include "sql/dialect.h"
#include "sql/migrator.h"
#include "sql/sqlerror.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

QString safeName(QString s)
{
    for (QChar& c : s) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'.')
            c = u'_';
    }
    return s;
}

// The local search's indexes (migration 016) need SQLite's FTS5. Asked of a database in
// memory before the file is opened: a library without it is no fault of the file, which must
// not be set aside as damaged.
std::optional<QString> searchUnavailable()
{
    static const std::optional<QString> answer = []() -> std::optional<QString> {
        const QString name = QStringLiteral("plein-fts5-probe");
        std::optional<QString> missing;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            missing = db.open() ? SearchIndex::checkAvailable(db)
                                : std::optional<QString>(db.lastError().text());
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return missing;
    }();
    return answer;
}

QString damagedMarker(const QString& cacheFile)
{
    return cacheFile + QStringLiteral(".damaged");
}

} // namespace

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
    m_sqliteStatements.clear();
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
    if (auto missing = searchUnavailable())
        return QStringLiteral("cannot open the cache %1: %2").arg(filePath, *missing);
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
    const Salvage salvaged = Salvage::read(filePath);
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
        if (auto failed = salvaged.restore(m_db))
            return fail(*failed);
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

SqliteStatement* Cache::sqliteStatement(const char* sql)
{
    auto& slot = m_sqliteStatements[sql];
    if (!slot) {
        auto statement = std::make_unique<SqliteStatement>();
        if (!statement->prepare(m_db, sql)) {
            m_lastError = statement->error();
            m_sqliteStatements.erase(sql);
            return nullptr;
        }
        slot = std::move(statement);
    }
    return slot.get();
}

bool Cache::fail(const QString& what)
{
    m_lastError = what;
    m_failedInside = m_depth > 0;
    return false;
}

void Cache::noteChange(QLatin1StringView area, qint64 id)
{
    m_pending.add(area, id);
    if (m_depth > 0)
        return;
    const CacheChanges changes = std::exchange(m_pending, {});
    Q_EMIT changed(changes);
}

void Cache::afterCommit(std::function<void()> work)
{
    if (m_depth > 0)
        m_afterCommit.append(std::move(work));
    else
        work();
}

void Cache::afterRollback(std::function<void()> work)
{
    if (m_depth > 0)
        m_afterRollback.append(std::move(work));
}

bool Cache::transaction(const std::function<bool()>& work)
{
    if (m_depth > 0) {
        ++m_depth;
        const bool ok = work();
        --m_depth;
        // What failed inside must not be committed by the outer transaction.
        if (!ok)
            m_failedInside = true;
        return ok;
    }
    if (!m_db.transaction())
        return fail(sql::describeError(m_db));
    m_depth = 1;
    m_failedInside = false;
    m_pending.clear();
    m_afterCommit.clear();
    m_afterRollback.clear();
    const bool ok = work() && !m_failedInside;
    m_depth = 0;
    if (!ok || !m_db.commit()) {
        const QString error = ok ? sql::describeError(m_db) : QString();
        m_db.rollback();
        m_pending.clear();
        m_afterCommit.clear();
        const auto undo = std::exchange(m_afterRollback, {});
        for (const auto& queued : undo)
            queued();
        return ok ? fail(error) : false;
    }
    m_afterRollback.clear();
    const CacheChanges changes = std::exchange(m_pending, {});
    const auto after = std::exchange(m_afterCommit, {});
    if (!changes.isEmpty())
        Q_EMIT changed(changes);
    for (const auto& queued : after)
        queued();
    return true;
}

bool Cache::savepoint(const std::function<bool()>& work)
{
    if (m_depth == 0)
        return transaction(work);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SAVEPOINT held")))
        return fail(sql::describeError(q));
    // Changes and follow-ups of the undone part go with it; the rest of the transaction stays.
    const CacheChanges changesBefore = m_pending;
    const qsizetype afterCommitBefore = m_afterCommit.size();
    const qsizetype afterRollbackBefore = m_afterRollback.size();
    const bool failedBefore = std::exchange(m_failedInside, false);
    ++m_depth;
    const bool ok = work() && !m_failedInside;
    --m_depth;
    m_failedInside = failedBefore;
    if (ok)
        return q.exec(QStringLiteral("RELEASE held")) || fail(sql::describeError(q));
    if (!q.exec(QStringLiteral("ROLLBACK TO held")) || !q.exec(QStringLiteral("RELEASE held")))
        return fail(sql::describeError(q));
    m_pending = changesBefore;
    m_afterCommit.resize(afterCommitBefore);
    for (qsizetype i = afterRollbackBefore; i < m_afterRollback.size(); ++i)
        m_afterRollback.at(i)();
    m_afterRollback.resize(afterRollbackBefore);
    return false;
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

void Cache::checkIntegrity()
{
    if (!isOpen())
        return;
    m_integrityCheck
        = startIntegrityCheck(m_filePath, damagedMarker(m_filePath), this,
                              [this](const QString& detail) { Q_EMIT damaged(detail); });
}

} // namespace plein::client
