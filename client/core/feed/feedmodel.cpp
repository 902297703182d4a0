#include "feedmodel.h"

#include "followstore.h"
#include "groups/groupstore.h"
#include "outbox/outboxstore.h"
#include "poststore.h"

#include <algorithm>

namespace plein::client {

FeedModel::FeedModel(Cache& cache, QObject* parent)
    : FeedModel(cache, FeedScope::home(), parent)
{ }

FeedModel::FeedModel(Cache& cache, FeedScope scope, QObject* parent)
    : PostListModel(cache, parent)
    , m_scope(scope)
{
    refresh();
}

bool FeedModel::shows(qint64 groupId) const
{
    switch (m_scope.kind()) {
    case FeedScope::Kind::Home:
        return true;
    case FeedScope::Kind::Company:
        return groupId == 0;
    case FeedScope::Kind::Group:
        return groupId == m_scope.groupId();
    case FeedScope::Kind::Topic:
        return false; // a post on its way shows in its feed, not yet under its topics
    }
    return false;
}

bool FeedModel::affectedBy(const CacheChanges& changes) const
{
    if (changes.touches(OutboxStore::area))
        return true;
    // The home feed also follows the user's groups: which are theirs, and their names.
    if (m_scope.kind() == FeedScope::Kind::Home
        && (changes.touches(GroupStore::membershipsArea)
            || changes.touches(GroupStore::groupsArea)))
        return true;
    if (m_scope.kind() == FeedScope::Kind::Home)
        return changes.touches(PostStore::feedsArea) || changes.touches(FollowStore::area);
    // A topic's posts are in any feed.
    if (m_scope.kind() == FeedScope::Kind::Topic)
        return changes.touches(PostStore::feedsArea);
    return changes.touches(PostStore::feedsArea, m_scope.groupId());
}

QList<PostRow> FeedModel::load(int limit) const
{
    QList<PostRow> rows = pendingPosts(
        [this](qint64 parentId, qint64 groupId) { return parentId == 0 && shows(groupId); });
    std::reverse(rows.begin(), rows.end());
    const PostStore posts(m_cache);
    if (m_scope.pinnedFirst())
        rows.append(posts.pinned(m_scope));
    rows.append(posts.feedPage(m_scope, limit));
    return rows;
}

std::optional<QList<PostRow>> FeedModel::loadAfter(const PostRow& last, int count) const
{
    // Waiting and pinned posts are all on top and loaded with the first page; after one of
    // them comes the newest post of the rest.
    return PostStore(m_cache).feedPage(
        m_scope, count, last.pending || (last.pinned && m_scope.pinnedFirst()) ? 0 : last.id);
}

int FeedModel::available() const
{
    return PostStore(m_cache).feedCount(m_scope);
}

} // namespace plein::client
