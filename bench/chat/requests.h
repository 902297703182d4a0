#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::loadbench {

class ConnectionPool;

// Requests sent on the pool's live connections and their answers, matched by id, each timed
// from just before its frame is written to the arrival of its answer.
class Requests
{
public:
    // The answer as a whole (`ok`, `payload`, `error`) and its round trip in nanoseconds.
    using Reply = std::function<void(const QJsonObject& answer, qint64 roundTripNs)>;

    Requests(ConnectionPool& pool, const QElapsedTimer& clock)
        : m_pool(pool)
        , m_clock(clock)
    { }

    void send(int index, const QString& type, const QJsonObject& payload, Reply reply = {});
    // Takes the frame when it is an answer to one of ours: true then. Server frames are
    // compact JSON with sorted keys, so an answer ends in "re":"<id>"}.
    bool route(const QString& frame);
    int pending() const { return int(m_pending.size()); }
    // A fresh client id for a write (8-64 characters).
    QString clientId();

private:
    struct Pending
    {
        qint64 sentNs = 0;
        Reply reply;
    };

    ConnectionPool& m_pool;
    const QElapsedTimer& m_clock;
    QHash<QString, Pending> m_pending;
    quint64 m_next = 0;
    QString m_run;
};

} // namespace plein::loadbench
