#include "feedwrites.h"

#include "capabilities/feed/feedprotocol.h"
#include "files/attachmentfield.h"
#include "followstore.h"
#include "jsonfields.h"
#include "poststore.h"
#include "store/cache.h"

namespace plein::client::feedwrites {

namespace feed = protocol::feed;

namespace {

QString postTarget(qint64 postId)
{
    return QStringLiteral("post:%1").arg(postId);
}

// A write about an existing post goes in the lane of the post's feed.
OutboxDraft change(Cache& cache, QLatin1StringView kind, qint64 postId, QJsonObject payload)
{
    const auto post = PostStore(cache).post(postId);
    payload.insert(QStringLiteral("postId"), postId);
    return OutboxDraft {QString(kind), laneOf(post ? post->groupId : 0), postTarget(postId),
                        payload};
}

// Results of edit and delete, like their events, change one post.
bool applyPost(Cache& cache, const QJsonObject& result)
{
    return PostStore(cache)
        .asOf(jsonNumber(result, QLatin1StringView("seq")))
        .upsert(result.value(QLatin1StringView("post")).toObject());
}

} // namespace

QString laneOf(qint64 groupId)
{
    return groupId ? QStringLiteral("group:%1").arg(groupId) : QStringLiteral("feed");
}

OutboxDraft createPost(Cache& cache, const QString& body, qint64 parentId, qint64 groupId)
{
    QJsonObject payload {{QStringLiteral("body"), body}};
    if (parentId > 0) {
        // A reply belongs to its parent's feed, whatever the caller said.
        payload.insert(QStringLiteral("parentId"), parentId);
        const auto parent = PostStore(cache).post(parentId);
        groupId = parent ? parent->groupId : groupId;
    } else if (groupId > 0) {
        payload.insert(QStringLiteral("groupId"), groupId);
    }
    return OutboxDraft {QString(feed::PostCreate), laneOf(groupId), QString(), payload};
}

OutboxDraft editPost(Cache& cache, qint64 postId, const QString& body)
{
    return change(cache, feed::PostEdit, postId, QJsonObject {{QStringLiteral("body"), body}});
}

OutboxDraft deletePost(Cache& cache, qint64 postId)
{
    return change(cache, feed::PostDelete, postId, {});
}

OutboxDraft likePost(Cache& cache, qint64 postId, bool liked)
{
    return change(cache, feed::PostLike, postId, QJsonObject {{QStringLiteral("liked"), liked}});
}

OutboxDraft pinPost(Cache& cache, qint64 postId, bool pinned)
{
    return change(cache, feed::PostPin, postId, QJsonObject {{QStringLiteral("pinned"), pinned}});
}

OutboxDraft follow(const QString& kind, const QString& target, bool on)
{
    QJsonObject payload {{QStringLiteral("on"), on}};
    if (kind == QLatin1StringView("person"))
        payload.insert(QStringLiteral("userId"), target.toLongLong());
    else
        payload.insert(QStringLiteral("topic"), target);
    return OutboxDraft {QString(feed::FeedFollow), QStringLiteral("follows"),
                        QStringLiteral("follow:%1:%2").arg(kind, target), payload};
}

QStringList changeKinds()
{
    return {QString(feed::PostEdit), QString(feed::PostDelete), QString(feed::PostLike),
            QString(feed::PostPin)};
}

QList<WriteKind> kinds(Cache& cache)
{
    // A write aimed at a post that a waiting post.create makes gets the post's id once known.
    const auto bindPost = [](QJsonObject& payload, const QString& target) {
        payload.insert(QStringLiteral("postId"), target.section(u':', 1).toLongLong());
    };
    WriteKind create;
    create.kind = QString(feed::PostCreate);
    create.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return applyPost(cache, result);
    };
    create.createdTarget = [](const QJsonObject& result) {
        const qint64 id = jsonNumber(result.value(QLatin1StringView("post")).toObject(),
                                     QLatin1StringView("id"));
        return id > 0 ? postTarget(id) : QString();
    };
    // Files attached go first, as uploads in the same lane; their ids replace "@<clientId>".
    create.carries = attachmentfield::uploadsOf;
    create.bindCarried = attachmentfield::bind;
    // Text changed after the post went out: an edit of the post it becomes.
    create.followUpEdit = [](const OutboxEntry& entry, const QString& text) {
        return std::optional(OutboxDraft {QString(feed::PostEdit), entry.lane,
                                          QStringLiteral("post:@") + entry.clientId,
                                          QJsonObject {{QStringLiteral("body"), text}}});
    };

    WriteKind edit;
    edit.kind = QString(feed::PostEdit);
    edit.applyResult = create.applyResult;
    edit.bindTarget = bindPost;
    edit.followUpEdit = [](const OutboxEntry& entry, const QString& text) {
        QJsonObject payload = entry.payload;
        payload.remove(QStringLiteral("clientId"));
        payload.insert(QStringLiteral("body"), text);
        return std::optional(
            OutboxDraft {QString(feed::PostEdit), entry.lane, entry.target, payload});
    };

    WriteKind remove;
    remove.kind = QString(feed::PostDelete);
    remove.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return PostStore(cache)
            .asOf(jsonNumber(result, QLatin1StringView("seq")))
            .markDeleted(jsonNumber(result, QLatin1StringView("postId")));
    };
    remove.bindTarget = bindPost;

    WriteKind like;
    like.kind = QString(feed::PostLike);
    like.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return PostStore(cache).setLikes(jsonNumber(result, QLatin1StringView("postId")),
                                         result.value(QLatin1StringView("likes")).toInt(),
                                         result.value(QLatin1StringView("liked")).toBool());
    };
    like.bindTarget = bindPost;

    WriteKind pin;
    pin.kind = QString(feed::PostPin);
    pin.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return PostStore(cache).setPinned(jsonNumber(result, QLatin1StringView("postId")),
                                          result.value(QLatin1StringView("pinned")).toBool());
    };
    pin.bindTarget = bindPost;

    WriteKind follow;
    follow.kind = QString(feed::FeedFollow);
    follow.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return FollowStore(cache).set(result.value(QLatin1StringView("kind")).toString(),
                                      result.value(QLatin1StringView("target")).toString(),
                                      result.value(QLatin1StringView("on")).toBool());
    };
    return {create, edit, remove, like, pin, follow};
}

} // namespace plein::client::feedwrites
