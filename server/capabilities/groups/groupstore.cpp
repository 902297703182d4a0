#include "capabilities/groups/groupstore.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QSqlQuery>
#include <QUuid>

namespace plein::server {

namespace {

constexpr QLatin1StringView area("groups");

const QString groupColumns = QStringLiteral(
    "g.id, g.title, g.description, g.kind, g.history, g.archived, g.member_count, g.created_by, "
    "g.created_at");

Group readGroup(const QSqlQuery& q, int at = 0)
{
    Group g;
    g.id = q.value(at + 0).toLongLong();
    g.name = q.value(at + 1).toString();
    g.description = q.value(at + 2).toString();
    g.kind = groupKindFromName(q.value(at + 3).toString()).value_or(GroupKind::Secret);
    g.historyForAll = q.value(at + 4).toString() != QLatin1StringView("joined");
    g.archived = q.value(at + 5).toInt() != 0;
    g.memberCount = q.value(at + 6).toInt();
    g.createdBy = q.value(at + 7).toLongLong();
    g.createdAt = q.value(at + 8).toString();
    return g;
}

MemberState stateFromName(const QString& name)
{
    if (name == QLatin1StringView("member"))
        return MemberState::Member;
    if (name == QLatin1StringView("pending"))
        return MemberState::Pending;
    if (name == QLatin1StringView("invited"))
        return MemberState::Invited;
    return MemberState::None;
}

QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// The key that keeps names unique among the groups everyone may know of; a secret group gets
// one of its own (see migration 004).
QString uniqueKey(const Group& g)
{
    return g.kind == GroupKind::Secret
        ? QStringLiteral("secret:") + QUuid::createUuid().toString(QUuid::WithoutBraces)
        : g.name.toLower();
}

} // namespace

QString groupKindName(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Public:
        return QStringLiteral("public");
    case GroupKind::Private:
        return QStringLiteral("private");
    case GroupKind::Secret:
        return QStringLiteral("secret");
    }
    return QStringLiteral("secret");
}

std::optional<GroupKind> groupKindFromName(const QString& name)
{
    if (name == QLatin1StringView("public"))
        return GroupKind::Public;
    if (name == QLatin1StringView("private"))
        return GroupKind::Private;
    if (name == QLatin1StringView("secret"))
        return GroupKind::Secret;
    return std::nullopt;
}

QString groupRoleName(GroupRole role)
{
    switch (role) {
    case GroupRole::Owner:
        return QStringLiteral("owner");
    case GroupRole::Moderator:
        return QStringLiteral("moderator");
    case GroupRole::Member:
        return QStringLiteral("member");
    }
    return QStringLiteral("member");
}

std::optional<GroupRole> groupRoleFromName(const QString& name)
{
    if (name == QLatin1StringView("owner"))
        return GroupRole::Owner;
    if (name == QLatin1StringView("moderator"))
        return GroupRole::Moderator;
    if (name == QLatin1StringView("member"))
        return GroupRole::Member;
    return std::nullopt;
}

QString memberStateName(MemberState state)
{
    switch (state) {
    case MemberState::None:
        return QStringLiteral("none");
    case MemberState::Member:
        return QStringLiteral("member");
    case MemberState::Pending:
        return QStringLiteral("pending");
    case MemberState::Invited:
        return QStringLiteral("invited");
    }
    return QStringLiteral("none");
}

QJsonObject Group::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("kind"), groupKindName(kind)},
        {QStringLiteral("history"),
         historyForAll ? QStringLiteral("all") : QStringLiteral("joined")},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("members"), memberCount},
        {QStringLiteral("createdAt"), createdAt},
    };
}

QJsonObject MemberRow::toJson() const
{
    return QJsonObject {
        {QStringLiteral("user"),
         QJsonObject {{QStringLiteral("id"), userId},
                      {QStringLiteral("username"), username},
                      {QStringLiteral("displayName"), displayName},
                      {QStringLiteral("department"), department}}},
        {QStringLiteral("role"), groupRoleName(role)},
        {QStringLiteral("state"), memberStateName(state)},
        {QStringLiteral("since"), since},
    };
}

Result<Group> GroupStore::insert(const Group& group)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO user_groups (name, title, search_key, description, kind, "
                           "history, archived, created_by, created_at) VALUES (?, ?, ?, ?, "
                           "?, ?, 0, ?, ?) RETURNING id"),
            {uniqueKey(group), group.name, group.name.toLower(), text(group.description),
             groupKindName(group.kind),
             group.historyForAll ? QStringLiteral("all") : QStringLiteral("joined"),
             group.createdBy, nowUtc()})
        || !q.next())
        return storeError(area, q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    auto created = find(id);
    if (!created)
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("the new group cannot be read back"));
    return *created;
}

std::optional<Group> GroupStore::find(qint64 groupId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM user_groups g WHERE g.id = ?").arg(groupColumns),
                  {groupId})
        || !q.next())
        return std::nullopt;
    return readGroup(q);
}

bool GroupStore::nameTaken(const QString& name, qint64 exceptId)
{
    QSqlQuery q(m_db.db());
    return sql::run(q, QStringLiteral("SELECT 1 FROM user_groups WHERE name = ? AND id <> ?"),
                    {name.toLower(), exceptId})
        && q.next();
}

Result<bool> GroupStore::update(const Group& g)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE user_groups SET name = CASE WHEN kind = 'secret' THEN "
                                 "name ELSE ? END, title = ?, search_key = ?, description = ?, "
                                 "history = ?, archived = ? WHERE id = ?"),
                  {g.name.toLower(), g.name, g.name.toLower(), text(g.description),
                   g.historyForAll ? QStringLiteral("all") : QStringLiteral("joined"),
                   g.archived ? 1 : 0, g.id}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

int GroupStore::count()
{
    QSqlQuery q(m_db.db());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM user_groups")) && q.next()
        ? q.value(0).toInt()
        : 0;
}

bool GroupStore::lock(qint64 groupId)
{
    // SQLite's writers hold the database lock from the start of their transaction already.
    if (!m_db.dialect().isPostgres())
        return true;
    QSqlQuery q(m_db.db());
    return sql::run(q, QStringLiteral("SELECT id FROM user_groups WHERE id = ? FOR UPDATE"),
                    {groupId});
}

Membership GroupStore::membership(qint64 groupId, qint64 userId)
{
    QSqlQuery q(m_db.db());
    Membership m;
    if (!sql::run(q,
                  QStringLiteral("SELECT state, role, visible_from FROM group_members WHERE "
                                 "group_id = ? AND user_id = ?"),
                  {groupId, userId})
        || !q.next())
        return m;
    m.state = stateFromName(q.value(0).toString());
    m.role = groupRoleFromName(q.value(1).toString()).value_or(GroupRole::Member);
    m.visibleFrom = q.value(2).toLongLong();
    return m;
}

Result<bool> GroupStore::setMembership(qint64 groupId, qint64 userId, const Membership& m)
{
    const Membership before = membership(groupId, userId);
    QSqlQuery q(m_db.db());
    bool ok = true;
    if (m.state == MemberState::None) {
        ok = sql::run(
            q, QStringLiteral("DELETE FROM group_members WHERE group_id = ? AND user_id = ?"),
            {groupId, userId});
    } else if (before.state == MemberState::None) {
        ok = sql::run(q,
                      QStringLiteral("INSERT INTO group_members (group_id, user_id, role, state, "
                                     "visible_from, since) VALUES (?, ?, ?, ?, ?, ?)"),
                      {groupId, userId, groupRoleName(m.role), memberStateName(m.state),
                       m.visibleFrom, nowUtc()});
    } else {
        // `since` tells when the current state began: kept for a role change.
        ok = sql::run(q,
                      QStringLiteral("UPDATE group_members SET role = ?, state = ?, visible_from = "
                                     "?, since = CASE WHEN state = ? THEN since ELSE ? END WHERE "
                                     "group_id = ? AND user_id = ?"),
                      {groupRoleName(m.role), memberStateName(m.state), m.visibleFrom,
                       memberStateName(m.state), nowUtc(), groupId, userId});
    }
    if (!ok)
        return storeError(area, q);
    const int delta
        = (m.state == MemberState::Member ? 1 : 0) - (before.state == MemberState::Member ? 1 : 0);
    if (delta != 0) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral(
                          "UPDATE user_groups SET member_count = member_count + ? WHERE id = ?"),
                      {delta, groupId}))
            return storeError(area, q);
    }
    return true;
}

int GroupStore::countOwners(qint64 groupId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT COUNT(*) FROM group_members WHERE group_id = ? AND state "
                                 "= 'member' AND role = 'owner'"),
                  {groupId})
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<qint64> GroupStore::managers(qint64 groupId)
{
    QList<qint64> out;
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT user_id FROM group_members WHERE group_id = ? AND state = "
                                 "'member' AND role IN ('owner', 'moderator') ORDER BY user_id"),
                  {groupId}))
        return out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

Result<bool> GroupStore::openHistory(qint64 groupId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE group_members SET visible_from = 0 WHERE group_id = ?"),
                  {groupId}))
        return storeError(area, q);
    return true;
}

Result<QList<ListedGroup>> GroupStore::list(const ListQuery& query)
{
    QString where = QStringLiteral("1 = 1");
    if (query.mineOnly)
        where += QStringLiteral(" AND m.state = 'member'");
    else if (!query.viewerIsAdmin)
        where += QStringLiteral(" AND (g.kind <> 'secret' OR m.state IS NOT NULL)");
    if (!query.nameContains.isEmpty())
        where += QStringLiteral(" AND g.search_key LIKE ? ESCAPE '\\'");
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, m.state, m.role, m.visible_from FROM user_groups g LEFT "
                             "JOIN group_members m ON m.group_id = g.id AND m.user_id = ? WHERE "
                             "%2 ORDER BY g.search_key, g.id LIMIT ? OFFSET ?")
                  .arg(groupColumns, where));
    q.addBindValue(query.viewerId);
    if (!query.nameContains.isEmpty())
        q.addBindValue(sql::containsPattern(query.nameContains.toLower()));
    q.addBindValue(query.limit);
    q.addBindValue(query.offset);
    if (!q.exec())
        return storeError(area, q);
    QList<ListedGroup> out;
    while (q.next()) {
        ListedGroup l;
        l.group = readGroup(q);
        l.membership.state = stateFromName(q.value(9).toString());
        l.membership.role = groupRoleFromName(q.value(10).toString()).value_or(GroupRole::Member);
        l.membership.visibleFrom = q.value(11).toLongLong();
        out.append(l);
    }
    return out;
}

Result<QList<MemberRow>> GroupStore::members(qint64 groupId, MemberState state, qint64 afterUserId,
                                             int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT u.id, u.username, u.display_name, u.department, m.role, "
                                 "m.state, m.since FROM group_members m JOIN users u ON u.id = "
                                 "m.user_id WHERE m.group_id = ? AND m.state = ? AND m.user_id > "
                                 "? ORDER BY m.user_id LIMIT ?"),
                  {groupId, memberStateName(state), afterUserId, limit}))
        return storeError(area, q);
    QList<MemberRow> out;
    while (q.next()) {
        MemberRow r;
        r.userId = q.value(0).toLongLong();
        r.username = q.value(1).toString();
        r.displayName = q.value(2).toString();
        r.department = q.value(3).toString();
        r.role = groupRoleFromName(q.value(4).toString()).value_or(GroupRole::Member);
        r.state = stateFromName(q.value(5).toString());
        r.since = q.value(6).toString();
        out.append(r);
    }
    return out;
}

} // namespace plein::server
