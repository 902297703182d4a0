#pragma once

#include "loadsupport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace plein::loadbench {

enum class Protocol { Plein, Raw };

enum class Stage { Pending, Opening, Hello, Auth, Sync, Live, Failed };

struct PooledConnection
{
    QWebSocket* socket = nullptr; // parented to the pool's owner
    Stage stage = Stage::Pending;
    QString token;
    qint64 cursor = 0;
    qint64 userId = 0; // from the answer to auth.resume
};

// Sends one request frame, compact JSON.
void sendRequest(QWebSocket* socket, const QString& type, const QString& id,
                 const QJsonObject& payload);
// A response to request `id`: nullopt when the frame is something else (a push).
std::optional<QJsonObject> responseTo(const QString& frame, const QString& id);

// Silences and drops every socket parented to `owner`, so that nothing calls back into a load
// while it is torn down.
void silenceSockets(QObject& owner);

// Counts failures and prints the first 20 of them, so that 10,000 failing connections do not
// bury the output.
class FailureNotes
{
public:
    explicit FailureNotes(QString program)
        : m_program(std::move(program))
    { }
    void report(const QString& who, const QString& what);
    const QString& program() const { return m_program; }

private:
    QString m_program;
    int m_count = 0;
};

// The connections of a load program, each taken live the way a client does before the server
// pushes to it: in `plein` mode hello, auth.resume with its session token, sync.since from its
// cursor until the answer says no more; in `raw` mode as soon as the WebSocket handshake is
// done. openRange() opens a range of them a number at a time within a deadline, with a
// progress line every 5 s; openOne() opens a single one outside the range's counts (a
// publisher). Frames on a live connection go to the frame hook.
class ConnectionPool
{
public:
    struct Hooks
    {
        std::function<void(int index)> live;
        // After the pool counted the failure; `wasLive` says whether it had been live.
        std::function<void(int index, bool wasLive)> failed;
        std::function<void(int index, const QString& frame)> frame;
        // Every connection of openRange() is live or failed (or the deadline passed), and
        // the settling time is over: `anyLive` says whether there is anything to measure.
        std::function<void(bool anyLive)> rangeDone;
        std::function<QString(int index)> name; // for failure notes; default "connection N"
    };

    ConnectionPool(QObject& owner, QUrl url, Protocol protocol, QJsonObject hello,
                   FailureNotes& notes, Hooks hooks);

    void resize(int count) { m_connections.resize(std::size_t(count)); }
    int size() const { return int(m_connections.size()); }
    PooledConnection& at(int index) { return m_connections[std::size_t(index)]; }
    const PooledConnection& at(int index) const { return m_connections[std::size_t(index)]; }

    void openOne(int index);
    // Opens [0, count) `concurrency` at a time; once all are live or failed, `settleMs` of
    // quiet, then rangeDone. The server's memory is sampled before and after (serverPid > 0).
    void openRange(int count, int concurrency, int timeoutMs, int settleMs, qint64 serverPid);
    void send(int index, const QString& type, const QString& id, const QJsonObject& payload);

    // Of the range: live now, failed, never attempted (the deadline passed first), dropped
    // after being live.
    int live() const { return m_live; }
    int failed() const { return m_failed; }
    int notAttempted() const { return m_notAttempted; }
    int droppedWhileLive() const { return m_droppedWhileLive; }
    bool rangeFinished() const { return m_rangeDone; }
    double connectSeconds() const { return m_connectSeconds; }
    // The server's memory before the range and after it settled, and the live connections then.
    const MemorySample& memoryBefore() const { return m_memoryBefore; }
    const MemorySample& memoryAfter() const { return m_memoryAfter; }
    int liveAtSample() const { return m_liveAtSample; }
    // live, failures, notAttempted, droppedWhileLive, connectSeconds and, with a server pid,
    // its memory before, after and now, and per connection (rss/pssPerConnKiB).
    void writeSummaryTo(QJsonObject& summary, qint64 serverPid) const;

private:
    QWebSocket* newSocket();
    void openMore();
    void wire(int index);
    void onConnected(int index);
    void onFailed(int index, const QString& why);
    void becomeLive(int index);
    void sendSync(int index);
    void onFrame(int index, const QString& frame);
    void deadline();
    void finishRange();
    bool inRange(int index) const { return index < m_rangeCount; }
    QString nameOf(int index) const;

    QObject& m_owner;
    QUrl m_url;
    Protocol m_protocol;
    QJsonObject m_hello;
    FailureNotes& m_notes;
    Hooks m_hooks;
    std::vector<PooledConnection> m_connections;
    QTimer m_deadline;
    QTimer m_progress;
    QElapsedTimer m_clock;
    int m_rangeCount = 0;
    int m_concurrency = 1;
    int m_timeoutMs = 0;
    int m_settleMs = 0;
    qint64 m_serverPid = 0;
    MemorySample m_memoryBefore;
    MemorySample m_memoryAfter;
    int m_liveAtSample = 0;
    int m_nextToOpen = 0;
    int m_inFlight = 0;
    int m_live = 0;
    int m_failed = 0;
    int m_notAttempted = 0;
    int m_droppedWhileLive = 0;
    bool m_rangeDone = false;
    double m_connectSeconds = 0;
};

} // namespace plein::loadbench
