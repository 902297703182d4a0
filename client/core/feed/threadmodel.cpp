#include "threadmodel.h"

#include "feed.h"
#include "outbox/outboxstore.h"
#include "poststore.h"

namespace plein::client {

ThreadModel::ThreadModel(Cache& cache, qint64 rootId, QObject* parent)
    : PostListModel(cache, parent)
    , m_rootId(rootId)
{
    refresh();
}

ThreadModel::ThreadModel(Cache& cache, Feed& feed, qint64 rootId, QObject* parent)
    : ThreadModel(cache, rootId, parent)
{
    m_feed = &feed;
    connect(m_feed, &Feed::threadFetched, this, &ThreadModel::onFetched);
    connect(m_feed, &Feed::threadFetchFailed, this, [this](qint64 postId) {
        if (postId == m_rootId)
            m_fetching = false;
    });
    m_fetching = true;
    m_feed->fetchThread(m_rootId);
}

bool ThreadModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid())
        return false;
    return PostListModel::canFetchMore(parent) || (m_feed && m_serverMore && !m_fetching);
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
    if (!m_feed || !m_serverMore || m_fetching)
        return;
    m_fetching = true;
    m_growOnArrival = true;
    m_feed->fetchThreadAfter(m_rootId, m_serverAfter);
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

bool ThreadModel::affectedBy(const CacheChanges& changes) const
{
    return changes.touches(OutboxStore::area) || changes.touches(PostStore::threadsArea, m_rootId);
}

QList<PostRow> ThreadModel::load(int limit) const
{
    QList<PostRow> rows;
    const PostStore posts(m_cache);
    if (const auto root = posts.post(m_rootId))
        rows.append(*root);
    rows.append(posts.threadPage(m_rootId, limit));
    rows.append(pendingPosts([this](qint64 parentId, qint64) { return parentId == m_rootId; }));
    return rows;
}

int ThreadModel::available() const
{
    return PostStore(m_cache).threadCount(m_rootId);
}

} // namespace plein::client
