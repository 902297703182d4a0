#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace plein::sql {

enum class Backend { SQLite, PostgreSQL };

// The few places where SQLite and PostgreSQL differ. Queries are written once in the SQL both
// accept (? placeholders, ON CONFLICT, RETURNING); the dialect covers column types in DDL,
// connection set-up and change notification.
class Dialect
{
public:
    explicit Dialect(Backend backend)
        : m_backend(backend)
    { }

    static Dialect forDatabase(const QSqlDatabase& db);

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::PostgreSQL; }
    QString driverName() const;

    // Replaces the type macros of our migration files:
    //   %ID%      auto-incrementing 64-bit primary key
    //   %BIGINT%  64-bit integer
    //   %BLOB%    binary data
    //   %BOOL%    boolean stored as 0/1
    // and keeps only this backend's sections: from a line "--@ sqlite" or "--@ postgresql" to
    // the next marker, "--@ all" being what both run (full-text search, for one, differs).
    QString translateDdl(QString sql) const;

    // Statements run once on every new connection (SQLite pragmas; nothing for PostgreSQL).
    // `synchronousFull` chooses SQLite's durability: FULL syncs the WAL at every commit, so an
    // acknowledged write survives a power cut; NORMAL only survives a process crash.
    QStringList connectionSetup(bool synchronousFull) const;

private:
    Backend m_backend;
};

} // namespace plein::sql
