#pragma once

#include "feedscope.h"
#include "postrow.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace plein::client {

class Cache;

// The feed's tables: posts and replies, company-wide and in groups, with their feed counters.
// Methods run in the caller's transaction and note what they change: "posts" (post ids),
// "feeds" (group ids, 0 for the company feed) and "threads" (ids of top-level posts).
class PostStore
{
public:
    static constexpr QLatin1StringView postsArea {"posts"};
    static constexpr QLatin1StringView feedsArea {"feeds"};
    static constexpr QLatin1StringView threadsArea {"threads"};

    explicit PostStore(Cache& cache)
        : m_cache(cache)
    { }

    // The position in the server's log what this store writes is as of: an event's seq, an
    // answer's head. A reply new to the cache counts on its parent only when it is newer than
    // the parent's count, and an older count never replaces a newer one. 0: not known (every
    // new reply counts, every count replaces).
    PostStore& asOf(qint64 seq)
    {
        m_asOf = seq;
        return *this;
    }

    // `post` is the server's JSON; likedByMe is kept when the JSON does not carry it.
    // `inserted`, when given, tells whether the post was new to the cache.
    bool upsert(const QJsonObject& post, bool mentionsMe = false, bool* inserted = nullptr);
    // The same for a post already read from its JSON; `hasLikedByMe`: whether the JSON said.
    bool upsert(const PostRow& post, bool hasLikedByMe, bool mentionsMe, bool* inserted = nullptr);
    bool markDeleted(qint64 postId);
    // Once after client migration 020: the topics of the posts cached before it.
    bool tagUntagged();
    bool setLikes(qint64 postId, int likes, std::optional<bool> likedByMe);
    bool setPinned(qint64 postId, bool pinned);
    // Forgets every post (a rebuild), or those of one feed (0: the company's) and their replies.
    bool clear();
    bool clearFeed(qint64 groupId);
    // Forgets the posts of every group the user is not a member of.
    bool clearFeedsNotMine();

    std::optional<PostRow> post(qint64 id) const;
    // Top-level posts of `scope`, newest first, older than `beforeId` (0: from the newest).
    // For a scope with pinned posts first, these are the posts that are not pinned.
    QList<PostRow> feedPage(const FeedScope& scope, int limit, qint64 beforeId = 0) const;
    // The pinned top-level posts of `scope`, newest first.
    QList<PostRow> pinned(const FeedScope& scope) const;
    // How many rows feedPage() can return for `scope` in all.
    int feedCount(const FeedScope& scope) const;
    // Replies of a thread, oldest first.
    QList<PostRow> threadPage(qint64 rootId, int limit) const;
    int threadCount(qint64 rootId) const;
    // The posts and replies of one author that are not deleted, newest first (a profile page).
    QList<PostRow> byAuthor(qint64 authorId, int limit) const;
    int postCount() const;
    // The newest post id in the cache (0: none).
    qint64 newestId() const;

private:
    QList<PostRow> select(const QString& where, std::initializer_list<QVariant> values) const;
    void noteChanged(const PostRow& post);
    // Records the #topics of the post's text (none when deleted) against its thread's root.
    bool tag(const PostRow& post);

    Cache& m_cache;
    qint64 m_asOf = 0;
};

} // namespace plein::client
