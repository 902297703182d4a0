#include "capabilities/blogs/commentstore.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QSqlQuery>

namespace plein::server {

namespace {

constexpr QLatin1StringView area("blogs");

const QString commentColumns = QStringLiteral(
    "SELECT c.id, c.article_id, c.parent_id, c.author_id, u.username, u.display_name, "
    "u.department, c.body, c.created_at, c.edited_at, c.deleted, c.like_count, c.reply_count, "
    "EXISTS (SELECT 1 FROM article_comment_likes l WHERE l.comment_id = c.id AND l.user_id = ?) "
    "FROM article_comments c JOIN users u ON u.id = c.author_id WHERE ");

ArticleComment readComment(const QSqlQuery& q)
{
    ArticleComment c;
    c.id = q.value(0).toLongLong();
    c.articleId = q.value(1).toLongLong();
    c.parentId = q.value(2).toLongLong();
    c.authorId = q.value(3).toLongLong();
    c.authorUsername = q.value(4).toString();
    c.authorDisplayName = q.value(5).toString();
    c.authorDepartment = q.value(6).toString();
    c.body = q.value(7).toString();
    c.createdAt = q.value(8).toString();
    c.editedAt = q.value(9).toString();
    c.deleted = q.value(10).toInt() != 0;
    c.likes = q.value(11).toInt();
    c.replies = q.value(12).toInt();
    c.likedByMe = q.value(13).toBool();
    return c;
}

} // namespace

QJsonObject ArticleComment::toJson(bool withLikedByMe) const
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("articleId"), articleId},
        {QStringLiteral("parentId"), parentId ? QJsonValue(parentId) : QJsonValue()},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), authorId},
                      {QStringLiteral("username"), authorUsername},
                      {QStringLiteral("displayName"), authorDisplayName},
                      {QStringLiteral("department"), authorDepartment}}},
        {QStringLiteral("body"), body},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("editedAt"), editedAt.isEmpty() ? QJsonValue() : QJsonValue(editedAt)},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("likes"), likes},
        {QStringLiteral("replies"), replies},
    };
    if (withLikedByMe)
        o.insert(QStringLiteral("likedByMe"), likedByMe);
    return o;
}

Result<ArticleComment> CommentStore::insert(qint64 articleId, qint64 parentId, qint64 authorId,
                                            const QString& body)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO article_comments (article_id, parent_id, author_id, "
                                 "body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                  {articleId, parentId ? QVariant(parentId) : sql::nullValue(QMetaType::LongLong),
                   authorId, body, nowUtc()})
        || !q.next())
        return storeError(area, q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!sql::run(q,
                  QStringLiteral("UPDATE articles SET comment_count = comment_count + 1 WHERE id "
                                 "= ?"),
                  {articleId}))
        return storeError(area, q);
    if (parentId) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral("UPDATE article_comments SET reply_count = reply_count + 1 "
                                     "WHERE id = ?"),
                      {parentId}))
            return storeError(area, q);
    }
    auto made = find(id, authorId);
    if (!made)
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("the comment was not written"));
    return *made;
}

Result<bool> CommentStore::updateBody(qint64 commentId, const QString& body)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE article_comments SET body = ?, edited_at = ? WHERE id = "
                                 "? AND deleted = 0"),
                  {body, nowUtc(), commentId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> CommentStore::markDeleted(qint64 commentId)
{
    const auto c = find(commentId);
    if (!c || c->deleted)
        return false;
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE article_comments SET deleted = 1, body = '', edited_at = "
                                 "? WHERE id = ? AND deleted = 0"),
                  {nowUtc(), commentId}))
        return storeError(area, q);
    q.finish();
    if (!sql::run(q,
                  QStringLiteral("UPDATE articles SET comment_count = comment_count - 1 WHERE id "
                                 "= ?"),
                  {c->articleId}))
        return storeError(area, q);
    if (c->parentId) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral("UPDATE article_comments SET reply_count = reply_count - 1 "
                                     "WHERE id = ?"),
                      {c->parentId}))
            return storeError(area, q);
    }
    return true;
}

Result<bool> CommentStore::recordMentions(qint64 commentId, const QList<qint64>& userIds)
{
    QSqlQuery q(m_db.db());
    for (qint64 user : userIds) {
        if (!sql::run(q,
                      QStringLiteral("INSERT INTO article_comment_mentions (comment_id, user_id) "
                                     "VALUES (?, ?) ON CONFLICT DO NOTHING"),
                      {commentId, user}))
            return storeError(area, q);
        q.finish();
    }
    return true;
}

std::optional<ArticleComment> CommentStore::find(qint64 commentId, qint64 viewerId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, commentColumns + QStringLiteral("c.id = ?"), {viewerId, commentId})
        || !q.next())
        return std::nullopt;
    return readComment(q);
}

Result<QList<ArticleComment>> CommentStore::page(qint64 articleId, qint64 viewerId, qint64 after,
                                                 int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  commentColumns
                      + QStringLiteral("c.article_id = ? AND c.id > ? ORDER BY c.id LIMIT ?"),
                  {viewerId, articleId, after, limit}))
        return storeError(area, q);
    QList<ArticleComment> out;
    while (q.next())
        out.append(readComment(q));
    return out;
}

Result<bool> CommentStore::setLike(QLatin1StringView likes, QLatin1StringView key,
                                   QLatin1StringView counted, qint64 id, qint64 userId, bool liked,
                                   int* count)
{
    QSqlQuery q(m_db.db());
    const bool ok = liked
        ? sql::run(q,
                   QStringLiteral("INSERT INTO %1 (%2, user_id, created_at) VALUES (?, ?, ?) ON "
                                  "CONFLICT DO NOTHING")
                       .arg(likes, key),
                   {id, userId, nowUtc()})
        : sql::run(q, QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND user_id = ?").arg(likes, key),
                   {id, userId});
    if (!ok)
        return storeError(area, q);
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    if (changed
        && !sql::run(
            q,
            QStringLiteral("UPDATE %1 SET like_count = like_count + ? WHERE id = ?").arg(counted),
            {liked ? 1 : -1, id}))
        return storeError(area, q);
    q.finish();
    if (!sql::run(q, QStringLiteral("SELECT like_count FROM %1 WHERE id = ?").arg(counted), {id})
        || !q.next())
        return storeError(area, q);
    *count = q.value(0).toInt();
    return changed;
}

Result<bool> CommentStore::setArticleLike(qint64 articleId, qint64 userId, bool liked, int* likes)
{
    return setLike(QLatin1StringView("article_likes"), QLatin1StringView("article_id"),
                   QLatin1StringView("articles"), articleId, userId, liked, likes);
}

Result<bool> CommentStore::setCommentLike(qint64 commentId, qint64 userId, bool liked, int* likes)
{
    return setLike(QLatin1StringView("article_comment_likes"), QLatin1StringView("comment_id"),
                   QLatin1StringView("article_comments"), commentId, userId, liked, likes);
}

int CommentStore::commentCount(qint64 articleId)
{
    QSqlQuery q(m_db.db());
    return sql::run(q, QStringLiteral("SELECT comment_count FROM articles WHERE id = ?"),
                    {articleId})
            && q.next()
        ? q.value(0).toInt()
        : 0;
}

} // namespace plein::server
