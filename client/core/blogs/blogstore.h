#pragma once

#include "articlerow.h"

#include <QLatin1StringView>
#include <QList>

#include <optional>

namespace plein::client {

class Cache;

// The blogs' part of the cache (client migration 022): articles and their comments. A row
// carries the log's number as of which it is the server's (`seq`: an event's, or the `head` a
// read answered), and an older answer never replaces it; an article's text is kept while its
// revision stays, so a card that arrives after the article was read costs nothing; a newer
// revision moves it aside (client migration 024) as the base of the steps to the new one.
class BlogStore
{
public:
    static constexpr QLatin1StringView articlesArea {"articles"};
    static constexpr QLatin1StringView commentsArea {"article-comments"};

    explicit BlogStore(Cache& cache)
        : m_cache(cache)
    { }

    std::optional<ArticleRow> article(qint64 id) const;
    // Stores `a` as of `seq` unless the cache holds it as of a later number. A card without a
    // body keeps the text the row has while the revision is the same.
    bool upsert(const ArticleRow& a, qint64 seq);
    bool remove(qint64 id);
    // The text the cache holds of the article, also when it is of an older revision than
    // the row's: what article.get's `have` names, for the steps to the newer one.
    std::optional<HeldText> heldText(qint64 id) const;
    // A like's count (and, when it is the user's own, their state), as of event `seq`; 0 for
    // a write's answer, which does not move the row's number.
    bool setLikes(qint64 articleId, int likes, std::optional<bool> likedByMe, qint64 seq);
    bool setCommentCount(qint64 articleId, int comments);
    // One more comment, counted once however often it is heard of (an answer and its event
    // carry the same `seq`).
    bool addComment(qint64 articleId, qint64 seq);

    // Published articles, newest first: of one blog (`groupId`, 0: the company's), of every
    // blog (`allBlogs`), or those a person wrote or co-wrote.
    QList<ArticleRow> blog(qint64 groupId, int limit) const;
    QList<ArticleRow> published(int limit) const;
    QList<ArticleRow> byAuthor(qint64 userId, int limit) const;
    // The user's drafts and scheduled articles (only their authors ever see them).
    QList<ArticleRow> drafts() const;
    // Forgets what a rebuild reads again: every article no working copy names.
    bool clearArticles();
    // The same for one group's blog (the user left the group).
    bool clearGroup(qint64 groupId);

    std::optional<CommentRow> comment(qint64 id) const;
    bool upsertComment(const CommentRow& c);
    // Oldest first, each thread's replies under it.
    QList<CommentRow> comments(qint64 articleId) const;
    bool setCommentsLoaded(qint64 articleId, bool loaded);
    bool markCommentDeleted(qint64 commentId);
    bool setCommentLikes(qint64 commentId, int likes, std::optional<bool> likedByMe);

private:
    QList<ArticleRow> list(const QString& where, const QVariantList& binds, int limit) const;

    Cache& m_cache;
};

} // namespace plein::client
