#include "feed.h"

#include "capabilities/feed/feedprotocol.h"
#include "feedwrites.h"
#include "files/uploads.h"
#include "followstore.h"
#include "groups/groupstore.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "poststore.h"
#include "protocol/limits.h"
#include "store/cache.h"
#include "sync/session.h"

#include <QJsonArray>

namespace plein::client {

namespace feed = protocol::feed;

Feed::Feed(Session& session, Cache& cache, Outbox& outbox, Uploads& uploads, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
    , m_uploads(uploads)
{ }

QString Feed::createPost(const QString& body, qint64 parentId, qint64 groupId,
                         const QStringList& attachments)
{
    const OutboxDraft draft = feedwrites::createPost(m_cache, body, parentId, groupId);
    if (attachments.isEmpty())
        return m_outbox.add(draft);
    const Result<QString> added = m_uploads.add(draft, attachments);
    return added ? added.value() : QString();
}

QString Feed::editPost(qint64 postId, const QString& body)
{
    return m_outbox.add(feedwrites::editPost(m_cache, postId, body));
}

QString Feed::deletePost(qint64 postId)
{
    return m_outbox.add(feedwrites::deletePost(m_cache, postId));
}

QString Feed::likePost(qint64 postId, bool liked)
{
    return m_outbox.add(feedwrites::likePost(m_cache, postId, liked));
}

QString Feed::pinPost(qint64 postId, bool pinned)
{
    return m_outbox.add(feedwrites::pinPost(m_cache, postId, pinned));
}

QString Feed::follow(const QString& kind, const QString& target, bool on)
{
    if (!m_cache.transaction([&]() { return FollowStore(m_cache).set(kind, target, on); }))
        return QString();
    return m_outbox.add(feedwrites::follow(kind, target, on));
}

bool Feed::isFollowing(const QString& kind, const QString& target) const
{
    return FollowStore(m_cache).follows(kind, target);
}

void Feed::noteArrived(const PostRow& row, qint64 actor, bool mentionsMe, qint64 me)
{
    if (actor == me)
        return;
    // One signal per transaction (a sync page), after it committed.
    if (m_arrived++ == 0) {
        m_cache.afterCommit([this]() { Q_EMIT postsArrived(std::exchange(m_arrived, 0)); });
        // Rolled back, the signal above is dropped: the next arrival must queue it again.
        m_cache.afterRollback([this]() { m_arrived = 0; });
    }
    const auto parent = row.parentId ? PostStore(m_cache).post(row.parentId) : std::nullopt;
    const bool isReply = parent && parent->authorId == me;
    if (isReply || mentionsMe)
        m_cache.afterCommit(
            [this, row, isReply, mentionsMe]() { Q_EMIT concernsMe(row, isReply, mentionsMe); });
}

bool Feed::isMemberOf(qint64 groupId) const
{
    const auto group = GroupStore(m_cache).group(groupId);
    return group && group->isMember();
}

void Feed::forgetUnlessMember(qint64 groupId)
{
    if (groupId > 0 && !isMemberOf(groupId))
        m_cache.transaction([&]() { return PostStore(m_cache).clearFeed(groupId); });
}

void Feed::forgetGroupsNotMine()
{
    m_cache.transaction([&]() { return PostStore(m_cache).clearFeedsNotMine(); });
}

void Feed::fetchThread(qint64 postId)
{
    fetchThreadAfter(postId, 0);
}

void Feed::fetchThreadAfter(qint64 postId, qint64 afterReplyId)
{
    QJsonObject payload {{QStringLiteral("postId"), postId},
                         {QStringLiteral("limit"), protocol::maxFeedPage}};
    if (afterReplyId > 0)
        payload.insert(QStringLiteral("after"), afterReplyId);
    m_session.request(feed::ThreadGet, payload, this, [this, postId](const Result<QJsonObject>& r) {
        if (!r) {
            Q_EMIT threadFetchFailed(postId, r.error().message);
            return;
        }
        const QJsonArray replies = r->value(QLatin1StringView("replies")).toArray();
        // Replies first: the root stored last carries the server's reply count, not one
        // that counted these replies a second time.
        PostStore posts(m_cache);
        posts.asOf(jsonNumber(r.value(), QLatin1StringView("head")));
        const bool stored = m_cache.transaction([&]() {
            for (const auto& p : replies) {
                if (!posts.upsert(p.toObject()))
                    return false;
            }
            return posts.upsert(r->value(QLatin1StringView("post")).toObject());
        });
        // Not stored: the view must ask for this page again, not move past it.
        if (!stored) {
            Q_EMIT threadFetchFailed(postId, m_cache.lastError());
            return;
        }
        const qint64 last = replies.isEmpty()
            ? 0
            : jsonNumber(replies.last().toObject(), QLatin1StringView("id"));
        Q_EMIT threadFetched(postId, last, r->value(QLatin1StringView("more")).toBool());
    });
}

void Feed::fetchLikers(qint64 postId, std::function<void(const QStringList& names, int total)> done,
                       QObject* context)
{
    // An offline session answers `unavailable` at once: the same path as a refusal.
    m_session.request(
        feed::PostLikers, QJsonObject {{QStringLiteral("postId"), postId}},
        context ? context : this, [done = std::move(done)](const Result<QJsonObject>& r) {
            if (!r) {
                done({}, -1);
                return;
            }
            QStringList names;
            for (const auto& v : r->value(QLatin1StringView("likers")).toArray()) {
                const QJsonObject person = v.toObject();
                const QString name = person.value(QLatin1StringView("displayName")).toString();
                names.append(name.isEmpty() ? person.value(QLatin1StringView("username")).toString()
                                            : name);
            }
            done(names, r->value(QLatin1StringView("total")).toInt());
        });
}

void Feed::fetchFeed(qint64 groupId, qint64 beforeId)
{
    QJsonObject payload {{QStringLiteral("limit"), protocol::defaultFeedPage}};
    if (groupId > 0)
        payload.insert(QStringLiteral("groupId"), groupId);
    if (beforeId > 0)
        payload.insert(QStringLiteral("before"), beforeId);
    m_session.request(
        feed::FeedPage, payload, this, [this, groupId, beforeId](const Result<QJsonObject>& r) {
            if (!r) {
                Q_EMIT feedFetchFailed(groupId, r.error().message);
                return;
            }
            const QJsonArray posts = r->value(QLatin1StringView("posts")).toArray();
            const QJsonArray pinned = r->value(QLatin1StringView("pinned")).toArray();
            PostStore store(m_cache);
            store.asOf(jsonNumber(r.value(), QLatin1StringView("head")));
            const bool stored = m_cache.transaction([&]() {
                // A group the user only looks into sends them no events: what the cache holds of
                // it is as old as the last read, so its first page replaces it all.
                if (groupId > 0 && beforeId <= 0 && !isMemberOf(groupId)
                    && !store.clearFeed(groupId))
                    return false;
                for (const QJsonArray& list : {posts, pinned}) {
                    for (const auto& p : list) {
                        if (!store.upsert(p.toObject()))
                            return false;
                    }
                }
                return true;
            });
            if (!stored) {
                Q_EMIT feedFetchFailed(groupId, m_cache.lastError());
                return;
            }
            const qint64 last = posts.isEmpty()
                ? 0
                : jsonNumber(posts.last().toObject(), QLatin1StringView("id"));
            Q_EMIT feedFetched(groupId, last, r->value(QLatin1StringView("more")).toBool());
        });
}

bool Feed::storePage(const QJsonObject& answer)
{
    PostStore store(m_cache);
    store.asOf(jsonNumber(answer, QLatin1StringView("head")));
    return m_cache.transaction([&]() {
        for (const auto& p : answer.value(QLatin1StringView("posts")).toArray()) {
            if (!store.upsert(p.toObject()))
                return false;
        }
        return true;
    });
}

void Feed::fetchTopic(const QString& topic, qint64 beforeId)
{
    QJsonObject payload {{QStringLiteral("topic"), topic},
                         {QStringLiteral("limit"), protocol::defaultFeedPage}};
    if (beforeId > 0)
        payload.insert(QStringLiteral("before"), beforeId);
    m_session.request(feed::FeedPage, payload, this, [this, topic](const Result<QJsonObject>& r) {
        if (!r) {
            Q_EMIT topicFetchFailed(topic, r.error().message);
            return;
        }
        if (!storePage(r.value())) {
            Q_EMIT topicFetchFailed(topic, m_cache.lastError());
            return;
        }
        Q_EMIT topicFetched(topic, jsonNumber(r.value(), QLatin1StringView("next")),
                            r->value(QLatin1StringView("more")).toBool());
    });
}

void Feed::fetchFollowing()
{
    m_session.request(
        feed::FeedPage,
        {{QStringLiteral("following"), true}, {QStringLiteral("limit"), protocol::defaultFeedPage}},
        this, [this](const Result<QJsonObject>& r) {
            if (r)
                storePage(r.value());
        });
}

void Feed::fetchFollows()
{
    m_session.request(feed::FeedFollows, {}, this, [this](const Result<QJsonObject>& r) {
        if (!r)
            return;
        QList<FollowStore::Follow> all;
        for (const auto& v : r->value(QLatin1StringView("follows")).toArray()) {
            const QJsonObject f = v.toObject();
            all.append({f.value(QLatin1StringView("kind")).toString(),
                        f.value(QLatin1StringView("target")).toString()});
        }
        m_cache.transaction([&]() { return FollowStore(m_cache).replace(all); });
    });
}

} // namespace plein::client
