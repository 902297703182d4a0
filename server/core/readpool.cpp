#include "core/readpool.h"

#include "sql/sqlerror.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

Q_LOGGING_CATEGORY(lcReadPool, "plein.server.reads")

namespace plein::server {

namespace {

// How many SQLite virtual machine steps pass between two looks at the clock: a few
// microseconds of work, so a cancelled read stops within a millisecond or so.
constexpr int sqliteStepsPerCheck = 4000;

// Called by SQLite on the worker's own thread while one of its statements runs: a non-zero
// answer interrupts the statement (SQLITE_INTERRUPT).
// The deadline of the job running on a worker, and whether SQLite was told to stop it.
struct JobClock
{
    QDeadlineTimer deadline {QDeadlineTimer::Forever};
    bool interrupted = false;
};

int pastDeadline(void* clock)
{
    auto* c = static_cast<JobClock*>(clock);
    if (!c->deadline.hasExpired())
        return 0;
    c->interrupted = true;
    return 1;
}

protocol::Error tookTooLong()
{
    return protocol::Error {protocol::ErrorCode::Unavailable,
                            QStringLiteral("the request took too long; narrow it down")};
}

} // namespace

class ReadPool::Worker : public QThread
{
public:
    explicit Worker(ReadPool& pool)
        : m_pool(pool)
    { }

    // Set by run() before it takes jobs; read by start() after `ready`.
    std::optional<QString> openError;
    QMutex readyMutex;
    QWaitCondition readyWake;
    bool ready = false;

protected:
    void run() override
    {
#ifdef Q_OS_LINUX
        // Only what the CPU has left over: the live delivery of events goes first, and a
        // search takes the time nothing else wants (Linux's SCHED_IDLE, per thread, needs no
        // privilege). With 20 searches a second over 10,000,000 posts on two cores, the
        // fan-out's p99 was 1.31 (chat) and 1.49 (feed) times its p99 without them at the
        // normal priority, 1.23 and 1.41 at nice +10, and is 1.06 and 0.97 with this
        // (docs/benchmarks.md). On a CPU that live traffic keeps busy all the time, a search
        // waits and, past its time limit, is answered `unavailable`. This holds for the
        // SQLite reads that run here; PostgreSQL runs its queries in processes of its own.
        sched_param none {};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
#endif
        Database db;
        std::optional<QString> error = db.open(m_pool.m_location);
        if (!error)
            error = readOnly(db);
        {
            QMutexLocker lock(&readyMutex);
            openError = error;
            ready = true;
            readyWake.wakeAll();
        }
        if (error)
            return;
        for (;;) {
            Queued next;
            {
                QMutexLocker lock(&m_pool.m_mutex);
                while (m_pool.m_queue.empty() && !m_pool.m_stopping)
                    m_pool.m_wake.wait(&m_pool.m_mutex);
                if (m_pool.m_queue.empty())
                    return;
                next = std::move(m_pool.m_queue.front());
                m_pool.m_queue.pop_front();
            }
            m_clock.deadline.setRemainingTime(m_pool.m_statementTimeoutMs);
            m_clock.interrupted = false;
            Result<QJsonObject> result = next.job(db);
            // However the job took it (an error, or rows that ended early), a read cut off is
            // answered as such, never as a short or failed result; so is one that ran past its
            // time in several statements (PostgreSQL's limit is per statement).
            if (m_clock.interrupted || m_clock.deadline.hasExpired())
                result = tookTooLong();
            m_clock.deadline = QDeadlineTimer(QDeadlineTimer::Forever);
            QMetaObject::invokeMethod(
                &m_pool,
                [pool = &m_pool, done = std::move(next.done), result = std::move(result)]() {
                    pool->finished(done, result);
                },
                Qt::QueuedConnection);
        }
    }

private:
    std::optional<QString> readOnly(Database& db)
    {
        QSqlQuery q(db.db());
        const QStringList setup = db.dialect().isPostgres()
            ? QStringList {QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"),
                           QStringLiteral("SET statement_timeout = %1")
                               .arg(m_pool.m_statementTimeoutMs)}
            : QStringList {QStringLiteral("PRAGMA query_only = ON")};
        for (const QString& statement : setup) {
            if (!q.exec(statement))
                return sql::describeError(q);
        }
        if (!db.dialect().isPostgres()) {
            // SQLite has no statement timeout of its own: a progress handler asks the clock.
            const QVariant handle = db.db().driver()->handle();
            if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
                return QStringLiteral("the SQLite driver gave no connection handle");
            sqlite3* connection = *static_cast<sqlite3* const*>(handle.data());
            if (!connection)
                return QStringLiteral("the SQLite connection is not open");
            sqlite3_progress_handler(connection, sqliteStepsPerCheck, &pastDeadline, &m_clock);
        }
        return std::nullopt;
    }

    ReadPool& m_pool;
    // When the job running now is cut off (Forever between jobs), read by SQLite's progress
    // handler on this thread.
    JobClock m_clock;
};

ReadPool::ReadPool(DatabaseLocation location, int threads, int maxQueued, QObject* parent,
                   int statementTimeoutMs)
    : QObject(parent)
    , m_location(std::move(location))
    , m_maxQueued(maxQueued)
    , m_statementTimeoutMs(std::max(statementTimeoutMs, 1))
{
    for (int i = 0; i < std::max(threads, 1); ++i)
        m_workers.push_back(std::make_unique<Worker>(*this));
}

ReadPool::~ReadPool()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
        m_wake.wakeAll();
    }
    for (auto& w : m_workers)
        w->wait();
}

std::optional<QString> ReadPool::start()
{
    for (auto& w : m_workers)
        w->start();
    std::optional<QString> first;
    for (auto& w : m_workers) {
        QMutexLocker lock(&w->readyMutex);
        while (!w->ready)
            w->readyWake.wait(&w->readyMutex);
        if (w->openError && !first)
            first = QStringLiteral("a read connection did not open: %1").arg(*w->openError);
    }
    if (!first)
        qCInfo(lcReadPool) << m_workers.size() << "read connections open";
    return first;
}

bool ReadPool::submit(Job job, Done done)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping || qsizetype(m_queue.size()) >= m_maxQueued)
        return false;
    m_queue.push_back(Queued {std::move(job), std::move(done)});
    m_wake.wakeOne();
    return true;
}

bool ReadPool::timedOut(const QSqlError& error)
{
    // 57014: PostgreSQL's query_canceled (statement_timeout); 9: SQLITE_INTERRUPT.
    const QString code = error.nativeErrorCode();
    return code == QLatin1StringView("57014") || code == QLatin1StringView("9");
}

void ReadPool::finished(Done done, Result<QJsonObject> result)
{
    done(result);
}

} // namespace plein::server
