#include "feedapplier.h"

#include "capabilities/feed/feedprotocol.h"
#include "feed.h"
#include "followstore.h"
#include "groups/groupstore.h"
#include "jsonfields.h"
#include "poststore.h"
#include "protocol/limits.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QJsonArray>

namespace plein::client {

namespace feed = protocol::feed;

namespace {

bool isGone(protocol::ErrorCode code)
{
    return code == protocol::ErrorCode::Forbidden || code == protocol::ErrorCode::NotFound;
}

} // namespace

FeedApplier::FeedApplier(Session& session, Cache& cache, Feed& feed, SyncEngine& sync)
    : m_session(session)
    , m_cache(cache)
    , m_feed(feed)
    , m_sync(sync)
{ }

void FeedApplier::registerWith(SyncEngine& sync)
{
    sync.registerApplier(QString(feed::PostCreated), [this](const SyncEvent& e) {
        const QJsonObject post = e.data.value(QLatin1StringView("post")).toObject();
        const qint64 me = m_sync.userId();
        bool mentionsMe = false;
        for (const auto& id : e.data.value(QLatin1StringView("mentions")).toArray())
            mentionsMe = mentionsMe || qint64(id.toDouble()) == me;
        const PostRow row = PostRow::fromJson(post);
        bool isNew = false;
        if (!PostStore(m_cache).asOf(e.seq).upsert(
                row, post.contains(QLatin1StringView("likedByMe")), mentionsMe, &isNew))
            return false;
        if (isNew)
            m_feed.noteArrived(row, e.actor, mentionsMe, me);
        return true;
    });
    sync.registerApplier(QString(feed::FeedFollowed), [this](const SyncEvent& e) {
        return FollowStore(m_cache).set(e.data.value(QLatin1StringView("kind")).toString(),
                                        e.data.value(QLatin1StringView("target")).toString(),
                                        e.data.value(QLatin1StringView("on")).toBool());
    });
    sync.registerApplier(QString(feed::PostEdited), [this](const SyncEvent& e) {
        return PostStore(m_cache).asOf(e.seq).upsert(
            e.data.value(QLatin1StringView("post")).toObject());
    });
    sync.registerApplier(QString(feed::PostDeleted), [this](const SyncEvent& e) {
        return PostStore(m_cache).asOf(e.seq).markDeleted(
            jsonNumber(e.data, QLatin1StringView("postId")));
    });
    sync.registerApplier(QString(feed::PostLiked), [this](const SyncEvent& e) {
        const bool mine = jsonNumber(e.data, QLatin1StringView("userId")) == m_sync.userId();
        return PostStore(m_cache).setLikes(
            jsonNumber(e.data, QLatin1StringView("postId")),
            e.data.value(QLatin1StringView("likes")).toInt(),
            mine ? std::optional<bool>(e.data.value(QLatin1StringView("liked")).toBool())
                 : std::nullopt);
    });
    sync.registerApplier(QString(feed::PostPinned), [this](const SyncEvent& e) {
        return PostStore(m_cache).setPinned(jsonNumber(e.data, QLatin1StringView("postId")),
                                            e.data.value(QLatin1StringView("pinned")).toBool());
    });
}

// One feed.page after another: the company feed up to m_rebuildPosts, then a page of each of
// the user's groups (their list is in the cache: the groups rebuilt before the feed).
struct FeedApplier::Reading
{
    QList<qint64> feeds; // group ids still to read; 0 is the company feed
    qint64 before = 0;
    int companyPosts = 0;
    qint64 lowestHead = std::numeric_limits<qint64>::max();
    QList<std::pair<QJsonObject, qint64>> posts; // with the head of the page they came in
    std::function<void(const Result<qint64>&)> done;
};

void FeedApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    auto reading = std::make_shared<Reading>();
    reading->feeds.append(0);
    reading->feeds.append(GroupStore(m_cache).memberGroupIds());
    reading->done = std::move(done);
    readPage(reading);
}

void FeedApplier::readPage(std::shared_ptr<Reading> reading)
{
    if (reading->feeds.isEmpty()) {
        const bool ok = m_cache.transaction([&]() {
            PostStore posts(m_cache);
            if (!posts.clear())
                return false;
            for (const auto& [p, head] : std::as_const(reading->posts)) {
                if (!posts.asOf(head).upsert(p))
                    return false;
            }
            return true;
        });
        if (!ok)
            reading->done(
                makeError(protocol::ErrorCode::Internal,
                          QStringLiteral("cannot store the feed: %1").arg(m_cache.lastError())));
        else
            reading->done(reading->lowestHead);
        return;
    }
    const qint64 groupId = reading->feeds.first();
    QJsonObject payload {
        {QStringLiteral("limit"), groupId ? protocol::defaultFeedPage : protocol::maxFeedPage}};
    if (groupId)
        payload.insert(QStringLiteral("groupId"), groupId);
    if (reading->before > 0)
        payload.insert(QStringLiteral("before"), reading->before);
    m_session.request(
        feed::FeedPage, payload, &m_feed, [this, reading, groupId](const Result<QJsonObject>& r) {
            // A group the user lost in the meantime answers forbidden or not_found: skip it.
            // Anything else (unavailable, rate_limited) fails the rebuild before it clears a
            // thing, and the sync engine tries it again.
            if (!r && (groupId == 0 || !isGone(r.error().code))) {
                reading->done(r.error());
                return;
            }
            bool more = false;
            if (r) {
                const qint64 head = jsonNumber(r.value(), QLatin1StringView("head"));
                reading->lowestHead = std::min(reading->lowestHead, head);
                const QJsonArray posts = r->value(QLatin1StringView("posts")).toArray();
                for (const QJsonArray& list :
                     {posts, r->value(QLatin1StringView("pinned")).toArray()}) {
                    for (const auto& p : list)
                        reading->posts.append({p.toObject(), head});
                }
                if (groupId == 0) {
                    reading->companyPosts += int(posts.size());
                    more = r->value(QLatin1StringView("more")).toBool() && !posts.isEmpty()
                        && reading->companyPosts < m_rebuildPosts;
                    if (more)
                        reading->before
                            = jsonNumber(posts.last().toObject(), QLatin1StringView("id"));
                }
            }
            if (!more) {
                reading->feeds.removeFirst();
                reading->before = 0;
            }
            readPage(reading);
        });
}

} // namespace plein::client
