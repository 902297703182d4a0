#include "capabilities/people/peoplestore.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace plein::server {

namespace people = protocol::people;

namespace {

constexpr QLatin1StringView area("people");

// A person whose profile was never stored is searched and sorted on the account's columns.
const QString nameKey = QStringLiteral("COALESCE(p.name_key, LOWER(u.display_name))");
const QString searchKey
    = QStringLiteral("COALESCE(p.search_key, LOWER(u.display_name) || ' ' || u.username)");

const QString profileColumns = QStringLiteral(
    "u.id, u.username, u.display_name, u.department, COALESCE(p.job_title, ''), "
    "COALESCE(p.location, ''), COALESCE(p.phone, ''), COALESCE(p.about, ''), u.active");

Profile readProfile(const QSqlQuery& q)
{
    Profile p;
    p.id = q.value(0).toLongLong();
    p.username = q.value(1).toString();
    p.displayName = q.value(2).toString();
    p.department = q.value(3).toString();
    p.jobTitle = q.value(4).toString();
    p.location = q.value(5).toString();
    p.phone = q.value(6).toString();
    p.about = q.value(7).toString();
    p.active = q.value(8).toInt() != 0;
    return p;
}

// LIKE with the user's text taken literally.
QString likePattern(const QString& text)
{
    QString escaped;
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QJsonArray labels(const QList<people::Tag>& tags)
{
    QJsonArray out;
    for (const people::Tag& t : tags)
        out.append(t.label);
    return out;
}

QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString searchKeyOf(const Profile& p)
{
    return people::folded(p.displayName + u' ' + p.username + u' ' + p.jobTitle).simplified();
}

} // namespace

QString profileNameKey(const Profile& profile)
{
    return people::folded(profile.displayName);
}

QJsonObject Profile::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("department"), department},
        {QStringLiteral("jobTitle"), jobTitle},
        {QStringLiteral("location"), location},
        {QStringLiteral("phone"), phone},
        {QStringLiteral("about"), about},
        {QStringLiteral("expertise"), labels(expertise)},
        {QStringLiteral("interests"), labels(interests)},
        {QStringLiteral("active"), active},
    };
}

std::optional<Profile> PeopleStore::find(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM users u LEFT JOIN user_profiles p ON p.user_id = "
                                 "u.id WHERE u.id = ?")
                      .arg(profileColumns),
                  {userId})
        || !q.next())
        return std::nullopt;
    QList<Profile> found {readProfile(q)};
    q.finish();
    if (!readTags(found))
        return std::nullopt;
    return found.first();
}

Result<bool> PeopleStore::save(const Profile& p)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE users SET display_name = ?, department = ? WHERE id = ?"),
                  {p.displayName, text(p.department), p.id}))
        return storeError(area, q);
    if (!sql::run(q,
                  QStringLiteral(
                      "INSERT INTO user_profiles (user_id, job_title, location, phone, about, "
                      "name_key, search_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON "
                      "CONFLICT (user_id) DO UPDATE SET job_title = excluded.job_title, location "
                      "= excluded.location, phone = excluded.phone, about = excluded.about, "
                      "name_key = excluded.name_key, search_key = excluded.search_key, "
                      "updated_at = excluded.updated_at"),
                  {p.id, text(p.jobTitle), text(p.location), text(p.phone), text(p.about),
                   profileNameKey(p), searchKeyOf(p), nowUtc()}))
        return storeError(area, q);
    if (!sql::run(q, QStringLiteral("DELETE FROM profile_tags WHERE user_id = ?"), {p.id}))
        return storeError(area, q);
    const auto insertTags = [&](QLatin1StringView kind, const QList<people::Tag>& tags) {
        for (qsizetype i = 0; i < tags.size(); ++i) {
            if (!sql::run(q,
                          QStringLiteral("INSERT INTO profile_tags (user_id, kind, tag, label, "
                                         "position) VALUES (?, ?, ?, ?, ?)"),
                          {p.id, QString(kind), tags[i].key, tags[i].label, int(i)}))
                return false;
        }
        return true;
    };
    if (!insertTags(QLatin1StringView("expertise"), p.expertise)
        || !insertTags(QLatin1StringView("interest"), p.interests))
        return storeError(area, q);
    return true;
}

Result<QList<Profile>> PeopleStore::search(const SearchQuery& query)
{
    QString where = QStringLiteral("u.active = 1");
    QVariantList binds;
    if (!query.text.isEmpty()) {
        where += QStringLiteral(" AND %1 LIKE ? ESCAPE '\\'").arg(searchKey);
        binds << likePattern(query.text);
    }
    if (!query.department.isEmpty()) {
        where += QStringLiteral(" AND u.department = ?");
        binds << query.department;
    }
    const auto tagFilter = [&](QLatin1StringView kind, const QString& key) {
        if (key.isEmpty())
            return;
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM profile_tags t WHERE t.user_id = u.id "
                                "AND t.kind = '%1' AND t.tag = ?)")
                     .arg(kind);
        binds << key;
    };
    tagFilter(QLatin1StringView("expertise"), query.expertise);
    tagFilter(QLatin1StringView("interest"), query.interest);
    if (query.afterId > 0) {
        where += QStringLiteral(" AND (%1 > ? OR (%1 = ? AND u.id > ?))").arg(nameKey);
        binds << query.afterNameKey << query.afterNameKey << query.afterId;
    }
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, %2 FROM users u LEFT JOIN user_profiles p ON p.user_id = "
                             "u.id WHERE %3 ORDER BY %2, u.id LIMIT ?")
                  .arg(profileColumns, nameKey, where));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(query.limit + 1);
    if (!q.exec())
        return storeError(area, q);
    QList<Profile> out;
    QStringList keys;
    while (q.next()) {
        out.append(readProfile(q));
        keys.append(q.value(9).toString());
    }
    q.finish();
    if (auto r = readTags(out); !r)
        return r.error();
    // The stored key, which is what the next page's condition compares with.
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i].sortKey = keys[i];
    return out;
}

Result<bool> PeopleStore::readTags(QList<Profile>& profiles)
{
    if (profiles.isEmpty())
        return true;
    QHash<qint64, qsizetype> at;
    QStringList marks;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        at.insert(profiles[i].id, i);
        marks << QStringLiteral("?");
    }
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT user_id, kind, tag, label FROM profile_tags WHERE user_id IN "
                             "(%1) ORDER BY user_id, kind, position")
                  .arg(marks.join(u',')));
    for (const Profile& p : profiles)
        q.addBindValue(p.id);
    if (!q.exec())
        return storeError(area, q);
    while (q.next()) {
        Profile& p = profiles[at.value(q.value(0).toLongLong())];
        people::Tag tag {q.value(3).toString(), q.value(2).toString()};
        if (q.value(1).toString() == QLatin1StringView("expertise"))
            p.expertise.append(tag);
        else
            p.interests.append(tag);
    }
    return true;
}

Result<QList<FacetCount>> PeopleStore::departments(int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT department, COUNT(*) FROM users WHERE active = 1 AND "
                                 "department <> '' GROUP BY department ORDER BY COUNT(*) DESC, "
                                 "department LIMIT ?"),
                  {limit}))
        return storeError(area, q);
    QList<FacetCount> out;
    while (q.next())
        out.append(FacetCount {q.value(0).toString(), q.value(0).toString(), q.value(1).toInt()});
    return out;
}

Result<QList<FacetCount>> PeopleStore::tags(QLatin1StringView kind, int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT t.tag, MIN(t.label), COUNT(*) FROM profile_tags t JOIN "
                                 "users u ON u.id = t.user_id WHERE t.kind = ? AND u.active = 1 "
                                 "GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT ?"),
                  {QString(kind), limit}))
        return storeError(area, q);
    QList<FacetCount> out;
    while (q.next())
        out.append(FacetCount {q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()});
    return out;
}

} // namespace plein::server
