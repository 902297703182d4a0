#include "capabilities/feed/feedservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/feed/feedprotocol.h"
#include "capabilities/feed/feedstore.h"
#include "capabilities/feed/mentions.h"
#include "capabilities/feed/topics.h"
#include "capabilities/files/fileservice.h"
#include "core/eventlog.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <QJsonArray>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;

namespace {

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

std::optional<FeedService::Readable> FeedService::readable(const User& user, qint64 postId)
{
    auto post = m_feed.find(postId, user.id);
    if (!post)
        return std::nullopt;
    Readable r {std::move(*post), {}};
    if (r.post.groupId == 0)
        return r;
    r.group = m_groups.access(user, r.post.groupId);
    if (!r.group.canRead())
        return std::nullopt;
    const qint64 from = r.group.visibleFrom();
    if (from > 0 && r.post.seq <= from)
        return std::nullopt;
    // A reply belongs to its thread: one whose post came before the join is not seen either,
    // as the event log's history rule has it (origin_seq).
    if (from > 0 && r.post.parentId) {
        const auto root = m_feed.find(r.post.parentId, user.id);
        if (!root || root->seq <= from)
            return std::nullopt;
    }
    return r;
}

bool FeedService::maySee(const User& user, qint64 postId)
{
    const auto r = readable(user, postId);
    return r && !r->post.deleted;
}

void FeedService::fillAttachments(QList<Post*> posts)
{
    QList<qint64> ids;
    for (const Post* p : posts)
        ids.append(p->id);
    const QHash<qint64, QJsonArray> files = m_files.attachmentsOf(QStringLiteral("post"), ids);
    if (files.isEmpty())
        return;
    for (Post* p : posts)
        p->attachments = files.value(p->id);
}

QJsonArray FeedService::answered(QList<Post>& posts)
{
    QList<Post*> all;
    for (Post& p : posts)
        all.append(&p);
    fillAttachments(all);
    QJsonArray out;
    for (const Post& p : std::as_const(posts))
        out.append(p.toJson(true));
    return out;
}

std::optional<protocol::Error> FeedService::cannotWrite(const Readable& r)
{
    if (r.post.groupId == 0)
        return std::nullopt;
    if (r.group.group->archived)
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("the group '%1' is archived and read-only").arg(r.group.group->name)};
    // Admins moderate every group (edit, delete, pin) but take part only as members.
    if (!r.group.isMember())
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("join the group '%1' to take part").arg(r.group.group->name)};
    return std::nullopt;
}

qint64 FeedService::threadOrigin(const Post& post)
{
    if (!post.parentId)
        return post.seq;
    const auto root = m_feed.find(post.parentId);
    return root ? root->seq : post.seq;
}

Scope FeedService::scopeOf(const Post& post)
{
    return post.groupId ? Scope::group(post.groupId) : Scope::everyone();
}

Result<FeedService::Outcome> FeedService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.create"), payload, [&]() -> Result<QJsonObject> {
            const QString body = payload.value(QLatin1StringView("body")).toString();
            // A file alone is a post too (a photo, a report), as in every chat.
            if (body.trimmed().isEmpty()
                && payload.value(QLatin1StringView("attachments")).toArray().isEmpty())
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("a post needs some text or a file"));
            qint64 parentId = idField(payload, QLatin1StringView("parentId"));
            qint64 groupId = idField(payload, QLatin1StringView("groupId"));
            qint64 origin = 0; // the thread's post.created, for a group's history rule
            if (parentId) {
                auto parent = readable(user, parentId);
                if (!parent)
                    return notFound(parentId);
                // Threads are one level deep: a reply to a reply joins the top-level post's
                // thread, which must be readable and not deleted as a direct reply's would.
                if (parent->post.parentId) {
                    auto root = readable(user, parent->post.parentId);
                    if (!root)
                        return notFound(parentId);
                    parent = std::move(root);
                }
                if (parent->post.deleted)
                    return notFound(parentId);
                if (groupId && groupId != parent->post.groupId)
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("a reply belongs to its parent's feed; leave "
                                                    "out 'groupId'"));
                if (auto err = cannotWrite(*parent))
                    return *err;
                groupId = parent->post.groupId;
                parentId = parent->post.id;
                origin = parent->post.seq;
            } else if (groupId) {
                const GroupAccess a = m_groups.access(user, groupId);
                if (!a.group)
                    return GroupService::notFound(groupId);
                if (a.group->archived)
                    return makeError(ErrorCode::Forbidden,
                                     QStringLiteral("the group '%1' is archived and read-only")
                                         .arg(a.group->name));
                if (!a.isMember())
                    return makeError(
                        ErrorCode::Forbidden,
                        QStringLiteral("only members post in the group '%1'").arg(a.group->name));
            }
            // The event's number first, so that the post is written with it at once.
            const auto seq = m_events.nextSeq();
            if (!seq)
                return seq.error();
            auto post = m_feed.insert(user, parentId, groupId, body, seq.value());
            if (!post)
                return post.error();
            const QStringList names = protocol::mentionedUsernames(body);
            const QList<qint64> mentioned
                = names.isEmpty() ? QList<qint64>() : m_accounts.idsForUsernames(names);
            if (auto r = m_feed.recordMentions(post->id, mentioned); !r)
                return r.error();
            if (auto r
                = m_topics.tag(post->id, parentId ? parentId : post->id, protocol::topicsIn(body));
                !r)
                return r.error();
            const QJsonArray fileIds = payload.value(QLatin1StringView("attachments")).toArray();
            if (!fileIds.isEmpty()) {
                QStringList ids;
                for (const auto& v : fileIds)
                    ids.append(v.toString());
                auto attached = m_files.attach(user, ids, QStringLiteral("post"), post->id);
                if (!attached)
                    return attached.error();
                post->attachments = attached.value();
            }
            QJsonArray mentionIds;
            for (qint64 id : mentioned)
                mentionIds.append(id);
            QJsonObject json = post->toJson(false);
            if (auto appended = m_events.appendAt(
                    seq.value(), QStringLiteral("post.created"), user.id, scopeOf(post.value()),
                    QJsonObject {{QStringLiteral("post"), json},
                                 {QStringLiteral("mentions"), mentionIds}},
                    post->id, origin);
                !appended)
                return appended.error();
            json.insert(QStringLiteral("likedByMe"), false); // as toJson(true) has it
            return written(QStringLiteral("post"), json, seq.value());
        });
}

Result<FeedService::Outcome> FeedService::edit(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.edit"), payload, [&]() -> Result<QJsonObject> {
            const qint64 postId = idField(payload, QLatin1StringView("postId"));
            const QString body = payload.value(QLatin1StringView("body")).toString();
            const auto found = readable(user, postId);
            if (!found || found->post.deleted)
                return notFound(postId);
            if (!mayChange(user, found->post))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the author or an admin may edit a post"));
            // As when it was written: its files may stand alone.
            if (body.trimmed().isEmpty() && !m_files.hasAttachments(QStringLiteral("post"), postId))
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("a post needs some text or a file"));
            if (found->post.groupId && found->group.group->archived)
                return *cannotWrite(*found);
            if (auto r = m_feed.updateBody(postId, body); !r)
                return r.error();
            const qint64 root = found->post.parentId ? found->post.parentId : postId;
            if (auto r = m_topics.tag(postId, root, protocol::topicsIn(body)); !r)
                return r.error();
            auto updated = m_feed.find(postId, user.id);
            if (updated)
                fillAttachments({&*updated});
            auto seq
                = m_events.append(QStringLiteral("post.edited"), user.id, scopeOf(*updated),
                                  QJsonObject {{QStringLiteral("post"), updated->toJson(false)}},
                                  postId, threadOrigin(*updated));
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
            const auto found = readable(user, postId);
            if (!found || found->post.deleted)
                return notFound(postId);
            const Post* post = &found->post;
            // In a group its owners and moderators may delete members' posts too.
            const bool moderates = post->groupId && found->group.canModerate();
            if (!mayChange(user, *post) && !moderates)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the author or an admin may delete a post"));
            if (post->groupId && found->group.group->archived)
                return *cannotWrite(*found);
            if (auto r = m_feed.markDeleted(postId); !r)
                return r.error();
            if (auto r = m_topics.untag(postId); !r)
                return r.error();
            QJsonObject data {{QStringLiteral("postId"), postId},
                              {QStringLiteral("parentId"),
                               post->parentId ? QJsonValue(post->parentId) : QJsonValue()},
                              {QStringLiteral("groupId"),
                               post->groupId ? QJsonValue(post->groupId) : QJsonValue()}};
            auto seq = m_events.append(QStringLiteral("post.deleted"), user.id, scopeOf(*post),
                                       data, postId, threadOrigin(*post));
            if (!seq)
                return seq.error();
            data.insert(QStringLiteral("seq"), seq.value());
            return data;
        });
}

Result<FeedService::Outcome> FeedService::like(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QStringLiteral("post.like"), payload, [&]() -> Result<QJsonObject> {
            const qint64 postId = idField(payload, QLatin1StringView("postId"));
            const bool liked = payload.value(QLatin1StringView("liked")).toBool();
            const auto found = readable(user, postId);
            if (!found || found->post.deleted)
                return notFound(postId);
            if (auto err = cannotWrite(*found))
                return *err;
            const std::optional<Post> post = found->post;
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
                auto appended = m_events.append(QStringLiteral("post.liked"), user.id,
                                                scopeOf(*post), data, postId, threadOrigin(*post));
                if (!appended)
                    return appended.error();
                seq = appended.value();
            }
            data.insert(QStringLiteral("seq"), seq);
            return data;
        });
}

Result<FeedService::Outcome> FeedService::pin(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QStringLiteral("post.pin"), payload, [&]() -> Result<QJsonObject> {
        const qint64 postId = idField(payload, QLatin1StringView("postId"));
        const bool pinned = payload.value(QLatin1StringView("pinned")).toBool();
        const auto found = readable(user, postId);
        if (!found || found->post.deleted)
            return notFound(postId);
        const Post& post = found->post;
        if (post.parentId)
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("only a top-level post can be pinned"));
        const bool allowed = post.groupId ? found->group.canModerate() : user.role == Role::Admin;
        if (!allowed)
            return makeError(
                ErrorCode::Forbidden,
                post.groupId ? QStringLiteral("only the group's owners and moderators pin posts")
                             : QStringLiteral("only an admin pins posts in the company feed"));
        if (post.groupId && found->group.group->archived)
            return *cannotWrite(*found);
        auto changed = m_feed.setPinned(postId, pinned);
        if (!changed)
            return changed.error();
        QJsonObject data {
            {QStringLiteral("postId"), postId},
            {QStringLiteral("groupId"), post.groupId ? QJsonValue(post.groupId) : QJsonValue()},
            {QStringLiteral("pinned"), pinned}};
        qint64 seq = 0;
        if (changed.value()) {
            auto appended = m_events.append(QStringLiteral("post.pinned"), user.id, scopeOf(post),
                                            data, postId, threadOrigin(post));
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
    if (payload.contains(QLatin1StringView("topic"))
        || payload.value(QLatin1StringView("following")).toBool())
        return selectedPage(user, payload);
    const qint64 groupId = idField(payload, QLatin1StringView("groupId"));
    const qint64 before = idField(payload, QLatin1StringView("before"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    // The head first: a client that stores this page and then syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    qint64 visibleFrom = 0;
    if (groupId) {
        const GroupAccess a = m_groups.access(user, groupId);
        if (!a.group)
            return GroupService::notFound(groupId);
        if (!a.canRead())
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("only members read the group '%1'").arg(a.group->name));
        visibleFrom = a.visibleFrom();
    }
    auto posts = m_feed.page(user.id, groupId, before, limit, visibleFrom);
    if (!posts)
        return posts.error();
    const QJsonArray out = answered(posts.value());
    QJsonObject result {{QStringLiteral("posts"), out},
                        {QStringLiteral("more"), posts->size() == limit},
                        {QStringLiteral("head"), head}};
    if (before == 0) {
        auto pinned = m_feed.pinned(user.id, groupId, visibleFrom);
        if (!pinned)
            return pinned.error();
        result.insert(QStringLiteral("pinned"), answered(pinned.value()));
    }
    return result;
}

Result<QJsonObject> FeedService::selectedPage(const User& user, const QJsonObject& payload)
{
    const QString topic = payload.value(QLatin1StringView("topic")).toString();
    const bool following = payload.value(QLatin1StringView("following")).toBool();
    if (payload.contains(QLatin1StringView("groupId")) || (following && !topic.isEmpty()))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("ask for one of 'groupId', 'topic' and 'following'"));
    if (!following && !protocol::isValidTopic(topic))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("'%1' is not a topic: 2 to 50 letters, digits, '_' or '-', "
                                        "in lower case")
                             .arg(topic));
    const qint64 before = idField(payload, QLatin1StringView("before"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    const qint64 head = m_events.head();
    const int cap = protocol::feed::maxPageCandidates;
    auto candidates = following ? m_topics.followedBy(user.id, before, cap)
                                : m_topics.ofTopic(topic, before, cap);
    if (!candidates)
        return candidates.error();
    auto posts = m_feed.readableAmong(user.id, user.role == Role::Admin, candidates->ids, limit);
    if (!posts)
        return posts.error();
    const QJsonArray out = answered(posts.value());
    // A full page goes on after its last post; a short one whose candidates were capped goes on
    // below the last candidate looked at, which may have been hidden from the user.
    const bool full = posts->size() == limit;
    const bool more = full || candidates->capped;
    QJsonObject result {{QStringLiteral("posts"), out},
                        {QStringLiteral("more"), more},
                        {QStringLiteral("head"), head}};
    if (more)
        result.insert(QStringLiteral("next"), full ? posts->last().id : candidates->lowest);
    return result;
}

Result<QJsonObject> FeedService::thread(const User& user, const QJsonObject& payload)
{
    const qint64 postId = idField(payload, QLatin1StringView("postId"));
    const qint64 after = idField(payload, QLatin1StringView("after"));
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    const qint64 head = m_events.head();
    auto root = readable(user, postId);
    if (!root)
        return notFound(postId);
    if (root->post.parentId)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("post %1 is a reply; ask for its thread %2")
                             .arg(postId)
                             .arg(root->post.parentId));
    auto replies = m_feed.replies(postId, user.id, after, limit, root->group.visibleFrom());
    if (!replies)
        return replies.error();
    {
        QList<Post*> all {&root->post};
        for (Post& p : replies.value())
            all.append(&p);
        fillAttachments(all);
    }
    QJsonArray out;
    for (const Post& p : replies.value())
        out.append(p.toJson(true));
    return QJsonObject {{QStringLiteral("post"), root->post.toJson(true)},
                        {QStringLiteral("replies"), out},
                        {QStringLiteral("more"), replies->size() == limit},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> FeedService::likers(const User& user, const QJsonObject& payload)
{
    const qint64 postId = idField(payload, QLatin1StringView("postId"));
    // Like every read by id: a post the user may not read, or one deleted, is not there.
    const auto found = readable(user, postId);
    if (!found || found->post.deleted)
        return notFound(postId);
    auto likers = m_feed.likers(postId, protocol::feed::maxLikers);
    if (!likers)
        return likers.error();
    QJsonArray people;
    for (const Likers::Person& p : likers->people)
        people.append(QJsonObject {{QStringLiteral("id"), p.id},
                                   {QStringLiteral("username"), p.username},
                                   {QStringLiteral("displayName"), p.displayName}});
    return QJsonObject {{QStringLiteral("postId"), postId},
                        {QStringLiteral("likers"), people},
                        {QStringLiteral("total"), likers->total}};
}

} // namespace plein::server
