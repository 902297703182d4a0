#pragma once

#include "capabilities/groups/groupstore.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace plein::server {

class AccountStore;
class EventLog;
struct User;

// What one user may do with one group. `group` is empty when the group does not exist for
// them (missing, or secret and they are neither in it, invited nor an admin): such a group
// answers exactly like a missing one.
struct GroupAccess
{
    std::optional<Group> group;
    Membership membership;
    bool admin = false;

    bool isMember() const { return group && membership.state == MemberState::Member; }
    // Reads its posts and members: everyone for a public group, members and admins otherwise.
    bool canRead() const
    {
        return group && (group->kind == GroupKind::Public || isMember() || admin);
    }
    // Owners, moderators and admins: requests, invitations, removals, pins.
    bool canModerate() const
    {
        return admin || (isMember() && membership.role != GroupRole::Member);
    }
    // Owners and admins: name, description, history rule, archiving, roles.
    bool canManage() const { return admin || (isMember() && membership.role == GroupRole::Owner); }
    // The first event sequence number of the group the user may see (history rule).
    qint64 visibleFrom() const { return isMember() ? membership.visibleFrom : 0; }
};

// The groups capability's rules: kinds, roles, requests, invitations, history and archiving.
// Every write goes through the write service (idempotent by client id) and appends its events.
class GroupService
{
public:
    GroupService(WriteService& writes, GroupStore& groups, EventLog& events, AccountStore& accounts)
        : m_writes(writes)
        , m_groups(groups)
        , m_events(events)
        , m_accounts(accounts)
    { }

    using Outcome = WriteService::Outcome;

    GroupAccess access(const User& user, qint64 groupId);
    // The `not_found` answer for a group id, the same whether it is missing or hidden.
    static protocol::Error notFound(qint64 groupId);

    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> update(const User& user, const QJsonObject& payload);
    Result<Outcome> archive(const User& user, const QJsonObject& payload);
    Result<Outcome> join(const User& user, const QJsonObject& payload);
    Result<Outcome> leave(const User& user, const QJsonObject& payload);
    Result<Outcome> invite(const User& user, const QJsonObject& payload);
    Result<Outcome> decide(const User& user, const QJsonObject& payload);
    Result<Outcome> remove(const User& user, const QJsonObject& payload);
    Result<Outcome> setRole(const User& user, const QJsonObject& payload);

    Result<QJsonObject> list(const User& user, const QJsonObject& payload);
    Result<QJsonObject> get(const User& user, const QJsonObject& payload);
    Result<QJsonObject> members(const User& user, const QJsonObject& payload);

private:
    using Right = bool (GroupAccess::*)() const;
    // The membership a write leads to: a new one, none (nothing changes) or an error.
    using Decide = std::function<Result<std::optional<Membership>>(const GroupAccess& caller,
                                                                   const Membership& before)>;
    // The group named by a write, locked for the transaction; a group hidden from the caller
    // answers like a missing one; the caller needs `right` (when given).
    Result<GroupAccess> lockedAccess(const User& user, qint64 groupId, Right right,
                                     const QString& refusal);
    // A write by an owner (or admin) to the group itself: `edit` changes a copy and says
    // whether anything changed; a change is stored and announced as group.updated.
    using Edit = std::function<Result<bool>(Group& group)>;
    Result<Outcome> groupWrite(const User& user, const QJsonObject& payload, QLatin1StringView kind,
                               const QString& refusal, const Edit& edit);
    // A write that changes `userId`'s membership of the payload's group: a group hidden from
    // the caller answers like a missing one; the caller needs `right` (when given); `decide`
    // says what the membership becomes.
    Result<Outcome> membershipWrite(const User& user, const QJsonObject& payload,
                                    QLatin1StringView kind, qint64 userId, Right right,
                                    const QString& refusal, const Decide& decide);
    // Changes `userId`'s relation to the group and appends its group.member event; returns
    // the event's sequence number.
    Result<qint64> changeMembership(qint64 actorId, const Group& group, qint64 userId,
                                    const Membership& before, Membership after);
    Result<qint64> announce(qint64 actorId, const Group& group, const QString& kind);
    // The answer of a write that changed a membership.
    static QJsonObject membershipResult(const Group& group, qint64 userId, const Membership& m,
                                        qint64 seq);

    WriteService& m_writes;
    GroupStore& m_groups;
    EventLog& m_events;
    AccountStore& m_accounts;
};

} // namespace plein::server
