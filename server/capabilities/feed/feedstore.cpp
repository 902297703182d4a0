#include "capabilities/feed/feedstore.h"

#include "capabilities/accounts/accountstore.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "protocol/messagespec.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QSqlQuery>

namespace plein::server {

namespace {
constexpr QLatin1StringView area("feed");
} // namespace

using protocol::ErrorCode;

namespace {

// A group's history rule: only posts written after the event `visibleFrom` (0: all of them;
// posts from before the rule existed carry seq 0).
QString historyCondition(qint64 visibleFrom)
{
    return visibleFrom > 0 ? QStringLiteral(" AND p.seq > %1").arg(visibleFrom) : QString();
}

// The condition choosing a feed: the company's (no group) or one group's.
QString feedCondition(qint64 groupId)
{
    return groupId ? QStringLiteral("p.group_id = %1").arg(groupId)
                   : QStringLiteral("p.group_id IS NULL");
}

} // namespace

QJsonObject Post::toJson(bool withLikedByMe) const
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), authorId},
                      {QStringLiteral("username"), authorUsername},
                      {QStringLiteral("displayName"), authorDisplayName},
                      {QStringLiteral("department"), authorDepartment}}},
        {QStringLiteral("parentId"), parentId == 0 ? QJsonValue() : QJsonValue(parentId)},
        {QStringLiteral("groupId"), groupId == 0 ? QJsonValue() : QJsonValue(groupId)},
        {QStringLiteral("pinned"), pinned},
        {QStringLiteral("body"), body},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("editedAt"), editedAt.isEmpty() ? QJsonValue() : QJsonValue(editedAt)},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("likes"), likes},
        {QStringLiteral("replies"), replies},
    };
    if (withLikedByMe)
        o.insert(QStringLiteral("likedByMe"), likedByMe);
    if (!attachments.isEmpty() && !deleted)
        o.insert(QStringLiteral("attachments"), attachments);
    return o;
}

Result<Post> FeedStore::insert(const User& author, qint64 parentId, qint64 groupId,
                               const QString& body, qint64 seq)
{
    // The statements of post.create are prepared once (Database::statements()).
    sql::PreparedStatements& statements = m_db.statements();
    Post post;
    post.authorId = author.id;
    post.authorUsername = author.username;
    post.authorDisplayName = author.displayName;
    post.authorDepartment = author.department;
    post.parentId = parentId;
    post.groupId = groupId;
    post.body = body;
    post.seq = seq;
    post.createdAt = nowUtc();
    const QVariant parent = parentId ? QVariant(parentId) : sql::nullValue(QMetaType::LongLong);
    const QVariant group = groupId ? QVariant(groupId) : sql::nullValue(QMetaType::LongLong);
    QSqlQuery* q = statements.run(QStringLiteral("INSERT INTO posts (author_id, parent_id, "
                                                 "group_id, body, created_at, seq) VALUES (?, ?, "
                                                 "?, ?, ?, ?) RETURNING id"),
                                  {author.id, parent, group, body, post.createdAt, seq});
    if (!q || !q->next())
        return storeError(area, statements);
    post.id = q->value(0).toLongLong();
    q->finish();
    if (parentId
        && !statements.run(
            QStringLiteral("UPDATE posts SET reply_count = reply_count + 1 WHERE id = ?"),
            {parentId}))
        return storeError(area, statements);
    return post;
}

Result<bool> FeedStore::setPinned(qint64 postId, bool pinned)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE posts SET pinned = ? WHERE id = ? AND pinned <> ?"),
                  {pinned ? 1 : 0, postId, pinned ? 1 : 0}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> FeedStore::updateBody(qint64 postId, const QString& body)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("UPDATE posts SET body = ?, edited_at = ? WHERE id = ? AND deleted = 0"),
            {body, nowUtc(), postId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> FeedStore::markDeleted(qint64 postId)
{
    QSqlQuery q(m_db.db());
    // The text goes at once; the row stays so replies keep their thread.
    if (!sql::run(q,
                  QStringLiteral("UPDATE posts SET deleted = 1, body = '', edited_at = ? WHERE id "
                                 "= ? AND deleted = 0"),
                  {nowUtc(), postId}))
        return storeError(area, q);
    const bool changed = q.numRowsAffected() > 0;
    if (changed) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral("UPDATE posts SET reply_count = reply_count - 1 WHERE id = "
                                     "(SELECT parent_id FROM posts WHERE id = ?)"),
                      {postId}))
            return storeError(area, q);
    }
    return changed;
}

Result<bool> FeedStore::setLike(qint64 postId, qint64 userId, bool liked)
{
    QSqlQuery q(m_db.db());
    const bool ok = liked
        ? sql::run(q,
                   QStringLiteral("INSERT INTO likes (post_id, user_id, created_at) VALUES (?, ?, "
                                  "?) ON CONFLICT DO NOTHING"),
                   {postId, userId, nowUtc()})
        : sql::run(q, QStringLiteral("DELETE FROM likes WHERE post_id = ? AND user_id = ?"),
                   {postId, userId});
    if (!ok)
        return storeError(area, q);
    const bool changed = q.numRowsAffected() > 0;
    if (changed) {
        q.finish();
        if (!sql::run(q,
                      QStringLiteral("UPDATE posts SET like_count = like_count + ? WHERE id = ?"),
                      {liked ? 1 : -1, postId}))
            return storeError(area, q);
    }
    return changed;
}

Result<bool> FeedStore::recordMentions(qint64 postId, const QList<qint64>& userIds)
{
    sql::PreparedStatements& statements = m_db.statements();
    for (qint64 user : userIds) {
        if (!statements.run(QStringLiteral("INSERT INTO mentions (post_id, user_id) VALUES (?, "
                                           "?) ON CONFLICT DO NOTHING"),
                            {postId, user}))
            return storeError(area, statements);
    }
    return true;
}

namespace {

const QString postColumns = QStringLiteral(
    "SELECT p.id, p.author_id, u.username, u.display_name, p.parent_id, p.body, p.created_at, "
    "p.edited_at, p.deleted, p.like_count, p.reply_count, p.group_id, p.seq, p.pinned, "
    "EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ?), u.department "
    "FROM posts p JOIN users u ON u.id = p.author_id WHERE ");

Post readPost(const QSqlQuery& q)
{
    Post p;
    p.id = q.value(0).toLongLong();
    p.authorId = q.value(1).toLongLong();
    p.authorUsername = q.value(2).toString();
    p.authorDisplayName = q.value(3).toString();
    p.parentId = q.value(4).toLongLong();
    p.body = q.value(5).toString();
    p.createdAt = q.value(6).toString();
    p.editedAt = q.value(7).toString();
    p.deleted = q.value(8).toInt() != 0;
    p.likes = q.value(9).toInt();
    p.replies = q.value(10).toInt();
    p.groupId = q.value(11).toLongLong();
    p.seq = q.value(12).toLongLong();
    p.pinned = q.value(13).toInt() != 0;
    p.likedByMe = q.value(14).toBool();
    p.authorDepartment = q.value(15).toString();
    return p;
}

} // namespace

Result<QList<Post>> FeedStore::select(const QString& where, std::initializer_list<QVariant> values,
                                      qint64 viewerId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    QList<QVariant> all {viewerId};
    all.append(QList<QVariant>(values));
    q.prepare(postColumns + where);
    for (const QVariant& v : all)
        q.addBindValue(v);
    if (!q.exec())
        return storeError(area, q);
    QList<Post> posts;
    while (q.next())
        posts.append(readPost(q));
    return posts;
}

std::optional<Post> FeedStore::find(qint64 postId, qint64 viewerId)
{
    // On the path of every write that names a post: prepared once.
    QSqlQuery* q
        = m_db.statements().run(postColumns + QStringLiteral("p.id = ?"), {viewerId, postId});
    if (!q || !q->next())
        return std::nullopt;
    Post post = readPost(*q);
    q->finish();
    return post;
}

Result<Likers> FeedStore::likers(qint64 postId, int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // The primary key (post_id, user_id) finds the post's likes; two in one millisecond keep
    // one order on every backend.
    if (!sql::run(
            q,
            QStringLiteral("SELECT u.id, u.username, u.display_name FROM likes l JOIN users u "
                           "ON u.id = l.user_id WHERE l.post_id = ? "
                           "ORDER BY l.created_at DESC, l.user_id DESC LIMIT ?"),
            {postId, limit}))
        return storeError(area, q);
    Likers likers;
    while (q.next())
        likers.people.append(
            {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    q.finish();
    if (!sql::run(q, QStringLiteral("SELECT COUNT(*) FROM likes WHERE post_id = ?"), {postId})
        || !q.next())
        return storeError(area, q);
    likers.total = q.value(0).toInt();
    return likers;
}

Result<QList<Post>> FeedStore::page(qint64 viewerId, qint64 groupId, qint64 before, int limit,
                                    qint64 visibleFrom)
{
    const QString where = QStringLiteral("%1 AND p.parent_id IS NULL AND p.deleted = 0%2 AND p.id "
                                         "< ? ORDER BY p.id DESC LIMIT ?")
                              .arg(feedCondition(groupId), historyCondition(visibleFrom));
    return select(where, {before > 0 ? before : protocol::maxSafeInteger, limit}, viewerId);
}

Result<QList<Post>> FeedStore::pinned(qint64 viewerId, qint64 groupId, qint64 visibleFrom)
{
    return select(QStringLiteral("%1 AND p.pinned = 1 AND p.parent_id IS NULL AND p.deleted = 0%2 "
                                 "ORDER BY p.id DESC LIMIT 20")
                      .arg(feedCondition(groupId), historyCondition(visibleFrom)),
                  {}, viewerId);
}

Result<QList<Post>> FeedStore::readableAmong(qint64 viewerId, bool admin, const QList<qint64>& ids,
                                             int limit)
{
    if (ids.isEmpty())
        return QList<Post>();
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids)
        list.append(QString::number(id));
    // The ids are the store's own numbers, written into the statement: a page's 2,000
    // candidates would pass SQLite's limit of bound values on older versions.
    return select(QStringLiteral("p.id IN (%1) AND p.parent_id IS NULL AND p.deleted = 0 AND "
                                 "(p.group_id IS NULL OR EXISTS (SELECT 1 FROM user_groups g "
                                 "LEFT JOIN group_members gm ON gm.group_id = g.id AND "
                                 "gm.user_id = ? AND gm.state = 'member' WHERE g.id = p.group_id "
                                 "AND (gm.user_id IS NOT NULL OR g.kind = 'public' OR ? = 1) AND "
                                 "(gm.user_id IS NULL OR gm.visible_from = 0 OR p.seq > "
                                 "gm.visible_from))) ORDER BY p.id DESC LIMIT ?")
                      .arg(list.join(u',')),
                  {viewerId, admin ? 1 : 0, limit}, viewerId);
}

Result<QList<Post>> FeedStore::replies(qint64 postId, qint64 viewerId, qint64 after, int limit,
                                       qint64 visibleFrom)
{
    return select(QStringLiteral("p.parent_id = ? AND p.id > ?%1 ORDER BY p.id LIMIT ?")
                      .arg(historyCondition(visibleFrom)),
                  {postId, after, limit}, viewerId);
}

} // namespace plein::server
