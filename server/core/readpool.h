#pragma once

#include "core/database.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSqlError>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace plein::server {

// Threads with a read-only database connection each, for reads that may take long (search):
// they run there instead of on the connection that writes and delivers live events, so a long
// read never stalls either. A job gets its thread's connection; its result is handed back on
// the pool's thread (the event loop that submitted it), in no particular order between jobs.
//
// SQLite readers see the last commit (WAL) and cannot write (query_only); PostgreSQL readers
// run read-only transactions. A job has a time limit (by default 10 s): past it, SQLite's
// progress handler interrupts the statement running, PostgreSQL's statement_timeout cancels
// one statement that runs that long, and a job that ran past its time is answered
// `unavailable` however it ended (short rows, an error, several statements that each
// finished in time). A cancelled statement fails with an error timedOut() recognises; the
// connection goes on.
class ReadPool : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<Result<QJsonObject>(Database& db)>;
    using Done = std::function<void(const Result<QJsonObject>& result)>;

    // `threads` connections to `location`; at most `maxQueued` jobs wait for one.
    ReadPool(DatabaseLocation location, int threads, int maxQueued, QObject* parent = nullptr,
             int statementTimeoutMs = 10000);
    ~ReadPool() override;

    // Opens every thread's connection; an error names the first that failed.
    std::optional<QString> start();
    // Queues `job`; false when `maxQueued` jobs are waiting already (nothing is queued then).
    bool submit(Job job, Done done);
    int threads() const { return int(m_workers.size()); }
    // Whether a failed statement was cancelled for running past the job's time limit.
    static bool timedOut(const QSqlError& error);

private:
    class Worker;
    struct Queued
    {
        Job job;
        Done done;
    };
    void finished(Done done, Result<QJsonObject> result);

    const DatabaseLocation m_location;
    const int m_maxQueued;
    const int m_statementTimeoutMs;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Queued> m_queue;
    bool m_stopping = false;
};

} // namespace plein::server
