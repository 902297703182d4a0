#include "outbox.h"

#include "cache.h"
#include "connection.h"
#include "protocol/errorcode.h"
#include "protocol/registry.h"
#include "session.h"
#include "syncengine.h"

#include <QUuid>

#include <algorithm>

namespace plein::client {

using protocol::ErrorCode;

namespace {

constexpr int transientRetryMs = 2000;
constexpr int maxTransientRetryMs = 5 * 60 * 1000;
constexpr int maxTransientFailures = 8;

// Errors that say "not now" rather than "not this": the write waits and goes again.
bool isTransient(ErrorCode code)
{
    return code == ErrorCode::Unavailable || code == ErrorCode::RateLimited
        || code == ErrorCode::Internal || code == ErrorCode::Unauthorized;
}

} // namespace

Outbox::Outbox(Session& session, Connection& connection, Cache& cache, SyncEngine& sync,
               QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
    , m_sync(sync)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::sendNext);
    // Writes go after authentication, alongside the catch-up: the server orders them itself.
    connect(&m_connection, &Connection::authenticated, this, [this]() {
        m_inFlight.clear();
        sendNext();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online)
            m_inFlight.clear();
    });
    m_count = m_cache.outboxCount();
}

bool Outbox::mayHaveReachedServer(const QString& clientId) const
{
    const auto entry = m_cache.outboxEntry(clientId);
    return entry && entry->sent && !entry->failed;
}

QString Outbox::newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Outbox::createPost(const QString& body, qint64 parentId)
{
    QJsonObject payload {{QStringLiteral("body"), body}};
    if (parentId > 0)
        payload.insert(QStringLiteral("parentId"), parentId);
    return add(QStringLiteral("post.create"), payload);
}

QString Outbox::editPost(qint64 postId, const QString& body)
{
    return add(QStringLiteral("post.edit"),
               QJsonObject {{QStringLiteral("postId"), postId}, {QStringLiteral("body"), body}});
}

QString Outbox::deletePost(qint64 postId)
{
    return add(QStringLiteral("post.delete"), QJsonObject {{QStringLiteral("postId"), postId}});
}

QString Outbox::likePost(qint64 postId, bool liked)
{
    return add(QStringLiteral("post.like"),
               QJsonObject {{QStringLiteral("postId"), postId}, {QStringLiteral("liked"), liked}});
}

QString Outbox::add(const QString& kind, QJsonObject payload)
{
    OutboxEntry entry;
    entry.clientId = newClientId();
    entry.kind = kind;
    payload.insert(QStringLiteral("clientId"), entry.clientId);
    entry.payload = payload;
    if (!m_cache.transaction([&]() { return m_cache.addOutbox(entry); }))
        return QString();
    updateCount();
    sendNext();
    return entry.clientId;
}

bool Outbox::retry(const QString& clientId)
{
    const auto entry = m_cache.outboxEntry(clientId);
    if (!entry)
        return false;
    if (!m_cache.transaction([&]() { return m_cache.setOutboxPending(clientId, entry->payload); }))
        return false;
    sendNext();
    return true;
}

bool Outbox::discard(const QString& clientId)
{
    // A write that went out may already be applied by the server (its answer lost): only its
    // answer settles it. One the server refused, or that never left, can go.
    if (clientId == m_inFlight || mayHaveReachedServer(clientId))
        return false;
    if (!m_cache.transaction([&]() { return m_cache.removeOutbox(clientId); }))
        return false;
    updateCount();
    return true;
}

bool Outbox::editPending(const QString& clientId, const QString& body)
{
    // Changing a write that may have reached the server would make its resend a conflict.
    if (clientId == m_inFlight || mayHaveReachedServer(clientId))
        return false;
    auto entry = m_cache.outboxEntry(clientId);
    if (!entry || !entry->payload.contains(QLatin1StringView("body")))
        return false;
    entry->payload.insert(QStringLiteral("body"), body);
    if (!m_cache.transaction([&]() { return m_cache.setOutboxPending(clientId, entry->payload); }))
        return false;
    sendNext();
    return true;
}

void Outbox::scheduleRetry()
{
    if (m_connection.state() != Connection::State::Online)
        return; // going online again sends
    const int exponent = std::min(m_transientFailures, 10);
    m_retry.start(int(std::min<qint64>(qint64(transientRetryMs) << std::max(exponent - 1, 0),
                                       maxTransientRetryMs)));
}

void Outbox::sendNext()
{
    if (!m_inFlight.isEmpty() || m_connection.state() != Connection::State::Online)
        return;
    const auto entry = m_cache.nextPending();
    if (!entry)
        return;
    const protocol::MessageSpec* spec = protocol::findMessage(entry->kind);
    if (!spec) {
        m_cache.transaction([&]() {
            return m_cache.setOutboxFailed(entry->clientId, QStringLiteral("bad_request"),
                                           tr("unknown kind of write"));
        });
        return sendNext();
    }
    if (!entry->sent
        && !m_cache.transaction([&]() { return m_cache.setOutboxSent(entry->clientId); })) {
        scheduleRetry();
        return;
    }
    m_inFlight = entry->clientId;
    const QString clientId = entry->clientId;
    const QString kind = entry->kind;
    m_session.request(
        spec->name, entry->payload, this, [this, clientId, kind](const Result<QJsonObject>& r) {
            if (m_inFlight != clientId)
                return; // a stale reply from an older connection; the entry went again since
            m_inFlight.clear();
            if (!r) {
                // "Not now" waits and goes again, backing off; but a write the server keeps
                // failing on (a bug there, an error this client does not know) is shown to the
                // person after a while instead of blocking every write behind it.
                if (isTransient(r.error().code)
                    && (r.error().code == ErrorCode::Unavailable
                        || r.error().code == ErrorCode::RateLimited
                        || m_transientFailures < maxTransientFailures)) {
                    ++m_transientFailures;
                    scheduleRetry();
                    return;
                }
                m_transientFailures = 0;
                const QString code = protocol::errorCodeName(r.error().code);
                m_cache.transaction(
                    [&]() { return m_cache.setOutboxFailed(clientId, code, r.error().message); });
                Q_EMIT refused(clientId, code, r.error().message);
                sendNext();
                return;
            }
            // The confirmed post replaces the pending one in the same transaction: never both,
            // never neither.
            const bool stored = m_cache.transaction([&]() {
                return m_sync.applyWriteResult(kind, r.value()) && m_cache.removeOutbox(clientId);
            });
            if (!stored) {
                // The disk refused (full, locked): the server has it, the entry stays, and the
                // resend later is answered as a replay. Not at once, not in a loop.
                ++m_transientFailures;
                scheduleRetry();
                return;
            }
            m_transientFailures = 0;
            updateCount();
            Q_EMIT delivered(clientId, r.value());
            sendNext();
        });
}

void Outbox::updateCount()
{
    const int count = m_cache.outboxCount();
    if (count == m_count)
        return;
    m_count = count;
    Q_EMIT countChanged(count);
}

} // namespace plein::client
