#include "core/dispatcher.h"

#include "auth/passwords.h"
#include "capabilities/accounts/accountsprotocol.h"
#include "capabilities/groups/groupsprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "core/clientsession.h"
#include "core/handlerregistry.h"
#include "core/hub.h"
#include "core/readpool.h"
#include "core/servercore.h"
#include "core/syncpage.h"
#include "core/writebatch.h"
#include "protocol/limits.h"
#include "version.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcDispatch, "plein.server.dispatch")
// One line per batch at debug level, off unless asked for
// (QT_LOGGING_RULES="plein.server.groupcommit.debug=true").
Q_LOGGING_CATEGORY(lcGroupCommit, "plein.server.groupcommit", QtInfoMsg)

namespace plein::server {

using protocol::ErrorCode;
namespace session = protocol::session;

namespace {

const QString relayTopic = QStringLiteral("ephemeral");

protocol::Error error(ErrorCode code, const QString& message)
{
    return protocol::Error {code, message};
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

// The registered channel of `<prefix>:<id>` and its id, or nullptr.
const HandlerRegistry::ChannelEntry* channelOf(const HandlerRegistry& handlers,
                                               const QString& channel, qint64* id)
{
    const qsizetype colon = channel.indexOf(u':');
    bool ok = false;
    *id = colon > 0 ? channel.mid(colon + 1).toLongLong(&ok) : 0;
    return ok && *id > 0 ? handlers.findChannel(QStringView(channel).left(colon)) : nullptr;
}

} // namespace

Dispatcher::Dispatcher(ServerCore& core, Hub& hub, HandlerRegistry& handlers,
                       DispatcherOptions options, QObject* parent)
    : QObject(parent)
    , m_core(core)
    , m_hub(hub)
    , m_handlers(handlers)
    , m_options(std::move(options))
{
    registerSessionHandlers();
    m_lastFrame.start();
    // A signal another node delivered to its sessions, for ours.
    m_core.relay.subscribe(relayTopic, [this](const QJsonObject& note) {
        ChannelAudience audience;
        audience.groupId = qint64(note.value(QLatin1StringView("group")).toDouble());
        for (const auto& u : note.value(QLatin1StringView("users")).toArray())
            audience.users.append(qint64(u.toDouble()));
        // Who hears it here is this node's to say where the channel can: it may have read a
        // change of members that the sender's node had not yet.
        qint64 id = 0;
        const HandlerRegistry::ChannelEntry* entry
            = channelOf(m_handlers, note.value(QLatin1StringView("channel")).toString(), &id);
        if (entry && entry->hearers) {
            const std::optional<ChannelAudience> here = entry->hearers(id);
            if (!here)
                return;
            audience = *here;
        }
        const QStringList features
            = note.value(QLatin1StringView("features")).toVariant().toStringList();
        const QByteArray frame = note.value(QLatin1StringView("frame")).toString().toUtf8();
        if (!frame.isEmpty() && !features.isEmpty())
            deliverSignal(audience, features, frame, nullptr);
    });
}

Dispatcher::~Dispatcher()
{
    // The benchmarks read the batch sizes here (bench/ingest/run.sh).
    if (m_stats.batches > 0)
        qCInfo(lcDispatch).nospace()
            << "group commit: " << m_stats.writes << " writes in " << m_stats.batches
            << " batches (mean " << double(m_stats.writes) / double(m_stats.batches) << ", largest "
            << m_stats.largest << "), " << m_stats.failedCommits << " failed commits";
}

QStringList Dispatcher::serverFeatures()
{
    return protocol::allFeatures();
}

void Dispatcher::registerSessionHandlers()
{
    const auto raw = [this](void (Dispatcher::*handler)(ClientSession*, const protocol::Request&)) {
        return [this, handler](ClientSession& s, const protocol::Request& r) {
            (this->*handler)(&s, r);
        };
    };
    m_handlers.addRaw(session::Hello, raw(&Dispatcher::hello));
    m_handlers.addRaw(session::AuthLogin, raw(&Dispatcher::login));
    m_handlers.addRaw(session::AuthResume, raw(&Dispatcher::resume));
    m_handlers.addRaw(session::AuthLogout, raw(&Dispatcher::logout));
    m_handlers.addRaw(session::SyncSince, raw(&Dispatcher::syncSince));
    m_handlers.addRaw(session::EphemeralSend, raw(&Dispatcher::ephemeral));
    m_handlers.addRead(session::Ping, [](const Caller&, const QJsonObject&) -> Result<QJsonObject> {
        return QJsonObject();
    });
}

void Dispatcher::handleFrame(ClientSession* session, const QByteArray& frame)
{
    m_lastFrame.restart();
    auto decoded = protocol::decodeRequest(frame);
    if (auto* failure = std::get_if<protocol::DecodeFailure>(&decoded)) {
        refuse(session, failure->id, failure->error);
        return;
    }
    const auto& request = std::get<protocol::Request>(decoded);
    if (!session->admitRequest()) {
        refuse(
            session, request.id,
            error(ErrorCode::RateLimited, QStringLiteral("too many requests; try again in 1 s")));
        return;
    }
    if (!m_accepting) {
        refuse(session, request.id,
               error(ErrorCode::Unavailable, QStringLiteral("the server is shutting down")));
        return;
    }
    if (!session->helloDone && request.spec->name != session::Hello) {
        refuse(session, request.id,
               error(ErrorCode::BadRequest, QStringLiteral("send hello first")));
        return;
    }
    if (request.spec->needsLogin && !session->user) {
        refuse(session, request.id, error(ErrorCode::Unauthorized, QStringLiteral("log in first")));
        return;
    }
    route(session, request);
}

void Dispatcher::stopAccepting()
{
    m_accepting = false;
    // Writes already received run to their commit and are answered before the sockets close.
    while (!m_queue.empty() && !m_flushing)
        flushWrites();
}

void Dispatcher::refuse(ClientSession* session, const QString& requestId,
                        const protocol::Error& error)
{
    sendInOrder(session, protocol::encodeError(requestId, error));
}

void Dispatcher::sendInOrder(ClientSession* session, const QByteArray& answer)
{
    if (std::deque<Queued>* waiting = waitingOnRead(session)) {
        waiting->push_back(Queued {session, protocol::Request(), answer});
        return;
    }
    if (m_queuedSessions.contains(session)) {
        m_queue.push_back(Queued {session, protocol::Request(), answer});
        return;
    }
    session->send(answer);
}

std::deque<Dispatcher::Queued>* Dispatcher::waitingOnRead(const ClientSession* session)
{
    const auto it = m_reading.find(session);
    if (it == m_reading.end())
        return nullptr;
    if (it->session.isNull()) {
        m_reading.erase(it);
        return nullptr;
    }
    return &it->waiting;
}

void Dispatcher::setReadPool(std::unique_ptr<ReadPool> pool)
{
    m_reads = std::move(pool);
}

void Dispatcher::longRead(ClientSession* session, const protocol::Request& request,
                          const HandlerRegistry::LongRead& handler)
{
    if (!m_reads) {
        reply(session, request,
              handler(m_core.db, *session->user, session->features, request.payload));
        return;
    }
    m_reading.insert(session, Reading {session, {}});
    const bool queued = m_reads->submit(
        [handler, user = *session->user, features = session->features,
         payload = request.payload](Database& db) { return handler(db, user, features, payload); },
        [this, session = QPointer<ClientSession>(session), address = session,
         id = request.id](const Result<QJsonObject>& result) {
            if (session) {
                finishLongRead(session, id, result);
                return;
            }
            // Gone: what it sent meanwhile goes with it.
            const auto it = m_reading.find(address);
            if (it != m_reading.end() && it->session.isNull())
                m_reading.erase(it);
        });
    if (!queued)
        finishLongRead(session, request.id,
                       error(ErrorCode::Unavailable,
                             QStringLiteral("the server is busy with other searches; try again "
                                            "in a moment")));
}

void Dispatcher::finishLongRead(ClientSession* session, const QString& requestId,
                                const Result<QJsonObject>& result)
{
    std::deque<Queued> waiting;
    if (const auto it = m_reading.find(session); it != m_reading.end()) {
        waiting = std::move(it->waiting);
        m_reading.erase(it);
    }
    if (!session->isConnected())
        return;
    if (result)
        session->send(protocol::encodeResult(requestId, result.value()));
    else
        session->sendError(requestId, result.error());
    // As if they arrived now; another long read among them holds up the rest again.
    for (Queued& q : waiting) {
        if (!q.answer.isEmpty())
            sendInOrder(session, q.answer);
        else
            route(session, q.request);
    }
}

void Dispatcher::route(ClientSession* session, const protocol::Request& request)
{
    if (std::deque<Queued>* waiting = waitingOnRead(session)) {
        waiting->push_back(Queued {session, request, QByteArray()});
        return;
    }
    const HandlerRegistry::Entry* handler = m_handlers.find(request.spec->name);
    const bool write = handler && handler->write;
    if (!write && !m_queuedSessions.contains(session)) {
        dispatch(session, request);
        return;
    }
    m_queue.push_back(Queued {session, request, QByteArray()});
    m_queuedSessions.insert(session);
    if (qsizetype(m_queue.size()) >= m_options.maxBatchWrites && !m_flushing)
        flushWrites();
    else
        scheduleFlush();
}

void Dispatcher::scheduleFlush()
{
    if (m_flushScheduled || m_queue.empty())
        return;
    m_flushScheduled = true;
    // A queued call runs once the event loop has handled what is ready now (the frames of
    // every connection that had something to read), so those writes share the batch.
    QMetaObject::invokeMethod(
        this,
        [this]() {
            m_flushScheduled = false;
            if (!m_flushing && !m_queue.empty())
                flushWrites();
        },
        Qt::QueuedConnection);
}

void Dispatcher::flushWrites()
{
    m_flushing = true;
    std::vector<Queued> queued = std::exchange(m_queue, {});
    m_queuedSessions.clear();

    struct Done
    {
        QPointer<ClientSession> session;
        QString requestId;
        Result<WriteService::Outcome> outcome;
    };
    std::vector<Done> done;
    done.reserve(queued.size());
    // What waits for the next turn, in arrival order: requests other than writes and refusals
    // (they are answered after the writes their connection sent before them), writes past the
    // limits, and everything a connection sent after one of those.
    std::vector<Queued> later;
    QSet<const ClientSession*> waiting;
    QElapsedTimer worked;
    worked.start();
    // Opened at the first write: a turn may hold nothing but requests that waited.
    std::optional<WriteBatch> batch;
    for (Queued& q : queued) {
        ClientSession* session = q.session.data();
        // Gone before its turn: not run and never answered; the client sends it again with
        // the same client id.
        if (!session || !session->isConnected())
            continue;
        const HandlerRegistry::Entry* entry
            = q.answer.isEmpty() ? m_handlers.find(q.request.spec->name) : nullptr;
        const bool write = entry && entry->write;
        const bool full = qsizetype(done.size()) >= m_options.maxBatchWrites
            || worked.elapsed() >= m_options.batchBudgetMs;
        if (!write || full || waiting.contains(session)) {
            waiting.insert(session);
            later.push_back(std::move(q));
            continue;
        }
        if (!batch)
            batch.emplace(m_core.writes);
        if (!batch->isActive()) {
            done.push_back(Done {
                session, q.request.id,
                error(ErrorCode::Unavailable,
                      QStringLiteral("the database is busy, try again (%1)").arg(batch->error()))});
            continue;
        }
        // The connection may have logged out since the write arrived.
        if (!session->user) {
            done.push_back(Done {session, q.request.id,
                                 error(ErrorCode::Unauthorized, QStringLiteral("log in first"))});
            continue;
        }
        if (auto refused = refusal(session, q.request, entry)) {
            done.push_back(Done {session, q.request.id, *refused});
            continue;
        }
        const Caller caller {*session->user, *session};
        done.push_back(Done {session, q.request.id, entry->write(caller, q.request.payload)});
    }
    // A batch that began but did not commit (the commit failed, or a write left the
    // transaction unusable) is rolled back as a whole: none of its writes happened.
    const bool began = batch && batch->began();
    const bool committed = began && batch->commit();
    const bool changed = committed && batch->changed();
    const QString failure = batch ? batch->error() : QString();
    batch.reset();
    if (began) {
        ++m_stats.batches;
        m_stats.writes += qint64(done.size());
        m_stats.largest = std::max(m_stats.largest, int(done.size()));
        qCDebug(lcGroupCommit) << "batch of" << done.size() << "writes"
                               << (committed ? "committed" : "not committed") << "after"
                               << worked.elapsed() << "ms";
    }
    if (began && !committed) {
        ++m_stats.failedCommits;
        qCWarning(lcDispatch) << "a batch of" << done.size() << "writes did not commit:" << failure;
        const protocol::Error unavailable
            = error(ErrorCode::Unavailable,
                    QStringLiteral("the database is busy, try again (%1)").arg(failure));
        for (Done& d : done)
            d.outcome = unavailable;
    }
    // Answered in the order they ran, which is the order of their sequence numbers; then
    // their events go out (and the capabilities' event hooks run), after every
    // acknowledgement of the batch.
    for (const Done& d : done) {
        if (!d.session)
            continue;
        if (!d.outcome) {
            d.session->sendError(d.requestId, d.outcome.error());
            continue;
        }
        if (!d.outcome->replayed && !d.outcome->resultJson.isEmpty()) {
            d.session->send(protocol::encodeResultJson(d.requestId, d.outcome->resultJson));
            continue;
        }
        QJsonObject result = d.outcome->result;
        if (d.outcome->replayed)
            result.insert(QStringLiteral("replayed"), true);
        d.session->send(protocol::encodeResult(d.requestId, result));
    }
    if (changed)
        m_hub.pump();
    // As if they arrived now: reads are answered at once, writes queue for the next batch
    // (still flagged as flushing, so that a full queue waits for the next turn rather than
    // flushing in the middle of this loop).
    for (Queued& q : later) {
        ClientSession* session = q.session.data();
        if (!session || !session->isConnected())
            continue;
        if (!q.answer.isEmpty()) {
            sendInOrder(session, q.answer);
            continue;
        }
        route(session, q.request);
    }
    m_flushing = false;
    scheduleFlush();
}

std::optional<protocol::Error> Dispatcher::refusal(const ClientSession* session,
                                                   const protocol::Request& request,
                                                   const HandlerRegistry::Entry* handler) const
{
    if (!handler)
        return error(ErrorCode::Internal,
                     QStringLiteral("no handler for '%1'").arg(QString(request.spec->name)));
    const protocol::CapabilitySpec* capability = protocol::capabilityOfMessage(*request.spec);
    if (capability && !capability->feature.isEmpty() && !session->agrees(capability->feature))
        return error(ErrorCode::BadRequest,
                     QStringLiteral("'%1' needs the feature '%2', not agreed at hello")
                         .arg(QString(request.spec->name), QString(capability->feature)));
    return std::nullopt;
}

void Dispatcher::dispatch(ClientSession* session, const protocol::Request& request)
{
    const HandlerRegistry::Entry* handler = m_handlers.find(request.spec->name);
    if (auto refused = refusal(session, request, handler)) {
        session->sendError(request.id, *refused);
        return;
    }
    // Checked again here, not only when the frame arrived: a request that waited behind a
    // write or a long read runs after what was sent before it, a logout among them.
    if (request.spec->needsLogin && !session->user) {
        session->sendError(request.id,
                           error(ErrorCode::Unauthorized, QStringLiteral("log in first")));
        return;
    }
    if (handler->raw) {
        handler->raw(*session, request);
        return;
    }
    // Without a login only the session's own messages (raw handlers and ping) get here.
    static const User nobody;
    const Caller caller {session->user ? *session->user : nobody, *session};
    if (handler->read) {
        reply(session, request, handler->read(caller, request.payload));
        return;
    }
    if (handler->longRead) {
        longRead(session, request, handler->longRead);
        return;
    }
    // Writes never get here: route() queues them for flushWrites().
    Q_ASSERT(!handler->write);
}

void Dispatcher::reply(ClientSession* session, const protocol::Request& request,
                       const Result<QJsonObject>& result)
{
    if (result)
        session->send(protocol::encodeResult(request.id, result.value()));
    else
        session->sendError(request.id, result.error());
}

void Dispatcher::hello(ClientSession* session, const protocol::Request& request)
{
    // The features decide what the session is sent and which groups it is listed under:
    // agreed once per connection.
    if (session->helloDone) {
        session->sendError(request.id,
                           error(ErrorCode::BadRequest,
                                 QStringLiteral("hello was sent already on this connection")));
        return;
    }
    const int version = request.payload.value(QLatin1StringView("protocol")).toInt();
    if (version != protocol::version) {
        session->sendError(
            request.id,
            error(ErrorCode::BadRequest,
                  QStringLiteral(
                      "protocol version %1 is not supported: this server speaks version %2")
                      .arg(version)
                      .arg(protocol::version)));
        return;
    }
    QJsonArray agreed;
    const QStringList ours = serverFeatures();
    session->features.clear();
    for (const auto& f : request.payload.value(QLatin1StringView("features")).toArray()) {
        if (ours.contains(f.toString()) && !session->features.contains(f.toString())) {
            agreed.append(f);
            session->features.insert(f.toString());
        }
    }
    session->helloDone = true;
    reply(session, request,
          QJsonObject {
              {QStringLiteral("protocol"), protocol::version},
              {QStringLiteral("server"),
               QStringLiteral("plein-server/%1").arg(QLatin1StringView(versionString))},
              {QStringLiteral("features"), QJsonArray::fromStringList(ours)},
              {QStringLiteral("agreed"), agreed},
              {QStringLiteral("organisation"), m_options.organisation},
              {QStringLiteral("limits"),
               QJsonObject {{QStringLiteral("frameBytes"), protocol::maxFrameBytes},
                            {QStringLiteral("postChars"), protocol::maxPostChars},
                            {QStringLiteral("syncPage"), protocol::maxSyncPage},
                            {QStringLiteral("feedPage"), protocol::maxFeedPage},
                            {QStringLiteral("groupNameChars"), protocol::maxGroupNameChars}}},
              {QStringLiteral("http"),
               QJsonObject {{QStringLiteral("port"), m_options.httpPort},
                            {QStringLiteral("url"), m_options.httpUrl}}},
          });
}

void Dispatcher::login(ClientSession* session, const protocol::Request& request)
{
    if (session->loginPending) {
        session->sendError(
            request.id,
            error(ErrorCode::Conflict, QStringLiteral("a login is already in progress")));
        return;
    }
    const QString username
        = request.payload.value(QLatin1StringView("username")).toString().toLower();
    const QString password = request.payload.value(QLatin1StringView("password")).toString();
    const int wait = m_throttle.secondsToWait(username, session->peerAddress(),
                                              QDateTime::currentDateTimeUtc());
    if (wait > 0) {
        session->sendError(
            request.id,
            error(ErrorCode::RateLimited,
                  QStringLiteral("too many failed logins; try again in %1 s").arg(wait)));
        return;
    }
    const auto user = m_core.accounts.findByUsername(username);
    // Unknown accounts cost the same hashing time as real ones. Deactivated ones are checked
    // against their own password (on the worker too), so only the right password learns that
    // the account is deactivated.
    const QString hash = user ? user->passwordHash : dummyPasswordHash();
    const qint64 userId = user ? user->id : 0;
    const bool active = user && user->active;
    const QString address = session->peerAddress();
    // Counted while the hash runs, so parallel connections cannot all slip past the limit.
    m_throttle.begin(username, address);
    session->loginPending = true;
    ++m_loginsInFlight;
    // Owned by the dispatcher, not the session: the count of logins in flight must drop even
    // when the connection goes away during the hashing.
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this,
            [this, watcher, session = QPointer<ClientSession>(session), request, userId, active,
             username, address]() {
                --m_loginsInFlight;
                const bool ok = watcher->result() && userId != 0;
                watcher->deleteLater();
                m_throttle.end(username, address, ok, QDateTime::currentDateTimeUtc());
                if (session && session->isConnected()) {
                    session->loginPending = false;
                    finishLogin(session, request, ok ? userId : 0, ok && active);
                }
                if (m_loginsInFlight == 0)
                    Q_EMIT loginsFinished();
            });
    watcher->setFuture(
        QtConcurrent::run([password, hash]() { return verifyPassword(password, hash); }));
}

void Dispatcher::finishLogin(ClientSession* session, const protocol::Request& request,
                             qint64 userId, bool active)
{
    if (userId == 0) {
        session->sendError(
            request.id,
            error(ErrorCode::Unauthorized, QStringLiteral("wrong username or password")));
        return;
    }
    if (!active) {
        session->sendError(
            request.id, error(ErrorCode::Forbidden, QStringLiteral("this account is deactivated")));
        return;
    }
    const QString token = newSessionToken();
    const QString tokenHash = hashToken(token);
    const QString client = request.payload.value(QLatin1StringView("client")).toString();
    auto created = m_core.writes.runUnlogged([&]() -> Result<QJsonObject> {
        auto id = m_core.accounts.createSession(userId, tokenHash, client);
        if (!id)
            return id.error();
        return QJsonObject();
    });
    if (!created) {
        session->sendError(request.id, created.error());
        return;
    }
    session->tokenHash = tokenHash;
    authenticated(session, userId);
    if (!session->user) {
        session->sendError(
            request.id, error(ErrorCode::Forbidden, QStringLiteral("this account is deactivated")));
        return;
    }
    reply(session, request,
          QJsonObject {{QStringLiteral("token"), token},
                       {QStringLiteral("user"), session->user->toPublicJson()},
                       {QStringLiteral("head"), m_core.events.head()}});
}

void Dispatcher::authenticated(ClientSession* session, qint64 userId)
{
    // A connection that logs in again (as someone else, or the same person) starts afresh:
    // the hub must not keep it listed under the previous user.
    m_hub.clearUser(session);
    session->user = m_core.accounts.findById(userId);
    if (!session->user || !session->user->active) {
        session->user.reset();
        return;
    }
    // A client that does not know groups receives none of their events.
    session->groups = session->agrees(protocol::groups::Feature) ? m_core.audience.groupsOf(userId)
                                                                 : QList<GroupReach>();
    m_hub.setUser(session);
    qCInfo(lcDispatch) << "user" << session->user->username << "logged in from"
                       << session->peerAddress();
}

void Dispatcher::resume(ClientSession* session, const protocol::Request& request)
{
    const QString tokenHash
        = hashToken(request.payload.value(QLatin1StringView("token")).toString());
    const QString cutoff = QDateTime::currentDateTimeUtc()
                               .addSecs(-m_options.sessionIdleSeconds)
                               .toString(Qt::ISODateWithMs);
    const auto user = m_core.accounts.userForToken(tokenHash, cutoff);
    if (!user) {
        session->sendError(
            request.id,
            error(ErrorCode::Unauthorized,
                  QStringLiteral("the session has expired or was revoked; log in again")));
        return;
    }
    session->tokenHash = tokenHash;
    authenticated(session, user->id);
    if (!session->user) {
        session->sendError(
            request.id,
            error(ErrorCode::Unauthorized,
                  QStringLiteral("the session has expired or was revoked; log in again")));
        return;
    }
    reply(session, request,
          QJsonObject {{QStringLiteral("user"), session->user->toPublicJson()},
                       {QStringLiteral("head"), m_core.events.head()}});
}

void Dispatcher::logout(ClientSession* session, const protocol::Request& request)
{
    const qint64 userId = session->user->id;
    auto revoked = m_core.writes.runUnlogged([&]() -> Result<QJsonObject> {
        auto r = m_core.accounts.revokeSession(session->tokenHash);
        if (!r)
            return r.error();
        // Every node closes the other connections that resumed with this token.
        auto seq = m_core.events.append(QString(protocol::accounts::UserSessionEnded), userId,
                                        Scope::usersOnly({userId}), QJsonObject(), userId);
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    reply(session, request, revoked);
    if (revoked) {
        m_hub.clearUser(session);
        session->tokenHash.clear();
        m_hub.pump();
    }
}

void Dispatcher::syncSince(ClientSession* session, const protocol::Request& request)
{
    const qint64 cursor = qint64(request.payload.value(QLatin1StringView("cursor")).toDouble());
    const int limit
        = request.payload.value(QLatin1StringView("limit")).toInt(protocol::defaultSyncPage);
    // Read only what the hub has delivered: the session's groups are current up to there
    // (membership events change them as the hub delivers), and the hub pushes what follows.
    m_hub.pump();
    auto page = m_core.events.since(cursor, session->reader(), limit, m_hub.lastPumped());
    if (!page) {
        session->sendError(request.id, page.error());
        return;
    }
    session->send(
        encodeSyncPage(request.id, page.value(), session->agrees(session::AudienceFeature)));
    // Caught up: from here on, new events are pushed. The reply was queued first, so the
    // client reads the page before any push that follows it.
    if (!page->more && !page->resync)
        session->goLive(page->next);
}

void Dispatcher::ephemeral(ClientSession* session, const protocol::Request& request)
{
    if (!session->agrees(session::EphemeralFeature)) {
        session->sendError(request.id,
                           error(ErrorCode::BadRequest,
                                 QStringLiteral("'ephemeral.send' needs the feature 'ephemeral', "
                                                "not agreed at hello")));
        return;
    }
    const QString channel = request.payload.value(QLatin1StringView("channel")).toString();
    const QString signal = request.payload.value(QLatin1StringView("signal")).toString();
    // `<prefix>:<id>`, the prefix registered by a capability; one that does not exist for the
    // sender answers alike whatever the reason.
    const protocol::Error noChannel = error(
        ErrorCode::NotFound, QStringLiteral("there is no channel '%1'").arg(channel.left(64)));
    qint64 id = 0;
    const HandlerRegistry::ChannelEntry* entry = channelOf(m_handlers, channel, &id);
    if (!entry || (!entry->feature.isEmpty() && !session->agrees(entry->feature))) {
        session->sendError(request.id, noChannel);
        return;
    }
    // Counted before anything is looked up: signals to channels that are not one's own cost
    // as much as any.
    if (const int wait = session->admitEphemeral(); wait > 0) {
        session->sendError(request.id,
                           error(ErrorCode::RateLimited,
                                 QStringLiteral("too many signals; try again in %1 s").arg(wait)));
        return;
    }
    const Caller caller {*session->user, *session};
    const auto audience = entry->resolve(caller, id, signal);
    if (!audience) {
        session->sendError(request.id, audience.error());
        return;
    }
    if (!audience.value()) {
        session->sendError(request.id, noChannel);
        return;
    }
    const QByteArray frame
        = protocol::encodePush(session::Ephemeral,
                               QJsonObject {{QStringLiteral("channel"), channel},
                                            {QStringLiteral("signal"), signal},
                                            {QStringLiteral("from"), session->user->id}});
    reply(session, request, QJsonObject());
    QStringList features {QString(session::EphemeralFeature)};
    if (!entry->feature.isEmpty())
        features << QString(entry->feature);
    const ChannelAudience& to = *audience.value();
    deliverSignal(to, features, frame, session);
    // Never stored: the other nodes pass it on to their sessions at once.
    QJsonObject note {{QStringLiteral("features"), QJsonArray::fromStringList(features)},
                      {QStringLiteral("frame"), QString::fromUtf8(frame)},
                      {QStringLiteral("channel"), channel}};
    if (to.groupId > 0)
        note.insert(QStringLiteral("group"), to.groupId);
    else
        note.insert(QStringLiteral("users"), idArray(to.users));
    m_core.relay.publish(relayTopic, note);
}

void Dispatcher::deliverSignal(const ChannelAudience& audience, const QStringList& features,
                               const QByteArray& frame, const ClientSession* except)
{
    if (audience.groupId > 0)
        m_hub.sendToGroup(audience.groupId, features, frame, except);
    else
        m_hub.sendToUsers(audience.users, features, frame, except);
}

} // namespace plein::server
