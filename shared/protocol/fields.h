#pragma once

#include "protocol/limits.h"
#include "protocol/messagespec.h"

#include <QJsonObject>

namespace plein::protocol {

// Fields that many messages share.
inline constexpr FieldSpec clientIdField {
    QLatin1StringView("clientId"),
    FieldType::String,
    true,
    8,
    maxClientIdChars,
    QLatin1StringView("Client-generated id making the write idempotent")};

// An Id or Integer field of a payload that validatePayload accepted (0 when left out): JSON
// numbers are doubles, exact up to maxSafeInteger, which bounds every such field.
inline qint64 idField(const QJsonObject& payload, QLatin1StringView name)
{
    return qint64(payload.value(name).toDouble());
}

} // namespace plein::protocol
