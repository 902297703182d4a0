#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

struct ArticleComment
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 parentId = 0; // 0: a comment on the article itself
    qint64 authorId = 0;
    QString authorUsername;
    QString authorDisplayName;
    QString authorDepartment;
    QString body;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    int likes = 0;
    int replies = 0;
    bool likedByMe = false; // for the user a page was read for

    QJsonObject toJson(bool withLikedByMe) const;
};

// Comments on articles, and the likes of articles and of comments. Methods run in the caller's
// transaction and check nothing about who may see what: the comment service does.
class CommentStore
{
public:
    explicit CommentStore(Database& db)
        : m_db(db)
    { }

    // The new comment, counted on its article (and its parent).
    Result<ArticleComment> insert(qint64 articleId, qint64 parentId, qint64 authorId,
                                  const QString& body);
    Result<bool> updateBody(qint64 commentId, const QString& body);
    // The text goes, the row stays so its replies keep their thread.
    Result<bool> markDeleted(qint64 commentId);
    Result<bool> recordMentions(qint64 commentId, const QList<qint64>& userIds);
    std::optional<ArticleComment> find(qint64 commentId, qint64 viewerId = 0);
    // Comments of an article with ids above `after`, oldest first.
    Result<QList<ArticleComment>> page(qint64 articleId, qint64 viewerId, qint64 after, int limit);

    // Sets or clears a like; whether anything changed, and the count after it.
    Result<bool> setArticleLike(qint64 articleId, qint64 userId, bool liked, int* likes);
    Result<bool> setCommentLike(qint64 commentId, qint64 userId, bool liked, int* likes);
    int commentCount(qint64 articleId);

private:
    Result<bool> setLike(QLatin1StringView likes, QLatin1StringView key, QLatin1StringView counted,
                         qint64 id, qint64 userId, bool liked, int* count);
    Database& m_db;
};

} // namespace plein::server
