#include "service/feedservice.h"

#include "protocol/limits.h"
#include "protocol/mentions.h"
#include "store/accountstore.h"
#include "store/eventlog.h"
#include "store/feedstore.h"

#include <QJsonArray>

namespace plein::server {

using protocol::ErrorCode;

namespace {

qint64 idField(const QJsonObject& payload, QLatin1StringView name)
{
    return qint64(payload.value(name).toDouble());
}

QJsonObject written(const QString& key, const QJsonValue& value, qint64 seq)
{
    return QJsonObject {{key, value}, {QStringLiteral("seq"), seq}};
}

protocol::Error notFound(qint64 id)
{
    return protocol::Error {ErrorCode::NotFound, QStringLiteral("post %1 does not exist").arg(id)};
}

bool mayChange(const User& user, const Post& post)
{
    return post.authorId == user.id || user.role == Role::Admin;
}

} // namespace

Result<FeedService::Outcome> FeedService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.create"), payload, [&]() -> Result<QJsonObject> {
            const QString body = payload.value(QLatin1StringView("body")).toString();
            if (body.trimmed().isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a post needs some text"));
            qint64 parentId = idField(payload, QLatin1StringView("parentId"));
            if (parentId) {
                const auto parent = m_feed.find(parentId);
                if (!parent)
                    return notFound(parentId);
                if (parent->deleted && parent->parentId == 0)
                    return makeError(ErrorCode::NotFound,
                                     QStringLiteral("post %1 was deleted").arg(parentId));
                // Threads are one level deep: a reply to a reply joins the top-level post's thread.
                if (parent->parentId)
                    parentId = parent->parentId;
            }
            auto post = m_feed.insert(user.id, parentId, body);
            if (!post)
                return post.error();
            const QStringList names = protocol::mentionedUsernames(body);
            const QList<qint64> mentioned
                = names.isEmpty() ? QList<qint64>() : m_accounts.idsForUsernames(names);
            if (auto r = m_feed.recordMentions(post->id, mentioned); !r)
                return r.error();
            QJsonArray mentionIds;
            for (qint64 id : mentioned)
                mentionIds.append(id);
            auto seq = m_events.append(QStringLiteral("post.created"), user.id, Scope::everyone(),
                                       QJsonObject {{QStringLiteral("post"), post->toJson(false)},
                                                    {QStringLiteral("mentions"), mentionIds}});
            if (!seq)
                return seq.error();
            return written(QStringLiteral("post"), post->toJson(true), seq.value());
        });
}

Result<FeedService::Outcome> FeedService::edit(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.edit"), payload, [&]() -> Result<QJsonObject> {
            const qint64 postId = idField(payload, QLatin1StringView("postId"));
            const QString body = payload.value(QLatin1StringView("body")).toString();
            if (body.trimmed().isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a post needs some text"));
            const auto post = m_feed.find(postId, user.id);
            if (!post || post->deleted)
                return notFound(postId);
            if (!mayChange(user, *post))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the author or an admin may edit a post"));
            if (auto r = m_feed.updateBody(postId, body); !r)
                return r.error();
            const auto updated = m_feed.find(postId, user.id);
            auto seq
                = m_events.append(QStringLiteral("post.edited"), user.id, Scope::everyone(),
                                  QJsonObject {{QStringLiteral("post"), updated->toJson(false)}});
            if (!seq)
                return seq.error();
            return written(QStringLiteral("post"), updated->toJson(true), seq.value());
        });
}

Result<FeedService::Outcome> FeedService::remove(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.delete"), payload, [&]() -> Result<QJsonObject> {
            const qint64 postId = idField(payload, QLatin1StringView("postId"));
            const auto post = m_feed.find(postId);
            if (!post || post->deleted)
                return notFound(postId);
            if (!mayChange(user, *post))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the author or an admin may delete a post"));
            if (auto r = m_feed.markDeleted(postId); !r)
                return r.error();
            QJsonObject data {{QStringLiteral("postId"), postId},
                              {QStringLiteral("parentId"),
                               post->parentId ? QJsonValue(post->parentId) : QJsonValue()}};
            auto seq
                = m_events.append(QStringLiteral("post.deleted"), user.id, Scope::everyone(), data);
            if (!seq)
                return seq.error();
            data.insert(QStringLiteral("seq"), seq.value());
            return data;
        });
}

Result<FeedService::Outcome> FeedService::like(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QStringLiteral("post.like"), payload,
                        [&]() -> Result<QJsonObject> {
                            const qint64 postId = idField(payload, QLatin1StringView("postId"));
                            const bool liked = payload.value(QLatin1StringView("liked")).toBool();
                            const auto post = m_feed.find(postId);
                            if (!post || post->deleted)
                                return notFound(postId);
                            auto changed = m_feed.setLike(postId, user.id, liked);
                            if (!changed)
                                return changed.error();
                            // Read back after our update, which holds the row: on PostgreSQL two
                            // likes at the same moment would otherwise both report the count from
                            // before either.
                            const auto after = changed.value() ? m_feed.find(postId) : post;
                            const int likes = after ? after->likes : post->likes;
                            QJsonObject data {{QStringLiteral("postId"), postId},
                                              {QStringLiteral("userId"), user.id},
                                              {QStringLiteral("liked"), liked},
                                              {QStringLiteral("likes"), likes}};
                            qint64 seq = 0;
                            // Liking twice changes nothing and so appends no event.
                            if (changed.value()) {
                                auto appended = m_events.append(QStringLiteral("post.liked"),
                                                                user.id, Scope::everyone(), data);
                                if (!appended)
                                    return appended.error();
                                seq = appended.value();
                            }
                            data.insert(QStringLiteral("seq"), seq);
                            return data;
                        });
}

Result<QJsonObject> FeedService::page(const User& user, const QJsonObject& payload)
{
    const qint64 before = idField(payload, QLatin1StringView("before"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    // The head first: a client that stores this page and then syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    auto posts = m_feed.page(user.id, before, limit);
    if (!posts)
        return posts.error();
    QJsonArray out;
    for (const Post& p : posts.value())
        out.append(p.toJson(true));
    return QJsonObject {{QStringLiteral("posts"), out},
                        {QStringLiteral("more"), posts->size() == limit},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> FeedService::thread(const User& user, const QJsonObject& payload)
{
    const qint64 postId = idField(payload, QLatin1StringView("postId"));
    const qint64 after = idField(payload, QLatin1StringView("after"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    const qint64 head = m_events.head();
    const auto root = m_feed.find(postId, user.id);
    if (!root)
        return notFound(postId);
    if (root->parentId)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("post %1 is a reply; ask for its thread %2")
                             .arg(postId)
                             .arg(root->parentId));
    auto replies = m_feed.replies(postId, user.id, after, limit);
    if (!replies)
        return replies.error();
    QJsonArray out;
    for (const Post& p : replies.value())
        out.append(p.toJson(true));
    return QJsonObject {{QStringLiteral("post"), root->toJson(true)},
                        {QStringLiteral("replies"), out},
                        {QStringLiteral("more"), replies->size() == limit},
                        {QStringLiteral("head"), head}};
}

} // namespace plein::server
