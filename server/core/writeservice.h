#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::server {

class Database;
class EventLog;
class Savepoint;
class WriteBatch;
class WriteLedger;

// Runs a client write exactly once: it checks the write ledger for the client id, applies the
// change (which appends its events) and records the result, all in one transaction.
//
// On its own a write is its own transaction and the result is returned after the commit. Inside
// an open WriteBatch (group commit: the dispatcher runs the writes that arrived together in
// one transaction) it is a savepoint of the batch's transaction instead: a failed write is
// rolled back alone, and the result is returned before the commit, so the caller answers it
// only once WriteBatch::commit() succeeded. Either way an acknowledgement means durable.
class WriteService
{
public:
    WriteService(Database& db, EventLog& events, WriteLedger& ledger)
        : m_db(db)
        , m_events(events)
        , m_ledger(ledger)
    { }

    struct Outcome
    {
        QJsonObject result;
        bool replayed = false; // the same write was applied before; nothing changed now
        // A new write's result in compact JSON, as the ledger recorded it (the answer reuses it).
        QByteArray resultJson;
    };

    using Apply = std::function<Result<QJsonObject>()>;
    Result<Outcome> run(qint64 userId, const QString& type, const QJsonObject& payload,
                        const Apply& apply);

    // A change with no client id (administration, imports, sessions): like run() without the
    // ledger.
    Result<QJsonObject> runUnlogged(const Apply& apply);

private:
    friend class WriteBatch;

    Result<Outcome> applyOnce(qint64 userId, const QString& type, const QJsonObject& payload,
                              const Apply& apply);
    // A write of the open batch begins: false (and why) when the batch cannot take it.
    // `seqMark`: where the batch's sequence numbers stood.
    bool enterSavepoint(Savepoint& sp, qint64* seqMark, QString* why);
    // It ends: kept (released) or undone, with the sequence numbers it took. False (and why)
    // when what was meant did not happen; a savepoint that cannot be undone fails the batch.
    bool leaveSavepoint(Savepoint& sp, qint64 seqMark, bool keep, QString* why);
    // Inside the transaction, just before its commit: PostgreSQL delivers the notice to the
    // other nodes at the commit, and not at all when it rolls back.
    void notifyOtherNodes();

    Database& m_db;
    EventLog& m_events;
    WriteLedger& m_ledger;
    WriteBatch* m_batch = nullptr;
};

} // namespace plein::server
