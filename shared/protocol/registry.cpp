#include "protocol/registry.h"

#include "capabilities/accounts/accountsprotocol.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/feed/feedprotocol.h"
#include "capabilities/files/filesprotocol.h"
#include "capabilities/groups/groupsprotocol.h"
#include "capabilities/people/peopleprotocol.h"
#include "capabilities/presence/presenceprotocol.h"
#include "capabilities/search/searchprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "capabilities/yamjams/yamjamsprotocol.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <array>
#include <cmath>

namespace plein::protocol {

namespace {

using L = QLatin1StringView;

// The capabilities of this build. Adding one is adding its folder and a line here.
const std::array<const CapabilitySpec*, 11> registered {
    &session::capability(), &accounts::capability(), &feed::capability(),    &groups::capability(),
    &chat::capability(),    &presence::capability(), &files::capability(),   &people::capability(),
    &search::capability(),  &blogs::capability(),    &yamjams::capability(),
};

struct Index
{
    QList<const MessageSpec*> messages;
    QHash<QString, const MessageSpec*> byName;
    QHash<const MessageSpec*, const CapabilitySpec*> capabilityOf;
    QHash<QString, const EventKindSpec*> kinds;
    QHash<QString, const CapabilitySpec*> capabilityOfKind;

    Index()
    {
        for (const CapabilitySpec* c : registered) {
            for (const MessageSpec& m : c->messages) {
                Q_ASSERT_X(!byName.contains(QString(m.name)), "protocol registry",
                           "a message name is defined twice");
                messages.append(&m);
                byName.insert(QString(m.name), &m);
                capabilityOf.insert(&m, c);
            }
            for (const EventKindSpec& k : c->events) {
                kinds.insert(QString(k.kind), &k);
                capabilityOfKind.insert(QString(k.kind), c);
            }
        }
    }
};

const Index& index()
{
    static const Index i;
    return i;
}

bool isIntegral(double v)
{
    return std::isfinite(v) && std::floor(v) == v && std::fabs(v) <= double(maxSafeInteger);
}

Error fieldError(ErrorCode code, L field, const QString& what)
{
    return Error {code, QStringLiteral("field '%1' %2").arg(QString(field), what)};
}

// Lengths are counted in Unicode code points, so an emoji is one character whatever its
// UTF-16 size. A lone surrogate is not text and is refused.
std::optional<qsizetype> codePoints(const QString& s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i, ++n) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate())
                return std::nullopt;
            ++i;
        } else if (c.isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return n;
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

std::optional<Error> checkString(const FieldSpec& f, const QJsonValue& v)
{
    if (!v.isString())
        return fieldError(ErrorCode::BadRequest, f.name, QStringLiteral("must be a string"));
    const QString s = v.toString();
    const auto length = codePoints(s);
    if (!length)
        return fieldError(ErrorCode::BadRequest, f.name,
                          QStringLiteral("must be valid Unicode (a lone surrogate was found)"));
    if (f.type != FieldType::Text) {
        for (QChar c : s) {
            if (c.category() == QChar::Other_Control)
                return fieldError(ErrorCode::BadRequest, f.name,
                                  QStringLiteral("must not contain control characters"));
        }
    }
    if (f.type == FieldType::Choice) {
        const QStringList allowed = QString(f.choices).split(u'|');
        if (!allowed.contains(s))
            return fieldError(
                ErrorCode::BadRequest, f.name,
                QStringLiteral("must be one of %1").arg(allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return checkLength(f, *length);
}

bool insertNew(QSet<qint64>& set, qint64 id)
{
    const auto before = set.size();
    set.insert(id);
    return set.size() != before;
}

std::optional<Error> checkField(const FieldSpec& f, const QJsonValue& v)
{
    switch (f.type) {
    case FieldType::String:
    case FieldType::Text:
    case FieldType::Choice:
        return checkString(f, v);
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
    case FieldType::IdList: {
        if (!v.isArray())
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must be a list of ids"));
        const QJsonArray a = v.toArray();
        if (a.size() < f.min)
            return fieldError(ErrorCode::BadRequest, f.name,
                              QStringLiteral("must have at least %1 items").arg(f.min));
        if (a.size() > f.max)
            return fieldError(ErrorCode::TooLarge, f.name,
                              QStringLiteral("must have at most %1 items").arg(f.max));
        QSet<qint64> seen;
        for (const auto& item : a) {
            if (!item.isDouble() || !isIntegral(item.toDouble()) || item.toDouble() < 1)
                return fieldError(ErrorCode::BadRequest, f.name,
                                  QStringLiteral("must hold positive whole numbers"));
            if (!insertNew(seen, qint64(item.toDouble())))
                return fieldError(ErrorCode::BadRequest, f.name,
                                  QStringLiteral("must not name an id twice"));
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

std::span<const CapabilitySpec* const> capabilities()
{
    return registered;
}

const QList<const MessageSpec*>& allMessages()
{
    return index().messages;
}

const MessageSpec* findMessage(QStringView name)
{
    return index().byName.value(name.toString());
}

const MessageSpec& message(QLatin1StringView name)
{
    const MessageSpec* m = index().byName.value(QString(name));
    Q_ASSERT_X(m, "protocol::message", "no such message in the registry");
    return *m;
}

const CapabilitySpec* capabilityOfMessage(const MessageSpec& m)
{
    return index().capabilityOf.value(&m);
}

const CapabilitySpec* capabilityOfEvent(QStringView kind)
{
    return index().capabilityOfKind.value(kind.toString());
}

const EventKindSpec* findEventKind(QStringView kind)
{
    return index().kinds.value(kind.toString());
}

QStringList allFeatures()
{
    QStringList out;
    for (const CapabilitySpec* c : registered) {
        if (!c->feature.isEmpty() && !out.contains(QString(c->feature)))
            out << QString(c->feature);
    }
    out << QStringLiteral("sync") << QStringLiteral("idempotent-writes")
        << QString(session::AudienceFeature) << QString(session::EphemeralFeature);
    return out;
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
    case FieldType::IdList:
        return QStringLiteral("id[]");
    case FieldType::Choice:
        return QStringLiteral("choice");
    case FieldType::Object:
        return QStringLiteral("object");
    }
    return QString();
}

std::optional<Error> validatePayload(const MessageSpec& spec, const QJsonObject& payload,
                                     UnknownFields unknown)
{
    if (unknown == UnknownFields::Reject) {
        for (auto it = payload.begin(); it != payload.end(); ++it) {
            bool known = false;
            for (const auto& f : spec.fields)
                known = known || it.key() == f.name;
            if (!known)
                return Error {
                    ErrorCode::BadRequest,
                    QStringLiteral("unknown field '%1' in %2").arg(it.key(), QString(spec.name))};
        }
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
