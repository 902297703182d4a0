#pragma once

#include "sync/snapshot.h"

#include <QList>
#include <QtGlobal>

namespace plein::client {

class Cache;
class Feed;
class Session;
class SyncEngine;

// How the feed's events change the cache, and how the feed rebuilds on a resync: the company
// feed and each of the user's groups from feed.page.
class FeedApplier : public Snapshot
{
public:
    FeedApplier(Session& session, Cache& cache, Feed& feed, SyncEngine& sync);

    void registerWith(SyncEngine& sync);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

    // How many top-level posts of the company feed a rebuild reads (each group: one page).
    void setRebuildPosts(int posts) { m_rebuildPosts = posts; }

private:
    struct Reading;
    void readPage(std::shared_ptr<Reading> reading);

    Session& m_session;
    Cache& m_cache;
    Feed& m_feed;
    SyncEngine& m_sync;
    int m_rebuildPosts = 1000;
};

} // namespace plein::client
