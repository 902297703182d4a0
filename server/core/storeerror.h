#pragma once

#include "protocol/errorcode.h"
#include "sql/preparedstatements.h"
#include "sql/sqlerror.h"

#include <QSqlQuery>

namespace plein::server {

// A failed query as the `internal` error a request answers with: "<area>: <database text>".
inline protocol::Error storeError(QLatin1StringView area, const QSqlQuery& query)
{
    return protocol::Error {protocol::ErrorCode::Internal,
                            QStringLiteral("%1: %2").arg(area, sql::describeError(query))};
}

// The same for the last statement of Database::statements() that failed.
inline protocol::Error storeError(QLatin1StringView area, const sql::PreparedStatements& statements)
{
    return protocol::Error {protocol::ErrorCode::Internal,
                            QStringLiteral("%1: %2").arg(area, statements.lastError())};
}

} // namespace plein::server
