#include "protocol/envelope.h"

#include "capabilities/session/sessionprotocol.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace plein::protocol {

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Whether the JSON text has a \u escape of half a surrogate pair without its other half.
// Qt's parser would pair such a half with whatever follows (taking "\ud800 b" for U+10020),
// so it is refused before parsing.
bool hasLoneSurrogateEscape(QByteArrayView text)
{
    bool awaitingLow = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            if (awaitingLow)
                return true;
            continue;
        }
        if (i + 1 >= text.size())
            return awaitingLow;
        if (text[i + 1] != 'u') {
            if (awaitingLow)
                return true;
            ++i; // an escaped character, possibly a backslash: never the start of \u
            continue;
        }
        if (i + 5 >= text.size())
            return awaitingLow;
        int unit = 0;
        for (int k = 2; k < 6; ++k) {
            const int d = hexDigit(text[i + k]);
            if (d < 0)
                return false; // not an escape at all: the parser reports it
            unit = unit * 16 + d;
        }
        i += 5;
        const bool high = unit >= 0xD800 && unit <= 0xDBFF;
        const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (awaitingLow && !low)
            return true;
        if (!awaitingLow && low)
            return true;
        awaitingLow = high;
    }
    return awaitingLow;
}

std::variant<QJsonObject, Error> parseObject(QByteArrayView frame, qint64 limit)
{
    if (frame.size() > limit)
        return Error {ErrorCode::TooLarge,
                      QStringLiteral("frame of %1 bytes exceeds the limit of %2")
                          .arg(frame.size())
                          .arg(limit)};
    if (hasLoneSurrogateEscape(frame))
        return Error {ErrorCode::BadRequest,
                      QStringLiteral("the frame has a lone UTF-16 surrogate escape")};
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
    // An optional field sent as null is one not sent: handlers never see the difference.
    for (auto it = payload.begin(); it != payload.end();)
        it = it->isNull() ? payload.erase(it) : it + 1;
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
        f.pushType = o.value(QLatin1StringView("type")).toString();
        f.push = findMessage(f.pushType);
        if (f.push && f.push->direction != Direction::Push)
            return Error {ErrorCode::BadRequest, QStringLiteral("a request type sent as a push")};
        f.payload = o.value(QLatin1StringView("payload")).toObject();
        // Only a whole number in range is a sequence number (a cast of 1e66 is undefined).
        const double seq = o.value(QLatin1StringView("seq")).toDouble();
        f.seq = std::isfinite(seq) && seq >= 1 && seq <= double(maxSafeInteger) ? qint64(seq) : 0;
        if (!f.push)
            return f; // a newer server's push: the reader ignores it
        if (f.push->name == session::Event && f.seq <= 0)
            return Error {ErrorCode::BadRequest, QStringLiteral("event without a sequence number")};
        // Fields a newer server adds are ignored; the ones this build knows must be right.
        if (auto err = validatePayload(*f.push, f.payload, UnknownFields::Ignore))
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

QByteArray encodeRequest(QLatin1StringView type, const QString& id, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("type"), QString(type)},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("payload"), payload}});
}

QByteArray encodeResult(const QString& id, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("re"), id},
                                {QStringLiteral("ok"), true},
                                {QStringLiteral("payload"), payload}});
}

QByteArray encodeResultJson(const QString& id, QByteArrayView payloadJson)
{
    // The keys in the order QJsonDocument writes them (sorted): "ok", "payload", "re".
    const QByteArray quotedId = QJsonDocument(QJsonArray {id}).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(payloadJson.size() + quotedId.size() + 24);
    out.append(R"({"ok":true,"payload":)");
    out.append(payloadJson);
    out.append(R"(,"re":)");
    out.append(QByteArrayView(quotedId).sliced(1, quotedId.size() - 2)); // without [ and ]
    out.append('}');
    return out;
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
    return compact(QJsonObject {{QStringLiteral("type"), QString(session::Event)},
                                {QStringLiteral("seq"), seq},
                                {QStringLiteral("payload"), event}});
}

QByteArray encodePush(QLatin1StringView type, const QJsonObject& payload)
{
    return compact(QJsonObject {{QStringLiteral("type"), QString(type)},
                                {QStringLiteral("payload"), payload}});
}

} // namespace plein::protocol
