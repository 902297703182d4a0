#pragma once

#include "sync/snapshot.h"

namespace plein::client {

class Cache;
class Outbox;
class Profiles;
class Session;
class SyncEngine;

// How people reach the cache: the accounts' user.* events (name, department, active) and
// people.profile (the whole profile), a confirmed people.update_profile, and on a resync every
// active person, read page by page with people.search.
class PeopleApplier : public Snapshot
{
public:
    PeopleApplier(Session& session, Cache& cache, Profiles& profiles)
        : m_session(session)
        , m_cache(cache)
        , m_profiles(profiles)
    { }

    void registerWith(SyncEngine& sync, Outbox& outbox);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

private:
    struct Reading;
    void readPage(std::shared_ptr<Reading> reading);
    void store(std::shared_ptr<Reading> reading);

    Session& m_session;
    Cache& m_cache;
    Profiles& m_profiles;
};

} // namespace plein::client
