#include "capabilities/blogs/commentservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/feed/mentions.h"
#include "core/eventlog.h"
#include "protocol/fields.h"

#include <QJsonArray>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;
namespace blogs = protocol::blogs;

namespace {

using L = QLatin1StringView;

protocol::Error commentNotFound(qint64 id)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("comment %1 does not exist").arg(id)};
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace

Result<BlogService::Readable> CommentService::publishedArticle(const User& user, qint64 articleId)
{
    auto r = m_blogs.readable(user, articleId);
    if (!r)
        return BlogService::notFound(articleId);
    if (r->article.isDraft())
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("article %1 is not published yet").arg(articleId));
    return std::move(*r);
}

std::optional<CommentService::Found> CommentService::readable(const User& user, qint64 commentId)
{
    auto c = m_store.find(commentId, user.id);
    if (!c)
        return std::nullopt;
    auto a = m_blogs.readable(user, c->articleId);
    if (!a || a->article.isDraft())
        return std::nullopt;
    return Found {std::move(*c), std::move(*a)};
}

std::optional<protocol::Error> CommentService::cannotTakePart(const BlogService::Readable& a)
{
    if (!a.article.groupId)
        return std::nullopt;
    if (a.group.group->archived)
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("the group '%1' is archived and read-only").arg(a.group.group->name)};
    if (!a.group.isMember())
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("join the group '%1' to take part").arg(a.group.group->name)};
    return std::nullopt;
}

Result<CommentService::Outcome> CommentService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::CommentCreate), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            qint64 parentId = idField(payload, L("parentId"));
            const QString body = payload.value(L("body")).toString();
            if (body.trimmed().isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a comment needs text"));
            auto a = publishedArticle(user, articleId);
            if (!a)
                return a.error();
            if (auto e = cannotTakePart(a.value()))
                return *e;
            if (parentId) {
                auto parent = m_store.find(parentId);
                if (!parent || parent->articleId != articleId || parent->deleted)
                    return commentNotFound(parentId);
                // One level deep: a reply to a reply joins its thread.
                if (parent->parentId) {
                    parent = m_store.find(parent->parentId);
                    if (!parent || parent->deleted)
                        return commentNotFound(parentId);
                }
                parentId = parent->id;
            }
            auto c = m_store.insert(articleId, parentId, user.id, body);
            if (!c)
                return c.error();
            const QStringList names = protocol::mentionedUsernames(body);
            const QList<qint64> mentioned
                = names.isEmpty() ? QList<qint64>() : m_accounts.idsForUsernames(names);
            if (auto r = m_store.recordMentions(c->id, mentioned); !r)
                return r.error();
            const Article& art = a->article;
            auto seq = m_events.append(
                QString(blogs::CommentCreated), user.id, BlogService::blogScope(art),
                QJsonObject {{QStringLiteral("comment"), c->toJson(false)},
                             {QStringLiteral("articleAuthors"), idArray(art.authorIds())},
                             {QStringLiteral("mentions"), idArray(mentioned)}},
                c->id, art.publishedSeq);
            if (!seq)
                return seq.error();
            return QJsonObject {{QStringLiteral("comment"), c->toJson(true)},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<CommentService::Outcome> CommentService::edit(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::CommentEdit), payload, [&]() -> Result<QJsonObject> {
            const qint64 commentId = idField(payload, L("commentId"));
            const QString body = payload.value(L("body")).toString();
            const auto found = readable(user, commentId);
            if (!found || found->comment.deleted)
                return commentNotFound(commentId);
            if (found->comment.authorId != user.id && user.role != Role::Admin)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its author or an admin may edit a comment"));
            if (body.trimmed().isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a comment needs text"));
            if (found->article.article.groupId && found->article.group.group->archived)
                return *cannotTakePart(found->article);
            if (auto r = m_store.updateBody(commentId, body); !r)
                return r.error();
            const auto now = m_store.find(commentId, user.id);
            if (!now)
                return commentNotFound(commentId);
            auto seq
                = m_events.append(QString(blogs::CommentEdited), user.id,
                                  BlogService::blogScope(found->article.article),
                                  QJsonObject {{QStringLiteral("comment"), now->toJson(false)}},
                                  commentId, found->article.article.publishedSeq);
            if (!seq)
                return seq.error();
            return QJsonObject {{QStringLiteral("comment"), now->toJson(true)},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<CommentService::Outcome> CommentService::remove(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::CommentDelete), payload, [&]() -> Result<QJsonObject> {
            const qint64 commentId = idField(payload, L("commentId"));
            const auto found = readable(user, commentId);
            if (!found || found->comment.deleted)
                return commentNotFound(commentId);
            const Article& art = found->article.article;
            // Its author, the article's owner, an admin, the group's owners and moderators.
            const bool may = found->comment.authorId == user.id || art.author.id == user.id
                || user.role == Role::Admin || (art.groupId && found->article.group.canModerate());
            if (!may)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its author, the article's owner or a "
                                                "moderator may delete a comment"));
            if (art.groupId && found->article.group.group->archived)
                return *cannotTakePart(found->article);
            if (auto r = m_store.markDeleted(commentId); !r)
                return r.error();
            const QJsonObject data {{QStringLiteral("commentId"), commentId},
                                    {QStringLiteral("articleId"), art.id},
                                    {QStringLiteral("comments"), m_store.commentCount(art.id)}};
            auto seq
                = m_events.append(QString(blogs::CommentDeleted), user.id,
                                  BlogService::blogScope(art), data, commentId, art.publishedSeq);
            if (!seq)
                return seq.error();
            QJsonObject out = data;
            out.insert(QStringLiteral("seq"), seq.value());
            return out;
        });
}

Result<CommentService::Outcome> CommentService::like(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::CommentLike), payload, [&]() -> Result<QJsonObject> {
            const qint64 commentId = idField(payload, L("commentId"));
            const bool liked = payload.value(L("liked")).toBool();
            const auto found = readable(user, commentId);
            if (!found || found->comment.deleted)
                return commentNotFound(commentId);
            if (auto e = cannotTakePart(found->article))
                return *e;
            int likes = 0;
            auto changed = m_store.setCommentLike(commentId, user.id, liked, &likes);
            if (!changed)
                return changed.error();
            QJsonObject data {{QStringLiteral("commentId"), commentId},
                              {QStringLiteral("articleId"), found->comment.articleId},
                              {QStringLiteral("userId"), user.id},
                              {QStringLiteral("liked"), liked},
                              {QStringLiteral("likes"), likes}};
            // The state it already had changes nothing and tells nobody.
            if (changed.value()) {
                auto seq = m_events.append(QString(blogs::CommentLiked), user.id,
                                           BlogService::blogScope(found->article.article), data,
                                           commentId, found->article.article.publishedSeq);
                if (!seq)
                    return seq.error();
                data.insert(QStringLiteral("seq"), seq.value());
            }
            return data;
        });
}

Result<CommentService::Outcome> CommentService::likeArticle(const User& user,
                                                            const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleLike), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            const bool liked = payload.value(L("liked")).toBool();
            auto a = publishedArticle(user, articleId);
            if (!a)
                return a.error();
            if (auto e = cannotTakePart(a.value()))
                return *e;
            int likes = 0;
            auto changed = m_store.setArticleLike(articleId, user.id, liked, &likes);
            if (!changed)
                return changed.error();
            QJsonObject data {{QStringLiteral("articleId"), articleId},
                              {QStringLiteral("userId"), user.id},
                              {QStringLiteral("liked"), liked},
                              {QStringLiteral("likes"), likes}};
            if (changed.value()) {
                auto seq = m_events.append(QString(blogs::ArticleLiked), user.id,
                                           BlogService::blogScope(a->article), data, articleId,
                                           a->article.publishedSeq);
                if (!seq)
                    return seq.error();
                data.insert(QStringLiteral("seq"), seq.value());
            }
            return data;
        });
}

Result<QJsonObject> CommentService::list(const User& user, const QJsonObject& payload)
{
    const qint64 articleId = idField(payload, L("articleId"));
    const qint64 after = idField(payload, L("after"));
    const int limit = payload.contains(L("limit")) ? payload.value(L("limit")).toInt()
                                                   : blogs::defaultCommentPage;
    const qint64 head = m_events.head();
    const auto a = m_blogs.readable(user, articleId);
    if (!a)
        return BlogService::notFound(articleId);
    auto page = m_store.page(articleId, user.id, after, limit);
    if (!page)
        return page.error();
    QJsonArray out;
    for (const ArticleComment& c : std::as_const(page.value()))
        out.append(c.toJson(true));
    return QJsonObject {{QStringLiteral("articleId"), articleId},
                        {QStringLiteral("comments"), out},
                        {QStringLiteral("more"), page->size() == limit},
                        {QStringLiteral("head"), head}};
}

} // namespace plein::server
