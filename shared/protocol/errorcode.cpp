#include "protocol/errorcode.h"

#include <array>

namespace plein::protocol {

namespace {

struct Entry
{
    ErrorCode code;
    QLatin1StringView name;
};

constexpr std::array entries {
    Entry {ErrorCode::BadRequest, QLatin1StringView("bad_request")},
    Entry {ErrorCode::Unauthorized, QLatin1StringView("unauthorized")},
    Entry {ErrorCode::Forbidden, QLatin1StringView("forbidden")},
    Entry {ErrorCode::NotFound, QLatin1StringView("not_found")},
    Entry {ErrorCode::Conflict, QLatin1StringView("conflict")},
    Entry {ErrorCode::TooLarge, QLatin1StringView("too_large")},
    Entry {ErrorCode::RateLimited, QLatin1StringView("rate_limited")},
    Entry {ErrorCode::Unavailable, QLatin1StringView("unavailable")},
    Entry {ErrorCode::Internal, QLatin1StringView("internal")},
    Entry {ErrorCode::StaleRevision, QLatin1StringView("stale_revision")},
    Entry {ErrorCode::Closed, QLatin1StringView("closed")},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto& e : entries) {
        if (e.code == code)
            return QString(e.name);
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(const QString& name)
{
    for (const auto& e : entries) {
        if (name == e.name)
            return e.code;
    }
    return std::nullopt;
}

} // namespace plein::protocol
