#include "poststore.h"

#include "capabilities/feed/topics.h"
#include "files/attachmentstore.h"
#include "sql/query.h"
#include "store/cache.h"

#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace plein::client {

namespace {

const QString postColumns
    = QStringLiteral(
          "p.id, p.parent_id, p.author_id, p.author_username, p.author_name, p.body, p.created_at, "
          "p.edited_at, p.deleted, p.likes, p.replies, p.liked_by_me, p.mentions_me, p.group_id, "
          "p.pinned, g.name, p.author_department, ")
    + AttachmentStore::jsonColumn(AttachmentStore::postKind, QLatin1StringView("p.id"));

PostRow readPost(const QSqlQuery& q)
{
    PostRow p;
    p.id = q.value(0).toLongLong();
    p.parentId = q.value(1).toLongLong();
    p.authorId = q.value(2).toLongLong();
    p.authorUsername = q.value(3).toString();
    p.authorName = q.value(4).toString();
    p.body = q.value(5).toString();
    p.createdAt = q.value(6).toString();
    p.editedAt = q.value(7).toString();
    p.deleted = q.value(8).toBool();
    p.likes = q.value(9).toInt();
    p.replies = q.value(10).toInt();
    p.likedByMe = q.value(11).toBool();
    p.mentionsMe = q.value(12).toBool();
    p.groupId = q.value(13).toLongLong();
    p.pinned = q.value(14).toBool();
    p.groupName = q.value(15).toString();
    p.authorDepartment = q.value(16).toString();
    p.attachments = AttachmentStore::fromColumn(q.value(17));
    return p;
}

// Top-level posts by the people or with the topics the user follows.
QString followedCondition()
{
    return QStringLiteral(
        "(p.author_id IN (SELECT CAST(target AS INTEGER) FROM follows WHERE kind = 'person') OR "
        "p.id IN (SELECT t.post_id FROM post_topics t JOIN follows f ON f.kind = 'topic' AND "
        "f.target = t.topic))");
}

// A topic is letters, digits, '_' and '-' (protocol::isValidTopic), never a quote; anything
// else matches nothing.
QString topicCondition(const QString& topic)
{
    if (!protocol::isValidTopic(topic))
        return QStringLiteral("0");
    return QStringLiteral("p.id IN (SELECT post_id FROM post_topics WHERE topic = '%1')")
        .arg(topic);
}

// The rows of a feed: top-level posts of the scope's feeds; a deleted post stays listed only
// while replies hang under it.
QString feedCondition(const FeedScope& scope)
{
    QString feeds;
    switch (scope.kind()) {
    case FeedScope::Kind::Home:
        feeds = QStringLiteral("(p.group_id IS NULL OR p.group_id IN "
                               "(SELECT group_id FROM group_memberships WHERE state = 'member') "
                               "OR %1)")
                    .arg(followedCondition());
        break;
    case FeedScope::Kind::Topic:
        feeds = topicCondition(scope.topic());
        break;
    case FeedScope::Kind::Company:
        feeds = QStringLiteral("p.group_id IS NULL");
        break;
    case FeedScope::Kind::Group:
        feeds = QStringLiteral("p.group_id = %1").arg(scope.groupId());
        break;
    }
    return QStringLiteral("p.parent_id IS NULL AND (p.deleted = 0 OR p.replies > 0) AND ") + feeds;
}

} // namespace

PostRow PostRow::fromJson(const QJsonObject& post)
{
    PostRow p;
    const QJsonObject author = post.value(QLatin1StringView("author")).toObject();
    p.id = qint64(post.value(QLatin1StringView("id")).toDouble());
    p.parentId = qint64(post.value(QLatin1StringView("parentId")).toDouble());
    p.groupId = qint64(post.value(QLatin1StringView("groupId")).toDouble());
    p.pinned = post.value(QLatin1StringView("pinned")).toBool();
    p.authorId = qint64(author.value(QLatin1StringView("id")).toDouble());
    p.authorUsername = author.value(QLatin1StringView("username")).toString();
    p.authorName = author.value(QLatin1StringView("displayName")).toString();
    // Absent from posts written before the server sent it: empty, as for no department.
    p.authorDepartment = author.value(QLatin1StringView("department")).toString();
    p.body = post.value(QLatin1StringView("body")).toString();
    p.createdAt = post.value(QLatin1StringView("createdAt")).toString();
    p.editedAt = post.value(QLatin1StringView("editedAt")).toString();
    p.deleted = post.value(QLatin1StringView("deleted")).toBool();
    p.likes = post.value(QLatin1StringView("likes")).toInt();
    p.replies = post.value(QLatin1StringView("replies")).toInt();
    p.likedByMe = post.value(QLatin1StringView("likedByMe")).toBool();
    if (!p.deleted)
        p.attachments
            = Attachment::listFromJson(post.value(QLatin1StringView("attachments")).toArray());
    return p;
}

void PostStore::noteChanged(const PostRow& p)
{
    m_cache.noteChange(postsArea, p.id);
    m_cache.noteChange(feedsArea, p.groupId);
    m_cache.noteChange(threadsArea, p.parentId ? p.parentId : p.id);
}

bool PostStore::upsert(const QJsonObject& json, bool mentionsMe, bool* inserted)
{
    return upsert(PostRow::fromJson(json), json.contains(QLatin1StringView("likedByMe")),
                  mentionsMe, inserted);
}

bool PostStore::upsert(const PostRow& p, bool hasLikedByMe, bool mentionsMe, bool* inserted)
{
    if (p.id <= 0)
        return m_cache.fail(QStringLiteral("a post without an id"));
    // Insert when new (one statement, no look-up first); otherwise update in place.
    SqliteStatement* insert = m_cache.sqliteStatement(
        "INSERT INTO posts (id, parent_id, author_id, author_username, author_name, body, "
        "created_at, edited_at, deleted, likes, replies, liked_by_me, mentions_me, group_id, "
        "pinned, counts_at, author_department) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, COALESCE(?, '')) "
        "ON CONFLICT (id) DO NOTHING");
    if (!insert)
        return m_cache.fail(m_cache.lastError());
    insert->bind(1, p.id);
    if (p.parentId)
        insert->bind(2, p.parentId);
    else
        insert->bindNull(2);
    insert->bind(3, p.authorId);
    insert->bind(4, p.authorUsername);
    insert->bind(5, p.authorName);
    insert->bind(6, p.body);
    insert->bind(7, p.createdAt);
    if (p.editedAt.isEmpty())
        insert->bindNull(8);
    else
        insert->bind(8, p.editedAt);
    insert->bind(9, qint64(p.deleted));
    insert->bind(10, qint64(p.likes));
    insert->bind(11, qint64(p.replies));
    insert->bind(12, qint64(p.likedByMe));
    insert->bind(13, qint64(mentionsMe));
    if (p.groupId)
        insert->bind(14, p.groupId);
    else
        insert->bindNull(14);
    insert->bind(15, qint64(p.pinned));
    insert->bind(16, m_asOf);
    insert->bind(17, p.authorDepartment);
    if (!insert->run())
        return m_cache.fail(insert->error());
    const bool isNew = insert->changes() > 0;
    if (inserted)
        *inserted = isNew;
    noteChanged(p);
    if (!AttachmentStore(m_cache).replace(AttachmentStore::postKind, p.id,
                                          p.deleted ? QList<Attachment>() : p.attachments, isNew))
        return false;
    if (!tag(p))
        return false;
    auto& statements = m_cache.statements();
    if (isNew) {
        // The server counts the new reply on its parent without an event for the parent;
        // a parent whose count is as of this reply or later has it already.
        if (p.parentId
            && !statements.run(
                QStringLiteral("UPDATE posts SET replies = replies + 1, counts_at = MAX(counts_at, "
                               "?) WHERE id = ? AND (? = 0 OR counts_at < ?)"),
                {m_asOf, p.parentId, m_asOf, m_asOf}))
            return m_cache.fail(statements.lastError());
        return true;
    }
    const QVariant edited
        = p.editedAt.isEmpty() ? sql::nullValue(QMetaType::QString) : QVariant(p.editedAt);
    if (!statements.run(
            QStringLiteral("UPDATE posts SET author_username = ?, author_name = ?, "
                           "author_department = COALESCE(?, ''), "
                           "body = ?, edited_at = ?, deleted = ?, likes = ?, "
                           "replies = CASE WHEN ? = 0 OR ? >= counts_at THEN ? ELSE replies END, "
                           "counts_at = MAX(counts_at, ?), pinned = ?, "
                           "liked_by_me = CASE WHEN ? THEN ? ELSE liked_by_me END, "
                           "mentions_me = MAX(mentions_me, ?) WHERE id = ?"),
            {p.authorUsername, p.authorName, p.authorDepartment, p.body, edited, p.deleted, p.likes,
             m_asOf, m_asOf, p.replies, m_asOf, p.pinned, hasLikedByMe, p.likedByMe, mentionsMe,
             p.id}))
        return m_cache.fail(statements.lastError());
    return true;
}

bool PostStore::tag(const PostRow& p)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM post_topics WHERE source_id = ?"), {p.id}))
        return m_cache.fail(statements.lastError());
    if (p.deleted)
        return true;
    for (const QString& topic : protocol::topicsIn(p.body)) {
        if (!statements.run(QStringLiteral("INSERT OR IGNORE INTO post_topics (topic, post_id, "
                                           "source_id) VALUES (?, ?, ?)"),
                            {topic, p.parentId ? p.parentId : p.id, p.id}))
            return m_cache.fail(statements.lastError());
    }
    return true;
}

bool PostStore::tagUntagged()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("SELECT 1 FROM meta WHERE key = 'topics_untagged'")))
        return m_cache.fail(q.lastError().text());
    if (!q.next())
        return true;
    q.finish();
    QList<PostRow> rows;
    if (!q.exec(QStringLiteral("SELECT id, parent_id, body, deleted FROM posts WHERE body LIKE "
                               "'%#%'")))
        return m_cache.fail(q.lastError().text());
    while (q.next()) {
        PostRow p;
        p.id = q.value(0).toLongLong();
        p.parentId = q.value(1).toLongLong();
        p.body = q.value(2).toString();
        p.deleted = q.value(3).toBool();
        rows.append(p);
    }
    q.finish();
    for (const PostRow& p : std::as_const(rows)) {
        if (!tag(p))
            return false;
    }
    if (!q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'topics_untagged'")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(feedsArea);
    return true;
}

bool PostStore::markDeleted(qint64 postId)
{
    const auto before = post(postId);
    if (!before || before->deleted)
        return true;
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE posts SET deleted = 1, body = '' WHERE id = ?"),
                        {postId}))
        return m_cache.fail(statements.lastError());
    if (!statements.run(QStringLiteral("DELETE FROM post_topics WHERE source_id = ?"), {postId}))
        return m_cache.fail(statements.lastError());
    if (before->parentId
        && !statements.run(
            QStringLiteral("UPDATE posts SET replies = MAX(replies - 1, 0), counts_at = "
                           "MAX(counts_at, ?) WHERE id = ? AND (? = 0 OR counts_at < ?)"),
            {m_asOf, before->parentId, m_asOf, m_asOf}))
        return m_cache.fail(statements.lastError());
    noteChanged(*before);
    return true;
}

bool PostStore::setLikes(qint64 postId, int likes, std::optional<bool> likedByMe)
{
    auto& statements = m_cache.statements();
    const bool ok = likedByMe
        ? statements.run(QStringLiteral("UPDATE posts SET likes = ?, liked_by_me = ? WHERE id = ?"),
                         {likes, *likedByMe, postId})
        : statements.run(QStringLiteral("UPDATE posts SET likes = ? WHERE id = ?"),
                         {likes, postId});
    if (!ok)
        return m_cache.fail(statements.lastError());
    if (const auto p = post(postId))
        noteChanged(*p);
    return true;
}

bool PostStore::setPinned(qint64 postId, bool pinned)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE posts SET pinned = ? WHERE id = ?"),
                        {pinned, postId}))
        return m_cache.fail(statements.lastError());
    if (const auto p = post(postId))
        noteChanged(*p);
    return true;
}

bool PostStore::clear()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM posts")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(postsArea);
    m_cache.noteChange(feedsArea);
    m_cache.noteChange(threadsArea);
    return true;
}

bool PostStore::clearFeed(qint64 groupId)
{
    QSqlQuery q(m_cache.database());
    const bool ok = groupId
        ? sql::run(q, QStringLiteral("DELETE FROM posts WHERE group_id = ?"), {groupId})
        : q.exec(QStringLiteral("DELETE FROM posts WHERE group_id IS NULL"));
    if (!ok)
        return m_cache.fail(q.lastError().text());
    if (q.numRowsAffected() <= 0)
        return true; // purged already: nothing for the models to read again
    m_cache.noteChange(postsArea);
    m_cache.noteChange(feedsArea, groupId);
    m_cache.noteChange(threadsArea);
    return true;
}

bool PostStore::clearFeedsNotMine()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM posts WHERE group_id IS NOT NULL AND group_id NOT IN "
                               "(SELECT group_id FROM group_memberships WHERE state = 'member')")))
        return m_cache.fail(q.lastError().text());
    if (q.numRowsAffected() > 0) {
        m_cache.noteChange(postsArea);
        m_cache.noteChange(feedsArea);
        m_cache.noteChange(threadsArea);
    }
    return true;
}

QList<PostRow> PostStore::select(const QString& where, std::initializer_list<QVariant> values) const
{
    QList<PostRow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM posts p LEFT JOIN user_groups g ON g.id = p.group_id %2")
            .arg(postColumns, where),
        values);
    if (!q)
        return out;
    while (q->next())
        out.append(readPost(*q));
    return out;
}

std::optional<PostRow> PostStore::post(qint64 id) const
{
    const auto rows = select(QStringLiteral("WHERE p.id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<PostRow> PostStore::feedPage(const FeedScope& scope, int limit, qint64 beforeId) const
{
    return select(QStringLiteral("WHERE %1%2 AND p.id < ? ORDER BY p.id DESC LIMIT ?")
                      .arg(feedCondition(scope),
                           scope.pinnedFirst() ? QStringLiteral(" AND p.pinned = 0") : QString()),
                  {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit});
}

QList<PostRow> PostStore::byAuthor(qint64 authorId, int limit) const
{
    return select(
        QStringLiteral("WHERE p.author_id = ? AND p.deleted = 0 ORDER BY p.id DESC LIMIT ?"),
        {authorId, limit});
}

QList<PostRow> PostStore::pinned(const FeedScope& scope) const
{
    return select(
        QStringLiteral("WHERE %1 AND p.pinned = 1 ORDER BY p.id DESC").arg(feedCondition(scope)),
        {});
}

int PostStore::feedCount(const FeedScope& scope) const
{
    // Kept by triggers (migrations 003 and 005): counting a million rows at start took 180 ms.
    QString names;
    switch (scope.kind()) {
    case FeedScope::Kind::Home:
        names = QStringLiteral("name = 'feed:0' OR name IN (SELECT 'feed:' || group_id FROM "
                               "group_memberships WHERE state = 'member')");
        break;
    case FeedScope::Kind::Company:
        names = QStringLiteral("name = 'feed:0'");
        break;
    case FeedScope::Kind::Group:
        names = QStringLiteral("name = 'feed:%1'").arg(scope.groupId());
        break;
    case FeedScope::Kind::Topic: {
        // No counter: the posts of one topic are few and found through the index.
        QSqlQuery* q = m_cache.statements().run(
            QStringLiteral("SELECT COUNT(*) FROM posts p WHERE %1").arg(feedCondition(scope)));
        return q && q->next() ? q->value(0).toInt() : 0;
    }
    }
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COALESCE(SUM(value), 0) FROM counters WHERE %1").arg(names));
    int count = q && q->next() ? q->value(0).toInt() : 0;
    if (scope.kind() == FeedScope::Kind::Home) {
        // The followed posts outside the user's feeds (a public group they are not in).
        q = m_cache.statements().run(
            QStringLiteral("SELECT COUNT(*) FROM posts p WHERE p.parent_id IS NULL AND (p.deleted "
                           "= 0 OR p.replies > 0) AND p.group_id IS NOT NULL AND p.group_id NOT "
                           "IN (SELECT group_id FROM group_memberships WHERE state = 'member') "
                           "AND %1")
                .arg(followedCondition()));
        count += q && q->next() ? q->value(0).toInt() : 0;
    }
    if (scope.pinnedFirst()) {
        q = m_cache.statements().run(
            QStringLiteral("SELECT COUNT(*) FROM posts p WHERE %1 AND p.pinned = 1")
                .arg(feedCondition(scope)));
        count -= q && q->next() ? q->value(0).toInt() : 0;
    }
    return std::max(0, count);
}

QList<PostRow> PostStore::threadPage(qint64 rootId, int limit) const
{
    return select(QStringLiteral("WHERE p.parent_id = ? ORDER BY p.id LIMIT ?"), {rootId, limit});
}

int PostStore::threadCount(qint64 rootId) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id = ?"), {rootId});
    return q && q->next() ? q->value(0).toInt() : 0;
}

int PostStore::postCount() const
{
    QSqlQuery* q = m_cache.statements().run(QStringLiteral("SELECT COUNT(*) FROM posts"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

qint64 PostStore::newestId() const
{
    QSqlQuery* q = m_cache.statements().run(QStringLiteral("SELECT MAX(id) FROM posts"));
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace plein::client
