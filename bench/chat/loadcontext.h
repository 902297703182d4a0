#pragma once

#include "connectionpool.h"
#include "requests.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace plein::loadbench {

struct ChatLoadOptions
{
    QUrl url;
    QStringList tokens;
    int connections = 10000;
    int concurrency = 200;
    int connectTimeoutMs = 180000;
    int settleMs = 2000;
    int maxSeconds = 900;
    qint64 serverPid = 0;
    QString label;
    QString dispatcher;
    QStringList scenarios {QStringLiteral("reads"), QStringLiteral("direct"),
                           QStringLiteral("group"), QStringLiteral("typing")};
    // reads
    int readUsers = 20;
    int readRepeats = 5;
    // direct
    int pairs = 1000;
    double rate = 100; // messages a second over all pairs
    int directSeconds = 20;
    // group
    int groupSize = 500;
    int groupRounds = 10;
    double searchRate = 20; // groupSearch: search.query a second while the rounds run
    // typing and presence
    int typists = 1000;
    int typingIntervalMs = 3000;
    int watch = 50;
    int stepSeconds = 20;
    double presenceRate = 20; // presence.set a second over all connections
};

// What every scenario works with: the live connections and their users, requests with their
// answers, the clock, what arrived, and the direct conversations of the pairs of connections
// (2k, 2k + 1), opened once with chat.open and shared by the scenarios that need them.
class LoadContext
{
public:
    LoadContext(const ChatLoadOptions& options, ConnectionPool& pool, QObject& owner);

    const ChatLoadOptions& options() const { return m_options; }
    ConnectionPool& pool() { return m_pool; }
    Requests& requests() { return m_requests; }
    QObject& owner() { return m_owner; }
    const QElapsedTimer& clock() const { return m_clock; }
    qint64 now() const { return m_clock.nsecsElapsed(); }

    int connections() const { return m_pool.size(); }
    bool isLive(int index) const;
    qint64 userId(int index) const { return m_pool.at(index).userId; }
    // The connection of a user (-1: none).
    int indexOfUser(qint64 userId) const { return m_byUser.value(userId, -1); }
    void noteLive(int index);

    // Every live frame passes here first: counted, then routed to an answer or returned false
    // for a push.
    bool takeFrame(const QString& frame);
    qint64 receivedBytes() const { return m_receivedBytes; }
    qint64 receivedFrames() const { return m_receivedFrames; }

    // The conversation of pair k (connections 2k and 2k + 1), after ensurePairs.
    qint64 pairConversation(int pair) const { return m_pairConversations.value(pair); }
    int openedPairs() const { return int(m_pairConversations.size()); }
    void ensurePairs(int pairs, std::function<void()> done);

    // A refused answer: counted and, the first 20, printed.
    void refused(const QString& what, const QJsonObject& answer);
    int refusals() const { return m_refusals; }

private:
    void openNextPairs(int pairs, std::function<void()> done);

    const ChatLoadOptions& m_options;
    ConnectionPool& m_pool;
    QObject& m_owner;
    QElapsedTimer m_clock;
    Requests m_requests;
    QHash<qint64, int> m_byUser;
    QList<qint64> m_pairConversations;
    int m_pairsInFlight = 0;
    int m_nextPair = 0;
    qint64 m_receivedBytes = 0;
    qint64 m_receivedFrames = 0;
    int m_refusals = 0;
};

// Median and tail of nanosecond samples as a JSON object {n, p50Ms, p99Ms, maxMs}.
QJsonObject latencyJson(std::vector<qint64> samplesNs);

} // namespace plein::loadbench
