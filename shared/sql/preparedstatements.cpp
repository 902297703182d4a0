#include "sql/preparedstatements.h"

#include <QSqlError>

namespace plein::sql {

void PreparedStatements::setDatabase(const QSqlDatabase& db)
{
    m_queries.clear();
    m_db = db;
}

void PreparedStatements::clear()
{
    m_queries.clear();
    m_db = QSqlDatabase();
}

QSqlQuery* PreparedStatements::run(const QString& statement, std::initializer_list<QVariant> values)
{
    auto& slot = m_queries[statement];
    if (!slot) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        if (!query->prepare(statement)) {
            m_lastError = query->lastError().text();
            m_queries.remove(statement);
            return nullptr;
        }
        slot = std::move(query);
    }
    QSqlQuery* q = slot.get();
    q->finish();
    int i = 0;
    for (const QVariant& v : values)
        q->bindValue(i++, v);
    if (!q->exec()) {
        m_lastError = q->lastError().text();
        return nullptr;
    }
    return q;
}

} // namespace plein::sql
