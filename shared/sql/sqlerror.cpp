#include "sql/sqlerror.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace plein::sql {

QString describeError(const QSqlQuery& query)
{
    return query.lastError().text();
}

QString describeError(const QSqlDatabase& db)
{
    return db.lastError().text();
}

} // namespace plein::sql
