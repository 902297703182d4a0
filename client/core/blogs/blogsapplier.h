#pragma once

#include "sync/snapshot.h"

#include <QJsonObject>

#include <memory>

namespace plein::client {

class Blogs;
class Cache;
class Outbox;
class Session;
class Groups;
class SyncEngine;

// How the blogs' events and confirmed writes change the cache, and how the blogs rebuild on
// a resync: every article no working copy names is forgotten, then the company blog's newest
// page and the user's drafts are read again (a group's blog is read when it is opened).
// Working copies follow what the events say of their articles (Drafts::serverChanged).
class BlogsApplier : public Snapshot
{
public:
    // Leaving a group (by any path `groups` hears of) forgets its blog's articles here, as the
    // groups' purge does their posts: they are no longer found by the search offline.
    BlogsApplier(Session& session, Cache& cache, Blogs& blogs, Groups& groups, SyncEngine& sync);

    void registerWith(SyncEngine& sync, Outbox& outbox);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

private:
    bool storeCard(const QJsonObject& article, qint64 seq);
    bool storeComment(const QJsonObject& comment, qint64 seq, bool created);
    // Step 0 reads the company blog, step 1 the drafts; `done` gets the lowest head.
    void readPage(int step, qint64 lowest, std::function<void(const Result<qint64>& head)> done);

    Session& m_session;
    Cache& m_cache;
    Blogs& m_blogs;
    SyncEngine& m_sync;
};

} // namespace plein::client
