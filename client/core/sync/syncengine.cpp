#include "syncengine.h"

#include "capabilities/session/sessionprotocol.h"
#include "connection.h"
#include "jsonfields.h"
#include "keptevents.h"
#include "session.h"
#include "store/cache.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace plein::client {

namespace session = protocol::session;

namespace {

// The features agreed when the cache was last synced, comma-separated.
const QString syncedFeaturesKey = QStringLiteral("syncedFeatures");

} // namespace

SyncEngine::SyncEngine(Session& session, Connection& connection, Cache& cache, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
{
    m_userId = m_cache.meta(QStringLiteral("userId")).toLongLong();
    connect(&m_connection, &Connection::authenticated, this, &SyncEngine::onAuthenticated);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this]() {
        if (m_connection.state() == Connection::State::Online && !m_syncing && !m_live)
            requestPage();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online) {
            ++m_generation;
            m_syncing = false;
            m_live = false;
        }
    });
    connect(&m_session, &Session::eventPushed, this, &SyncEngine::onPush);
    connect(&m_session, &Session::behind, this, [this](qint64) {
        // The server paused our pushes; read the rest from the log.
        m_live = false;
        if (!m_syncing)
            requestPage();
    });
}

void SyncEngine::registerApplier(const QString& kind, EventApplier applier)
{
    m_appliers.insert(kind, std::move(applier));
}

void SyncEngine::registerSnapshot(Snapshot* snapshot, const QStringList& features)
{
    m_snapshots.append(snapshot);
    for (const QString& feature : features) {
        if (!m_snapshotFeatures.contains(feature))
            m_snapshotFeatures.append(feature);
    }
}

QStringList SyncEngine::syncedFeatures() const
{
    const QString stored = m_cache.meta(syncedFeaturesKey);
    return stored.isEmpty() ? QStringList() : stored.split(u',');
}

bool SyncEngine::featuresNewlyAgreed() const
{
    // A fresh cache reads the whole log with what is agreed now.
    if (m_cache.cursor() <= 0)
        return false;
    const QStringList synced = syncedFeatures();
    const QStringList agreed = m_connection.agreedFeatures();
    return std::any_of(m_snapshotFeatures.cbegin(), m_snapshotFeatures.cend(),
                       [&](const QString& f) { return agreed.contains(f) && !synced.contains(f); });
}

bool SyncEngine::storeSyncedFeatures()
{
    QStringList agreed = m_connection.agreedFeatures();
    agreed.sort();
    return m_cache.setMeta(syncedFeaturesKey, agreed.join(u','));
}

bool SyncEngine::applyKeptEvents()
{
    KeptEvents kept(m_cache);
    QStringList known;
    for (const QString& kind : kept.kinds()) {
        if (m_appliers.contains(kind))
            known.append(kind);
    }
    if (known.isEmpty())
        return true;
    // Each in a savepoint of its own: one that fails stays kept (for a later start, or a build
    // that applies it better) and does not hold up the others.
    return m_cache.transaction([&]() {
        for (const SyncEvent& e : kept.ofKinds(known)) {
            if (!m_cache.savepoint(
                    [&]() { return m_appliers.value(e.kind)(e) && kept.forget(e.seq); }))
                qWarning("plein: kept event %lld (%s) cannot be applied yet: %s", e.seq,
                         qPrintable(e.kind), qPrintable(m_cache.lastError()));
        }
        return true;
    });
}

void SyncEngine::failed(const QString& why)
{
    m_syncing = false;
    Q_EMIT syncFailed(why);
    // Online but not caught up means no live pushes either: try again, backing off, rather
    // than sit there looking connected.
    if (m_connection.state() != Connection::State::Online)
        return;
    const int exponent = std::min(m_failures++, 6);
    m_retry.start(std::min(1000 << exponent, 60000));
}

void SyncEngine::onAuthenticated(const QJsonObject& user, qint64)
{
    ++m_generation;
    m_userId = jsonNumber(user, QLatin1StringView("id"));
    // The events of a feature agreed only now (the first start after an upgrade, a server that
    // gained it) were never sent to this cache, and they lie before its cursor: the
    // capabilities rebuild from their snapshots before the log is read on.
    const bool rebuild = featuresNewlyAgreed();
    m_cache.transaction([&]() {
        return m_cache.setMeta(QStringLiteral("userId"), QString::number(m_userId))
            && (rebuild || storeSyncedFeatures());
    });
    m_live = false;
    m_currentPageSize = m_pageSize;
    Q_EMIT syncStarted();
    if (rebuild) {
        m_syncing = true;
        resync();
        return;
    }
    requestPage();
}

void SyncEngine::requestPage(std::optional<qint64> from)
{
    m_syncing = true;
    const quint64 generation = m_generation;
    m_session.request(session::SyncSince,
                      QJsonObject {{QStringLiteral("cursor"), from.value_or(m_cache.cursor())},
                                   {QStringLiteral("limit"), m_currentPageSize}},
                      this, [this, generation](const Result<QJsonObject>& r) {
                          if (generation != m_generation)
                              return;
                          if (!r && r.error().code == protocol::ErrorCode::TooLarge
                              && m_currentPageSize > 1) {
                              m_currentPageSize = std::max(1, m_currentPageSize / 2);
                              requestPage();
                              return;
                          }
                          if (!r) {
                              failed(r.error().message);
                              return;
                          }
                          onPage(r.value());
                      });
}

void SyncEngine::onPage(const QJsonObject& payload)
{
    const qint64 head = jsonNumber(payload, QLatin1StringView("head"));
    if (payload.value(QLatin1StringView("resync")).toBool()) {
        resync();
        return;
    }
    const qint64 next = jsonNumber(payload, QLatin1StringView("next"));
    const bool more = payload.value(QLatin1StringView("more")).toBool();
    // Ask for the next page before storing this one: the server reads it while we write.
    // Pages arrive and are applied in order; a failure below drops the one in flight.
    if (more)
        requestPage(next);
    const QJsonArray events = payload.value(QLatin1StringView("events")).toArray();
    const bool ok = m_cache.transaction([&]() {
        for (const auto& e : events) {
            if (!applyEvent(SyncEvent::fromJson(0, e.toObject())))
                return false;
        }
        return m_cache.setCursor(next);
    });
    if (!ok) {
        ++m_generation;
        failed(tr("cannot store the events: %1").arg(m_cache.lastError()));
        return;
    }
    Q_EMIT progress(next, head);
    if (more)
        return;
    m_syncing = false;
    m_live = true;
    m_failures = 0;
    Q_EMIT caughtUp(next);
}

void SyncEngine::onPush(qint64 seq, const QJsonObject& event)
{
    if (!m_live || seq <= m_cache.cursor())
        return;
    const bool ok = m_cache.transaction(
        [&]() { return applyEvent(SyncEvent::fromJson(seq, event)) && m_cache.setCursor(seq); });
    if (!ok) {
        // Read it again from the log rather than skip it.
        m_live = false;
        requestPage();
    }
}

bool SyncEngine::applyEvent(const SyncEvent& event)
{
    const auto applier = m_appliers.constFind(event.kind);
    if (applier == m_appliers.cend())
        return KeptEvents(m_cache).keep(event);
    return (*applier)(event);
}

void SyncEngine::resync()
{
    rebuildFrom(0, std::numeric_limits<qint64>::max(), m_generation);
}

void SyncEngine::rebuildFrom(int index, qint64 lowestHead, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (index < m_snapshots.size()) {
        m_snapshots.at(index)->rebuild(
            [this, index, lowestHead, generation](const Result<qint64>& head) {
                if (generation != m_generation)
                    return;
                if (!head) {
                    failed(head.error().message);
                    return;
                }
                rebuildFrom(index + 1, std::min(lowestHead, head.value()), generation);
            });
        return;
    }
    // Every capability holds its state as of at least `lowestHead`: events after it may be
    // applied a second time, which appliers take (they set state, they do not add to it).
    const qint64 head = lowestHead == std::numeric_limits<qint64>::max() ? 0 : lowestHead;
    if (!m_cache.transaction([&]() { return m_cache.setCursor(head) && storeSyncedFeatures(); })) {
        failed(tr("cannot store the new cursor: %1").arg(m_cache.lastError()));
        return;
    }
    Q_EMIT resynced(head);
    requestPage();
}

} // namespace plein::client
