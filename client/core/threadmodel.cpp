#include "threadmodel.h"

#include "cache.h"

namespace plein::client {

ThreadModel::ThreadModel(Cache& cache, qint64 rootId, QObject* parent)
    : PostListModel(cache, parent)
    , m_rootId(rootId)
{
    refresh();
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
