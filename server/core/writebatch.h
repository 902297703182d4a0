#pragma once

#include "core/database.h"

#include <QString>

namespace plein::server {

class WriteService;

// Group commit: one transaction shared by the writes that arrived together. While it is open
// every WriteService::run() is a savepoint of it (a failed write is undone alone, the others go
// on) and returns before anything is durable; one commit then makes them all durable at the
// cost of one disk flush. Whoever opened the batch answers the writes only after commit() has
// succeeded, and answers all of them "unavailable" when it failed: nothing of the batch is
// then in the database.
class WriteBatch
{
public:
    // BEGIN (IMMEDIATE on SQLite: the write lock is taken up front), then the event counter is
    // read, on PostgreSQL with its row lock (EventLog::beginBatch()).
    explicit WriteBatch(WriteService& writes);
    // Rolls back unless committed.
    ~WriteBatch();
    WriteBatch(const WriteBatch&) = delete;
    WriteBatch& operator=(const WriteBatch&) = delete;

    // The transaction began (BEGIN and the counter's lock succeeded).
    bool began() const { return m_began; }
    // Writes may run in it: it began and no write has left it unusable.
    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    // Writes the event counter once, then commits; on PostgreSQL the other nodes are told of
    // the new events once, at this commit.
    // False when it failed or the batch could not go on: nothing of it is in the database.
    bool commit();
    // A write of the batch changed something (not a replay, not a failure).
    bool changed() const { return m_changed; }

private:
    friend class WriteService;
    void noteChange() { m_changed = true; }
    // A savepoint could not be taken or undone: what the transaction holds is unknown (SQLite
    // may have rolled it back on its own), so none of it may commit.
    void fail(const QString& why);

    WriteService& m_writes;
    Transaction m_tx;
    bool m_began = false;
    bool m_active = false;
    bool m_changed = false;
    QString m_error;
};

} // namespace plein::server
