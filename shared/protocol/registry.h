#pragma once

#include "protocol/errorcode.h"
#include "protocol/messagespec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::protocol {

// Every capability of the protocol, in the order of docs/protocol.md. registry.cpp is the one
// place that lists them; everything else asks here.
std::span<const CapabilitySpec* const> capabilities();

// Every message of every capability, in table order.
const QList<const MessageSpec*>& allMessages();
const MessageSpec* findMessage(QStringView name);
// A message this build defines; asking for another is a programming error.
const MessageSpec& message(QLatin1StringView name);
// The capability a message or an event kind belongs to (nullptr: unknown).
const CapabilitySpec* capabilityOfMessage(const MessageSpec& message);
const CapabilitySpec* capabilityOfEvent(QStringView kind);
const EventKindSpec* findEventKind(QStringView kind);
// The features a server of this build offers at hello.
QStringList allFeatures();

QString fieldTypeName(FieldType type);

enum class UnknownFields { Reject, Ignore };

// Checks a payload against the message's fields: missing required fields, wrong types and
// values out of range are rejected with a bad_request (too_large for lengths) naming the field.
// The server rejects unknown fields; the client ignores fields that a newer server adds.
std::optional<Error> validatePayload(const MessageSpec& spec, const QJsonObject& payload,
                                     UnknownFields unknown = UnknownFields::Reject);

} // namespace plein::protocol
