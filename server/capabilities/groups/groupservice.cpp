#include "capabilities/groups/groupservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/groups/groupsprotocol.h"
#include "core/eventlog.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <QJsonArray>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;
namespace groups = protocol::groups;

namespace {

QString stringField(const QJsonObject& payload, QLatin1StringView name)
{
    return payload.value(name).toString();
}

protocol::Error forbidden(const QString& why)
{
    return protocol::Error {ErrorCode::Forbidden, why};
}

protocol::Error archived(const Group& g)
{
    return forbidden(QStringLiteral("the group '%1' is archived and read-only").arg(g.name));
}

// Company-wide for public and private groups, whose names everyone may see; members only (and
// `alsoUsers`) for secret ones.
Scope groupScope(const Group& g, QList<qint64> alsoUsers = {})
{
    if (g.kind == GroupKind::Secret)
        return Scope::group(g.id, std::move(alsoUsers));
    return Scope::everyone();
}

QJsonObject membershipJson(const Membership& m)
{
    return QJsonObject {{QStringLiteral("state"), memberStateName(m.state)},
                        {QStringLiteral("role"), groupRoleName(m.role)}};
}

QJsonObject listedJson(const Group& g, const Membership& m)
{
    QJsonObject o = g.toJson();
    o.insert(QStringLiteral("membership"), membershipJson(m));
    return o;
}

} // namespace

protocol::Error GroupService::notFound(qint64 groupId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("group %1 does not exist").arg(groupId)};
}

GroupAccess GroupService::access(const User& user, qint64 groupId)
{
    GroupAccess a;
    a.admin = user.role == Role::Admin;
    auto g = m_groups.find(groupId);
    if (!g)
        return a;
    a.membership = m_groups.membership(groupId, user.id);
    if (g->kind == GroupKind::Secret && !a.admin && a.membership.state == MemberState::None)
        return a;
    a.group = std::move(g);
    return a;
}

QJsonObject GroupService::membershipResult(const Group& group, qint64 userId, const Membership& m,
                                           qint64 seq)
{
    return QJsonObject {{QStringLiteral("groupId"), group.id},
                        {QStringLiteral("userId"), userId},
                        {QStringLiteral("membership"), membershipJson(m)},
                        {QStringLiteral("seq"), seq}};
}

Result<qint64> GroupService::announce(qint64 actorId, const Group& group, const QString& kind)
{
    return m_events.append(kind, actorId, groupScope(group, {actorId}),
                           QJsonObject {{QStringLiteral("group"), group.toJson()}}, group.id);
}

Result<qint64> GroupService::changeMembership(qint64 actorId, const Group& group, qint64 userId,
                                              const Membership& before, Membership after)
{
    const bool wasMember = before.state == MemberState::Member;
    const bool isMember = after.state == MemberState::Member;
    // Members hear of members; requests and invitations concern the moderators and the user.
    Scope scope;
    if (wasMember || isMember) {
        scope = Scope::group(group.id, {userId});
    } else {
        QList<qint64> users = m_groups.managers(group.id);
        if (!users.contains(userId))
            users.append(userId);
        scope = Scope::usersOnly(users);
    }
    const int members = group.memberCount + (isMember ? 1 : 0) - (wasMember ? 1 : 0);
    auto seq = m_events.append(
        QString(groups::GroupMember), actorId, scope,
        QJsonObject {{QStringLiteral("groupId"), group.id},
                     {QStringLiteral("userId"), userId},
                     {QStringLiteral("state"), memberStateName(after.state)},
                     {QStringLiteral("role"), groupRoleName(after.role)},
                     {QStringLiteral("members"), members},
                     {QStringLiteral("history"),
                      group.historyForAll ? QStringLiteral("all") : QStringLiteral("joined")}},
        userId);
    if (!seq)
        return seq;
    // A member of a group that shows new members only what comes after they joined sees the
    // group from this event on.
    if (isMember && !wasMember)
        after.visibleFrom = group.historyForAll ? 0 : seq.value();
    else
        after.visibleFrom = before.visibleFrom;
    if (auto r = m_groups.setMembership(group.id, userId, after); !r)
        return r.error();
    return seq;
}

Result<GroupService::Outcome> GroupService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(groups::GroupCreate), payload, [&]() -> Result<QJsonObject> {
            Group g;
            g.name = stringField(payload, QLatin1StringView("name")).simplified();
            if (g.name.isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a group needs a name"));
            g.kind = groupKindFromName(stringField(payload, QLatin1StringView("kind")))
                         .value_or(GroupKind::Public);
            if (g.kind != GroupKind::Secret && m_groups.nameTaken(g.name))
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("a group named '%1' exists already").arg(g.name));
            g.description = stringField(payload, QLatin1StringView("description"));
            g.historyForAll
                = stringField(payload, QLatin1StringView("history")) != QLatin1StringView("joined");
            g.createdBy = user.id;
            auto created = m_groups.insert(g);
            if (!created)
                return created.error();
            if (auto seq = announce(user.id, created.value(), QString(groups::GroupCreated)); !seq)
                return seq.error();
            auto seq = changeMembership(user.id, created.value(), user.id, Membership(),
                                        Membership {MemberState::Member, GroupRole::Owner, 0});
            if (!seq)
                return seq.error();
            const auto stored = m_groups.find(created->id);
            return QJsonObject {{QStringLiteral("group"),
                                 listedJson(stored.value_or(created.value()),
                                            m_groups.membership(created->id, user.id))},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<GroupAccess> GroupService::lockedAccess(const User& user, qint64 groupId, Right right,
                                               const QString& refusal)
{
    // Concurrent writes to one group (on several nodes) are decided one after the other, each
    // seeing what the one before did.
    if (!m_groups.lock(groupId))
        return makeError(ErrorCode::Unavailable, QStringLiteral("the group is busy"));
    GroupAccess a = access(user, groupId);
    if (!a.group)
        return notFound(groupId);
    if (right && !(a.*right)())
        return forbidden(refusal);
    return a;
}

Result<GroupService::Outcome> GroupService::groupWrite(const User& user, const QJsonObject& payload,
                                                       QLatin1StringView kind,
                                                       const QString& refusal, const Edit& edit)
{
    return m_writes.run(user.id, QString(kind), payload, [&]() -> Result<QJsonObject> {
        auto a = lockedAccess(user, idField(payload, QLatin1StringView("groupId")),
                              &GroupAccess::canManage, refusal);
        if (!a)
            return a.error();
        Group g = *a->group;
        auto changed = edit(g);
        if (!changed)
            return changed.error();
        qint64 seq = 0;
        if (changed.value()) {
            if (auto r = m_groups.update(g); !r)
                return r.error();
            auto appended = announce(user.id, g, QString(groups::GroupUpdated));
            if (!appended)
                return appended.error();
            seq = appended.value();
        }
        return QJsonObject {{QStringLiteral("group"), listedJson(g, a->membership)},
                            {QStringLiteral("seq"), seq}};
    });
}

Result<GroupService::Outcome> GroupService::update(const User& user, const QJsonObject& payload)
{
    return groupWrite(
        user, payload, groups::GroupUpdate, QStringLiteral("only the group's owners may change it"),
        [&](Group& g) -> Result<bool> {
            const bool openingHistory = !g.historyForAll
                && stringField(payload, QLatin1StringView("history")) == QLatin1StringView("all");
            if (payload.contains(QLatin1StringView("name"))) {
                const QString name = stringField(payload, QLatin1StringView("name")).simplified();
                if (name.isEmpty())
                    return makeError(ErrorCode::BadRequest, QStringLiteral("a group needs a name"));
                if (g.kind != GroupKind::Secret && m_groups.nameTaken(name, g.id))
                    return makeError(ErrorCode::Conflict,
                                     QStringLiteral("a group named '%1' exists already").arg(name));
                g.name = name;
            }
            if (payload.contains(QLatin1StringView("description")))
                g.description = stringField(payload, QLatin1StringView("description"));
            if (payload.contains(QLatin1StringView("history")))
                g.historyForAll = stringField(payload, QLatin1StringView("history"))
                    != QLatin1StringView("joined");
            if (openingHistory) {
                if (auto r = m_groups.openHistory(g.id); !r)
                    return r.error();
            }
            return true;
        });
}

Result<GroupService::Outcome> GroupService::archive(const User& user, const QJsonObject& payload)
{
    const bool archive = payload.value(QLatin1StringView("archived")).toBool();
    return groupWrite(user, payload, groups::GroupArchive,
                      QStringLiteral("only the group's owners may archive it"),
                      [&](Group& g) -> Result<bool> {
                          if (g.archived == archive)
                              return false;
                          g.archived = archive;
                          return true;
                      });
}

Result<GroupService::Outcome> GroupService::membershipWrite(const User& user,
                                                            const QJsonObject& payload,
                                                            QLatin1StringView kind, qint64 userId,
                                                            Right right, const QString& refusal,
                                                            const Decide& decide)
{
    return m_writes.run(user.id, QString(kind), payload, [&]() -> Result<QJsonObject> {
        auto locked
            = lockedAccess(user, idField(payload, QLatin1StringView("groupId")), right, refusal);
        if (!locked)
            return locked.error();
        const GroupAccess& a = locked.value();
        const Group& g = *a.group;
        const Membership before = m_groups.membership(g.id, userId);
        auto after = decide(a, before);
        if (!after)
            return after.error();
        if (!after.value())
            return membershipResult(g, userId, before, 0); // nothing changes
        auto seq = changeMembership(user.id, g, userId, before, *after.value());
        if (!seq)
            return seq.error();
        return membershipResult(g, userId, *after.value(), seq.value());
    });
}

Result<GroupService::Outcome> GroupService::join(const User& user, const QJsonObject& payload)
{
    return membershipWrite(
        user, payload, groups::GroupJoin, user.id, nullptr, QString(),
        [](const GroupAccess& a, const Membership& before) -> Result<std::optional<Membership>> {
            if (a.group->archived)
                return archived(*a.group);
            switch (before.state) {
            case MemberState::Member:
            case MemberState::Pending:
                return std::optional<Membership>();
            case MemberState::Invited:
                return std::optional(Membership {MemberState::Member, GroupRole::Member, 0});
            case MemberState::None:
                break;
            }
            // A private group admits on request; an admin may manage it and joins at once.
            const bool asks = a.group->kind == GroupKind::Private && !a.admin;
            return std::optional(Membership {asks ? MemberState::Pending : MemberState::Member,
                                             GroupRole::Member, 0});
        });
}

Result<GroupService::Outcome> GroupService::leave(const User& user, const QJsonObject& payload)
{
    return membershipWrite(
        user, payload, groups::GroupLeave, user.id, nullptr, QString(),
        [this](const GroupAccess& a,
               const Membership& before) -> Result<std::optional<Membership>> {
            if (before.state == MemberState::None)
                return std::optional<Membership>(); // nothing to leave
            if (a.isMember() && before.role == GroupRole::Owner
                && m_groups.countOwners(a.group->id) <= 1)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("the last owner cannot leave; make someone else "
                                                "an owner first"));
            return std::optional(Membership());
        });
}

Result<GroupService::Outcome> GroupService::invite(const User& user, const QJsonObject& payload)
{
    const qint64 userId = idField(payload, QLatin1StringView("userId"));
    return membershipWrite(
        user, payload, groups::GroupInvite, userId, &GroupAccess::canModerate,
        QStringLiteral("only owners and moderators may invite"),
        [&](const GroupAccess& a, const Membership& before) -> Result<std::optional<Membership>> {
            if (a.group->archived)
                return archived(*a.group);
            const auto invited = m_accounts.findById(userId);
            if (!invited || !invited->active)
                return makeError(ErrorCode::NotFound,
                                 QStringLiteral("user %1 does not exist").arg(userId));
            switch (before.state) {
            case MemberState::Member:
                return makeError(
                    ErrorCode::Conflict,
                    QStringLiteral("%1 is a member already").arg(invited->displayName));
            case MemberState::Invited:
                return std::optional<Membership>();
            case MemberState::Pending: // they asked: the invitation admits them
                return std::optional(Membership {MemberState::Member, GroupRole::Member, 0});
            case MemberState::None:
                break;
            }
            return std::optional(Membership {MemberState::Invited, GroupRole::Member, 0});
        });
}

Result<GroupService::Outcome> GroupService::decide(const User& user, const QJsonObject& payload)
{
    const qint64 userId = idField(payload, QLatin1StringView("userId"));
    const bool approve = payload.value(QLatin1StringView("approve")).toBool();
    return membershipWrite(
        user, payload, groups::GroupDecide, userId, &GroupAccess::canModerate,
        QStringLiteral("only owners and moderators decide on requests"),
        [&](const GroupAccess& a, const Membership& before) -> Result<std::optional<Membership>> {
            if (a.group->archived)
                return archived(*a.group);
            if (before.state != MemberState::Pending)
                return makeError(ErrorCode::NotFound,
                                 QStringLiteral("there is no request from user %1").arg(userId));
            return std::optional(approve ? Membership {MemberState::Member, GroupRole::Member, 0}
                                         : Membership());
        });
}

Result<GroupService::Outcome> GroupService::remove(const User& user, const QJsonObject& payload)
{
    const qint64 userId = idField(payload, QLatin1StringView("userId"));
    return membershipWrite(
        user, payload, groups::GroupRemove, userId, &GroupAccess::canModerate,
        QStringLiteral("only owners and moderators may remove members"),
        [&](const GroupAccess& a, const Membership& before) -> Result<std::optional<Membership>> {
            if (userId == user.id)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("to leave a group, use group.leave"));
            if (before.state != MemberState::Member && before.state != MemberState::Invited)
                return makeError(ErrorCode::NotFound,
                                 QStringLiteral("user %1 is not in the group").arg(userId));
            const bool owner
                = before.state == MemberState::Member && before.role == GroupRole::Owner;
            if (owner && !a.canManage())
                return forbidden(QStringLiteral("moderators cannot remove an owner"));
            if (owner && m_groups.countOwners(a.group->id) <= 1)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("the last owner cannot be removed"));
            return std::optional(Membership());
        });
}

Result<GroupService::Outcome> GroupService::setRole(const User& user, const QJsonObject& payload)
{
    const qint64 userId = idField(payload, QLatin1StringView("userId"));
    const GroupRole role = groupRoleFromName(stringField(payload, QLatin1StringView("role")))
                               .value_or(GroupRole::Member);
    return membershipWrite(
        user, payload, groups::GroupSetRole, userId, &GroupAccess::canManage,
        QStringLiteral("only the group's owners may change roles"),
        [&](const GroupAccess& a, const Membership& before) -> Result<std::optional<Membership>> {
            if (before.state != MemberState::Member)
                return makeError(
                    ErrorCode::NotFound,
                    QStringLiteral("user %1 is not a member of the group").arg(userId));
            if (role == before.role)
                return std::optional<Membership>();
            if (before.role == GroupRole::Owner && m_groups.countOwners(a.group->id) <= 1)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("the last owner cannot be demoted; make someone "
                                                "else an owner first"));
            Membership after = before;
            after.role = role;
            return std::optional(after);
        });
}

Result<QJsonObject> GroupService::list(const User& user, const QJsonObject& payload)
{
    GroupStore::ListQuery query;
    query.viewerId = user.id;
    query.viewerIsAdmin = user.role == Role::Admin;
    query.nameContains = stringField(payload, QLatin1StringView("query")).simplified();
    query.mineOnly = stringField(payload, QLatin1StringView("filter")) == QLatin1StringView("mine");
    query.offset = payload.value(QLatin1StringView("offset")).toInt(0);
    query.limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    // The head first: a client that stores this list and syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    auto rows = m_groups.list(query);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const ListedGroup& l : rows.value())
        out.append(listedJson(l.group, l.membership));
    return QJsonObject {{QStringLiteral("groups"), out},
                        {QStringLiteral("more"), rows->size() == query.limit},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> GroupService::get(const User& user, const QJsonObject& payload)
{
    const qint64 groupId = idField(payload, QLatin1StringView("groupId"));
    const qint64 head = m_events.head();
    const GroupAccess a = access(user, groupId);
    if (!a.group)
        return notFound(groupId);
    return QJsonObject {{QStringLiteral("group"), listedJson(*a.group, a.membership)},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> GroupService::members(const User& user, const QJsonObject& payload)
{
    const qint64 groupId = idField(payload, QLatin1StringView("groupId"));
    const GroupAccess a = access(user, groupId);
    if (!a.group)
        return notFound(groupId);
    const QString stateName = stringField(payload, QLatin1StringView("state"));
    const MemberState state = stateName == QLatin1StringView("pending") ? MemberState::Pending
        : stateName == QLatin1StringView("invited")                     ? MemberState::Invited
                                                                        : MemberState::Member;
    if (state == MemberState::Member && !a.canRead())
        return forbidden(QStringLiteral("only members see who is in this group"));
    if (state != MemberState::Member && !a.canModerate())
        return forbidden(QStringLiteral("only owners and moderators see requests and invitations"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    auto rows
        = m_groups.members(groupId, state, idField(payload, QLatin1StringView("after")), limit);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const MemberRow& r : rows.value())
        out.append(r.toJson());
    return QJsonObject {{QStringLiteral("members"), out},
                        {QStringLiteral("more"), rows->size() == limit}};
}

} // namespace plein::server
