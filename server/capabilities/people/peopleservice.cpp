#include "capabilities/people/peopleservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/people/peopleprotocol.h"
#include "core/eventlog.h"

#include <QJsonArray>

namespace plein::server {

using protocol::ErrorCode;
namespace people = protocol::people;

namespace {

using L = QLatin1StringView;

QString stringField(const QJsonObject& payload, L name)
{
    return payload.value(name).toString();
}

QStringList listField(const QJsonObject& payload, L name)
{
    QStringList out;
    for (const QJsonValue& v : payload.value(name).toArray())
        out << v.toString();
    return out;
}

// The cursor of a page: the stored name key and id of its last person, opaque to clients.
QString encodeCursor(const Profile& last)
{
    return QString::fromLatin1(
        (QByteArray::number(last.id) + '\n' + last.sortKey.toUtf8())
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString& cursor, PeopleStore::SearchQuery& query)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QByteArray& bytes = decoded.decoded;
    const qsizetype newline = bytes.indexOf('\n');
    if (newline <= 0)
        return false;
    bool ok = false;
    query.afterId = bytes.left(newline).toLongLong(&ok);
    query.afterNameKey = QString::fromUtf8(bytes.mid(newline + 1));
    return ok && query.afterId > 0;
}

QJsonArray facetJson(const QList<FacetCount>& counts)
{
    QJsonArray out;
    for (const FacetCount& c : counts)
        out.append(QJsonObject {{QStringLiteral("key"), c.key},
                                {QStringLiteral("label"), c.label},
                                {QStringLiteral("count"), c.count}});
    return out;
}

// Applies the payload's profile fields to `p`; an error (and `p` half changed, which the
// caller drops) for a field that is not acceptable.
Result<bool> applyFields(const QJsonObject& payload, Profile& p)
{
    bool any = false;
    const auto line = [&](L name, QString& into, bool required) -> std::optional<protocol::Error> {
        if (!payload.contains(name) || payload.value(name).isNull())
            return std::nullopt;
        any = true;
        const QString value = stringField(payload, name).simplified();
        if (required && value.isEmpty())
            return protocol::Error {ErrorCode::BadRequest,
                                    QStringLiteral("field '%1' may not be empty").arg(name)};
        into = value;
        return std::nullopt;
    };
    for (auto [name, field, required] : {std::tuple {L("displayName"), &p.displayName, true},
                                         std::tuple {L("department"), &p.department, false},
                                         std::tuple {L("jobTitle"), &p.jobTitle, false},
                                         std::tuple {L("location"), &p.location, false},
                                         std::tuple {L("phone"), &p.phone, false}}) {
        if (auto err = line(name, *field, required))
            return *err;
    }
    if (!people::isValidPhone(p.phone))
        return makeError(
            ErrorCode::BadRequest,
            QStringLiteral("a phone number holds digits, spaces and + ( ) - . / only"));
    if (payload.contains(L("about")) && !payload.value(L("about")).isNull()) {
        any = true;
        p.about = stringField(payload, L("about")).trimmed();
    }
    for (auto [name, tags] :
         {std::pair {L("expertise"), &p.expertise}, std::pair {L("interests"), &p.interests}}) {
        if (!payload.contains(name) || payload.value(name).isNull())
            continue;
        any = true;
        auto normalised = people::normaliseTags(listField(payload, name));
        if (!normalised)
            return normalised.error();
        *tags = normalised.value();
    }
    if (!any)
        return makeError(ErrorCode::BadRequest, QStringLiteral("no profile field to change"));
    return true;
}

bool sameTags(const QList<people::Tag>& a, const QList<people::Tag>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].label != b[i].label)
            return false;
    }
    return true;
}

bool sameProfile(const Profile& a, const Profile& b)
{
    return a.displayName == b.displayName && a.department == b.department
        && a.jobTitle == b.jobTitle && a.location == b.location && a.phone == b.phone
        && a.about == b.about && sameTags(a.expertise, b.expertise)
        && sameTags(a.interests, b.interests);
}

} // namespace

protocol::Error PeopleService::notFound(qint64 userId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("user %1 does not exist").arg(userId)};
}

std::optional<Profile> PeopleService::visible(const User& user, qint64 userId)
{
    auto p = m_people.find(userId);
    if (!p || (!p->active && user.role != Role::Admin))
        return std::nullopt;
    return p;
}

Result<PeopleService::Outcome> PeopleService::updateProfile(const User& user,
                                                            const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(people::PeopleUpdateProfile), payload, [&]() -> Result<QJsonObject> {
            const qint64 userId = payload.contains(L("userId"))
                ? qint64(payload.value(L("userId")).toDouble())
                : user.id;
            const auto before = visible(user, userId);
            if (!before)
                return notFound(userId);
            if (userId != user.id && user.role != Role::Admin)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the person and administrators may change "
                                                "a profile"));
            Profile p = *before;
            if (auto applied = applyFields(payload, p); !applied)
                return applied.error();
            qint64 seq = 0;
            if (!sameProfile(p, *before)) {
                if (auto saved = m_people.save(p); !saved)
                    return saved.error();
                auto appended
                    = m_events.append(QString(people::PeopleProfile), user.id, Scope::everyone(),
                                      QJsonObject {{QStringLiteral("profile"), p.toJson()}}, p.id);
                if (!appended)
                    return appended.error();
                seq = appended.value();
            }
            return QJsonObject {{QStringLiteral("profile"), p.toJson()},
                                {QStringLiteral("seq"), seq}};
        });
}

Result<QJsonObject> PeopleService::get(const User& user, const QJsonObject& payload)
{
    const qint64 userId = qint64(payload.value(L("userId")).toDouble());
    const auto p = visible(user, userId);
    if (!p)
        return notFound(userId);
    return QJsonObject {{QStringLiteral("profile"), p->toJson()},
                        {QStringLiteral("head"), m_events.head()}};
}

Result<QJsonObject> PeopleService::search(const User&, const QJsonObject& payload)
{
    // The head first: a client that stores these profiles and syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    PeopleStore::SearchQuery query;
    query.text = people::folded(stringField(payload, L("query")).simplified());
    query.department = stringField(payload, L("department")).simplified();
    query.expertise = people::folded(stringField(payload, L("expertise")).simplified());
    query.interest = people::folded(stringField(payload, L("interest")).simplified());
    query.limit = payload.value(L("limit")).toInt(people::defaultSearchPage);
    const QString cursor = stringField(payload, L("cursor"));
    if (!cursor.isEmpty() && !decodeCursor(cursor, query))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("field 'cursor' is not a cursor this server gave"));
    auto rows = m_people.search(query);
    if (!rows)
        return rows.error();
    QList<Profile>& found = rows.value();
    const bool more = found.size() > query.limit;
    if (more)
        found.resize(query.limit);
    QJsonArray out;
    for (const Profile& p : found)
        out.append(p.toJson());
    QJsonObject answer {{QStringLiteral("people"), out},
                        {QStringLiteral("more"), more},
                        {QStringLiteral("head"), head}};
    if (more)
        answer.insert(QStringLiteral("cursor"), encodeCursor(found.last()));
    return answer;
}

Result<QJsonObject> PeopleService::facets(const User&, const QJsonObject&)
{
    auto departments = m_people.departments(people::maxFacets);
    if (!departments)
        return departments.error();
    auto expertise = m_people.tags(L("expertise"), people::maxFacets);
    if (!expertise)
        return expertise.error();
    auto interests = m_people.tags(L("interest"), people::maxFacets);
    if (!interests)
        return interests.error();
    return QJsonObject {{QStringLiteral("departments"), facetJson(departments.value())},
                        {QStringLiteral("expertise"), facetJson(expertise.value())},
                        {QStringLiteral("interests"), facetJson(interests.value())}};
}

} // namespace plein::server
