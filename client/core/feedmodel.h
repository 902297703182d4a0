#pragma once

#include "postlistmodel.h"

namespace plein::client {

// The company feed: the user's waiting posts on top, then top-level posts, newest first.
class FeedModel : public PostListModel
{
    Q_OBJECT

public:
    explicit FeedModel(Cache& cache, QObject* parent = nullptr);

protected:
    QList<PostRow> load(int limit) const override;
    int available() const override;
    std::optional<QList<PostRow>> loadAfter(const PostRow& last, int count) const override;
};

} // namespace plein::client
