#include "protocol/messagetypes.h"

#include "protocol/limits.h"

#include <QJsonArray>

#include <array>
#include <cmath>

namespace plein::protocol {

namespace {

using L = QLatin1StringView;
constexpr qint64 maxSafeInteger = 9007199254740991LL; // 2^53 - 1: exact in every JSON parser

constexpr std::array<FieldSpec, 0> noFields {};

constexpr std::array helloFields {
    FieldSpec {L("protocol"), FieldType::Integer, true, 1, 1000000,
               L("Protocol version the client speaks")},
    FieldSpec {L("features"), FieldType::StringList, false, 0, 64,
               L("Named features the client supports")},
    FieldSpec {L("client"), FieldType::String, false, 0, 64,
               L("Client name and version, for logs")},
};
constexpr std::array loginFields {
    FieldSpec {L("username"), FieldType::String, true, 1, maxUsernameChars, L("Account name")},
    FieldSpec {L("password"), FieldType::String, true, 1, maxPasswordChars,
               L("Password; never logged")},
};
constexpr std::array resumeFields {
    FieldSpec {L("token"), FieldType::String, true, 1, maxTokenChars,
               L("Session token from auth.login")},
};
constexpr std::array syncFields {
    FieldSpec {L("cursor"), FieldType::Integer, true, 0, maxSafeInteger,
               L("Last sequence number the client applied (0: none)")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxSyncPage, L("Most events to return")},
};
constexpr std::array feedPageFields {
    FieldSpec {L("before"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return top-level posts older than this post id")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most posts to return")},
};
constexpr std::array threadFields {
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Top-level post of the thread")},
    FieldSpec {L("after"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return replies newer than this reply id")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most replies to return")},
};
constexpr std::array createFields {
    FieldSpec {L("clientId"), FieldType::String, true, 8, maxClientIdChars,
               L("Client-generated id making the write idempotent")},
    FieldSpec {L("body"), FieldType::Text, true, 1, maxPostChars, L("Markdown text")},
    FieldSpec {L("parentId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Post this one replies to")},
};
constexpr std::array editFields {
    FieldSpec {L("clientId"), FieldType::String, true, 8, maxClientIdChars,
               L("Client-generated id making the write idempotent")},
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Post to edit (author or admin)")},
    FieldSpec {L("body"), FieldType::Text, true, 1, maxPostChars, L("New Markdown text")},
};
constexpr std::array deleteFields {
    FieldSpec {L("clientId"), FieldType::String, true, 8, maxClientIdChars,
               L("Client-generated id making the write idempotent")},
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Post to delete (author or admin)")},
};
constexpr std::array likeFields {
    FieldSpec {L("clientId"), FieldType::String, true, 8, maxClientIdChars,
               L("Client-generated id making the write idempotent")},
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger, L("Post to like or unlike")},
    FieldSpec {L("liked"), FieldType::Bool, true, 0, 0,
               L("true to like, false to take the like back")},
};
constexpr std::array eventFields {
    FieldSpec {L("kind"), FieldType::String, true, 1, 64, L("Event kind, see the event table")},
    FieldSpec {L("at"), FieldType::String, true, 1, 64, L("Time of the change, ISO 8601 UTC")},
    FieldSpec {L("actor"), FieldType::Id, true, 1, maxSafeInteger, L("User who made the change")},
    FieldSpec {L("data"), FieldType::Object, true, 0, 0, L("Kind-specific data")},
};
constexpr std::array behindFields {
    FieldSpec {L("head"), FieldType::Integer, true, 0, maxSafeInteger,
               L("Newest sequence number on the server")},
};

constexpr std::array messages {
    MessageSpec {MessageType::Hello, L("hello"), Direction::Request, false, helloFields,
                 L("First message on a connection: version and feature negotiation")},
    MessageSpec {MessageType::AuthLogin, L("auth.login"), Direction::Request, false, loginFields,
                 L("Log in with a password; returns a new session token")},
    MessageSpec {MessageType::AuthResume, L("auth.resume"), Direction::Request, false, resumeFields,
                 L("Authenticate the connection with a stored session token")},
    MessageSpec {MessageType::AuthLogout, L("auth.logout"), Direction::Request, true, noFields,
                 L("Revoke this connection's session token")},
    MessageSpec {MessageType::Ping, L("ping"), Direction::Request, false, noFields,
                 L("Liveness check; answered with an empty payload")},
    MessageSpec {MessageType::SyncSince, L("sync.since"), Direction::Request, true, syncFields,
                 L("Events after a cursor that the user may see, in order, paged")},
    MessageSpec {MessageType::FeedPage, L("feed.page"), Direction::Request, true, feedPageFields,
                 L("A page of the company feed's top-level posts, newest first")},
    MessageSpec {MessageType::ThreadGet, L("thread.get"), Direction::Request, true, threadFields,
                 L("A top-level post and a page of its replies, oldest first")},
    MessageSpec {MessageType::PostCreate, L("post.create"), Direction::Request, true, createFields,
                 L("Write a post or a reply")},
    MessageSpec {MessageType::PostEdit, L("post.edit"), Direction::Request, true, editFields,
                 L("Replace a post's text")},
    MessageSpec {MessageType::PostDelete, L("post.delete"), Direction::Request, true, deleteFields,
                 L("Delete a post (its replies stay, shown under a deleted parent)")},
    MessageSpec {MessageType::PostLike, L("post.like"), Direction::Request, true, likeFields,
                 L("Set or clear the user's like on a post")},
    MessageSpec {MessageType::Event, L("event"), Direction::Push, true, eventFields,
                 L("A change the user may see, pushed live; carries its sequence number")},
    MessageSpec {
        MessageType::SyncBehind, L("sync.behind"), Direction::Push, true, behindFields,
        L("Live pushes were paused because the connection fell behind; catch up with sync.since")},
};

bool isIntegral(double v)
{
    return std::isfinite(v) && std::floor(v) == v && std::fabs(v) <= double(maxSafeInteger);
}

Error fieldError(ErrorCode code, L field, const QString& what)
{
    return Error {code, QStringLiteral("field '%1' %2").arg(QString(field), what)};
}

std::optional<Error> checkLength(const FieldSpec& f, qsizetype length)
{
    if (length < f.min)
        return fieldError(ErrorCode::BadRequest, f.name,
                          QStringLiteral("must have at least %1 characters").arg(f.min));
    if (length > f.max)
        return fieldError(ErrorCode::TooLarge, f.name,
                          QStringLiteral("must have at most %1 characters").arg(f.max));
    return std::nullopt;
}

std::optional<Error> checkField(const FieldSpec& f, const QJsonValue& v)
{
    switch (f.type) {
    case FieldType::String:
    case FieldType::Text: {
        if (!v.isString())
            return fieldError(ErrorCode::BadRequest, f.name, QStringLiteral("must be a string"));
        const QString s = v.toString();
        if (f.type == FieldType::String) {
            for (QChar c : s) {
                if (c.category() == QChar::Other_Control)
                    return fieldError(ErrorCode::BadRequest, f.name,
                                      QStringLiteral("must not contain control characters"));
            }
        }
        return checkLength(f, s.size());
    }
    case FieldType::Integer:
    case FieldType::Id: {
        if (!v.isDouble() || !isIntegral(v.toDouble()))
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must be a whole number"));
        const auto n = qint64(v.toDouble());
        if (n < f.min || n > f.max)
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must be between %1 and %2").arg(f.min).arg(f.max));
        return std::nullopt;
    }
    case FieldType::Bool:
        if (!v.isBool())
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must be true or false"));
        return std::nullopt;
    case FieldType::StringList: {
        if (!v.isArray())
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must be a list of strings"));
        const QJsonArray a = v.toArray();
        if (a.size() > f.max)
            return fieldError(ErrorCode::TooLarge, f.name,
                              QStringLiteral("must have at most %1 items").arg(f.max));
        for (const auto& item : a) {
            if (!item.isString() || item.toString().size() > 64)
                return fieldError(ErrorCode::BadRequest, f.name,
                                  QStringLiteral("must hold strings of at most 64 characters"));
        }
        return std::nullopt;
    }
    case FieldType::Object:
        if (!v.isObject())
            return fieldError(ErrorCode::BadRequest, f.name, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return fieldError(ErrorCode::Internal, f.name, QStringLiteral("has an unknown type"));
}

} // namespace

std::span<const MessageSpec> allMessages()
{
    return messages;
}

const MessageSpec& messageSpec(MessageType type)
{
    return messages[std::size_t(type)];
}

const MessageSpec* findMessage(QStringView name)
{
    for (const auto& m : messages) {
        if (name == m.name)
            return &m;
    }
    return nullptr;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Id:
        return QStringLiteral("id");
    case FieldType::Bool:
        return QStringLiteral("bool");
    case FieldType::StringList:
        return QStringLiteral("string[]");
    case FieldType::Object:
        return QStringLiteral("object");
    }
    return QString();
}

std::optional<Error> validatePayload(const MessageSpec& spec, const QJsonObject& payload)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        bool known = false;
        for (const auto& f : spec.fields)
            known = known || it.key() == f.name;
        if (!known)
            return Error {
                ErrorCode::BadRequest,
                QStringLiteral("unknown field '%1' in %2").arg(it.key(), QString(spec.name))};
    }
    for (const auto& f : spec.fields) {
        const auto it = payload.find(f.name);
        if (it == payload.end() || it->isNull()) {
            if (f.required)
                return fieldError(ErrorCode::BadRequest, f.name, QStringLiteral("is required"));
            continue;
        }
        if (auto err = checkField(f, *it))
            return err;
    }
    return std::nullopt;
}

} // namespace plein::protocol
