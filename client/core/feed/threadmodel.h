#pragma once

#include "postlistmodel.h"

namespace plein::client {

class Feed;

// One thread: the top-level post first, then its replies oldest first, then the user's
// replies still waiting in the outbox. Given the feed, it also reads the thread from the
// server, one page of replies after another as the view asks for more (fetchMore).
class ThreadModel : public PostListModel
{
    Q_OBJECT

public:
    ThreadModel(Cache& cache, qint64 rootId, QObject* parent = nullptr);
    ThreadModel(Cache& cache, Feed& feed, qint64 rootId, QObject* parent = nullptr);

    qint64 rootId() const { return m_rootId; }
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Whether the server said it holds replies beyond the pages read so far.
    bool serverHasMore() const { return m_serverMore; }
    bool isFetching() const { return m_fetching; }

protected:
    bool affectedBy(const CacheChanges& changes) const override;
    QList<PostRow> load(int limit) const override;
    int available() const override;

private:
    void onFetched(qint64 postId, qint64 lastReplyId, bool more);

    qint64 m_rootId = 0;
    Feed* m_feed = nullptr;
    qint64 m_serverAfter = 0;
    bool m_serverMore = false;
    bool m_fetching = false;
    // The request asked for by fetchMore (not the first page): show what it brought.
    bool m_growOnArrival = false;
};

} // namespace plein::client
