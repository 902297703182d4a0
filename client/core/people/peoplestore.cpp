#include "peoplestore.h"

#include "capabilities/people/profilefields.h"
#include "sql/query.h"
#include "store/cache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace people = protocol::people;

namespace {

using L = QLatin1StringView;

const QString columns = QStringLiteral(
    "p.id, p.username, p.display_name, p.department, p.job_title, p.location, p.phone, "
    "p.about, p.expertise, p.interests, p.active, p.has_profile, p.photo");

QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QStringList stringList(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

QString jsonList(const QStringList& list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

PersonRow readPerson(const QSqlQuery& q)
{
    PersonRow p;
    p.id = q.value(0).toLongLong();
    p.username = q.value(1).toString();
    p.displayName = q.value(2).toString();
    p.department = q.value(3).toString();
    p.jobTitle = q.value(4).toString();
    p.location = q.value(5).toString();
    p.phone = q.value(6).toString();
    p.about = q.value(7).toString();
    p.expertise = stringList(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array());
    p.interests = stringList(QJsonDocument::fromJson(q.value(9).toString().toUtf8()).array());
    p.active = q.value(10).toInt() != 0;
    p.hasProfile = q.value(11).toInt() != 0;
    p.photo = q.value(12).toString();
    return p;
}

} // namespace

PersonRow PersonRow::fromProfile(const QJsonObject& o)
{
    PersonRow p = fromAccount(o);
    p.jobTitle = o.value(L("jobTitle")).toString();
    p.location = o.value(L("location")).toString();
    p.phone = o.value(L("phone")).toString();
    p.about = o.value(L("about")).toString();
    p.expertise = stringList(o.value(L("expertise")));
    p.interests = stringList(o.value(L("interests")));
    p.photo = o.value(L("photo")).toString();
    p.hasProfile = true;
    return p;
}

PersonRow PersonRow::fromAccount(const QJsonObject& o)
{
    PersonRow p;
    p.id = qint64(o.value(L("id")).toDouble());
    p.username = o.value(L("username")).toString();
    p.displayName = o.value(L("displayName")).toString();
    p.department = o.value(L("department")).toString();
    p.active = o.value(L("active")).toBool(true);
    return p;
}

bool PeopleStore::storeProfile(const PersonRow& person)
{
    PersonRow p = person;
    p.hasProfile = true;
    return write(p);
}

bool PeopleStore::storeAccount(const PersonRow& account)
{
    PersonRow p = person(account.id).value_or(account);
    p.username = account.username;
    p.displayName = account.displayName;
    p.department = account.department;
    p.active = account.active;
    if (!p.active) {
        // What the server shows members of a deactivated person: nothing beyond the account.
        p.jobTitle.clear();
        p.location.clear();
        p.phone.clear();
        p.about.clear();
        p.expertise.clear();
        p.interests.clear();
        p.photo.clear();
        p.hasProfile = false;
    }
    return write(p);
}

bool PeopleStore::write(const PersonRow& p)
{
    if (p.id <= 0)
        return m_cache.fail(QStringLiteral("a person without an id"));
    auto& statements = m_cache.statements();
    const QString sortKey = people::folded(p.displayName);
    const QString searchText
        = people::folded(p.displayName + u' ' + p.username + u' ' + p.jobTitle).simplified();
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO people (id, username, display_name, department, job_title, "
                "location, phone, about, expertise, interests, active, has_profile, sort_key, "
                "search_text, photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
                "CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = "
                "excluded.display_name, department = excluded.department, job_title = "
                "excluded.job_title, location = excluded.location, phone = excluded.phone, "
                "about = excluded.about, expertise = excluded.expertise, interests = "
                "excluded.interests, active = excluded.active, has_profile = "
                "excluded.has_profile, sort_key = excluded.sort_key, search_text = "
                "excluded.search_text, photo = excluded.photo"),
            {p.id, text(p.username), text(p.displayName), text(p.department), text(p.jobTitle),
             text(p.location), text(p.phone), text(p.about), jsonList(p.expertise),
             jsonList(p.interests), p.active ? 1 : 0, p.hasProfile ? 1 : 0, sortKey, searchText,
             text(p.photo)})
        || !statements.run(QStringLiteral("DELETE FROM people_tags WHERE person_id = ?"), {p.id}))
        return m_cache.fail(statements.lastError());
    for (auto [kind, list] : {std::pair {QStringLiteral("expertise"), &p.expertise},
                              std::pair {QStringLiteral("interest"), &p.interests}}) {
        // The server sent them normalised; keys are made the same way here.
        const auto tags = people::normaliseTags(*list);
        if (!tags)
            continue;
        for (const people::Tag& t : tags.value()) {
            if (!statements.run(QStringLiteral("INSERT INTO people_tags (person_id, kind, tag, "
                                               "label) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                                {p.id, kind, t.key, t.label}))
                return m_cache.fail(statements.lastError());
        }
    }
    m_cache.noteChange(peopleArea, p.id);
    return true;
}

bool PeopleStore::clear()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM people_tags"))
        || !q.exec(QStringLiteral("DELETE FROM people")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(peopleArea);
    return true;
}

std::optional<PersonRow> PeopleStore::person(qint64 id) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM people p WHERE p.id = ?").arg(columns), {id});
    if (!q || !q->next())
        return std::nullopt;
    PersonRow p = readPerson(*q);
    q->finish();
    return p;
}

std::optional<PersonRow> PeopleStore::byUsername(const QString& username) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM people p WHERE p.username = ? COLLATE NOCASE AND "
                       "p.active = 1")
            .arg(columns),
        {username});
    if (!q || !q->next())
        return std::nullopt;
    PersonRow p = readPerson(*q);
    q->finish();
    return p;
}

QList<PersonRow> PeopleStore::directory(const Filter& filter, int offset, int limit) const
{
    QString where = QStringLiteral("p.active = 1");
    QVariantList binds;
    const QString folded = people::folded(filter.text.simplified());
    if (!folded.isEmpty()) {
        where += QStringLiteral(" AND p.search_text LIKE ? ESCAPE '\\'");
        binds << sql::containsPattern(folded);
    }
    if (!filter.department.isEmpty()) {
        where += QStringLiteral(" AND p.department = ?");
        binds << filter.department;
    }
    for (auto [kind, tag] : {std::pair {QStringLiteral("expertise"), &filter.expertise},
                             std::pair {QStringLiteral("interest"), &filter.interest}}) {
        if (tag->isEmpty())
            continue;
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM people_tags t WHERE t.person_id = "
                                "p.id AND t.kind = ? AND t.tag = ?)");
        binds << kind << people::folded(tag->simplified());
    }
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM people p WHERE %2 ORDER BY p.sort_key, p.id LIMIT ? "
                             "OFFSET ?")
                  .arg(columns, where));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    QList<PersonRow> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readPerson(q));
    return out;
}

QList<PeopleStore::Facet> PeopleStore::departments(int limit) const
{
    QList<Facet> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT department, COUNT(*) FROM people WHERE active = 1 AND department "
                       "<> '' GROUP BY department ORDER BY COUNT(*) DESC, department LIMIT ?"),
        {limit});
    if (!q)
        return out;
    while (q->next())
        out.append(Facet {q->value(0).toString(), q->value(0).toString(), q->value(1).toInt()});
    return out;
}

QList<PeopleStore::Facet> PeopleStore::tags(QLatin1StringView kind, int limit) const
{
    QList<Facet> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT t.tag, MIN(t.label), COUNT(*) FROM people_tags t JOIN people p ON "
                       "p.id = t.person_id WHERE t.kind = ? AND p.active = 1 GROUP BY t.tag "
                       "ORDER BY COUNT(*) DESC, t.tag LIMIT ?"),
        {QString(kind), limit});
    if (!q)
        return out;
    while (q->next())
        out.append(Facet {q->value(0).toString(), q->value(1).toString(), q->value(2).toInt()});
    return out;
}

} // namespace plein::client
