#pragma once

#include "sync/snapshot.h"

#include <QString>

namespace plein::client {

class Cache;
class Feed;
class Groups;
class Outbox;
class Session;
class SyncEngine;

// How the groups' events and confirmed writes change the cache, and how the groups rebuild on
// a resync (group.list mine, then group.get for each open request or invitation).
//
// The user's own membership is what matters most: leaving or being removed purges the group's
// posts from the cache (they are no longer the user's to read, and would go stale), and a
// secret group is forgotten altogether; joining reads the group's feed (feed.page), so that a
// group that shows new members its history shows it at once.
class GroupsApplier : public Snapshot
{
public:
    GroupsApplier(Session& session, Cache& cache, Groups& groups, Feed& feed, SyncEngine& sync);

    void registerWith(SyncEngine& sync, Outbox& outbox);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

private:
    // The user's relation to `groupId` became `state`, by `actor`'s doing.
    bool applyMyMembership(qint64 groupId, const QString& state, const QString& role, qint64 actor);
    // Forgets the group's posts and kept events (and, with `forgetGroup`, the group).
    bool purge(qint64 groupId, bool forgetGroup);
    struct Reading;
    void readMine(std::shared_ptr<Reading> reading);
    void readOpen(std::shared_ptr<Reading> reading);
    void store(std::shared_ptr<Reading> reading);

    Session& m_session;
    Cache& m_cache;
    Groups& m_groups;
    Feed& m_feed;
    SyncEngine& m_sync;
};

} // namespace plein::client
