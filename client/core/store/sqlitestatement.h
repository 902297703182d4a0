#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace plein::client {

// One statement prepared directly on the SQLite connection behind a QSqlDatabase, for the one
// place where Qt SQL's own binding is the bottleneck: storing the posts of a sync page. Qt's
// positional bindValue() builds a placeholder name per value, which measured 19% of a 100,000
// event catch-up; binding through SQLite's API costs nothing next to the insert itself.
// Runs inside whatever transaction the QSqlDatabase has open (it is the same connection).
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // False when `db` is not a SQLite connection or the SQL does not compile; error() says why.
    bool prepare(const QSqlDatabase& db, const char* sql);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    // Parameters count from 1, as in SQLite. Strings must stay alive until run() returns.
    void bind(int index, qint64 value);
    void bind(int index, const QString& value);
    void bindNull(int index);
    // Steps once and resets; returns false on an error. changes(): rows it changed.
    bool run();
    int changes() const;
    QString error() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
};

} // namespace plein::client
