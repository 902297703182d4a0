#include "feedmodel.h"

#include "cache.h"

#include <algorithm>

namespace plein::client {

FeedModel::FeedModel(Cache& cache, QObject* parent)
    : PostListModel(cache, parent)
{
    refresh();
}

QList<PostRow> FeedModel::load(int limit) const
{
    QList<PostRow> rows = m_cache.outboxPosts(0);
    std::reverse(rows.begin(), rows.end());
    rows.append(m_cache.feedPage(limit));
    return rows;
}

std::optional<QList<PostRow>> FeedModel::loadAfter(const PostRow& last, int count) const
{
    // Waiting posts are all on top and loaded with the first page; after one of them comes
    // the newest confirmed post.
    return m_cache.feedPageBefore(last.pending ? 0 : last.id, count);
}

int FeedModel::available() const
{
    return m_cache.feedCount();
}

} // namespace plein::client
