#pragma once

#include <QSqlQuery>
#include <QString>

namespace plein::sql {

// "<driver text> (<database text>)" for a failed query, for logs and error values.
QString describeError(const QSqlQuery& query);
QString describeError(const QSqlDatabase& db);

} // namespace plein::sql
