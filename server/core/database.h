#pragma once

#include "sql/dialect.h"
#include "sql/preparedstatements.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace plein::server {

// Where the server keeps its data: "sqlite" (plein.db in the data folder), "sqlite:/path/file.db",
// or "postgresql://user:password@host:port/dbname".
struct DatabaseLocation
{
    sql::Backend backend = sql::Backend::SQLite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    // Parses a --database value; `dataDir` resolves the default SQLite file.
    static std::optional<DatabaseLocation> parse(const QString& spec, const QString& dataDir,
                                                 QString* error);
    QString describe() const; // for logs: never contains the password
};

// One open connection (Qt SQL connections belong to the thread that opened them), its dialect
// and the schema migrations.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    std::optional<QString> open(const DatabaseLocation& location,
                                bool sqliteSynchronousFull = true);
    std::optional<QString> migrate(int targetVersion = -1);
    int schemaVersion() const;
    int latestSchemaVersion() const;

    QSqlDatabase& db() { return m_db; }
    const sql::Dialect& dialect() const { return m_dialect; }
    bool isOpen() const { return m_db.isOpen(); }
    // The core's statements on the path of every write (write ledger, event log, savepoints),
    // prepared once per connection: preparing costs more than running them (SQLite compiles
    // each one, and Qt's PostgreSQL driver sends PREPARE, EXECUTE and DEALLOCATE for every
    // prepared query). A query is reused: read its rows and finish() it before the next use.
    sql::PreparedStatements& statements() { return m_statements; }

private:
    friend class Transaction;
    friend class Savepoint;

    QString m_connectionName;
    QSqlDatabase m_db;
    sql::PreparedStatements m_statements;
    sql::Dialect m_dialect {sql::Backend::SQLite};
    // Savepoints of the open transaction (see Savepoint): how many are taken, and whether an
    // outermost one is left in place for the next to release.
    int m_savepoints = 0;
    bool m_savepointLeft = false;
};

// RAII transaction: rolls back unless committed. On SQLite it takes the write lock up front
// (BEGIN IMMEDIATE), so two processes never deadlock upgrading a read lock.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();

private:
    Database& m_db;
    bool m_active = false;
    QString m_error;
};

// A savepoint inside an open transaction, rolled back to unless released, so that one write of
// a group commit can fail without undoing the others. After a failed statement PostgreSQL
// refuses every further one until the transaction or a savepoint is rolled back; rolling back
// to the savepoint leaves the rest of the transaction usable.
//
// On PostgreSQL every statement is a round trip, so an outermost savepoint is not released
// (nor, once rolled back to, dropped) by a statement of its own: it is left in place and the
// next one releases it in the same round trip as it takes itself ("RELEASE …; SAVEPOINT …"),
// or the commit does.
class Savepoint
{
public:
    explicit Savepoint(Database& db)
        : m_db(db)
    { }
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    bool take();
    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    // Keeps what was done since the savepoint (it is committed with the transaction).
    bool release();
    // Undoes what was done since the savepoint. False when that failed: the transaction is
    // then in an unknown state and must not commit.
    bool rollback();

private:
    Database& m_db;
    bool m_active = false;
    QString m_error;
};

// ISO 8601 UTC with milliseconds: sorts as text and is what the protocol sends.
QString nowUtc();

} // namespace plein::server
