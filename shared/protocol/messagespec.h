#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

#include <span>

namespace plein::protocol {

// How a protocol message, field or event kind is described. Each capability lists its own in
// `shared/capabilities/<name>/`; the registry (protocol/registry.h) collects them, and the
// same descriptions drive decoding, the server's dispatch, the golden tests and the tables in
// docs/protocol.md.

enum class Direction { Request, Push };

enum class FieldType {
    String, // single-line text, length-limited
    Text, // user text (Markdown), length-limited
    Integer, // whole number within [min, max]
    Id, // positive 64-bit identifier
    Bool,
    StringList,
    IdList, // list of distinct positive 64-bit identifiers, at most `max`
    Choice, // one of the words in `choices`, separated by '|'
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
    QLatin1StringView choices = {}; // Choice: "public|private|secret"
};

struct MessageSpec
{
    QLatin1StringView name;
    Direction direction = Direction::Request;
    bool needsLogin = false;
    std::span<const FieldSpec> fields;
    QLatin1StringView summary;
};

// An entry of the event log: its kind, who receives it and what its data holds.
struct EventKindSpec
{
    QLatin1StringView kind;
    QLatin1StringView audience; // who receives it, in words
    QLatin1StringView data; // what `data` holds, in words
    QLatin1StringView summary;
};

// What one capability adds to the protocol. A client that did not agree on `feature` at hello
// receives none of the capability's events and may not send its requests.
struct CapabilitySpec
{
    QLatin1StringView name;
    QLatin1StringView feature; // empty: part of every session
    std::span<const MessageSpec> messages;
    std::span<const EventKindSpec> events;
};

inline constexpr qint64 maxSafeInteger = 9007199254740991LL; // 2^53 - 1: exact in every parser

} // namespace plein::protocol
