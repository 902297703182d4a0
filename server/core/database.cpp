#include "core/database.h"

#include "sql/migrator.h"
#include "sql/sqlerror.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

// The migrations are a resource of a static library: register them before first use.
static void initMigrationResources()
{
    Q_INIT_RESOURCE(server_migrations);
}

namespace plein::server {

namespace {

QString migrationDir()
{
    static const bool registered = (initMigrationResources(), true);
    Q_UNUSED(registered);
    return QStringLiteral(":/plein/server/migrations");
}

} // namespace

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString& spec, const QString& dataDir,
                                                        QString* error)
{
    DatabaseLocation loc;
    if (spec.isEmpty() || spec == QLatin1StringView("sqlite")) {
        loc.sqlitePath = QDir(dataDir).filePath(QStringLiteral("plein.db"));
        return loc;
    }
    if (spec.startsWith(QLatin1StringView("sqlite:"))) {
        loc.sqlitePath = spec.mid(7);
        if (loc.sqlitePath.isEmpty()) {
            *error = QStringLiteral("sqlite: needs a file path");
            return std::nullopt;
        }
        return loc;
    }
    const QUrl url(spec, QUrl::StrictMode);
    if (url.isValid()
        && (url.scheme() == QLatin1StringView("postgresql")
            || url.scheme() == QLatin1StringView("postgres"))) {
        loc.backend = sql::Backend::PostgreSQL;
        loc.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
        loc.port = url.port(5432);
        loc.user = url.userName();
        loc.password = url.password();
        loc.databaseName = url.path().mid(1);
        if (loc.databaseName.isEmpty()) {
            *error = QStringLiteral(
                "the PostgreSQL URL needs a database name: postgresql://user@host:port/dbname");
            return std::nullopt;
        }
        return loc;
    }
    *error = QStringLiteral("unknown database '%1': use sqlite, sqlite:/path/file.db or "
                            "postgresql://user:password@host:port/dbname")
                 .arg(spec);
    return std::nullopt;
}

QString DatabaseLocation::describe() const
{
    if (backend == sql::Backend::SQLite)
        return QStringLiteral("SQLite %1").arg(sqlitePath);
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

Database::Database()
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("plein-server-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::~Database()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

std::optional<QString> Database::open(const DatabaseLocation& location, bool sqliteSynchronousFull)
{
    m_dialect = sql::Dialect(location.backend);
    if (!QSqlDatabase::isDriverAvailable(m_dialect.driverName()))
        return QStringLiteral("the Qt SQL driver %1 is not installed").arg(m_dialect.driverName());
    m_db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connectionName);
    if (location.backend == sql::Backend::SQLite) {
        QDir().mkpath(QFileInfo(location.sqlitePath).absolutePath());
        m_db.setDatabaseName(location.sqlitePath);
    } else {
        m_db.setHostName(location.host);
        m_db.setPort(location.port);
        m_db.setUserName(location.user);
        m_db.setPassword(location.password);
        m_db.setDatabaseName(location.databaseName);
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!m_db.open())
        return QStringLiteral("cannot open %1: %2")
            .arg(location.describe(), m_db.lastError().text());
    m_statements.setDatabase(m_db);
    QSqlQuery q(m_db);
    for (const QString& statement : m_dialect.connectionSetup(sqliteSynchronousFull)) {
        if (!q.exec(statement))
            return QStringLiteral("cannot set up %1: %2")
                .arg(location.describe(), sql::describeError(q));
    }
    return std::nullopt;
}

std::optional<QString> Database::migrate(int targetVersion)
{
    return sql::Migrator(m_db, m_dialect, migrationDir()).migrate(targetVersion);
}

int Database::schemaVersion() const
{
    return sql::Migrator(m_db, m_dialect, migrationDir()).currentVersion();
}

int Database::latestSchemaVersion() const
{
    return sql::Migrator(m_db, m_dialect, migrationDir()).latestVersion();
}

Transaction::Transaction(Database& db)
    : m_db(db)
{
    db.m_savepoints = 0;
    db.m_savepointLeft = false;
    if (db.dialect().isPostgres()) {
        m_active = db.db().transaction();
        if (!m_active)
            m_error = sql::describeError(db.db());
    } else {
        // Qt's transaction() issues a deferred BEGIN; take the write lock at once instead.
        m_active = db.statements().run(QStringLiteral("BEGIN IMMEDIATE")) != nullptr;
        if (!m_active)
            m_error = db.statements().lastError();
    }
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_db.dialect().isPostgres())
        m_db.db().rollback();
    else
        m_db.statements().run(QStringLiteral("ROLLBACK"));
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    bool ok = false;
    if (m_db.dialect().isPostgres()) {
        ok = m_db.db().commit();
        if (!ok)
            m_error = sql::describeError(m_db.db());
    } else {
        ok = m_db.statements().run(QStringLiteral("COMMIT")) != nullptr;
        if (!ok)
            m_error = m_db.statements().lastError();
    }
    if (ok)
        m_active = false;
    return ok;
}

namespace {

// One name is enough: savepoints are released or rolled back before the next one is taken,
// and a name used twice refers to the newest.
const QString savepointTake = QStringLiteral("SAVEPOINT plein_write");
const QString savepointRelease = QStringLiteral("RELEASE SAVEPOINT plein_write");
const QString savepointUndo = QStringLiteral("ROLLBACK TO SAVEPOINT plein_write");
const QString savepointRetake
    = QStringLiteral("RELEASE SAVEPOINT plein_write; SAVEPOINT plein_write");

// A statement without parameters that is run often. PostgreSQL cannot PREPARE SAVEPOINT and
// its kin, and runs them in one round trip as they are; SQLite compiles them once.
bool runUtility(Database& db, const QString& statement, QString* error)
{
    if (db.dialect().isPostgres()) {
        QSqlQuery q(db.db());
        if (q.exec(statement))
            return true;
        *error = sql::describeError(q);
        return false;
    }
    if (db.statements().run(statement))
        return true;
    *error = db.statements().lastError();
    return false;
}

} // namespace

bool Savepoint::take()
{
    Q_ASSERT(!m_active);
    const bool retake = m_db.m_savepointLeft && m_db.m_savepoints == 0;
    m_active = runUtility(m_db, retake ? savepointRetake : savepointTake, &m_error);
    if (m_active) {
        m_db.m_savepointLeft = false;
        ++m_db.m_savepoints;
    }
    return m_active;
}

Savepoint::~Savepoint()
{
    if (m_active)
        rollback();
}

bool Savepoint::release()
{
    if (!m_active)
        return false;
    if (m_db.dialect().isPostgres() && m_db.m_savepoints == 1) {
        m_db.m_savepointLeft = true; // released by the next savepoint or the commit
    } else if (!runUtility(m_db, savepointRelease, &m_error)) {
        return false;
    }
    m_active = false;
    --m_db.m_savepoints;
    return true;
}

bool Savepoint::rollback()
{
    if (!m_active)
        return true;
    m_active = false;
    --m_db.m_savepoints;
    // ROLLBACK TO keeps the savepoint itself, empty now: release it so that the next write
    // takes a fresh one, or on PostgreSQL leave that to the next one.
    if (!runUtility(m_db, savepointUndo, &m_error))
        return false;
    if (m_db.dialect().isPostgres() && m_db.m_savepoints == 0) {
        m_db.m_savepointLeft = true;
        return true;
    }
    return runUtility(m_db, savepointRelease, &m_error);
}

QString nowUtc()
{
    // A write takes the time several times, and a batch of writes many times in one
    // millisecond: formatting costs more than the rest, so the text of the last millisecond is
    // kept.
    thread_local qint64 lastMs = -1;
    thread_local QString last;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms != lastMs) {
        last = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        lastMs = ms;
    }
    return last;
}

} // namespace plein::server
