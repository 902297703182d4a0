#pragma once

#include <QJsonObject>
#include <QLatin1StringView>

namespace plein::client {

// An id or count from the server's JSON (numbers arrive as doubles; ids stay below 2^53).
inline qint64 jsonNumber(const QJsonObject& o, QLatin1StringView key)
{
    return qint64(o.value(key).toDouble());
}

} // namespace plein::client
