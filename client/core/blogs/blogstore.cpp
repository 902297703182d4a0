#include "blogstore.h"

#include "store/cache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

const QString articleColumns = QStringLiteral(
    "id, group_id, state, revision, author, co_authors, title, summary, tags, words, "
    "reading_minutes, created_at, changed_at, publish_at, published_at, edited_at, "
    "publish_error, published_seq, likes, comments, liked_by_me, body, comments_loaded, seq, "
    "cover");

const QString commentColumns = QStringLiteral(
    "id, article_id, parent_id, author, body, created_at, edited_at, deleted, likes, replies, "
    "liked_by_me");

QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString compact(const QJsonValue& v)
{
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonDocument parsed(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8());
}

ArticleRow readArticle(const QSqlQuery& q)
{
    ArticleRow a;
    a.id = q.value(0).toLongLong();
    a.groupId = q.value(1).toLongLong();
    a.state = q.value(2).toString();
    a.revision = q.value(3).toLongLong();
    a.author = ArticlePerson::fromJson(parsed(q.value(4)).object());
    for (const QJsonValue& v : parsed(q.value(5)).array())
        a.coAuthors.append(ArticlePerson::fromJson(v.toObject()));
    a.text.title = q.value(6).toString();
    a.text.summary = q.value(7).toString();
    for (const QJsonValue& v : parsed(q.value(8)).array())
        a.text.tags.append(v.toString());
    a.words = q.value(9).toInt();
    a.readingMinutes = q.value(10).toInt();
    a.createdAt = q.value(11).toString();
    a.changedAt = q.value(12).toString();
    a.publishAt = q.value(13).toString();
    a.publishedAt = q.value(14).toString();
    a.editedAt = q.value(15).toString();
    a.publishError = q.value(16).toString();
    a.publishedSeq = q.value(17).toLongLong();
    a.likes = q.value(18).toInt();
    a.comments = q.value(19).toInt();
    a.likedByMe = q.value(20).toInt() != 0;
    a.hasBody = !q.value(21).isNull();
    a.text.body = q.value(21).toString();
    a.commentsLoaded = q.value(22).toInt() != 0;
    a.seq = q.value(23).toLongLong();
    if (const QJsonDocument cover = parsed(q.value(24)); cover.isObject())
        a.cover = Attachment::fromJson(cover.object());
    return a;
}

CommentRow readComment(const QSqlQuery& q)
{
    CommentRow c;
    c.id = q.value(0).toLongLong();
    c.articleId = q.value(1).toLongLong();
    c.parentId = q.value(2).toLongLong();
    c.author = ArticlePerson::fromJson(parsed(q.value(3)).object());
    c.body = q.value(4).toString();
    c.createdAt = q.value(5).toString();
    c.editedAt = q.value(6).toString();
    c.deleted = q.value(7).toInt() != 0;
    c.likes = q.value(8).toInt();
    c.replies = q.value(9).toInt();
    c.likedByMe = q.value(10).toInt() != 0;
    return c;
}

} // namespace

std::optional<ArticleRow> BlogStore::article(qint64 id) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM articles WHERE id = ?").arg(articleColumns), {id});
    if (!q || !q->next())
        return std::nullopt;
    ArticleRow a = readArticle(*q);
    q->finish();
    return a;
}

bool BlogStore::upsert(const ArticleRow& incoming, qint64 seq)
{
    if (incoming.id <= 0)
        return m_cache.fail(QStringLiteral("an article without an id"));
    ArticleRow a = incoming;
    if (const auto known = article(a.id)) {
        if (known->seq > seq) {
            // The cache knows a later state, but perhaps not this revision's text: keep that.
            if (!a.hasBody || known->hasBody || known->revision != a.revision)
                return true;
            auto& statements = m_cache.statements();
            if (!statements.run(QStringLiteral("UPDATE articles SET body = ?, liked_by_me = ? "
                                               "WHERE id = ?"),
                                {text(a.text.body), a.likedByMe ? 1 : 0, a.id}))
                return m_cache.fail(statements.lastError());
            m_cache.noteChange(articlesArea, a.id);
            return true;
        }
        // Only reads of the whole article say whether the user likes it.
        if (!incoming.hasBody)
            a.likedByMe = known->likedByMe;
        a.commentsLoaded = known->commentsLoaded;
    }
    QJsonArray co;
    for (const ArticlePerson& p : a.coAuthors)
        co.append(p.toJson());
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO articles (id, group_id, state, revision, author_id, author, "
                "co_authors, title, summary, tags, words, reading_minutes, created_at, "
                "changed_at, publish_at, published_at, edited_at, publish_error, published_seq, "
                "likes, comments, liked_by_me, body, comments_loaded, seq, cover) VALUES (?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                // Updated in place (the search index's triggers see an update); a card without
                // a text keeps the one the row has, with the revision it is of.
                "ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, state = "
                "excluded.state, revision = excluded.revision, author_id = excluded.author_id, "
                "author = excluded.author, co_authors = excluded.co_authors, title = "
                "excluded.title, summary = excluded.summary, tags = excluded.tags, words = "
                "excluded.words, reading_minutes = excluded.reading_minutes, created_at = "
                "excluded.created_at, changed_at = excluded.changed_at, publish_at = "
                "excluded.publish_at, published_at = excluded.published_at, edited_at = "
                "excluded.edited_at, publish_error = excluded.publish_error, published_seq = "
                "excluded.published_seq, likes = excluded.likes, comments = excluded.comments, "
                "liked_by_me = excluded.liked_by_me, comments_loaded = excluded.comments_loaded, "
                "seq = excluded.seq, cover = excluded.cover, "
                // The text: the one that came; else the one here while the revision stays;
                // else none, the one here moved aside as the base of the steps to the new one
                // (every expression reads the row as it was).
                "body = CASE WHEN excluded.body IS NOT NULL THEN excluded.body WHEN "
                "excluded.revision = articles.revision THEN articles.body END, "
                "held_body = CASE WHEN excluded.body IS NOT NULL THEN NULL WHEN "
                "excluded.revision <> articles.revision AND articles.body IS NOT NULL THEN "
                "articles.body ELSE articles.held_body END, "
                "held_revision = CASE WHEN excluded.body IS NOT NULL THEN 0 WHEN "
                "excluded.revision <> articles.revision AND articles.body IS NOT NULL THEN "
                "articles.revision ELSE articles.held_revision END"),
            {a.id,
             a.groupId,
             text(a.state),
             a.revision,
             a.author.id,
             compact(a.author.toJson()),
             compact(co),
             text(a.text.title),
             text(a.text.summary),
             compact(QJsonArray::fromStringList(a.text.tags)),
             a.words,
             a.readingMinutes,
             text(a.createdAt),
             text(a.changedAt),
             text(a.publishAt),
             text(a.publishedAt),
             text(a.editedAt),
             text(a.publishError),
             a.publishedSeq,
             a.likes,
             a.comments,
             a.likedByMe ? 1 : 0,
             a.hasBody ? QVariant(text(a.text.body)) : QVariant(),
             a.commentsLoaded ? 1 : 0,
             seq,
             a.cover ? compact(a.cover->toJson()) : QStringLiteral("")}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea, a.id);
    return true;
}

std::optional<HeldText> BlogStore::heldText(qint64 id) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT CASE WHEN body IS NOT NULL THEN revision ELSE held_revision END, "
                       "COALESCE(body, held_body) FROM articles WHERE id = ? AND (body IS NOT "
                       "NULL OR held_body IS NOT NULL)"),
        {id});
    if (!q || !q->next())
        return std::nullopt;
    HeldText held {q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return held;
}

bool BlogStore::remove(qint64 id)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM articles WHERE id = ?"), {id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea, id);
    m_cache.noteChange(commentsArea, id);
    return true;
}

bool BlogStore::setLikes(qint64 articleId, int likes, std::optional<bool> likedByMe, qint64 seq)
{
    auto& statements = m_cache.statements();
    // A write's answer (seq 0 here) says the count as of its own moment, which may be ahead
    // of the events applied: it sets the count without moving the row's number, so the
    // events before it still count in.
    if (seq == 0) {
        if (!statements.run(
                QStringLiteral("UPDATE articles SET likes = ?, liked_by_me = "
                               "coalesce(?, liked_by_me) WHERE id = ?"),
                {likes, likedByMe ? QVariant(*likedByMe ? 1 : 0) : QVariant(), articleId}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(articlesArea, articleId);
        return true;
    }
    const bool ok = likedByMe
        ? statements.run(QStringLiteral("UPDATE articles SET likes = ?, liked_by_me = ?, seq = "
                                        "max(seq, ?) WHERE id = ? AND seq <= ?"),
                         {likes, *likedByMe ? 1 : 0, seq, articleId, seq})
        : statements.run(QStringLiteral("UPDATE articles SET likes = ?, seq = max(seq, ?) WHERE "
                                        "id = ? AND seq <= ?"),
                         {likes, seq, articleId, seq});
    if (!ok)
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea, articleId);
    return true;
}

bool BlogStore::setCommentCount(qint64 articleId, int comments)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE articles SET comments = ? WHERE id = ?"),
                        {comments, articleId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea, articleId);
    return true;
}

bool BlogStore::addComment(qint64 articleId, qint64 seq)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE articles SET comments = comments + 1, seq = ? WHERE "
                                       "id = ? AND seq < ?"),
                        {seq, articleId, seq}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea, articleId);
    return true;
}

QList<ArticleRow> BlogStore::list(const QString& where, const QVariantList& binds, int limit) const
{
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM articles WHERE %2 LIMIT ?").arg(articleColumns, where));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    QList<ArticleRow> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readArticle(q));
    return out;
}

QList<ArticleRow> BlogStore::blog(qint64 groupId, int limit) const
{
    return list(QStringLiteral("state = 'published' AND group_id = ? ORDER BY published_seq DESC"),
                {groupId}, limit);
}

QList<ArticleRow> BlogStore::published(int limit) const
{
    return list(QStringLiteral("state = 'published' ORDER BY published_seq DESC"), {}, limit);
}

QList<ArticleRow> BlogStore::byAuthor(qint64 userId, int limit) const
{
    // Co-authors are in the JSON list; the owner has an index of their own.
    return list(QStringLiteral("state = 'published' AND (author_id = ? OR EXISTS (SELECT 1 FROM "
                               "json_each(co_authors) WHERE json_extract(value, '$.id') = ?)) "
                               "ORDER BY published_seq DESC"),
                {userId, userId}, limit);
}

QList<ArticleRow> BlogStore::drafts() const
{
    return list(QStringLiteral("state <> 'published' ORDER BY changed_at DESC, id DESC"), {}, 1000);
}

bool BlogStore::clearArticles()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM articles WHERE id NOT IN (SELECT article_id FROM "
                               "article_work WHERE article_id > 0)")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(articlesArea);
    m_cache.noteChange(commentsArea);
    return true;
}

bool BlogStore::clearGroup(qint64 groupId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM articles WHERE group_id = ? AND id NOT IN "
                                       "(SELECT article_id FROM article_work WHERE article_id > "
                                       "0)"),
                        {groupId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(articlesArea);
    m_cache.noteChange(commentsArea);
    return true;
}

std::optional<CommentRow> BlogStore::comment(qint64 id) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM article_comments WHERE id = ?").arg(commentColumns), {id});
    if (!q || !q->next())
        return std::nullopt;
    CommentRow c = readComment(*q);
    q->finish();
    return c;
}

bool BlogStore::upsertComment(const CommentRow& c)
{
    if (c.id <= 0 || c.articleId <= 0)
        return m_cache.fail(QStringLiteral("a comment without an id"));
    auto& statements = m_cache.statements();
    // likedByMe comes with reads and answers; an event about someone else's change keeps it.
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO article_comments (id, article_id, parent_id, author_id, author, "
                "body, created_at, edited_at, deleted, likes, replies, liked_by_me) VALUES (?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = "
                "excluded.body, edited_at = excluded.edited_at, deleted = excluded.deleted, "
                "likes = excluded.likes, replies = excluded.replies, author = excluded.author"),
            {c.id, c.articleId, c.parentId, c.author.id, compact(c.author.toJson()), text(c.body),
             text(c.createdAt), text(c.editedAt), c.deleted ? 1 : 0, c.likes, c.replies,
             c.likedByMe ? 1 : 0}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(commentsArea, c.articleId);
    return true;
}

QList<CommentRow> BlogStore::comments(qint64 articleId) const
{
    QList<CommentRow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM article_comments WHERE article_id = ? ORDER BY CASE WHEN "
                       "parent_id = 0 THEN id ELSE parent_id END, parent_id <> 0, id")
            .arg(commentColumns),
        {articleId});
    if (!q)
        return out;
    while (q->next())
        out.append(readComment(*q));
    return out;
}

bool BlogStore::setCommentsLoaded(qint64 articleId, bool loaded)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE articles SET comments_loaded = ? WHERE id = ?"),
                        {loaded ? 1 : 0, articleId}))
        return m_cache.fail(statements.lastError());
    return true;
}

bool BlogStore::markCommentDeleted(qint64 commentId)
{
    const auto c = comment(commentId);
    if (!c)
        return true;
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE article_comments SET deleted = 1, body = '' WHERE "
                                       "id = ?"),
                        {commentId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(commentsArea, c->articleId);
    return true;
}

bool BlogStore::setCommentLikes(qint64 commentId, int likes, std::optional<bool> likedByMe)
{
    const auto c = comment(commentId);
    if (!c)
        return true;
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE article_comments SET likes = ?, liked_by_me = ? "
                                       "WHERE id = ?"),
                        {likes, likedByMe.value_or(c->likedByMe) ? 1 : 0, commentId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(commentsArea, c->articleId);
    return true;
}

} // namespace plein::client
