#include "outbox.h"

#include "feed/feedwrites.h"
#include "outboxstore.h"
#include "protocol/errorcode.h"
#include "protocol/registry.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"

#include <QPointer>
#include <QUuid>

#include <algorithm>

namespace plein::client {

using protocol::ErrorCode;

namespace {

constexpr int transientRetryMs = 2000;
constexpr int maxTransientRetryMs = 5 * 60 * 1000;
constexpr int maxTransientFailures = 8;

} // namespace

bool Outbox::isTransient(ErrorCode code)
{
    return code == ErrorCode::Unavailable || code == ErrorCode::RateLimited
        || code == ErrorCode::Internal || code == ErrorCode::Unauthorized;
}

Outbox::Outbox(Session& session, Connection& connection, Cache& cache, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::sendNext);
    // Writes go after authentication, alongside the catch-up: the server orders them itself.
    connect(&m_connection, &Connection::authenticated, this, [this]() {
        ++m_generation;
        m_lanes.clear();
        sendNext();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online) {
            ++m_generation;
            m_lanes.clear();
        }
    });
    m_count = OutboxStore(m_cache).count();
    m_failed = OutboxStore(m_cache).failedCount();
}

void Outbox::registerKind(const WriteKind& kind)
{
    m_kinds.insert(kind.kind, kind);
    if (kind.carries)
        updateCount();
}

QString Outbox::newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool Outbox::isSending() const
{
    return std::any_of(m_lanes.cbegin(), m_lanes.cend(),
                       [](const Lane& lane) { return !lane.inFlight.isEmpty(); });
}

bool Outbox::isInFlight(const QString& clientId) const
{
    return std::any_of(m_lanes.cbegin(), m_lanes.cend(),
                       [&](const Lane& lane) { return lane.inFlight == clientId; });
}

bool Outbox::mayHaveReachedServer(const OutboxEntry& entry) const
{
    return isInFlight(entry.clientId) || (entry.sent && !entry.failed);
}

QString Outbox::add(const OutboxDraft& draft)
{
    const QStringList ids = add(QList<OutboxDraft> {draft});
    return ids.isEmpty() ? QString() : ids.first();
}

QStringList Outbox::add(const QList<OutboxDraft>& drafts,
                        const std::function<bool(const QStringList& clientIds)>& alsoStore)
{
    QList<OutboxEntry> entries;
    QStringList ids;
    for (const OutboxDraft& draft : drafts) {
        if (!draft.isValid())
            return {};
        OutboxEntry entry;
        entry.clientId = draft.clientId.isEmpty() ? newClientId() : draft.clientId;
        entry.kind = draft.kind;
        entry.lane = draft.lane;
        entry.target = draft.target;
        entry.payload = draft.payload;
        entry.payload.insert(QStringLiteral("clientId"), entry.clientId);
        entries.append(entry);
        ids.append(entry.clientId);
    }
    if (entries.isEmpty())
        return {};
    if (!m_cache.transaction([&]() {
            OutboxStore store(m_cache);
            for (const OutboxEntry& entry : entries) {
                if (!store.add(entry))
                    return false;
            }
            return !alsoStore || alsoStore(ids);
        }))
        return {};
    updateCount();
    sendNext();
    return ids;
}

QList<OutboxEntry> Outbox::carriersOf(const QString& clientId) const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry& e : OutboxStore(m_cache).entries()) {
        if (carriedBy(e).contains(clientId))
            out.append(e);
    }
    return out;
}

QStringList Outbox::carriedBy(const OutboxEntry& entry) const
{
    const auto kind = m_kinds.constFind(entry.kind);
    return kind != m_kinds.cend() && kind->carries ? kind->carries(entry.payload) : QStringList();
}

QString Outbox::createPost(const QString& body, qint64 parentId, qint64 groupId)
{
    return add(feedwrites::createPost(m_cache, body, parentId, groupId));
}

QString Outbox::editPost(qint64 postId, const QString& body)
{
    return add(feedwrites::editPost(m_cache, postId, body));
}

QString Outbox::deletePost(qint64 postId)
{
    return add(feedwrites::deletePost(m_cache, postId));
}

QString Outbox::likePost(qint64 postId, bool liked)
{
    return add(feedwrites::likePost(m_cache, postId, liked));
}

bool Outbox::foldFollowUps(OutboxEntry& creator, const std::optional<QString>& text)
{
    // Edits that went after it because it might have reached the server; refused, it did not,
    // so they become its own text: the newest wins (what the user typed now, else the last
    // follow-up), and no older follow-up goes after it to undo that.
    OutboxStore store(m_cache);
    const QString field = m_kinds.value(creator.kind).textField;
    for (const OutboxEntry& e : store.entries()) {
        const QString waitingField = m_kinds.value(e.kind).textField;
        if (e.waitsFor() != creator.clientId || e.kind == creator.kind
            || !e.payload.contains(waitingField))
            continue;
        if (creator.payload.contains(field))
            creator.payload.insert(field, e.payload.value(waitingField));
        if (!store.remove(e.clientId))
            return false;
    }
    if (text)
        creator.payload.insert(field, *text);
    return store.setPending(creator.clientId, creator.payload);
}

bool Outbox::retry(const QString& clientId)
{
    OutboxStore store(m_cache);
    auto entry = store.entry(clientId);
    if (!entry)
        return false;
    const bool folds = !mayHaveReachedServer(*entry);
    if (!m_cache.transaction([&]() {
            // What it carries and was refused goes again with it (an upload the quota
            // stopped), and one that carries it (its post) waits again.
            for (const QString& carried : carriedBy(*entry)) {
                const auto c = store.entry(carried);
                if (c && c->failed && !store.setPending(c->clientId, c->payload))
                    return false;
            }
            for (const OutboxEntry& carrier : carriersOf(clientId)) {
                if (carrier.failed && !store.setPending(carrier.clientId, carrier.payload))
                    return false;
            }
            return folds ? foldFollowUps(*entry, std::nullopt)
                         : store.setPending(clientId, entry->payload);
        }))
        return false;
    updateCount();
    m_lanes[entry->lane].notBefore = QDeadlineTimer();
    sendNext();
    return true;
}

bool Outbox::discard(const QString& clientId)
{
    OutboxStore store(m_cache);
    const auto entry = store.entry(clientId);
    // A write that went out may already be applied by the server (its answer lost): only its
    // answer settles it. One the server refused, or that never left, can go.
    if (!entry || mayHaveReachedServer(*entry))
        return false;
    const bool removed = m_cache.transaction([&]() {
        for (const OutboxEntry& e : store.entries()) {
            if (e.waitsFor() == clientId && !store.remove(e.clientId))
                return false;
        }
        // What it carries goes with it (nothing else needs an upload of its own); one that
        // carries it goes on without it.
        for (const QString& carried : carriedBy(*entry)) {
            if (!store.remove(carried))
                return false;
        }
        for (OutboxEntry carrier : carriersOf(clientId)) {
            const WriteKind& kind = m_kinds[carrier.kind];
            if (kind.bindCarried)
                kind.bindCarried(carrier.payload, clientId, QString());
            if (!store.setPayload(carrier.clientId, carrier.payload))
                return false;
        }
        return store.remove(clientId);
    });
    if (!removed)
        return false;
    updateCount();
    sendNext();
    return true;
}

bool Outbox::editPending(const QString& clientId, const QString& text)
{
    OutboxStore store(m_cache);
    auto entry = store.entry(clientId);
    if (!entry)
        return false;
    const WriteKind kind = m_kinds.value(entry->kind);
    if (!entry->payload.contains(kind.textField))
        return false;
    if (mayHaveReachedServer(*entry)) {
        // Changing it now would make its resend a conflict: the change goes as a write of its
        // own, after it, in its lane.
        const auto followUp = kind.followUpEdit ? kind.followUpEdit(*entry, text) : std::nullopt;
        return followUp && !add(*followUp).isEmpty();
    }
    if (!m_cache.transaction([&]() { return foldFollowUps(*entry, text); }))
        return false;
    updateCount();
    sendNext();
    return true;
}

void Outbox::backOff(const QString& laneName, int atLeastMs)
{
    Lane& lane = m_lanes[laneName];
    const int exponent = std::min(lane.failures, 10);
    const int delay
        = std::max(atLeastMs,
                   int(std::min<qint64>(qint64(transientRetryMs) << std::max(exponent - 1, 0),
                                        maxTransientRetryMs)));
    lane.notBefore = QDeadlineTimer(delay);
    if (!m_retry.isActive() || m_retry.remainingTime() > delay)
        m_retry.start(delay);
}

void Outbox::sendNext()
{
    if (m_connection.state() != Connection::State::Online)
        return; // going online again sends
    OutboxStore store(m_cache);
    const QList<OutboxEntry> pending = store.pending();
    QSet<QString> waitingFor;
    for (const OutboxEntry& e : pending)
        waitingFor.insert(e.clientId);
    QSet<QString> started;
    qint64 nextWakeMs = -1;
    for (const OutboxEntry& e : pending) {
        if (started.contains(e.lane))
            continue;
        Lane& lane = m_lanes[e.lane];
        if (!lane.inFlight.isEmpty())
            continue;
        if (!lane.notBefore.hasExpired() && !lane.notBefore.isForever()) {
            const qint64 left = lane.notBefore.remainingTime();
            nextWakeMs = nextWakeMs < 0 ? left : std::min(nextWakeMs, left);
            continue;
        }
        // A write for an object still being created waits for it; one whose creator was
        // refused waits until that is retried or discarded, and the rest of the lane goes on.
        const QString creator = e.waitsFor();
        if (!creator.isEmpty() && (waitingFor.contains(creator) || store.entry(creator)))
            continue;
        // So does one that carries the result of a write not confirmed yet.
        const QStringList carried = carriedBy(e);
        if (std::any_of(carried.cbegin(), carried.cend(),
                        [&](const QString& c) { return waitingFor.contains(c) || store.entry(c); }))
            continue;
        started.insert(e.lane);
        send(e);
    }
    if (nextWakeMs >= 0 && (!m_retry.isActive() || m_retry.remainingTime() > nextWakeMs))
        m_retry.start(int(nextWakeMs));
}

void Outbox::send(const OutboxEntry& entry)
{
    OutboxStore store(m_cache);
    const auto kind = m_kinds.constFind(entry.kind);
    const protocol::MessageSpec* spec = protocol::findMessage(entry.kind);
    if (kind == m_kinds.cend() || (!spec && !kind->send)) {
        m_cache.transaction([&]() {
            return store.setFailed(entry.clientId, QStringLiteral("bad_request"),
                                   tr("unknown kind of write"));
        });
        updateCount();
        QTimer::singleShot(0, this, &Outbox::sendNext);
        return;
    }
    if (!entry.sent && !m_cache.transaction([&]() { return store.setSent(entry.clientId); })) {
        backOff(entry.lane);
        return;
    }
    m_lanes[entry.lane].inFlight = entry.clientId;
    const quint64 generation = m_generation;
    const auto answered = [this, entry, generation](const SendOutcome& outcome) {
        // A stale reply from an older connection; the entry went again since.
        if (generation != m_generation || m_lanes.value(entry.lane).inFlight != entry.clientId)
            return;
        m_lanes[entry.lane].inFlight.clear();
        onAnswer(entry, outcome);
    };
    if (kind->send) {
        QPointer<Outbox> self(this);
        kind->send(entry, [self, answered](const SendOutcome& outcome) {
            if (self)
                answered(outcome);
        });
        return;
    }
    m_session.request(spec->name, entry.payload, this,
                      [answered](const Result<QJsonObject>& r) { answered(SendOutcome {r}); });
}

void Outbox::onAnswer(const OutboxEntry& entry, const SendOutcome& outcome)
{
    const Result<QJsonObject>& r = outcome.result;
    Lane& lane = m_lanes[entry.lane];
    // Discarded while it was on its way (an upload whose post went): nothing to settle.
    if (!OutboxStore(m_cache).entry(entry.clientId)) {
        lane.failures = 0;
        sendNext();
        return;
    }
    if (!r) {
        // "Not now" waits and goes again, backing off; but a write the server keeps failing on
        // (a bug there, an error this client does not know) is shown to the person after a
        // while instead of blocking every write behind it.
        const ErrorCode code = r.error().code;
        if (isTransient(code)
            && (code == ErrorCode::Unavailable || code == ErrorCode::RateLimited
                || lane.failures < maxTransientFailures)) {
            ++lane.failures;
            backOff(entry.lane, outcome.retryAfterMs);
            return;
        }
        lane.failures = 0;
        const QString name = outcome.code.isEmpty() ? protocol::errorCodeName(code) : outcome.code;
        // What carries it is refused with it: the post waits for the user with its upload.
        const QList<OutboxEntry> carriers = carriersOf(entry.clientId);
        const bool stored = m_cache.transaction([&]() {
            OutboxStore store(m_cache);
            for (const OutboxEntry& carrier : carriers) {
                if (!store.setFailed(carrier.clientId, name, r.error().message))
                    return false;
            }
            return store.setFailed(entry.clientId, name, r.error().message);
        });
        updateCount();
        Q_EMIT refused(entry.clientId, name, r.error().message);
        for (const OutboxEntry& carrier : carriers) {
            if (stored)
                Q_EMIT refused(carrier.clientId, name, r.error().message);
        }
        sendNext();
        return;
    }
    if (!storeConfirmed(entry, r.value())) {
        // The disk refused (full, locked): the server has it, the entry stays, and the resend
        // later is answered as a replay. Not at once, not in a loop; other lanes go on.
        ++lane.failures;
        backOff(entry.lane);
        return;
    }
    lane.failures = 0;
    updateCount();
    Q_EMIT delivered(entry.clientId, r.value());
    sendNext();
}

bool Outbox::storeConfirmed(const OutboxEntry& entry, const QJsonObject& result)
{
    const WriteKind& kind = m_kinds[entry.kind];
    // The answer to a resent write is the result of its first application, possibly older
    // than what the log has brought since (a later edit, a deletion): only a result newer than
    // the cursor says something the cache does not know yet.
    const qint64 seq = qint64(result.value(QLatin1StringView("seq")).toDouble());
    const bool news = seq > 0 && seq > m_cache.cursor();
    // The confirmed object replaces the pending one in the same transaction: never both,
    // never neither.
    return m_cache.transaction([&]() {
        OutboxStore store(m_cache);
        if (news && kind.applyResult && !kind.applyResult(entry, result))
            return false;
        if (kind.createdTarget) {
            const QString created = kind.createdTarget(result);
            const bool resolved = created.isEmpty()
                || store.resolve(entry.clientId, created, [&](OutboxEntry& waiting) {
                       const auto waitingKind = m_kinds.constFind(waiting.kind);
                       if (waitingKind != m_kinds.cend() && waitingKind->bindTarget)
                           waitingKind->bindTarget(waiting.payload, created);
                   });
            if (!resolved)
                return false;
            for (OutboxEntry carrier : carriersOf(entry.clientId)) {
                const WriteKind& carrierKind = m_kinds[carrier.kind];
                if (carrierKind.bindCarried)
                    carrierKind.bindCarried(carrier.payload, entry.clientId, created);
                if (!store.setPayload(carrier.clientId, carrier.payload))
                    return false;
            }
        }
        return store.remove(entry.clientId);
    });
}

void Outbox::updateCount()
{
    const QList<OutboxEntry> entries = OutboxStore(m_cache).entries();
    QSet<QString> carried;
    for (const OutboxEntry& e : entries) {
        for (const QString& c : carriedBy(e))
            carried.insert(c);
    }
    int count = 0;
    int failed = 0;
    for (const OutboxEntry& e : entries) {
        if (carried.contains(e.clientId))
            continue;
        ++count;
        failed += e.failed ? 1 : 0;
    }
    if (count == m_count && failed == m_failed)
        return;
    m_count = count;
    m_failed = failed;
    Q_EMIT countChanged(count);
}

} // namespace plein::client
