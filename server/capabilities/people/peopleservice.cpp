#include "capabilities/people/peopleservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/files/fileservice.h"
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

// The cursor of a page: the id of its last person, opaque to clients and short whatever the
// name; the next page starts after that person's stored name key.
QString encodeCursor(qint64 lastId)
{
    return QString::fromLatin1(QByteArray::number(lastId).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

qint64 decodeCursor(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return 0;
    // A cursor of an earlier server ("<id>\n<name key>") is read for its id alike.
    const QByteArray& bytes = decoded.decoded;
    const qsizetype newline = bytes.indexOf('\n');
    bool ok = false;
    const qint64 id = (newline < 0 ? bytes : bytes.left(newline)).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
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
        if (!people::isCleanLine(value))
            return protocol::Error {ErrorCode::BadRequest,
                                    QStringLiteral("field '%1' may not hold control or invisible "
                                                   "formatting characters")
                                        .arg(name)};
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
        if (!people::isCleanText(p.about))
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("field 'about' may hold no control characters but "
                                            "line breaks and tabs, and no invisible formatting "
                                            "characters"));
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
    // The photo's file is checked by the caller, which knows who may see it; "" removes it.
    if (payload.contains(L("photoFileId")) && !payload.value(L("photoFileId")).isNull()) {
        any = true;
        p.photo = stringField(payload, L("photoFileId")).trimmed();
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
        && sameTags(a.interests, b.interests) && a.photo == b.photo;
}

} // namespace

protocol::Error PeopleService::notFound(qint64 userId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("user %1 does not exist").arg(userId)};
}

Result<std::optional<Profile>> PeopleService::visible(const User& user, qint64 userId)
{
    auto p = m_people.find(userId);
    if (!p)
        return p.error();
    if (!p.value() || (!p.value()->active && user.role != Role::Admin))
        return std::optional<Profile>();
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
            const auto found = visible(user, userId);
            if (!found)
                return found.error();
            const std::optional<Profile>& before = found.value();
            if (!before)
                return notFound(userId);
            if (userId != user.id && user.role != Role::Admin)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the person and administrators may change "
                                                "a profile"));
            Profile p = *before;
            if (auto applied = applyFields(payload, p); !applied)
                return applied.error();
            if (p.photo != before->photo) {
                if (auto photo = setPhoto(user, p); !photo)
                    return photo.error();
            }
            qint64 seq = 0;
            if (!sameProfile(p, *before)) {
                if (auto saved = m_people.save(p); !saved)
                    return saved.error();
                // A deactivated person is not_found to members: their profile goes only to
                // the administrators and themselves.
                Scope scope = Scope::everyone();
                if (!p.active) {
                    auto admins = m_people.adminIds();
                    if (!admins)
                        return admins.error();
                    QList<qint64> readers = admins.value();
                    readers.append(p.id);
                    scope = Scope::usersOnly(readers);
                }
                auto appended
                    = m_events.append(QString(people::PeopleProfile), user.id, scope,
                                      QJsonObject {{QStringLiteral("profile"), p.toJson()}}, p.id);
                if (!appended)
                    return appended.error();
                seq = appended.value();
            }
            return QJsonObject {{QStringLiteral("profile"), p.toJson()},
                                {QStringLiteral("seq"), seq}};
        });
}

Result<bool> PeopleService::setPhoto(const User& user, const Profile& p)
{
    return m_files.setImage(user, QString(photoOwnerKind), p.id, p.photo,
                            QStringLiteral("a photo"));
}

Result<QJsonObject> PeopleService::get(const User& user, const QJsonObject& payload)
{
    const qint64 userId = qint64(payload.value(L("userId")).toDouble());
    const auto found = visible(user, userId);
    if (!found)
        return found.error();
    const std::optional<Profile>& p = found.value();
    if (!p)
        return notFound(userId);
    return QJsonObject {{QStringLiteral("profile"), p->toJson()},
                        {QStringLiteral("head"), m_events.head()}};
}

Result<QJsonObject> PeopleService::search(Database& db, const User&, const QSet<QString>&,
                                          const QJsonObject& payload)
{
    // The head first: a client that stores these profiles and syncs from `head` misses nothing.
    const qint64 head = EventLog(db).head();
    PeopleStore store(db);
    PeopleStore::SearchQuery query;
    query.text = people::folded(stringField(payload, L("query")).simplified());
    query.department = stringField(payload, L("department")).simplified();
    query.expertise = people::folded(stringField(payload, L("expertise")).simplified());
    query.interest = people::folded(stringField(payload, L("interest")).simplified());
    query.limit = payload.value(L("limit")).toInt(people::defaultSearchPage);
    const QString cursor = stringField(payload, L("cursor"));
    if (payload.contains(L("after"))) {
        if (!cursor.isEmpty())
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("fields 'after' and 'cursor' do not go together"));
        query.byId = true;
        query.afterId = qint64(payload.value(L("after")).toDouble());
    } else if (!cursor.isEmpty()) {
        query.afterId = decodeCursor(cursor);
        auto key = query.afterId > 0 ? store.nameKeyOf(query.afterId)
                                     : Result<std::optional<QString>>(std::optional<QString>());
        if (!key)
            return key.error();
        if (!key.value())
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("field 'cursor' is not a cursor this server gave"));
        query.afterNameKey = *key.value();
    }
    auto rows = store.search(query);
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
    if (more && !query.byId)
        answer.insert(QStringLiteral("cursor"), encodeCursor(found.last().id));
    return answer;
}

Result<QJsonObject> PeopleService::facets(Database& db, const User&, const QSet<QString>&,
                                          const QJsonObject&)
{
    PeopleStore store(db);
    auto departments = store.departments(people::maxFacets);
    if (!departments)
        return departments.error();
    auto expertise = store.tags(L("expertise"), people::maxFacets);
    if (!expertise)
        return expertise.error();
    auto interests = store.tags(L("interest"), people::maxFacets);
    if (!interests)
        return interests.error();
    return QJsonObject {{QStringLiteral("departments"), facetJson(departments.value())},
                        {QStringLiteral("expertise"), facetJson(expertise.value())},
                        {QStringLiteral("interests"), facetJson(interests.value())}};
}

} // namespace plein::server
