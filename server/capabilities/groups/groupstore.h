#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

enum class GroupKind { Public, Private, Secret };
enum class GroupRole { Owner, Moderator, Member };
enum class MemberState { None, Member, Pending, Invited };

QString groupKindName(GroupKind kind);
std::optional<GroupKind> groupKindFromName(const QString& name);
QString groupRoleName(GroupRole role);
std::optional<GroupRole> groupRoleFromName(const QString& name);
QString memberStateName(MemberState state);

struct Group
{
    qint64 id = 0;
    QString name;
    QString description;
    GroupKind kind = GroupKind::Public;
    bool historyForAll = true; // false: members see only what came after they joined
    bool archived = false;
    int memberCount = 0;
    qint64 createdBy = 0;
    QString createdAt;

    QJsonObject toJson() const;
};

// A user's relation to a group.
struct Membership
{
    MemberState state = MemberState::None;
    GroupRole role = GroupRole::Member;
    qint64 visibleFrom = 0;
};

struct MemberRow
{
    qint64 userId = 0;
    QString username;
    QString displayName;
    QString department;
    GroupRole role = GroupRole::Member;
    MemberState state = MemberState::Member;
    QString since;

    QJsonObject toJson() const;
};

// A group as one user sees it in the directory.
struct ListedGroup
{
    Group group;
    Membership membership;
};

// Groups and their memberships. Methods run in the caller's transaction when there is one.
class GroupStore
{
public:
    explicit GroupStore(Database& db)
        : m_db(db)
    { }

    Result<Group> insert(const Group& group);
    std::optional<Group> find(qint64 groupId);
    // Whether another public or private group (not `exceptId`) has this name, compared
    // without case. Secret groups take no name from anyone: a taken name must not tell that
    // a secret group exists.
    bool nameTaken(const QString& name, qint64 exceptId = 0);
    // Holds the group's row until the transaction ends, so that concurrent writes to one
    // group on several nodes (two owners leaving at once) are decided one after the other.
    bool lock(qint64 groupId);
    Result<bool> update(const Group& group);
    int count();

    Membership membership(qint64 groupId, qint64 userId);
    // Sets the user's relation to the group (None removes it) and keeps member_count.
    Result<bool> setMembership(qint64 groupId, qint64 userId, const Membership& membership);
    int countOwners(qint64 groupId);
    // Owners and moderators, who hear of requests.
    QList<qint64> managers(qint64 groupId);
    // Members of a group whose history rule changed to "all": everything is theirs to see.
    Result<bool> openHistory(qint64 groupId);

    struct ListQuery
    {
        qint64 viewerId = 0;
        bool viewerIsAdmin = false;
        QString nameContains;
        bool mineOnly = false;
        int offset = 0;
        int limit = 50;
    };
    // The groups the viewer may see (secret ones only as a member, invitee or admin), by name.
    Result<QList<ListedGroup>> list(const ListQuery& query);
    Result<QList<MemberRow>> members(qint64 groupId, MemberState state, qint64 afterUserId,
                                     int limit);

private:
    Database& m_db;
};

} // namespace plein::server
