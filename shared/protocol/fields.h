#pragma once

#include "protocol/limits.h"
#include "protocol/messagespec.h"

namespace plein::protocol {

// Fields that many messages share.
inline constexpr FieldSpec clientIdField {
    QLatin1StringView("clientId"),
    FieldType::String,
    true,
    8,
    maxClientIdChars,
    QLatin1StringView("Client-generated id making the write idempotent")};

} // namespace plein::protocol
