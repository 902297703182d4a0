#pragma once

#include "postrow.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace plein::client {

class Cache;
class Connection;
class Session;

// Brings the cache up to date with the server's event log and keeps it there: after every
// authentication it pages through sync.since from the stored cursor (each page applied with
// its new cursor in ONE transaction, so a crash never half-applies a page), then applies live
// pushes. When the cursor is outside the server's log it rebuilds the posts from feed.page;
// the outbox lives in its own table and is never touched by a rebuild.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(Session& session, Connection& connection, Cache& cache, QObject* parent = nullptr);

    void setPageSize(int events) { m_pageSize = events; }
    bool isSyncing() const { return m_syncing; }
    bool isLive() const { return m_live; }
    qint64 userId() const { return m_userId; }

    // Loads a thread's replies into the cache (threads are not part of a rebuild).
    void fetchThread(qint64 postId);
    // The page of replies after `afterReplyId` (the last id of the previous page); threads
    // longer than one page are read page by page as the view scrolls.
    void fetchThreadAfter(qint64 postId, qint64 afterReplyId);
    // Applies the result of a confirmed write, as if its event had arrived.
    bool applyWriteResult(const QString& kind, const QJsonObject& result);

Q_SIGNALS:
    void syncStarted();
    void progress(qint64 cursor, qint64 head);
    void caughtUp(qint64 cursor);
    // Posts by others arrived (live or while catching up).
    void postsArrived(int count);
    // A reply to one of the user's posts, or a post that @mentions the user.
    void concernsMe(const plein::client::PostRow& post, bool isReply, bool isMention);
    void syncFailed(const QString& message);
    // A page of a thread is in the cache; `lastReplyId` continues it when `more`.
    void threadFetched(qint64 postId, qint64 lastReplyId, bool more);
    void threadFetchFailed(qint64 postId, const QString& message);

private:
    void onAuthenticated(const QJsonObject& user, qint64 head);
    // Asks for the page after `from` (default: the cache's cursor).
    void requestPage(std::optional<qint64> from = std::nullopt);
    void onPage(const QJsonObject& payload);
    void onPush(qint64 seq, const QJsonObject& event);
    bool applyEvent(const QJsonObject& event);
    void rebuild(qint64 before, QList<QJsonObject> collected, qint64 head);
    void finishRebuild(const QList<QJsonObject>& posts, qint64 head);
    void failed(const QString& why);

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    qint64 m_userId = 0;
    int m_pageSize = 1000;
    // Smaller than m_pageSize after the server's page did not fit in one frame. Current servers
    // cut pages at protocol::maxSyncPageBytes, far below a frame; this stays for older ones.
    int m_currentPageSize = 1000;
    int m_rebuildPosts = 1000;
    bool m_syncing = false;
    bool m_live = false;
    // Replies from an older connection must not touch the state of a newer one.
    quint64 m_generation = 0;
    int m_arrived = 0;
    int m_failures = 0;
    QTimer m_retry;
};

} // namespace plein::client
