#include "blogsapplier.h"

#include "blogs.h"
#include "blogstore.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "drafts.h"
#include "files/attachmentfield.h"
#include "groups/groups.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QJsonArray>

namespace plein::client {

namespace blogs = protocol::blogs;
using L = QLatin1StringView;

namespace {

bool containsId(const QJsonValue& ids, qint64 id)
{
    const QJsonArray list = ids.toArray();
    return std::any_of(list.cbegin(), list.cend(),
                       [id](const QJsonValue& v) { return qint64(v.toDouble()) == id; });
}

} // namespace

BlogsApplier::BlogsApplier(Session& session, Cache& cache, Blogs& blogs, Groups& groups,
                           SyncEngine& sync)
    : m_session(session)
    , m_cache(cache)
    , m_blogs(blogs)
    , m_sync(sync)
{
    QObject::connect(&groups, &Groups::membershipChanged, &m_blogs,
                     [this](qint64 groupId, const QString& state) {
                         if (state == QLatin1StringView("member"))
                             return;
                         m_cache.transaction(
                             [&]() { return BlogStore(m_cache).clearGroup(groupId); });
                     });
}

bool BlogsApplier::storeCard(const QJsonObject& article, qint64 seq)
{
    const ArticleRow a = ArticleRow::fromJson(article);
    Drafts& drafts = m_blogs.drafts();
    // A draft whose authors no longer include the user (taken off): let go of it.
    if (!a.isPublished() && !a.isAuthor(m_sync.userId())) {
        m_cache.afterCommit([&drafts, id = a.id]() { drafts.serverDeleted(id); });
        return BlogStore(m_cache).remove(a.id);
    }
    if (!BlogStore(m_cache).upsert(a, seq))
        return false;
    m_cache.afterCommit([&drafts, id = a.id, revision = a.revision, published = a.isPublished()]() {
        drafts.serverChanged(id, revision, published);
    });
    return true;
}

bool BlogsApplier::storeComment(const QJsonObject& comment, qint64 seq, bool created)
{
    const CommentRow c = CommentRow::fromJson(comment);
    BlogStore store(m_cache);
    const auto a = store.article(c.articleId);
    if (!a)
        return true; // an article never read: nothing here to keep up
    if (created && !store.addComment(c.articleId, seq))
        return false;
    // Kept once the comments were read, and always where the cache has the comment.
    if (!a->commentsLoaded && !store.comment(c.id))
        return true;
    return store.upsertComment(c);
}

void BlogsApplier::registerWith(SyncEngine& sync, Outbox& outbox)
{
    for (QLatin1StringView kind :
         {blogs::ArticleDraft, blogs::ArticlePublished, blogs::ArticleEdited}) {
        sync.registerApplier(QString(kind), [this](const SyncEvent& e) {
            return storeCard(e.data.value(L("article")).toObject(), e.seq);
        });
    }
    sync.registerApplier(QString(blogs::ArticleDeleted), [this](const SyncEvent& e) {
        const qint64 id = jsonNumber(e.data, L("articleId"));
        Drafts& drafts = m_blogs.drafts();
        m_cache.afterCommit([&drafts, id]() { drafts.serverDeleted(id); });
        return BlogStore(m_cache).remove(id);
    });
    sync.registerApplier(QString(blogs::ArticleLiked), [this](const SyncEvent& e) {
        const bool mine = jsonNumber(e.data, L("userId")) == m_sync.userId();
        return BlogStore(m_cache).setLikes(
            jsonNumber(e.data, L("articleId")), e.data.value(L("likes")).toInt(),
            mine ? std::optional(e.data.value(L("liked")).toBool()) : std::nullopt, e.seq);
    });
    sync.registerApplier(QString(blogs::CommentCreated), [this](const SyncEvent& e) {
        const QJsonObject comment = e.data.value(L("comment")).toObject();
        if (!storeComment(comment, e.seq, true))
            return false;
        const qint64 me = m_sync.userId();
        const CommentRow c = CommentRow::fromJson(comment);
        const bool mention = containsId(e.data.value(L("mentions")), me);
        if (c.author.id != me && (mention || containsId(e.data.value(L("articleAuthors")), me))) {
            const auto a = BlogStore(m_cache).article(c.articleId);
            const QString title = a ? a->text.title : QString();
            m_cache.afterCommit(
                [this, c, title, mention]() { Q_EMIT m_blogs.commentForMe(c, title, mention); });
        }
        return true;
    });
    sync.registerApplier(QString(blogs::CommentEdited), [this](const SyncEvent& e) {
        return storeComment(e.data.value(L("comment")).toObject(), e.seq, false);
    });
    sync.registerApplier(QString(blogs::CommentDeleted), [this](const SyncEvent& e) {
        BlogStore store(m_cache);
        return store.markCommentDeleted(jsonNumber(e.data, L("commentId")))
            && store.setCommentCount(jsonNumber(e.data, L("articleId")),
                                     e.data.value(L("comments")).toInt());
    });
    sync.registerApplier(QString(blogs::CommentLiked), [this](const SyncEvent& e) {
        const bool mine = jsonNumber(e.data, L("userId")) == m_sync.userId();
        return BlogStore(m_cache).setCommentLikes(
            jsonNumber(e.data, L("commentId")), e.data.value(L("likes")).toInt(),
            mine ? std::optional(e.data.value(L("liked")).toBool()) : std::nullopt);
    });

    // The outbox's writes: each answer applied as its event would be.
    const auto applyArticle = [this](const OutboxEntry&, const QJsonObject& r) {
        return storeCard(r.value(L("article")).toObject(), jsonNumber(r, L("seq")));
    };
    for (QLatin1StringView kind : {blogs::ArticleUnschedule, blogs::ArticleRestore}) {
        WriteKind k;
        k.kind = QString(kind);
        k.applyResult = applyArticle;
        outbox.registerKind(k);
    }
    // A new cover goes as an upload before the write, which names it once it is there.
    WriteKind cover;
    cover.kind = QString(blogs::ArticleCover);
    cover.applyResult = applyArticle;
    cover.carries = [](const QJsonObject& payload) {
        return attachmentfield::uploadOf(payload, Blogs::coverField);
    };
    cover.bindCarried = [](QJsonObject& payload, const QString& clientId, const QString& created) {
        attachmentfield::bindOne(payload, Blogs::coverField, clientId, created);
    };
    outbox.registerKind(cover);
    WriteKind remove;
    remove.kind = QString(blogs::ArticleDelete);
    remove.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        const qint64 id = jsonNumber(r, L("articleId"));
        Drafts& drafts = m_blogs.drafts();
        m_cache.afterCommit([&drafts, id]() { drafts.serverDeleted(id); });
        return BlogStore(m_cache).remove(id);
    };
    outbox.registerKind(remove);
    WriteKind like;
    like.kind = QString(blogs::ArticleLike);
    like.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        if (jsonNumber(r, L("seq")) == 0)
            return true; // it was so already
        return BlogStore(m_cache).setLikes(
            jsonNumber(r, L("articleId")), r.value(L("likes")).toInt(),
            r.value(L("liked")).toBool(), 0); // its event moves the number
    };
    outbox.registerKind(like);
    WriteKind create;
    create.kind = QString(blogs::CommentCreate);
    create.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        const QJsonObject c = r.value(L("comment")).toObject();
        BlogStore store(m_cache);
        // The user's own comment stays in the cache whether or not the others were read; its
        // event, which follows, counts it (an answer ahead of the events must not move the
        // article's number past comments not counted yet).
        return storeComment(c, jsonNumber(r, L("seq")), false)
            && (store.comment(jsonNumber(c, L("id")))
                || !store.article(jsonNumber(c, L("articleId")))
                || store.upsertComment(CommentRow::fromJson(c)));
    };
    outbox.registerKind(create);
    WriteKind edit;
    edit.kind = QString(blogs::CommentEdit);
    edit.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        return storeComment(r.value(L("comment")).toObject(), jsonNumber(r, L("seq")), false);
    };
    outbox.registerKind(edit);
    WriteKind removeComment;
    removeComment.kind = QString(blogs::CommentDelete);
    removeComment.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        BlogStore store(m_cache);
        return store.markCommentDeleted(jsonNumber(r, L("commentId")))
            && store.setCommentCount(jsonNumber(r, L("articleId")), r.value(L("comments")).toInt());
    };
    outbox.registerKind(removeComment);
    WriteKind likeComment;
    likeComment.kind = QString(blogs::CommentLike);
    likeComment.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        if (jsonNumber(r, L("seq")) == 0)
            return true;
        return BlogStore(m_cache).setCommentLikes(jsonNumber(r, L("commentId")),
                                                  r.value(L("likes")).toInt(),
                                                  r.value(L("liked")).toBool());
    };
    outbox.registerKind(likeComment);
}

void BlogsApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    if (!m_cache.transaction([this]() { return BlogStore(m_cache).clearArticles(); })) {
        done(makeError(protocol::ErrorCode::Internal,
                       QStringLiteral("cannot clear the articles: %1").arg(m_cache.lastError())));
        return;
    }
    // The company blog's newest page, then the user's drafts; the lower head of the two.
    readPage(0, std::numeric_limits<qint64>::max(), std::move(done));
}

void BlogsApplier::readPage(int step, qint64 lowest,
                            std::function<void(const Result<qint64>& head)> done)
{
    if (step == 2) {
        done(lowest);
        return;
    }
    const QJsonObject payload = step == 0
        ? QJsonObject {{QStringLiteral("limit"), blogs::defaultListPage}}
        : QJsonObject {{QStringLiteral("drafts"), true},
                       {QStringLiteral("limit"), blogs::maxListPage}};
    m_session.request(blogs::ArticleList, payload, &m_blogs,
                      [this, step, lowest, done](const Result<QJsonObject>& r) {
                          if (!r) {
                              done(r.error());
                              return;
                          }
                          const qint64 head = jsonNumber(r.value(), L("head"));
                          BlogStore store(m_cache);
                          const bool ok = m_cache.transaction([&]() {
                              for (const QJsonValue& v : r->value(L("articles")).toArray()) {
                                  if (!store.upsert(ArticleRow::fromJson(v.toObject()), head))
                                      return false;
                              }
                              return true;
                          });
                          if (!ok) {
                              done(makeError(protocol::ErrorCode::Internal, m_cache.lastError()));
                              return;
                          }
                          readPage(step + 1, std::min(lowest, head), done);
                      });
}

} // namespace plein::client
