#pragma once

#include "protocol/errorcode.h"
#include "sql/sqlerror.h"

#include <QSqlQuery>

namespace plein::server {

// A failed query as the `internal` error a request answers with: "<area>: <database text>".
inline protocol::Error storeError(QLatin1StringView area, const QSqlQuery& query)
{
    return protocol::Error {protocol::ErrorCode::Internal,
                            QStringLiteral("%1: %2").arg(area, sql::describeError(query))};
}

} // namespace plein::server
