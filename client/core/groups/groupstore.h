#pragma once

#include "grouprow.h"

#include <QList>

#include <optional>

namespace plein::client {

class Cache;

// The groups the user has seen and the user's own memberships (user_groups,
// group_memberships). Methods run in the caller's transaction and note what they change:
// "groups" and "memberships", by group id.
class GroupStore
{
public:
    static constexpr QLatin1StringView groupsArea {"groups"};
    static constexpr QLatin1StringView membershipsArea {"memberships"};

    explicit GroupStore(Cache& cache)
        : m_cache(cache)
    { }

    // The group's own fields (not the user's membership).
    bool upsert(const GroupRow& group);
    bool setMemberCount(qint64 groupId, int members);
    // The user's relation; "none" forgets it. Becoming a member starts the unread count at
    // the newest post cached, so that history fetched on joining does not count as unread.
    bool setMembership(qint64 groupId, const QString& state, const QString& role);
    bool remove(qint64 groupId);
    bool markRead(qint64 groupId);
    // Forgets every group and membership (a rebuild).
    bool clear();

    std::optional<GroupRow> group(qint64 id) const;
    // The groups the user is a member of, by name.
    QList<GroupRow> myGroups() const;
    QList<qint64> memberGroupIds() const;
    // Groups with a request or an invitation of the user's open.
    QList<qint64> openGroupIds() const;
    // The cached groups whose name contains `query`, by name; `mineOnly`: member groups.
    QList<GroupRow> directory(const QString& query, bool mineOnly, int offset, int limit) const;

private:
    QList<GroupRow> select(const QString& where, const QVariantList& values) const;

    Cache& m_cache;
};

} // namespace plein::client
