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

// Every user has a row of user_profiles (written with the account, and by rekey() for those
// from before), so the directory walks the index user_profiles_name.
const QString nameKey = QStringLiteral("p.name_key");
const QString searchKey = QStringLiteral("p.search_key");

const QString profileColumns = QStringLiteral(
    "u.id, u.username, u.display_name, u.department, COALESCE(p.job_title, ''), "
    "COALESCE(p.location, ''), COALESCE(p.phone, ''), COALESCE(p.about, ''), u.active, "
    "COALESCE(p.photo_file_id, '')");

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
    p.photo = q.value(9).toString();
    return p;
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
    return people::searchKey(p.displayName, p.username, p.jobTitle);
}

} // namespace

QString profileNameKey(const Profile& profile)
{
    return people::nameKey(profile.displayName);
}

QJsonObject Profile::toJson() const
{
    QJsonObject o {
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
    if (!photo.isEmpty())
        o.insert(QStringLiteral("photo"), photo);
    return o;
}

Result<std::optional<Profile>> PeopleStore::find(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM users u LEFT JOIN user_profiles p ON p.user_id = "
                                 "u.id WHERE u.id = ?")
                      .arg(profileColumns),
                  {userId}))
        return storeError(area, q);
    if (!q.next())
        return std::optional<Profile>();
    QList<Profile> found {readProfile(q)};
    q.finish();
    if (auto tags = readTags(found); !tags)
        return tags.error();
    return std::optional<Profile>(found.first());
}

Result<std::optional<QString>> PeopleStore::nameKeyOf(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT name_key FROM user_profiles WHERE user_id = ?"),
                  {userId}))
        return storeError(area, q);
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Result<QList<qint64>> PeopleStore::adminIds()
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q, QStringLiteral("SELECT id FROM users WHERE role = 'admin' AND active = 1"),
                  {}))
        return storeError(area, q);
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Result<bool> PeopleStore::addAccount(Database& db, qint64 userId, const QString& username,
                                     const QString& displayName)
{
    QSqlQuery q(db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO user_profiles (user_id, name_key, search_key, "
                                 "updated_at) VALUES (?, ?, ?, ?)"),
                  {userId, people::nameKey(displayName),
                   people::searchKey(displayName, username, QString()), nowUtc()}))
        return storeError(area, q);
    return true;
}

Result<int> PeopleStore::rekey()
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT value FROM server_meta WHERE key = 'people_rekey'"),
                  {}))
        return storeError(area, q);
    if (!q.next() || q.value(0).toString() != QLatin1StringView("1"))
        return 0;
    q.finish();
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("people: cannot re-key the directory: %1").arg(tx.error()));
    // Under the write lock: a second process that started alike finds the work done.
    if (!sql::run(q, QStringLiteral("SELECT value FROM server_meta WHERE key = 'people_rekey'"),
                  {}))
        return storeError(area, q);
    if (!q.next() || q.value(0).toString() != QLatin1StringView("1"))
        return 0;
    q.finish();
    if (!sql::run(q,
                  QStringLiteral(
                      "INSERT INTO user_profiles (user_id, updated_at) SELECT id, '' FROM users "
                      "WHERE NOT EXISTS (SELECT 1 FROM user_profiles p WHERE p.user_id = "
                      "users.id)"),
                  {}))
        return storeError(area, q);
    struct Keys
    {
        qint64 id;
        QString name;
        QString search;
    };
    QList<Keys> keys;
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT u.id, u.username, u.display_name, p.job_title FROM "
                                 "users u JOIN user_profiles p ON p.user_id = u.id"),
                  {}))
        return storeError(area, q);
    while (q.next()) {
        const QString name = q.value(2).toString();
        keys.append(Keys {q.value(0).toLongLong(), people::nameKey(name),
                          people::searchKey(name, q.value(1).toString(), q.value(3).toString())});
    }
    q.finish();
    QSqlQuery update(m_db.db());
    for (const Keys& k : std::as_const(keys)) {
        if (!sql::run(update,
                      QStringLiteral("UPDATE user_profiles SET name_key = ?, search_key = ? WHERE "
                                     "user_id = ?"),
                      {k.name, k.search, k.id}))
            return storeError(area, update);
    }
    if (!sql::run(q, QStringLiteral("DELETE FROM server_meta WHERE key = 'people_rekey'"), {}))
        return storeError(area, q);
    if (!tx.commit())
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("people: cannot re-key the directory: %1").arg(tx.error()));
    return int(keys.size());
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
                      "photo_file_id, name_key, search_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                      "?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET job_title = "
                      "excluded.job_title, location = excluded.location, phone = excluded.phone, "
                      "about = excluded.about, photo_file_id = excluded.photo_file_id, name_key = "
                      "excluded.name_key, search_key = excluded.search_key, updated_at = "
                      "excluded.updated_at"),
                  {p.id, text(p.jobTitle), text(p.location), text(p.phone), text(p.about),
                   p.photo.isEmpty() ? sql::nullValue(QMetaType::QString) : QVariant(p.photo),
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
        binds << sql::containsPattern(query.text);
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
    if (query.byId) {
        if (query.afterId > 0) {
            where += QStringLiteral(" AND p.user_id > ?");
            binds << query.afterId;
        }
    } else if (query.afterId > 0) {
        where += QStringLiteral(" AND (%1 > ? OR (%1 = ? AND p.user_id > ?))").arg(nameKey);
        binds << query.afterNameKey << query.afterNameKey << query.afterId;
    }
    const QString order
        = query.byId ? QStringLiteral("p.user_id") : QStringLiteral("%1, p.user_id").arg(nameKey);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM user_profiles p JOIN users u ON u.id = p.user_id "
                             "WHERE %2 ORDER BY %3 LIMIT ?")
                  .arg(profileColumns, where, order));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(query.limit + 1);
    if (!q.exec())
        return storeError(area, q);
    QList<Profile> out;
    while (q.next())
        out.append(readProfile(q));
    q.finish();
    if (auto r = readTags(out); !r)
        return r.error();
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
