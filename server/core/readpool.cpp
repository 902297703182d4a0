#include "core/readpool.h"

#include "sql/sqlerror.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcReadPool, "plein.server.reads")

namespace plein::server {

namespace {

// A read that runs longer than this is cancelled (PostgreSQL) and answered as unavailable.
constexpr int statementTimeoutMs = 10000;

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
            Result<QJsonObject> result = next.job(db);
            QMetaObject::invokeMethod(
                &m_pool,
                [pool = &m_pool, done = std::move(next.done), result = std::move(result)]() {
                    pool->finished(done, result);
                },
                Qt::QueuedConnection);
        }
    }

private:
    static std::optional<QString> readOnly(Database& db)
    {
        QSqlQuery q(db.db());
        const QStringList setup = db.dialect().isPostgres()
            ? QStringList {QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"),
                           QStringLiteral("SET statement_timeout = %1").arg(statementTimeoutMs)}
            : QStringList {QStringLiteral("PRAGMA query_only = ON")};
        for (const QString& statement : setup) {
            if (!q.exec(statement))
                return sql::describeError(q);
        }
        return std::nullopt;
    }

    ReadPool& m_pool;
};

ReadPool::ReadPool(DatabaseLocation location, int threads, int maxQueued, QObject* parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_maxQueued(maxQueued)
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

void ReadPool::finished(Done done, Result<QJsonObject> result)
{
    done(result);
}

} // namespace plein::server
