#pragma once

#include <QString>

#include <optional>

namespace plein::protocol {

// Stable error codes. The wire names never change once released; the message beside them is
// for people and may.
enum class ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,
    Unavailable,
    Internal,
    // a change made on a revision that is no longer the newest (blogs)
    StaleRevision,
    // what no longer takes this: a closed YamJam's questions and votes
    Closed,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString& name);

// An expected failure, carried as a value up to whoever answers the request.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

} // namespace plein::protocol
