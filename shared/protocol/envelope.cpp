#include "protocol/envelope.h"

#include "protocol/limits.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace plein::protocol {

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::variant<QJsonObject, Error> parseObject(QByteArrayView frame, qint64 limit)
{
    if (frame.size() > limit)
        return Error {ErrorCode::TooLarge,
                      QStringLiteral("frame of %1 bytes exceeds the limit of %2")
                          .arg(frame.size())
                          .arg(limit)};
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {ErrorCode::BadRequest,
                      QStringLiteral("malformed JSON at offset %1: %2")
                          .arg(parseError.offset)
                          .arg(parseError.errorString())};
    if (!doc.isObject())
        return Error {ErrorCode::BadRequest, QStringLiteral("a frame must be a JSON object")};
    return doc.object();
}

} // namespace

std::variant<Request, DecodeFailure> decodeRequest(QByteArrayView frame)
{
    auto parsed = parseObject(frame, maxFrameBytes);
    if (auto* err = std::get_if<Error>(&parsed))
        return DecodeFailure {QString(), *err};
    const QJsonObject o = std::get<QJsonObject>(std::move(parsed));

    QString id;
    const auto idValue = o.value(QLatin1StringView("id"));
    if (idValue.isString() && !idValue.toString().isEmpty()
        && idValue.toString().size() <= maxRequestIdChars)
        id = idValue.toString();
    else
        return DecodeFailure {QString(),
                              Error {ErrorCode::BadRequest,
                                     QStringLiteral("'id' must be a string of 1 to %1 characters")
                                         .arg(maxRequestIdChars)}};

    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key != QLatin1StringView("type") && key != QLatin1StringView("id")
            && key != QLatin1StringView("payload"))
            return DecodeFailure {id,
                                  Error {ErrorCode::BadRequest,
                                         QStringLiteral("unknown envelope field '%1'").arg(key)}};
    }

    const auto typeValue = o.value(QLatin1StringView("type"));
    if (!typeValue.isString())
        return DecodeFailure {
            id, Error {ErrorCode::BadRequest, QStringLiteral("'type' must be a string")}};
    const MessageSpec* spec = findMessage(typeValue.toString());
    if (!spec || spec->direction != Direction::Request)
        return DecodeFailure {
            id,
            Error {ErrorCode::BadRequest,
                   QStringLiteral("unknown message type '%1'").arg(typeValue.toString().left(64))}};

    const auto payloadValue = o.value(QLatin1StringView("payload"));
    QJsonObject payload;
    if (payloadValue.isObject())
        payload = payloadValue.toObject();
    else if (!payloadValue.isUndefined() && !payloadValue.isNull())
        return DecodeFailure {
            id, Error {ErrorCode::BadRequest, QStringLiteral("'payload' must be an object")}};

    if (auto err = validatePayload(*spec, payload))
        return DecodeFailure {id, *err};
    return Request {spec, id, payload};
}

std::variant<ServerFrame, Error> decodeServerFrame(QByteArrayView frame)
{
    auto parsed = parseObject(frame, maxServerFrameBytes);
    if (auto* err = std::get_if<Error>(&parsed))
        return *err;
    const QJsonObject o = std::get<QJsonObject>(std::move(parsed));

    ServerFrame f;
    if (o.contains(QLatin1StringView("type"))) {
        f.kind = ServerFrame::Kind::Push;
        f.push = findMessage(o.value(QLatin1StringView("type")).toString());
        if (!f.push || f.push->direction != Direction::Push)
            return Error {ErrorCode::BadRequest, QStringLiteral("unknown push type")};
        f.payload = o.value(QLatin1StringView("payload")).toObject();
        f.seq = qint64(o.value(QLatin1StringView("seq")).toDouble());
        if (f.push->type == MessageType::Event && f.seq <= 0)
            return Error {ErrorCode::BadRequest, QStringLiteral("event without a sequence number")};
        if (auto err = validatePayload(*f.push, f.payload))
            return *err;
        return f;
    }
    f.kind = ServerFrame::Kind::Response;
    f.re = o.value(QLatin1StringView("re")).toString();
    f.ok = o.value(QLatin1StringView("ok")).toBool();
    f.payload = o.value(QLatin1StringView("payload")).toObject();
    if (!f.ok) {
        const QJsonObject e = o.value(QLatin1StringView("error")).toObject();
        f.error.code = errorCodeFromName(e.value(QLatin1StringView("code")).toString())
                           .value_or(ErrorCode::Internal);
        f.error.message = e.value(QLatin1StringView("message")).toString();
    }
    return f;
}

QByteArray encodeRequest(MessageType type, const QString& id, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("type"), QString(messageSpec(type).name)},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("payload"), payload}});
}

QByteArray encodeResult(const QString& id, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("re"), id},
                                {QStringLiteral("ok"), true},
                                {QStringLiteral("payload"), payload}});
}

QByteArray encodeError(const QString& id, const Error& error)
{
    return compact(
        QJsonObject {{QStringLiteral("re"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
                     {QStringLiteral("ok"), false},
                     {QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), errorCodeName(error.code)},
                                   {QStringLiteral("message"), error.message}}}});
}

QByteArray encodeEvent(qint64 seq, const QJsonObject& event)
{
    return compact(
        QJsonObject {{QStringLiteral("type"), QString(messageSpec(MessageType::Event).name)},
                     {QStringLiteral("seq"), seq},
                     {QStringLiteral("payload"), event}});
}

QByteArray encodePush(MessageType type, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("type"), QString(messageSpec(type).name)},
                                {QStringLiteral("payload"), payload}});
}

} // namespace plein::protocol
