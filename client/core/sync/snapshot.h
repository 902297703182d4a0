#pragma once

#include "protocol/result.h"

#include <functional>

namespace plein::client {

// How a capability rebuilds its part of the cache when the sync cursor is outside the server's
// log (resync): it reads its current state with its snapshot reads, each of which answers the
// log's `head` first, and replaces what the cache holds. The sync engine then syncs from the
// lowest head any read answered, so that nothing between the reads is missed.
class Snapshot
{
public:
    virtual ~Snapshot() = default;
    // Reads and stores; `done` gets the lowest head read, or why it failed.
    virtual void rebuild(std::function<void(const Result<qint64>& head)> done) = 0;
};

} // namespace plein::client
