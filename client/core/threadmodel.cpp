#include "threadmodel.h"

#include "cache.h"
#include "syncengine.h"

namespace plein::client {

ThreadModel::ThreadModel(Cache& cache, qint64 rootId, QObject* parent)
    : PostListModel(cache, parent)
    , m_rootId(rootId)
{
    refresh();
}

ThreadModel::ThreadModel(Cache& cache, SyncEngine& sync, qint64 rootId, QObject* parent)
    : ThreadModel(cache, rootId, parent)
{
    m_sync = &sync;
    connect(m_sync, &SyncEngine::threadFetched, this, &ThreadModel::onFetched);
    connect(m_sync, &SyncEngine::threadFetchFailed, this, [this](qint64 postId) {
        if (postId == m_rootId)
            m_fetching = false;
    });
    m_fetching = true;
    m_sync->fetchThread(m_rootId);
}

bool ThreadModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid())
        return false;
    return PostListModel::canFetchMore(parent) || (m_sync && m_serverMore && !m_fetching);
}

void ThreadModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    // The cache first; the server only once everything cached is shown.
    if (PostListModel::canFetchMore(parent)) {
        PostListModel::fetchMore(parent);
        return;
    }
    if (!m_sync || !m_serverMore || m_fetching)
        return;
    m_fetching = true;
    m_growOnArrival = true;
    m_sync->fetchThreadAfter(m_rootId, m_serverAfter);
}

void ThreadModel::onFetched(qint64 postId, qint64 lastReplyId, bool more)
{
    if (postId != m_rootId)
        return;
    m_fetching = false;
    m_serverMore = more;
    if (lastReplyId > 0)
        m_serverAfter = lastReplyId;
    if (std::exchange(m_growOnArrival, false))
        PostListModel::fetchMore(QModelIndex());
}

QList<PostRow> ThreadModel::load(int limit) const
{
    QList<PostRow> rows;
    if (const auto root = m_cache.post(m_rootId))
        rows.append(*root);
    rows.append(m_cache.threadPage(m_rootId, limit));
    rows.append(m_cache.outboxPosts(m_rootId));
    return rows;
}

int ThreadModel::available() const
{
    return m_cache.threadCount(m_rootId);
}

} // namespace plein::client
