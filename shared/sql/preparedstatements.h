#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

namespace plein::sql {

// Prepared queries kept for the life of a connection. Preparing compiles the SQL, which costs
// more than running a small statement; hot paths (applying thousands of events, paging a feed)
// prepare each statement once. A statement's query is reused: read its rows before running
// the same statement again.
class PreparedStatements
{
public:
    void setDatabase(const QSqlDatabase& db);
    // Drops every prepared query; call before the connection closes.
    void clear();

    // Prepares `statement` on first use, binds `values` in order and runs it. Returns the query
    // (positioned before its first row) or nullptr; lastError() says why.
    QSqlQuery* run(const QString& statement, std::initializer_list<QVariant> values = {});
    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
    QString m_lastError;
};

} // namespace plein::sql
