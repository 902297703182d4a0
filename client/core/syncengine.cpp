#include "syncengine.h"

#include "cache.h"
#include "capabilities/feed/feedprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "connection.h"
#include "protocol/limits.h"
#include "session.h"

#include <QJsonArray>

namespace plein::client {

namespace session = protocol::session;
namespace feed = protocol::feed;

namespace {

qint64 number(const QJsonObject& o, QLatin1StringView key)
{
    return qint64(o.value(key).toDouble());
}

} // namespace

SyncEngine::SyncEngine(Session& session, Connection& connection, Cache& cache, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
{
    m_userId = m_cache.meta(QStringLiteral("userId")).toLongLong();
    connect(&m_connection, &Connection::authenticated, this, &SyncEngine::onAuthenticated);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this]() {
        if (m_connection.state() == Connection::State::Online && !m_syncing && !m_live)
            requestPage();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online) {
            ++m_generation;
            m_syncing = false;
            m_live = false;
        }
    });
    connect(&m_session, &Session::eventPushed, this, &SyncEngine::onPush);
    connect(&m_session, &Session::behind, this, [this](qint64) {
        // The server paused our pushes; read the rest from the log.
        m_live = false;
        if (!m_syncing)
            requestPage();
    });
}

void SyncEngine::failed(const QString& why)
{
    m_syncing = false;
    Q_EMIT syncFailed(why);
    // Online but not caught up means no live pushes either: try again, backing off, rather
    // than sit there looking connected.
    if (m_connection.state() != Connection::State::Online)
        return;
    const int exponent = std::min(m_failures++, 6);
    m_retry.start(std::min(1000 << exponent, 60000));
}

void SyncEngine::onAuthenticated(const QJsonObject& user, qint64)
{
    ++m_generation;
    m_userId = number(user, QLatin1StringView("id"));
    m_cache.transaction(
        [&]() { return m_cache.setMeta(QStringLiteral("userId"), QString::number(m_userId)); });
    m_live = false;
    m_currentPageSize = m_pageSize;
    Q_EMIT syncStarted();
    requestPage();
}

void SyncEngine::requestPage(std::optional<qint64> from)
{
    m_syncing = true;
    m_arrived = 0;
    const quint64 generation = m_generation;
    m_session.request(session::SyncSince,
                      QJsonObject {{QStringLiteral("cursor"), from.value_or(m_cache.cursor())},
                                   {QStringLiteral("limit"), m_currentPageSize}},
                      this, [this, generation](const Result<QJsonObject>& r) {
                          if (generation != m_generation)
                              return;
                          if (!r && r.error().code == protocol::ErrorCode::TooLarge
                              && m_currentPageSize > 1) {
                              m_currentPageSize = std::max(1, m_currentPageSize / 2);
                              requestPage();
                              return;
                          }
                          if (!r) {
                              failed(r.error().message);
                              return;
                          }
                          onPage(r.value());
                      });
}

void SyncEngine::onPage(const QJsonObject& payload)
{
    const qint64 head = number(payload, QLatin1StringView("head"));
    if (payload.value(QLatin1StringView("resync")).toBool()) {
        rebuild(0, {}, 0);
        return;
    }
    const qint64 next = number(payload, QLatin1StringView("next"));
    const bool more = payload.value(QLatin1StringView("more")).toBool();
    // Ask for the next page before storing this one: the server reads it while we write.
    // Pages arrive and are applied in order; a failure below drops the one in flight.
    if (more)
        requestPage(next);
    const QJsonArray events = payload.value(QLatin1StringView("events")).toArray();
    m_arrived = 0;
    const bool ok = m_cache.transaction([&]() {
        for (const auto& e : events) {
            if (!applyEvent(e.toObject()))
                return false;
        }
        return m_cache.setCursor(next);
    });
    if (!ok) {
        ++m_generation;
        failed(tr("cannot store the events: %1").arg(m_cache.lastError()));
        return;
    }
    if (m_arrived > 0)
        Q_EMIT postsArrived(m_arrived);
    Q_EMIT progress(next, head);
    if (more)
        return;
    m_syncing = false;
    m_live = true;
    m_failures = 0;
    Q_EMIT caughtUp(next);
}

void SyncEngine::onPush(qint64 seq, const QJsonObject& event)
{
    if (!m_live || seq <= m_cache.cursor())
        return;
    m_arrived = 0;
    const bool ok
        = m_cache.transaction([&]() { return applyEvent(event) && m_cache.setCursor(seq); });
    if (!ok) {
        // Read it again from the log rather than skip it.
        m_live = false;
        requestPage();
        return;
    }
    if (m_arrived > 0)
        Q_EMIT postsArrived(m_arrived);
}

bool SyncEngine::applyEvent(const QJsonObject& event)
{
    const QString kind = event.value(QLatin1StringView("kind")).toString();
    const QJsonObject data = event.value(QLatin1StringView("data")).toObject();
    const qint64 actor = number(event, QLatin1StringView("actor"));
    if (kind == QLatin1StringView("post.created")) {
        const QJsonObject post = data.value(QLatin1StringView("post")).toObject();
        bool mentionsMe = false;
        for (const auto& id : data.value(QLatin1StringView("mentions")).toArray())
            mentionsMe = mentionsMe || qint64(id.toDouble()) == m_userId;
        const PostRow row = PostRow::fromJson(post);
        bool isNew = false;
        if (!m_cache.upsertPost(row, post.contains(QLatin1StringView("likedByMe")), mentionsMe,
                                &isNew))
            return false;
        if (isNew && actor != m_userId) {
            ++m_arrived;
            const auto parent = row.parentId ? m_cache.post(row.parentId) : std::nullopt;
            const bool isReply = parent && parent->authorId == m_userId;
            if (isReply || mentionsMe)
                Q_EMIT concernsMe(row, isReply, mentionsMe);
        }
        return true;
    }
    if (kind == QLatin1StringView("post.edited"))
        return m_cache.upsertPost(data.value(QLatin1StringView("post")).toObject(), false);
    if (kind == QLatin1StringView("post.deleted"))
        return m_cache.markDeleted(number(data, QLatin1StringView("postId")));
    if (kind == QLatin1StringView("post.liked")) {
        const bool mine = number(data, QLatin1StringView("userId")) == m_userId;
        return m_cache.setLikes(
            number(data, QLatin1StringView("postId")),
            data.value(QLatin1StringView("likes")).toInt(),
            mine ? std::optional<bool>(data.value(QLatin1StringView("liked")).toBool())
                 : std::nullopt);
    }
    // user.* and kinds from newer servers change nothing this client shows.
    return true;
}

bool SyncEngine::applyWriteResult(const QString& kind, const QJsonObject& result)
{
    // The answer to a resent write is the result of its first application, possibly older
    // than what the log has brought since (a later edit, a deletion): only a result newer than
    // the cursor says something the cache does not know yet.
    const qint64 seq = number(result, QLatin1StringView("seq"));
    if (seq <= 0 || seq <= m_cache.cursor())
        return true;
    if (kind == QLatin1StringView("post.create") || kind == QLatin1StringView("post.edit"))
        return m_cache.upsertPost(result.value(QLatin1StringView("post")).toObject(), false);
    if (kind == QLatin1StringView("post.delete"))
        return m_cache.markDeleted(number(result, QLatin1StringView("postId")));
    if (kind == QLatin1StringView("post.like"))
        return m_cache.setLikes(number(result, QLatin1StringView("postId")),
                                result.value(QLatin1StringView("likes")).toInt(),
                                result.value(QLatin1StringView("liked")).toBool());
    return true;
}

void SyncEngine::rebuild(qint64 before, QList<QJsonObject> collected, qint64 head)
{
    QJsonObject payload {{QStringLiteral("limit"), protocol::maxFeedPage}};
    if (before > 0)
        payload.insert(QStringLiteral("before"), before);
    const quint64 generation = m_generation;
    m_session.request(feed::FeedPage, payload, this,
                      [this, generation, collected, head](const Result<QJsonObject>& r) mutable {
                          if (generation != m_generation)
                              return;
                          if (!r) {
                              failed(r.error().message);
                              return;
                          }
                          // The first page's head: storing these posts and syncing from it misses
                          // nothing.
                          if (collected.isEmpty())
                              head = number(r.value(), QLatin1StringView("head"));
                          const QJsonArray posts = r->value(QLatin1StringView("posts")).toArray();
                          for (const auto& p : posts)
                              collected.append(p.toObject());
                          const bool more = r->value(QLatin1StringView("more")).toBool();
                          if (more && !posts.isEmpty() && collected.size() < m_rebuildPosts) {
                              rebuild(number(posts.last().toObject(), QLatin1StringView("id")),
                                      collected, head);
                              return;
                          }
                          finishRebuild(collected, head);
                      });
}

void SyncEngine::finishRebuild(const QList<QJsonObject>& posts, qint64 head)
{
    const bool ok = m_cache.transaction([&]() {
        if (!m_cache.clearPosts())
            return false;
        for (const QJsonObject& p : posts) {
            if (!m_cache.upsertPost(p, false))
                return false;
        }
        return m_cache.setCursor(head);
    });
    if (!ok) {
        failed(tr("cannot store the feed: %1").arg(m_cache.lastError()));
        return;
    }
    requestPage();
}

void SyncEngine::fetchThread(qint64 postId)
{
    fetchThreadAfter(postId, 0);
}

void SyncEngine::fetchThreadAfter(qint64 postId, qint64 afterReplyId)
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
        const bool stored = m_cache.transaction([&]() {
            for (const auto& p : replies) {
                if (!m_cache.upsertPost(p.toObject(), false))
                    return false;
            }
            return m_cache.upsertPost(r->value(QLatin1StringView("post")).toObject(), false);
        });
        // Not stored: the view must ask for this page again, not move past it.
        if (!stored) {
            Q_EMIT threadFetchFailed(postId, m_cache.lastError());
            return;
        }
        const qint64 last
            = replies.isEmpty() ? 0 : number(replies.last().toObject(), QLatin1StringView("id"));
        Q_EMIT threadFetched(postId, last, r->value(QLatin1StringView("more")).toBool());
    });
}

} // namespace plein::client
