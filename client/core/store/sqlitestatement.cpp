#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <cstring>
#include <sqlite3.h>

namespace plein::client {

SqliteStatement::~SqliteStatement()
{
    finalize();
}

void SqliteStatement::finalize()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = nullptr;
}

bool SqliteStatement::prepare(const QSqlDatabase& db, const char* sql)
{
    finalize();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0) {
        m_error = QStringLiteral("not a SQLite connection");
        return false;
    }
    m_db = *static_cast<sqlite3* const*>(handle.constData());
    if (!m_db || sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no connection");
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString& value)
{
    if (value.isNull()) {
        // Qt's convention for our NOT NULL text columns: a null QString is ''.
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        return;
    }
    sqlite3_bind_text16(m_stmt, index, value.utf16(), int(value.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::run()
{
    const int rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return ok;
}

int SqliteStatement::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

} // namespace plein::client
