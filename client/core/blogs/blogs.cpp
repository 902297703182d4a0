#include "blogs.h"

#include "blogstore.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "drafts.h"
#include "files/uploads.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "text/textdelta.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

namespace plein::client {

namespace blogs = protocol::blogs;
using L = QLatin1StringView;

Blogs::Blogs(Session& session, Cache& cache, Outbox& outbox, Drafts& drafts, SyncEngine& sync,
             Uploads& uploads, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
    , m_drafts(drafts)
    , m_sync(sync)
    , m_uploads(uploads)
{ }

qint64 Blogs::userId() const
{
    return m_sync.userId();
}

namespace {

// The text an answer gives: its `body`, or its `bodyDelta` applied to `base` and checked
// against its digest; nullopt when it has neither or the steps do not give that text (the
// base was not the revision the steps start from), which is then asked for whole.
std::optional<QString> answeredText(const QJsonObject& o, const std::optional<HeldText>& base)
{
    if (o.contains(L("body")))
        return o.value(L("body")).toString();
    const QJsonObject delta = o.value(L("bodyDelta")).toObject();
    if (delta.isEmpty() || !base || jsonNumber(delta, L("from")) != base->revision)
        return std::nullopt;
    auto made = text::applyDelta(base->body, delta.value(L("steps")).toArray());
    if (!made
        || QCryptographicHash::hash(made->toUtf8(), QCryptographicHash::Sha256).toHex()
            != delta.value(L("sha256")).toString().toLatin1())
        return std::nullopt;
    return made;
}

} // namespace

QString Blogs::laneOf(qint64 articleId)
{
    return QStringLiteral("article:%1").arg(articleId);
}

void Blogs::fetchBlog(qint64 groupId)
{
    QJsonObject payload {{QStringLiteral("limit"), blogs::defaultListPage}};
    if (groupId > 0)
        payload.insert(QStringLiteral("groupId"), groupId);
    fetchList(payload, groupId);
}

void Blogs::fetchDrafts()
{
    fetchList(QJsonObject {{QStringLiteral("drafts"), true},
                           {QStringLiteral("limit"), blogs::maxListPage}},
              -1);
}

void Blogs::fetchAuthor(qint64 userId)
{
    fetchList(QJsonObject {{QStringLiteral("authorId"), userId},
                           {QStringLiteral("limit"), blogs::defaultListPage}},
              -1);
}

void Blogs::fetchList(const QJsonObject& payload, qint64 groupId)
{
    const bool drafts = payload.value(L("drafts")).toBool();
    m_session.request(
        blogs::ArticleList, payload, this, [this, groupId, drafts](const Result<QJsonObject>& r) {
            if (!r)
                return;
            const qint64 head = jsonNumber(r.value(), L("head"));
            BlogStore store(m_cache);
            m_cache.transaction([&]() {
                QSet<qint64> listed;
                for (const QJsonValue& v : r->value(L("articles")).toArray()) {
                    const ArticleRow a = ArticleRow::fromJson(v.toObject());
                    listed.insert(a.id);
                    if (!store.upsert(a, head))
                        return false;
                }
                // The whole list of drafts: one the server no longer lists is
                // published, deleted or no longer the user's.
                if (drafts && !r->value(L("next")).isDouble()) {
                    for (const ArticleRow& a : store.drafts()) {
                        if (!listed.contains(a.id) && a.seq <= head && !store.remove(a.id))
                            return false;
                    }
                }
                return true;
            });
            Q_EMIT blogFetched(groupId);
        });
}

void Blogs::fetchArticle(qint64 articleId)
{
    fetchArticle(articleId, BlogStore(m_cache).heldText(articleId));
}

void Blogs::fetchArticle(qint64 articleId, std::optional<HeldText> base)
{
    QJsonObject payload {{QStringLiteral("articleId"), articleId}};
    // The text the cache holds, of this revision or an older one: the server may then send
    // only what changed since.
    if (base)
        payload.insert(QStringLiteral("have"), base->revision);
    m_session.request(
        blogs::ArticleGet, payload, this,
        [this, articleId, base = std::move(base)](const Result<QJsonObject>& r) {
            if (!r) {
                // Gone, or never the user's to see: the cache lets go of it too.
                if (r.error().code == protocol::ErrorCode::NotFound)
                    m_cache.transaction([&]() { return BlogStore(m_cache).remove(articleId); });
                Q_EMIT articleFetchFailed(articleId, protocol::errorCodeName(r.error().code),
                                          r.error().message);
                return;
            }
            const QJsonObject o = r->value(L("article")).toObject();
            ArticleRow a = ArticleRow::fromJson(o);
            const auto body = answeredText(o, base);
            if (!body) {
                if (base) // not what the steps start from: the whole text, then
                    fetchArticle(articleId, std::nullopt);
                else
                    Q_EMIT articleFetchFailed(articleId, QStringLiteral("internal"),
                                              QStringLiteral("the article came without its text"));
                return;
            }
            ++(o.contains(L("body")) ? m_textStats.whole : m_textStats.patched);
            a.hasBody = true;
            a.text.body = *body;
            if (!m_cache.transaction([&]() {
                    return BlogStore(m_cache).upsert(a, jsonNumber(r.value(), L("head")));
                }))
                return;
            Q_EMIT articleChanged(articleId);
        });
}

void Blogs::fetchComments(qint64 articleId, qint64 after)
{
    // Marked before the first page is asked for: what arrives while the pages are read is
    // kept by the events (storing a comment twice is storing it once).
    if (after == 0)
        m_cache.transaction(
            [&]() { return BlogStore(m_cache).setCommentsLoaded(articleId, true); });
    QJsonObject payload {{QStringLiteral("articleId"), articleId},
                         {QStringLiteral("limit"), blogs::maxCommentPage}};
    if (after > 0)
        payload.insert(QStringLiteral("after"), after);
    m_session.request(blogs::CommentList, payload, this,
                      [this, articleId, after](const Result<QJsonObject>& r) {
                          if (!r)
                              return;
                          qint64 last = after;
                          BlogStore store(m_cache);
                          const bool more = r->value(L("more")).toBool();
                          const bool ok = m_cache.transaction([&]() {
                              for (const QJsonValue& v : r->value(L("comments")).toArray()) {
                                  const CommentRow c = CommentRow::fromJson(v.toObject());
                                  last = std::max(last, c.id);
                                  if (!store.upsertComment(c))
                                      return false;
                              }
                              return true;
                          });
                          if (ok && more && last > after)
                              fetchComments(articleId, last);
                          else
                              Q_EMIT commentsChanged(articleId);
                      });
}

namespace {

RevisionRow revisionOf(const QJsonObject& o)
{
    RevisionRow r;
    r.revision = jsonNumber(o, L("revision"));
    r.kind = o.value(L("kind")).toString();
    r.by = ArticlePerson::fromJson(o.value(L("by")).toObject());
    r.createdAt = o.value(L("createdAt")).toString();
    r.restoredFrom = jsonNumber(o, L("restoredFrom"));
    r.text = ArticleText::fromJson(o);
    return r;
}

} // namespace

void Blogs::requestRevisions(qint64 articleId, QObject* context,
                             std::function<void(const Result<QList<RevisionRow>>&)> reply)
{
    m_session.request(blogs::ArticleRevisions,
                      QJsonObject {{QStringLiteral("articleId"), articleId}}, context,
                      [reply](const Result<QJsonObject>& r) {
                          if (!r) {
                              reply(r.error());
                              return;
                          }
                          QList<RevisionRow> out;
                          for (const QJsonValue& v : r->value(L("revisions")).toArray())
                              out.append(revisionOf(v.toObject()));
                          reply(out);
                      });
}

void Blogs::requestRevision(qint64 articleId, qint64 revision, QObject* context,
                            std::function<void(const Result<RevisionRow>&)> reply,
                            std::optional<HeldText> base)
{
    QJsonObject payload {{QStringLiteral("articleId"), articleId},
                         {QStringLiteral("revision"), revision}};
    if (base && base->revision != revision)
        payload.insert(QStringLiteral("have"), base->revision);
    else
        base.reset();
    m_session.request(
        blogs::ArticleRevision, payload, context,
        [this, articleId, revision, context, reply, base](const Result<QJsonObject>& r) {
            if (!r) {
                reply(r.error());
                return;
            }
            const QJsonObject inner = r->value(L("revision")).toObject();
            const QJsonObject o = inner.isEmpty() ? r.value() : inner;
            const auto body = answeredText(o, base);
            if (!body) {
                if (base)
                    requestRevision(articleId, revision, context, reply, std::nullopt);
                else
                    reply(protocol::Error {
                        protocol::ErrorCode::Internal,
                        QStringLiteral("revision %1 came without its text").arg(revision)});
                return;
            }
            RevisionRow row = revisionOf(o);
            row.text.body = *body;
            reply(row);
        });
}

QString Blogs::queue(QLatin1StringView kind, qint64 articleId, const QJsonObject& payload)
{
    return m_outbox.add(OutboxDraft {QString(kind), laneOf(articleId),
                                     QStringLiteral("article:%1").arg(articleId), payload});
}

QString Blogs::setCover(qint64 articleId, const QString& path, QString* error)
{
    // The server takes these (sniffing them itself); anything else is refused here already.
    static const QStringList images {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                     QStringLiteral("image/gif"), QStringLiteral("image/webp")};
    if (QFileInfo(path).isFile()
        && !images.contains(
            QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name())) {
        if (error)
            *error = tr("a cover is a PNG, JPEG, GIF or WebP image");
        return {};
    }
    const OutboxDraft carrier {QString(blogs::ArticleCover),
                               laneOf(articleId),
                               QStringLiteral("article:%1").arg(articleId),
                               {{QStringLiteral("articleId"), articleId}}};
    const Result<QString> queued = m_uploads.addAs(carrier, path, coverField);
    if (!queued) {
        if (error)
            *error = queued.error().message;
        return {};
    }
    return queued.value();
}

QString Blogs::removeCover(qint64 articleId)
{
    return queue(blogs::ArticleCover, articleId,
                 {{QStringLiteral("articleId"), articleId}, {coverField, QStringLiteral("")}});
}

QString Blogs::pendingCover(qint64 articleId) const
{
    // The newest still on its way; a refused one is the outbox's to show (and to retry or
    // discard), not a cover being sent.
    const QString lane = laneOf(articleId);
    QString newest;
    for (const OutboxEntry& e : OutboxStore(m_cache).entries({QString(blogs::ArticleCover)})) {
        if (e.lane == lane && !e.failed)
            newest = e.clientId;
    }
    return newest;
}

QString Blogs::like(qint64 articleId, bool liked)
{
    return queue(blogs::ArticleLike, articleId,
                 {{QStringLiteral("articleId"), articleId}, {QStringLiteral("liked"), liked}});
}

QString Blogs::comment(qint64 articleId, qint64 parentId, const QString& body)
{
    QJsonObject payload {{QStringLiteral("articleId"), articleId}, {QStringLiteral("body"), body}};
    if (parentId > 0)
        payload.insert(QStringLiteral("parentId"), parentId);
    return queue(blogs::CommentCreate, articleId, payload);
}

QString Blogs::editComment(qint64 articleId, qint64 commentId, const QString& body)
{
    return queue(blogs::CommentEdit, articleId,
                 {{QStringLiteral("commentId"), commentId}, {QStringLiteral("body"), body}});
}

QString Blogs::deleteComment(qint64 articleId, qint64 commentId)
{
    return queue(blogs::CommentDelete, articleId, {{QStringLiteral("commentId"), commentId}});
}

QString Blogs::likeComment(qint64 articleId, qint64 commentId, bool liked)
{
    return queue(blogs::CommentLike, articleId,
                 {{QStringLiteral("commentId"), commentId}, {QStringLiteral("liked"), liked}});
}

QString Blogs::unschedule(qint64 articleId)
{
    return queue(blogs::ArticleUnschedule, articleId, {{QStringLiteral("articleId"), articleId}});
}

QString Blogs::remove(qint64 articleId)
{
    return queue(blogs::ArticleDelete, articleId, {{QStringLiteral("articleId"), articleId}});
}

QString Blogs::restore(qint64 articleId, qint64 baseRevision, qint64 revision)
{
    return queue(blogs::ArticleRestore, articleId,
                 {{QStringLiteral("articleId"), articleId},
                  {QStringLiteral("baseRevision"), baseRevision},
                  {QStringLiteral("revision"), revision}});
}

QList<CommentRow> Blogs::comments(qint64 articleId) const
{
    QList<CommentRow> out = BlogStore(m_cache).comments(articleId);
    for (const OutboxEntry& e : OutboxStore(m_cache).entries({QString(blogs::CommentCreate)})) {
        if (jsonNumber(e.payload, L("articleId")) != articleId)
            continue;
        CommentRow c;
        c.articleId = articleId;
        c.parentId = jsonNumber(e.payload, L("parentId"));
        c.author.id = m_sync.userId();
        c.body = e.payload.value(L("body")).toString();
        c.createdAt = e.createdAt;
        c.clientId = e.clientId;
        c.pending = true;
        c.failed = e.failed;
        c.error = e.errorMessage;
        out.append(c);
    }
    return out;
}

} // namespace plein::client
