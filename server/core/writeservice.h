#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::server {

class Database;
class EventLog;
class WriteLedger;

// Runs a client write exactly once: in one transaction it checks the write ledger for the
// client id, applies the change (which appends its events), records the result and commits.
// The result is returned only after the commit, so an acknowledgement means durable.
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
    };

    using Apply = std::function<Result<QJsonObject>()>;
    Result<Outcome> run(qint64 userId, const QString& type, const QJsonObject& payload,
                        const Apply& apply);

    // A change with no client id (administration, imports): one transaction, then notify.
    Result<QJsonObject> runUnlogged(const Apply& apply);

private:
    void notifyCommitted();

    Database& m_db;
    EventLog& m_events;
    WriteLedger& m_ledger;
};

} // namespace plein::server
