#pragma once

#include "feedscope.h"
#include "postlistmodel.h"

namespace plein::client {

// A feed: the user's waiting posts on top, then (for a group) its pinned posts, then its
// top-level posts, newest first. The home feed (the default) shows the company's posts and
// those of the user's groups, each marked with its group (GroupIdRole, GroupNameRole).
class FeedModel : public PostListModel
{
    Q_OBJECT

public:
    explicit FeedModel(Cache& cache, QObject* parent = nullptr);
    FeedModel(Cache& cache, FeedScope scope, QObject* parent = nullptr);

    FeedScope scope() const { return m_scope; }

protected:
    bool affectedBy(const CacheChanges& changes) const override;
    QList<PostRow> load(int limit) const override;
    int available() const override;
    std::optional<QList<PostRow>> loadAfter(const PostRow& last, int count) const override;

private:
    bool shows(qint64 groupId) const;

    FeedScope m_scope;
};

} // namespace plein::client
