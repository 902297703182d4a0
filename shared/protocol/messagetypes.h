#pragma once

#include "protocol/errorcode.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <span>

namespace plein::protocol {

// Every message type of the protocol. The table in messagetypes.cpp describes each one (wire
// name, direction, whether it needs a logged-in session, its payload fields) and drives
// decoding, the server's dispatch, the golden tests and the table in docs/protocol.md.
enum class MessageType {
    // client -> server requests
    Hello,
    AuthLogin,
    AuthResume,
    AuthLogout,
    Ping,
    SyncSince,
    FeedPage,
    ThreadGet,
    PostCreate,
    PostEdit,
    PostDelete,
    PostLike,
    // server -> client pushes
    Event,
    SyncBehind,
};

enum class Direction { Request, Push };

enum class FieldType {
    String, // single-line text, length-limited
    Text, // user text (Markdown), length-limited
    Integer, // whole number within [min, max]
    Id, // positive 64-bit identifier
    Bool,
    StringList,
    Object, // nested object, checked by the code that reads it
};

struct FieldSpec
{
    QLatin1StringView name;
    FieldType type = FieldType::String;
    bool required = true;
    qint64 min = 0; // Integer: smallest value; String/Text: least characters
    qint64 max = 0; // Integer: largest value; String/Text: most characters; lists: most items
    QLatin1StringView summary;
};

struct MessageSpec
{
    MessageType type;
    QLatin1StringView name;
    Direction direction;
    bool needsLogin = false;
    std::span<const FieldSpec> fields;
    QLatin1StringView summary;
};

std::span<const MessageSpec> allMessages();
const MessageSpec& messageSpec(MessageType type);
const MessageSpec* findMessage(QStringView name);
QString fieldTypeName(FieldType type);

// Checks a payload against the message's fields: unknown fields, missing required fields,
// wrong types and values out of range are rejected with a bad_request or too_large error
// naming the field.
std::optional<Error> validatePayload(const MessageSpec& spec, const QJsonObject& payload);

} // namespace plein::protocol
