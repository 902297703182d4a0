#pragma once

#include "syncevent.h"

#include <QList>

namespace plein::client {

class Cache;

// Events of kinds this build has no applier for, kept as they came (kept_events), so that a
// later build that knows the kind applies them instead of having skipped them for good.
class KeptEvents
{
public:
    explicit KeptEvents(Cache& cache)
        : m_cache(cache)
    { }

    bool keep(const SyncEvent& event);
    // The kept events of `kinds`, oldest first.
    QList<SyncEvent> ofKinds(const QStringList& kinds) const;
    bool forget(qint64 seq);
    // Forgets the kept events addressed to a group's members (the user is no longer one).
    bool forgetGroup(qint64 groupId);
    QStringList kinds() const;
    int count() const;
    bool clear();

private:
    Cache& m_cache;
};

} // namespace plein::client
