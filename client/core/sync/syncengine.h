#pragma once

#include "snapshot.h"
#include "syncevent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace plein::client {

class Cache;
class Connection;
class Session;

// Brings the cache up to date with the server's event log and keeps it there: after every
// authentication it pages through sync.since from the stored cursor (each page applied with
// its new cursor in ONE transaction, so a crash never half-applies a page), then applies live
// pushes. Each event goes to the applier its capability registered for its kind; an event of
// a kind nobody registered is kept (KeptEvents) and applied by a later build that knows it.
// When the cursor is outside the server's log, every capability rebuilds its part from its
// snapshot reads (resync); the outbox lives in its own table and is never touched by that.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(Session& session, Connection& connection, Cache& cache, QObject* parent = nullptr);

    // Capabilities register their appliers and snapshots (see capabilities.cpp). Snapshots
    // rebuild in the order registered. `features`: those whose events the snapshot's part of
    // the cache holds; when one of them is agreed that was not when the cache was last synced,
    // everything rebuilds before the log is read on (the cursor is past events never received).
    void registerApplier(const QString& kind, EventApplier applier);
    void registerSnapshot(Snapshot* snapshot, const QStringList& features);
    // The features agreed when this cache was last synced (empty: not recorded).
    QStringList syncedFeatures() const;
    bool knowsKind(const QString& kind) const { return m_appliers.contains(kind); }
    // Applies the kept events whose kinds have an applier now (after an upgrade), oldest first.
    bool applyKeptEvents();

    void setPageSize(int events) { m_pageSize = events; }
    bool isSyncing() const { return m_syncing; }
    bool isLive() const { return m_live; }
    qint64 userId() const { return m_userId; }

Q_SIGNALS:
    void syncStarted();
    void progress(qint64 cursor, qint64 head);
    void caughtUp(qint64 cursor);
    // The server's log no longer reaches back to the cursor: every capability rebuilt its part.
    void resynced(qint64 head);
    void syncFailed(const QString& message);

private:
    void onAuthenticated(const QJsonObject& user, qint64 head);
    // Asks for the page after `from` (default: the cache's cursor).
    void requestPage(std::optional<qint64> from = std::nullopt);
    void onPage(const QJsonObject& payload);
    void onPush(qint64 seq, const QJsonObject& event);
    bool applyEvent(const SyncEvent& event);
    void resync();
    void rebuildFrom(int index, qint64 lowestHead, quint64 generation);
    void failed(const QString& why);
    bool featuresNewlyAgreed() const;
    bool storeSyncedFeatures();

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    QHash<QString, EventApplier> m_appliers;
    QList<Snapshot*> m_snapshots;
    QStringList m_snapshotFeatures;
    qint64 m_userId = 0;
    int m_pageSize = 1000;
    // Smaller than m_pageSize after the server's page did not fit in one frame. Current servers
    // cut pages at protocol::maxSyncPageBytes, far below a frame; this stays for older ones.
    int m_currentPageSize = 1000;
    bool m_syncing = false;
    bool m_live = false;
    // Replies from an older connection must not touch the state of a newer one.
    quint64 m_generation = 0;
    int m_failures = 0;
    QTimer m_retry;
};

} // namespace plein::client
