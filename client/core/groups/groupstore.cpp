#include "groupstore.h"

#include "feed/poststore.h"
#include "store/cache.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

constexpr QLatin1StringView member {"member"};

// The unread count: posts of the group by others, newer than the last one the user read.
const QString columns = QStringLiteral(
    "g.id, g.name, g.description, g.kind, g.history, g.archived, g.members, "
    "COALESCE(m.state, 'none'), COALESCE(m.role, ''), "
    "CASE WHEN m.state = 'member' THEN (SELECT COUNT(*) FROM posts p WHERE p.group_id = g.id "
    "AND p.id > m.last_read_id AND p.deleted = 0 AND p.author_id <> ?) ELSE 0 END");

// Qt binds a null QString as NULL; these columns are NOT NULL.
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

GroupRow readGroup(const QSqlQuery& q)
{
    GroupRow g;
    g.id = q.value(0).toLongLong();
    g.name = q.value(1).toString();
    g.description = q.value(2).toString();
    g.kind = q.value(3).toString();
    g.history = q.value(4).toString();
    g.archived = q.value(5).toBool();
    g.members = q.value(6).toInt();
    g.myState = q.value(7).toString();
    g.myRole = q.value(8).toString();
    g.unread = q.value(9).toInt();
    return g;
}

} // namespace

GroupRow GroupRow::fromJson(const QJsonObject& o)
{
    GroupRow g;
    g.id = qint64(o.value(QLatin1StringView("id")).toDouble());
    g.name = o.value(QLatin1StringView("name")).toString();
    g.description = o.value(QLatin1StringView("description")).toString();
    g.kind = o.value(QLatin1StringView("kind")).toString(QStringLiteral("public"));
    g.history = o.value(QLatin1StringView("history")).toString(QStringLiteral("all"));
    g.archived = o.value(QLatin1StringView("archived")).toBool();
    g.members = o.value(QLatin1StringView("members")).toInt();
    const QJsonObject m = o.value(QLatin1StringView("membership")).toObject();
    g.myState = m.value(QLatin1StringView("state")).toString(QStringLiteral("none"));
    g.myRole = g.myState == QLatin1StringView("none")
        ? QString()
        : m.value(QLatin1StringView("role")).toString();
    return g;
}

bool GroupStore::upsert(const GroupRow& g)
{
    if (g.id <= 0)
        return m_cache.fail(QStringLiteral("a group without an id"));
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("INSERT INTO user_groups (id, name, description, kind, history, "
                           "archived, members) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                           "UPDATE SET name = excluded.name, description = excluded.description, "
                           "kind = excluded.kind, history = excluded.history, "
                           "archived = excluded.archived, members = excluded.members"),
            {g.id, text(g.name), text(g.description), text(g.kind), text(g.history), g.archived,
             g.members}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(groupsArea, g.id);
    return true;
}

bool GroupStore::setMemberCount(qint64 groupId, int members)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE user_groups SET members = ? WHERE id = ?"),
                        {members, groupId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(groupsArea, groupId);
    return true;
}

bool GroupStore::setMembership(qint64 groupId, const QString& state, const QString& role)
{
    auto& statements = m_cache.statements();
    const bool ok = state == QLatin1StringView("none")
        ? statements.run(QStringLiteral("DELETE FROM group_memberships WHERE group_id = ?"),
                         {groupId})
        : statements.run(
            QStringLiteral(
                "INSERT INTO group_memberships (group_id, state, role, last_read_id) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET "
                "last_read_id = CASE WHEN state <> 'member' AND excluded.state = 'member' "
                "THEN excluded.last_read_id ELSE last_read_id END, "
                "state = excluded.state, role = excluded.role"),
            {groupId, state, text(role), PostStore(m_cache).newestId()});
    if (!ok)
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(membershipsArea, groupId);
    return true;
}

bool GroupStore::remove(qint64 groupId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM user_groups WHERE id = ?"), {groupId})
        || !statements.run(QStringLiteral("DELETE FROM group_memberships WHERE group_id = ?"),
                           {groupId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(groupsArea, groupId);
    m_cache.noteChange(membershipsArea, groupId);
    return true;
}

bool GroupStore::markRead(qint64 groupId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE group_memberships SET last_read_id = (SELECT "
                                       "COALESCE(MAX(id), 0) FROM posts WHERE group_id = ?) "
                                       "WHERE group_id = ?"),
                        {groupId, groupId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(membershipsArea, groupId);
    return true;
}

bool GroupStore::clear()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM user_groups"))
        || !q.exec(QStringLiteral("DELETE FROM group_memberships")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(groupsArea);
    m_cache.noteChange(membershipsArea);
    return true;
}

QList<GroupRow> GroupStore::select(const QString& where, const QVariantList& values) const
{
    QList<GroupRow> out;
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM user_groups g LEFT JOIN group_memberships m "
                                  "ON m.group_id = g.id %2")
                       .arg(columns, where)))
        return out;
    q.addBindValue(m_cache.meta(QStringLiteral("userId")).toLongLong());
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readGroup(q));
    return out;
}

std::optional<GroupRow> GroupStore::group(qint64 id) const
{
    const auto rows = select(QStringLiteral("WHERE g.id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<GroupRow> GroupStore::myGroups() const
{
    return select(QStringLiteral("WHERE m.state = 'member' ORDER BY g.name COLLATE NOCASE, g.id"),
                  {});
}

QList<qint64> GroupStore::memberGroupIds() const
{
    QList<qint64> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT group_id FROM group_memberships WHERE state = ? ORDER BY group_id"),
        {QString(member)});
    while (q && q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

QList<qint64> GroupStore::openGroupIds() const
{
    QList<qint64> out;
    QSqlQuery* q = m_cache.statements().run(QStringLiteral(
        "SELECT group_id FROM group_memberships WHERE state <> 'member' ORDER BY group_id"));
    while (q && q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

QList<GroupRow> GroupStore::directory(const QString& query, bool mineOnly, int offset,
                                      int limit) const
{
    QString like = query.simplified();
    like.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return select(QStringLiteral("WHERE g.name LIKE ? ESCAPE '\\' %1 ORDER BY g.name COLLATE "
                                 "NOCASE, g.id LIMIT ? OFFSET ?")
                      .arg(mineOnly ? QStringLiteral("AND m.state = 'member'") : QString()),
                  {QStringLiteral("%") + like + QStringLiteral("%"), limit, offset});
}

} // namespace plein::client
