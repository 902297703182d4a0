#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::blogs {

// Long-form articles: a company blog and a blog per group, drafts that only their authors see,
// scheduled publishing, and a revision kept for every publish and every edit. Every change
// names the revision it was based on; one based on an older revision is refused with
// `stale_revision`, so that no edit silently overwrites another.
inline constexpr QLatin1StringView Feature {"blogs"};

inline constexpr QLatin1StringView ArticleSave {"article.save"};
inline constexpr QLatin1StringView ArticlePublish {"article.publish"};
inline constexpr QLatin1StringView ArticleUnschedule {"article.unschedule"};
inline constexpr QLatin1StringView ArticleEdit {"article.edit"};
inline constexpr QLatin1StringView ArticleRestore {"article.restore"};
inline constexpr QLatin1StringView ArticleCover {"article.cover"};
inline constexpr QLatin1StringView ArticleDelete {"article.delete"};
inline constexpr QLatin1StringView ArticleGet {"article.get"};
inline constexpr QLatin1StringView ArticleList {"article.list"};
inline constexpr QLatin1StringView ArticleRevisions {"article.revisions"};
inline constexpr QLatin1StringView ArticleRevision {"article.revision"};

inline constexpr QLatin1StringView ArticleLike {"article.like"};
inline constexpr QLatin1StringView CommentCreate {"comment.create"};
inline constexpr QLatin1StringView CommentEdit {"comment.edit"};
inline constexpr QLatin1StringView CommentDelete {"comment.delete"};
inline constexpr QLatin1StringView CommentLike {"comment.like"};
inline constexpr QLatin1StringView CommentList {"comment.list"};

inline constexpr QLatin1StringView ArticleDraft {"article.draft"};
inline constexpr QLatin1StringView ArticlePublished {"article.published"};
inline constexpr QLatin1StringView ArticleEdited {"article.edited"};
inline constexpr QLatin1StringView ArticleDeleted {"article.deleted"};
inline constexpr QLatin1StringView ArticleLiked {"article.liked"};
inline constexpr QLatin1StringView CommentCreated {"comment.created"};
inline constexpr QLatin1StringView CommentEdited {"comment.edited"};
inline constexpr QLatin1StringView CommentDeleted {"comment.deleted"};
inline constexpr QLatin1StringView CommentLiked {"comment.liked"};

inline constexpr int maxTitleChars = 200;
inline constexpr int maxSummaryChars = 500;
inline constexpr int maxBodyChars = 100000;
inline constexpr int maxTags = 20;
inline constexpr int maxCoAuthors = 10;
inline constexpr int maxListPage = 100;
inline constexpr int maxCommentChars = 5000;
inline constexpr int maxCommentPage = 200;
inline constexpr int defaultCommentPage = 100;
inline constexpr int defaultListPage = 30;
// A scheduled publication is at most this far ahead.
inline constexpr int maxScheduleDays = 366;
// Words read per minute, for an article's reading time.
inline constexpr int wordsPerMinute = 200;

// The words of an article's text as the server counts them, for its reading time: runs of
// characters that are not white space. The app counts the same as one types.
int wordCount(QStringView text);
// The reading time of that many words, in whole minutes (at least 1).
inline int readingMinutes(int words)
{
    return words <= 0 ? 1 : (words + wordsPerMinute - 1) / wordsPerMinute;
}

const CapabilitySpec& capability();

} // namespace plein::protocol::blogs
