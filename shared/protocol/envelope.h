#pragma once

#include "protocol/errorcode.h"
#include "protocol/registry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace plein::protocol {

// A client request after decoding and validation against its message type.
struct Request
{
    const MessageSpec* spec = nullptr;
    QString id;
    QJsonObject payload;
};

// Why a frame could not be decoded. `id` holds the request id when one could be read, so the
// error can still be matched to its request.
struct DecodeFailure
{
    QString id;
    Error error;
};

// A frame from the server as the client reads it: a response to a request or a push.
struct ServerFrame
{
    enum class Kind { Response, Push };
    Kind kind = Kind::Response;
    QString re; // Response: the request id it answers
    bool ok = false; // Response: success or error
    Error error; // Response with ok == false
    const MessageSpec* push = nullptr; // Push: its message type; nullptr for a type this build
                                       // does not know (a newer server's), which is ignored
    QString pushType; // Push: the type as sent
    qint64 seq = 0; // Push of an event: its sequence number
    QJsonObject payload;
};

std::variant<Request, DecodeFailure> decodeRequest(QByteArrayView frame);
std::variant<ServerFrame, Error> decodeServerFrame(QByteArrayView frame);

QByteArray encodeRequest(QLatin1StringView type, const QString& id, const QJsonObject& payload);
QByteArray encodeResult(const QString& id, const QJsonObject& payload);
// The same for a payload already in compact JSON (a write's result as its ledger recorded it):
// the same bytes as encodeResult() gives for that payload, without encoding it again.
QByteArray encodeResultJson(const QString& id, QByteArrayView payloadJson);
QByteArray encodeError(const QString& id, const Error& error);
QByteArray encodeEvent(qint64 seq, const QJsonObject& event);
QByteArray encodePush(QLatin1StringView type, const QJsonObject& payload);

inline constexpr int maxRequestIdChars = 64;

} // namespace plein::protocol
