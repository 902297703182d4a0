#pragma once

#include "auth/loginthrottle.h"
#include "core/handlerregistry.h"
#include "protocol/envelope.h"
#include "protocol/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace plein::server {

class ClientSession;
class Hub;
class ReadPool;
struct ServerCore;

struct DispatcherOptions
{
    QString organisation;
    qint64 sessionIdleSeconds = 30LL * 24 * 3600;
    // Group commit: a batch takes at most this many writes, and no more once it has worked
    // this long, so that reads waiting behind it are answered soon.
    int maxBatchWrites = 256;
    int batchBudgetMs = 10;
    // The HTTP side, as the hello answer tells clients (port 0: none).
    quint16 httpPort = 0;
    QString httpUrl;
};

// How group commit went so far (logged when the dispatcher goes; the benchmarks read it).
struct GroupCommitStats
{
    qint64 batches = 0;
    qint64 writes = 0;
    int largest = 0;
    qint64 failedCommits = 0;
};

// Answers requests: decodes and validates each frame against the protocol registry, checks the
// handshake, the login and the capability's feature, and calls the handler the capability
// registered for the message. The connection's own messages (hello, login, sync, ephemeral
// signals) are handled here.
//
// Writes are group-committed: the writes that arrive in one pass of the event loop (frames from
// many connections) are queued and run together, each in a savepoint of one transaction
// (WriteBatch), when the loop comes back to the queue or the queue is full. Only after the
// commit are they answered, in the order they ran, and their events delivered. A connection's
// requests are answered in the order it sent them: a request that arrives while the same
// connection has writes queued waits behind them.
//
// Long reads (search) run on the read pool's threads and connections; the connection's later
// requests wait for the answer in the same way.
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    Dispatcher(ServerCore& core, Hub& hub, HandlerRegistry& handlers, DispatcherOptions options,
               QObject* parent = nullptr);
    ~Dispatcher() override;

    void handleFrame(ClientSession* session, const QByteArray& frame);
    // New requests get "unavailable" from now on, and queued writes run now; used while
    // shutting down.
    void stopAccepting();
    int loginsInFlight() const { return m_loginsInFlight; }
    // Milliseconds since the last frame arrived on any connection.
    qint64 quietMilliseconds() const { return m_lastFrame.elapsed(); }

    static QStringList serverFeatures();
    // Where long reads run; without a pool they run on the event loop's own connection.
    void setReadPool(std::unique_ptr<ReadPool> pool);

Q_SIGNALS:
    void loginsFinished();

private:
    // A request waiting for the next batch, or an answer that was ready at once (a refused
    // frame) but waits behind the writes its connection sent before it.
    struct Queued
    {
        QPointer<ClientSession> session;
        protocol::Request request;
        QByteArray answer; // not empty: send this instead of handling `request`
    };

    // Queues writes, and any request of a connection with writes queued; handles the rest.
    void route(ClientSession* session, const protocol::Request& request);
    // Answers at once with an error, or after what the connection sent before (sendInOrder).
    void refuse(ClientSession* session, const QString& requestId, const protocol::Error& error);
    // Sends `answer` now, or after the long read or the queued writes of the connection.
    void sendInOrder(ClientSession* session, const QByteArray& answer);
    // Hands a long read to the pool; the connection's next requests wait for its answer.
    void longRead(ClientSession* session, const protocol::Request& request,
                  const HandlerRegistry::LongRead& handler);
    // Answers a long read, then handles what its connection sent meanwhile, in order.
    void finishLongRead(ClientSession* session, const QString& requestId,
                        const Result<QJsonObject>& result);
    // What a connection with a long read in flight sent since, in arrival order; nullptr when
    // it has none (an entry of a connection that is gone is dropped here).
    std::deque<Queued>* waitingOnRead(const ClientSession* session);
    // Runs the queued writes as one batch (up to the limits), answers them after the commit,
    // delivers their events, then routes what had to wait behind them.
    void flushWrites();
    void scheduleFlush();
    // Why the session may not send this request (no handler, the feature not agreed), if so.
    std::optional<protocol::Error> refusal(const ClientSession* session,
                                           const protocol::Request& request,
                                           const HandlerRegistry::Entry* handler) const;
    void dispatch(ClientSession* session, const protocol::Request& request);
    void reply(ClientSession* session, const protocol::Request& request,
               const Result<QJsonObject>& result);

    void hello(ClientSession* session, const protocol::Request& request);
    void login(ClientSession* session, const protocol::Request& request);
    // userId 0: wrong name or password; `active` false: right password, deactivated account.
    void finishLogin(ClientSession* session, const protocol::Request& request, qint64 userId,
                     bool active);
    void resume(ClientSession* session, const protocol::Request& request);
    void logout(ClientSession* session, const protocol::Request& request);
    void syncSince(ClientSession* session, const protocol::Request& request);
    void ephemeral(ClientSession* session, const protocol::Request& request);
    // Hands a signal to this node's sessions of its audience.
    void deliverSignal(const ChannelAudience& audience, const QStringList& features,
                       const QByteArray& frame, const ClientSession* except);
    void authenticated(ClientSession* session, qint64 userId);
    void registerSessionHandlers();

    ServerCore& m_core;
    Hub& m_hub;
    HandlerRegistry& m_handlers;
    DispatcherOptions m_options;
    LoginThrottle m_throttle;
    bool m_accepting = true;
    QElapsedTimer m_lastFrame;
    int m_loginsInFlight = 0;
    std::vector<Queued> m_queue;
    // The connections with something in m_queue: what they send next queues behind it.
    QSet<const ClientSession*> m_queuedSessions;
    bool m_flushScheduled = false;
    bool m_flushing = false;
    GroupCommitStats m_stats;
    // Connections with a long read in flight. Keyed by address; the pointer tells an entry of
    // a connection that is gone from one of a new connection at the same address.
    struct Reading
    {
        QPointer<ClientSession> session;
        std::deque<Queued> waiting;
    };
    QHash<const ClientSession*, Reading> m_reading;
    std::unique_ptr<ReadPool> m_reads;
};

} // namespace plein::server
