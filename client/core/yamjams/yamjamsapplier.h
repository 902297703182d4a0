#pragma once

#include "sync/snapshot.h"

#include <QJsonObject>

namespace plein::client {

class Cache;
class Groups;
class Outbox;
class Session;
class SyncEngine;
class YamJams;

// How the YamJams' events and confirmed writes change the cache, and how they rebuild on a
// resync: every card and question is forgotten, then the current and past YamJams are read
// again (the questions of one are read when its page opens). A card that no longer names the
// user's audience (taken off, a group left) is forgotten with its questions.
class YamJamsApplier : public Snapshot
{
public:
    // Leaving a group (by any path `groups` hears of) forgets the YamJams the user took part in
    // only through it.
    YamJamsApplier(Session& session, Cache& cache, YamJams& yamjams, Groups& groups,
                   SyncEngine& sync);

    void registerWith(SyncEngine& sync, Outbox& outbox);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

private:
    bool storeCard(const QJsonObject& card, qint64 seq, bool announced);
    // Whether the card's audience includes the user, as far as the cache knows its groups.
    bool takesPart(const QJsonObject& card) const;
    void readList(int step, qint64 lowest, std::function<void(const Result<qint64>& head)> done);

    Session& m_session;
    Cache& m_cache;
    YamJams& m_yamjams;
    SyncEngine& m_sync;
};

} // namespace plein::client
