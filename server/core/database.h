#pragma once

#include "sql/dialect.h"

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

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    sql::Dialect m_dialect {sql::Backend::SQLite};
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

// ISO 8601 UTC with milliseconds: sorts as text and is what the protocol sends.
QString nowUtc();

} // namespace plein::server
