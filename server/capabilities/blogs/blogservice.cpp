#include "capabilities/blogs/blogservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/feed/topics.h"
#include "capabilities/files/fileservice.h"
#include "core/database.h"
#include "protocol/fields.h"
#include "text/textdelta.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;
namespace blogs = protocol::blogs;

namespace {

using L = QLatin1StringView;

QJsonObject written(const Article& a, qint64 seq)
{
    return QJsonObject {{QStringLiteral("article"), a.toJson(true)}, {QStringLiteral("seq"), seq}};
}

ArticleText textOfArticle(const Article& a)
{
    return ArticleText {a.title, a.summary, a.body, a.tags};
}

bool sameText(const ArticleText& x, const ArticleText& y)
{
    return x.title == y.title && x.summary == y.summary && x.body == y.body && x.tags == y.tags;
}

QJsonObject card(const Article& a)
{
    return QJsonObject {{QStringLiteral("article"), a.toJson(false)}};
}

// The union of two lists of ids, in order of first appearance.
QList<qint64> unite(QList<qint64> a, const QList<qint64>& b)
{
    for (qint64 id : b) {
        if (!a.contains(id))
            a.append(id);
    }
    return a;
}

} // namespace

protocol::Error BlogService::notFound(qint64 articleId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("article %1 does not exist").arg(articleId)};
}

Scope BlogService::blogScope(const Article& a)
{
    return a.groupId ? Scope::group(a.groupId) : Scope::everyone();
}

protocol::Error BlogService::stale(const Article& a, qint64 base)
{
    return protocol::Error {ErrorCode::StaleRevision,
                            QStringLiteral("article %1 is at revision %2 now; this change was "
                                           "made on revision %3")
                                .arg(a.id)
                                .arg(a.revision)
                                .arg(base)};
}

void BlogService::fillCovers(QList<Article*> articles)
{
    QList<qint64> ids;
    for (const Article* a : std::as_const(articles))
        ids.append(a->id);
    const QHash<qint64, QJsonArray> covers = m_files.attachmentsOf(QString(coverOwnerKind), ids);
    for (Article* a : std::as_const(articles)) {
        const QJsonArray files = covers.value(a->id);
        a->cover = files.isEmpty() ? QJsonValue() : files.first();
    }
}

Result<Article> BlogService::reread(qint64 articleId)
{
    auto a = m_store.find(articleId);
    if (!a)
        return makeError(ErrorCode::Internal, QStringLiteral("the article was not written"));
    fillCovers({&*a});
    return std::move(*a);
}

protocol::Error BlogService::staleOrMissing(qint64 articleId, qint64 base)
{
    // The conditional change found no row at its revision: changed since, or deleted since.
    if (const auto now = m_store.find(articleId))
        return stale(*now, base);
    return notFound(articleId);
}

std::optional<BlogService::Readable> BlogService::readable(const User& user, qint64 articleId)
{
    auto found = m_store.find(articleId);
    if (!found)
        return std::nullopt;
    Readable r {std::move(*found), {}};
    // A draft is its authors' alone: not its group's owners, not an admin.
    if (r.article.isDraft())
        return r.article.isAuthor(user.id) ? std::optional(std::move(r)) : std::nullopt;
    if (r.article.groupId == 0)
        return r;
    r.group = m_groups.access(user, r.article.groupId);
    if (!r.group.canRead())
        return std::nullopt;
    const qint64 from = r.group.visibleFrom();
    if (from > 0 && r.article.publishedSeq <= from)
        return std::nullopt;
    return r;
}

Result<BlogService::Readable> BlogService::authored(const User& user, qint64 articleId)
{
    auto r = readable(user, articleId);
    if (!r)
        return notFound(articleId);
    if (!r->article.isAuthor(user.id))
        return makeError(ErrorCode::Forbidden,
                         QStringLiteral("only the article's authors may change it"));
    if (r->article.groupId && !r->group.group)
        r->group = m_groups.access(user, r->article.groupId);
    if (r->group.group && r->group.group->archived)
        return makeError(
            ErrorCode::Forbidden,
            QStringLiteral("the group '%1' is archived and read-only").arg(r->group.group->name));
    return std::move(*r);
}

std::optional<protocol::Error> BlogService::cannotWriteIn(const User& user, qint64 groupId)
{
    if (groupId == 0)
        return std::nullopt;
    const GroupAccess a = m_groups.access(user, groupId);
    if (!a.group)
        return GroupService::notFound(groupId);
    if (a.group->archived)
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("the group '%1' is archived and read-only").arg(a.group->name)};
    if (!a.isMember())
        return protocol::Error {
            ErrorCode::Forbidden,
            QStringLiteral("only members write in the blog of '%1'").arg(a.group->name)};
    return std::nullopt;
}

std::optional<protocol::Error> BlogService::cannotPublishIn(const User& user, qint64 groupId)
{
    if (groupId == 0 && m_adminsPublishInCompanyBlog && user.role != Role::Admin)
        return protocol::Error {ErrorCode::Forbidden,
                                QStringLiteral("only administrators publish in the company blog "
                                               "here")};
    return cannotWriteIn(user, groupId);
}

Result<ArticleText> BlogService::textOf(const QJsonObject& payload)
{
    ArticleText t;
    t.title = payload.value(L("title")).toString().trimmed();
    t.summary = payload.value(L("summary")).toString().trimmed();
    t.body = payload.value(L("body")).toString();
    if (t.title.isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("an article needs a title"));
    for (const auto& v : payload.value(L("tags")).toArray()) {
        const QString tag = v.toString();
        if (!protocol::isValidTopic(tag))
            return makeError(
                ErrorCode::BadRequest,
                QStringLiteral("'%1' is not a topic (case-folded, without '#')").arg(tag.left(60)));
        if (!t.tags.contains(tag))
            t.tags.append(tag);
    }
    return t;
}

Result<std::optional<QList<qint64>>>
BlogService::coAuthorsOf(const User& user, const Article* article, const QJsonObject& payload)
{
    if (!payload.contains(L("coAuthors")))
        return std::optional<QList<qint64>>();
    const qint64 owner = article ? article->author.id : user.id;
    QList<qint64> ids;
    for (const auto& v : payload.value(L("coAuthors")).toArray()) {
        const qint64 id = qint64(v.toDouble());
        if (id != owner && !ids.contains(id))
            ids.append(id);
    }
    if (article) {
        QList<qint64> now;
        for (const ArticlePerson& p : article->coAuthors)
            now.append(p.id);
        std::sort(now.begin(), now.end());
        QList<qint64> asked = ids;
        std::sort(asked.begin(), asked.end());
        if (asked == now)
            return std::optional<QList<qint64>>();
        if (user.id != owner)
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("only the article's owner chooses its co-authors"));
    }
    // Co-authors write in the article's blog: in a group's, they are its members.
    const qint64 groupId = article ? article->groupId : idField(payload, L("groupId"));
    for (qint64 id : std::as_const(ids)) {
        const auto u = m_accounts.findById(id);
        if (!u || !u->active)
            return makeError(ErrorCode::NotFound, QStringLiteral("user %1 does not exist").arg(id));
        if (groupId > 0 && !m_groups.access(*u, groupId).isMember())
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("%1 is not a member of the group whose blog this "
                                            "article is in; co-authors write in it")
                                 .arg(u->username));
    }
    return std::optional<QList<qint64>>(ids);
}

Result<QJsonObject> BlogService::announceDraft(qint64 actorId, qint64 articleId,
                                               const QList<qint64>& alsoTell)
{
    const auto a = reread(articleId);
    if (!a)
        return a.error();
    // Authors who were taken off hear of it too: their other devices let go of the draft.
    auto seq = m_events.append(QString(blogs::ArticleDraft), actorId,
                               Scope::usersOnly(unite(a->authorIds(), alsoTell)), card(a.value()),
                               a->id);
    if (!seq)
        return seq.error();
    return written(a.value(), seq.value());
}

Result<BlogService::Outcome> BlogService::save(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleSave), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            const qint64 base = idField(payload, L("baseRevision"));
            auto text = textOf(payload);
            if (!text)
                return text.error();
            if (!articleId) {
                if (base != 0)
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("a new article is made on revision 0"));
                const qint64 groupId = idField(payload, L("groupId"));
                if (auto e = cannotWriteIn(user, groupId))
                    return *e;
                auto co = coAuthorsOf(user, nullptr, payload);
                if (!co)
                    return co.error();
                auto id = m_store.insertDraft(user.id, groupId, text.value());
                if (!id)
                    return id.error();
                if (co.value()) {
                    if (auto r = m_store.setAuthors(id.value(), user.id, *co.value()); !r)
                        return r.error();
                }
                return announceDraft(user.id, id.value());
            }
            auto found = authored(user, articleId);
            if (!found)
                return found.error();
            const Article& a = found->article;
            if (!a.isDraft())
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("article %1 is published: change it with "
                                                "article.edit")
                                     .arg(articleId));
            if (payload.contains(L("groupId")) && idField(payload, L("groupId")) != a.groupId)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("a draft stays in its blog; leave out 'groupId'"));
            if (base != a.revision)
                return stale(a, base);
            // Still a member of the group whose blog it is in.
            if (auto e = cannotWriteIn(user, a.groupId))
                return *e;
            auto co = coAuthorsOf(user, &a, payload);
            if (!co)
                return co.error();
            auto updated = m_store.updateText(articleId, base, text.value(), false);
            if (!updated)
                return updated.error();
            if (!updated.value())
                return staleOrMissing(articleId, base);
            if (co.value()) {
                if (auto r = m_store.setAuthors(articleId, a.author.id, *co.value()); !r)
                    return r.error();
            }
            return announceDraft(user.id, articleId, a.authorIds());
        });
}

Result<QJsonObject> BlogService::publishNow(qint64 actorId, const Article& article,
                                            const QString& scheduledAt)
{
    // The event's number first: the article is written with it, its blog's order.
    const auto seq = m_events.nextSeq();
    if (!seq)
        return seq.error();
    auto marked = m_store.markPublished(article.id, article.revision, seq.value(), scheduledAt);
    if (!marked)
        return marked.error();
    if (!marked.value())
        return staleOrMissing(article.id, article.revision);
    if (auto r = m_store.keepRevision(article.id, article.revision, QStringLiteral("published"),
                                      actorId, textOfArticle(article));
        !r)
        return r.error();
    const auto a = reread(article.id);
    if (!a)
        return a.error();
    if (auto appended
        = m_events.appendAt(seq.value(), QString(blogs::ArticlePublished), actorId,
                            blogScope(a.value()), card(a.value()), a->id, seq.value());
        !appended)
        return appended.error();
    return written(a.value(), seq.value());
}

Result<BlogService::Outcome> BlogService::publish(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticlePublish), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            const qint64 base = idField(payload, L("baseRevision"));
            auto found = authored(user, articleId);
            if (!found)
                return found.error();
            const Article& a = found->article;
            if (!a.isDraft())
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("article %1 is published already").arg(articleId));
            if (base != a.revision)
                return stale(a, base);
            if (auto e = cannotPublishIn(user, a.groupId))
                return *e;
            QDateTime at;
            if (payload.contains(L("at"))) {
                at = QDateTime::fromString(payload.value(L("at")).toString(), Qt::ISODateWithMs);
                if (!at.isValid() || at.timeSpec() != Qt::UTC)
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("'at' is not a UTC time such as "
                                                    "2026-12-01T09:00:00Z"));
                const QDateTime now = QDateTime::currentDateTimeUtc();
                if (at > now.addDays(blogs::maxScheduleDays))
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("an article is scheduled at most %1 days "
                                                    "ahead")
                                         .arg(blogs::maxScheduleDays));
                if (at <= now)
                    at = QDateTime();
            }
            if (!at.isValid())
                return publishNow(user.id, a);
            auto scheduled
                = m_store.setSchedule(articleId, a.revision, at.toString(Qt::ISODateWithMs));
            if (!scheduled)
                return scheduled.error();
            if (!scheduled.value())
                return staleOrMissing(articleId, base);
            if (m_onScheduled)
                m_onScheduled();
            return announceDraft(user.id, articleId);
        });
}

Result<BlogService::Outcome> BlogService::unschedule(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleUnschedule), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            auto found = authored(user, articleId);
            if (!found)
                return found.error();
            if (found->article.state != ArticleState::Scheduled)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("article %1 is not scheduled").arg(articleId));
            auto back = m_store.setSchedule(articleId, found->article.revision, QString());
            if (!back)
                return back.error();
            if (!back.value())
                return staleOrMissing(articleId, found->article.revision);
            return announceDraft(user.id, articleId);
        });
}

Result<BlogService::Outcome> BlogService::edit(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleEdit), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            const qint64 base = idField(payload, L("baseRevision"));
            auto text = textOf(payload);
            if (!text)
                return text.error();
            auto found = authored(user, articleId);
            if (!found)
                return found.error();
            const Article& a = found->article;
            if (a.isDraft())
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("article %1 is a draft: save it with "
                                                "article.save")
                                     .arg(articleId));
            if (base != a.revision)
                return stale(a, base);
            // As when it was published: a member of its group, a publisher of its blog.
            if (auto e = cannotPublishIn(user, a.groupId))
                return *e;
            auto co = coAuthorsOf(user, &a, payload);
            if (!co)
                return co.error();
            // The same text: no revision. Only co-authors chosen anew change the article.
            if (sameText(text.value(), textOfArticle(a)))
                return newAuthors(user.id, a, co.value());
            return newRevision(user.id, a, base, text.value(), QStringLiteral("edited"), 0,
                               co.value());
        });
}

Result<QJsonObject> BlogService::newAuthors(qint64 actorId, const Article& a,
                                            const std::optional<QList<qint64>>& coAuthors)
{
    if (!coAuthors)
        return unchanged(a, actorId);
    if (auto r = m_store.setAuthors(a.id, a.author.id, *coAuthors); !r)
        return r.error();
    return announceEdited(actorId, a.id);
}

QJsonObject BlogService::unchanged(const Article& a, qint64 actorId)
{
    // Nothing changes: no event, and an answer without `seq`, as for a like already set.
    Article same = a;
    same.likedByMe = m_store.likedBy(a.id, actorId);
    fillCovers({&same});
    return QJsonObject {{QStringLiteral("article"), same.toJson(true)}};
}

Result<QJsonObject> BlogService::announceEdited(qint64 actorId, qint64 articleId)
{
    auto now = reread(articleId);
    if (!now)
        return now.error();
    now->likedByMe = m_store.likedBy(articleId, actorId); // the answer is the actor's
    auto seq = m_events.append(QString(blogs::ArticleEdited), actorId, blogScope(now.value()),
                               card(now.value()), articleId, now->publishedSeq);
    if (!seq)
        return seq.error();
    return written(now.value(), seq.value());
}

Result<QJsonObject> BlogService::newRevision(qint64 actorId, const Article& a, qint64 base,
                                             const ArticleText& text, const QString& kind,
                                             qint64 restoredFrom,
                                             const std::optional<QList<qint64>>& coAuthors)
{
    auto updated = m_store.updateText(a.id, base, text, true);
    if (!updated)
        return updated.error();
    if (!updated.value())
        return staleOrMissing(a.id, base);
    if (coAuthors) {
        if (auto r = m_store.setAuthors(a.id, a.author.id, *coAuthors); !r)
            return r.error();
    }
    if (auto r = m_store.keepRevision(a.id, base + 1, kind, actorId, text, restoredFrom); !r)
        return r.error();
    return announceEdited(actorId, a.id);
}

Result<BlogService::Outcome> BlogService::restore(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(blogs::ArticleRestore), payload,
                        [&]() -> Result<QJsonObject> {
                            const qint64 articleId = idField(payload, L("articleId"));
                            const qint64 base = idField(payload, L("baseRevision"));
                            const qint64 number = idField(payload, L("revision"));
                            auto found = authored(user, articleId);
                            if (!found)
                                return found.error();
                            const Article& a = found->article;
                            const auto old = m_store.revision(articleId, number);
                            if (!old)
                                return makeError(ErrorCode::NotFound,
                                                 QStringLiteral("article %1 has no revision "
                                                                "%2")
                                                     .arg(articleId)
                                                     .arg(number));
                            if (base != a.revision)
                                return stale(a, base);
                            if (auto e = cannotPublishIn(user, a.groupId))
                                return *e;
                            return newRevision(user.id, a, base, old->text,
                                               QStringLiteral("restored"), number, std::nullopt);
                        });
}

Result<BlogService::Outcome> BlogService::cover(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleCover), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            auto found = authored(user, articleId);
            if (!found)
                return found.error();
            const Article& a = found->article;
            // Changed as its text is: a draft's by a member of its group, a published one's
            // by a publisher of its blog.
            if (auto e
                = a.isDraft() ? cannotWriteIn(user, a.groupId) : cannotPublishIn(user, a.groupId))
                return *e;
            const QString fileId = payload.value(L("coverFileId")).toString();
            fillCovers({&found->article});
            const QString now = a.cover.toObject().value(L("id")).toString();
            if (fileId == now)
                return unchanged(a, user.id);
            if (auto set = m_files.setImage(user, QString(coverOwnerKind), articleId, fileId,
                                            QStringLiteral("a cover"));
                !set)
                return set.error();
            if (a.isDraft())
                return announceDraft(user.id, articleId, {});
            return announceEdited(user.id, articleId);
        });
}

Result<BlogService::Outcome> BlogService::remove(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(blogs::ArticleDelete), payload, [&]() -> Result<QJsonObject> {
            const qint64 articleId = idField(payload, L("articleId"));
            auto found = readable(user, articleId);
            if (!found)
                return notFound(articleId);
            const Article& a = found->article;
            // Its owner; of a published one also an admin and the group's owners and
            // moderators, as for posts.
            const bool mayDelete = a.author.id == user.id
                || (!a.isDraft()
                    && (user.role == Role::Admin || (a.groupId && found->group.canModerate())));
            if (!mayDelete)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only the article's owner may delete it"));
            if (a.groupId && !found->group.group)
                found->group = m_groups.access(user, a.groupId);
            if (found->group.group && found->group.group->archived)
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("the group '%1' is archived and read-only")
                                     .arg(found->group.group->name));
            const Scope scope = a.isDraft() ? Scope::usersOnly(a.authorIds()) : blogScope(a);
            if (auto r = m_store.remove(articleId); !r)
                return r.error();
            // Its cover is no longer seen through it.
            if (auto r = m_files.detachAll(QString(coverOwnerKind), articleId); !r)
                return r.error();
            const QJsonObject data {
                {QStringLiteral("articleId"), articleId},
                {QStringLiteral("groupId"), a.groupId ? QJsonValue(a.groupId) : QJsonValue()}};
            auto seq = m_events.append(QString(blogs::ArticleDeleted), user.id, scope, data,
                                       articleId, a.publishedSeq);
            if (!seq)
                return seq.error();
            QJsonObject out = data;
            out.insert(QStringLiteral("seq"), seq.value());
            return out;
        });
}

Result<QJsonObject> BlogService::get(const User& user, const QJsonObject& payload)
{
    const qint64 articleId = idField(payload, L("articleId"));
    // The head first: a client that stores this and then syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    auto found = readable(user, articleId);
    if (!found)
        return notFound(articleId);
    found->article.likedByMe = m_store.likedBy(articleId, user.id);
    fillCovers({&found->article});
    QJsonObject article = found->article.toJson(true);
    if (const qint64 have = idField(payload, L("have")); have > 0) {
        if (auto delta = bodyDelta(articleId, have, found->article.body)) {
            article.remove(QStringLiteral("body"));
            article.insert(QStringLiteral("bodyDelta"), *delta);
        }
    }
    return QJsonObject {{QStringLiteral("article"), article}, {QStringLiteral("head"), head}};
}

std::optional<QJsonObject> BlogService::bodyDelta(qint64 articleId, qint64 have,
                                                  const QString& body)
{
    const auto kept = m_store.revision(articleId, have);
    if (!kept)
        return std::nullopt;
    return deltaAnswer(have, kept->text.body, body);
}

std::optional<QJsonObject> BlogService::deltaAnswer(qint64 have, const QString& base,
                                                    const QString& body)
{
    const QByteArray whole = body.toUtf8();
    const QJsonArray steps = text::makeDelta(base, body);
    if (QJsonDocument(steps).toJson(QJsonDocument::Compact).size() >= whole.size())
        return std::nullopt;
    return QJsonObject {
        {QStringLiteral("from"), have},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("sha256"),
         QString::fromLatin1(QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex())}};
}

Result<QJsonObject> BlogService::list(const User& user, const QJsonObject& payload)
{
    const bool drafts = payload.value(L("drafts")).toBool();
    const qint64 groupId = idField(payload, L("groupId"));
    const qint64 authorId = idField(payload, L("authorId"));
    const qint64 before = idField(payload, L("before"));
    const int limit
        = payload.contains(L("limit")) ? payload.value(L("limit")).toInt() : blogs::defaultListPage;
    if (int(drafts) + int(groupId > 0) + int(authorId > 0) > 1)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("'drafts', 'groupId' and 'authorId' exclude each other"));
    const qint64 head = m_events.head();
    Result<QList<Article>> page = QList<Article>();
    if (drafts) {
        page = m_store.drafts(user.id, before, limit);
    } else if (authorId) {
        page = m_store.byAuthor(authorId, user.id, user.role == Role::Admin, before, limit);
    } else {
        qint64 from = 0;
        if (groupId) {
            const GroupAccess a = m_groups.access(user, groupId);
            if (!a.canRead())
                return GroupService::notFound(groupId);
            from = a.visibleFrom();
        }
        page = m_store.blog(groupId, before, limit, from);
    }
    if (!page)
        return page.error();
    QList<Article*> cards;
    for (Article& a : page.value())
        cards.append(&a);
    fillCovers(cards);
    QJsonArray out;
    for (const Article& a : std::as_const(page.value()))
        out.append(a.toJson(false));
    QJsonValue next;
    if (page->size() == limit)
        next = drafts ? page->last().id : page->last().publishedSeq;
    return QJsonObject {{QStringLiteral("articles"), out},
                        {QStringLiteral("next"), next},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> BlogService::revisions(const User& user, const QJsonObject& payload)
{
    const qint64 articleId = idField(payload, L("articleId"));
    const auto found = readable(user, articleId);
    if (!found)
        return notFound(articleId);
    auto rows = m_store.revisions(articleId);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const ArticleRevisionRow& r : std::as_const(rows.value()))
        out.append(r.toJson(false));
    return QJsonObject {{QStringLiteral("articleId"), articleId},
                        {QStringLiteral("revision"), found->article.revision},
                        {QStringLiteral("revisions"), out}};
}

Result<QJsonObject> BlogService::revision(const User& user, const QJsonObject& payload)
{
    const qint64 articleId = idField(payload, L("articleId"));
    const qint64 number = idField(payload, L("revision"));
    const auto found = readable(user, articleId);
    if (!found)
        return notFound(articleId);
    const auto row = m_store.revision(articleId, number);
    if (!row)
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("article %1 has no revision %2").arg(articleId).arg(number));
    QJsonObject o = row->toJson(true);
    o.insert(QStringLiteral("articleId"), articleId);
    if (const qint64 have = idField(payload, L("have")); have > 0 && have != number) {
        if (auto delta = bodyDelta(articleId, have, row->text.body)) {
            o.remove(QStringLiteral("body"));
            o.insert(QStringLiteral("bodyDelta"), *delta);
        }
    }
    return QJsonObject {{QStringLiteral("revision"), o}};
}

int BlogService::publishDue()
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const auto due = m_store.due(now, 50);
    if (!due)
        return 0;
    int published = 0;
    for (qint64 id : due.value()) {
        bool done = false;
        // Each in its own transaction: one that fails holds up none of the others.
        auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
            const auto a = m_store.find(id);
            // Another node, or an unschedule, came first.
            if (!a || a->state != ArticleState::Scheduled || a->publishAt > now)
                return QJsonObject();
            const auto owner = m_accounts.findById(a->author.id);
            std::optional<protocol::Error> refused;
            if (!owner || !owner->active)
                refused = makeError(ErrorCode::Forbidden,
                                    QStringLiteral("the article's owner is deactivated"));
            else
                refused = cannotPublishIn(*owner, a->groupId);
            if (refused) {
                // Back to a draft, with the reason for its authors to read.
                auto back = m_store.setSchedule(id, a->revision, QString(), refused->message);
                if (!back)
                    return back.error();
                if (!back.value())
                    return QJsonObject(); // changed on another node since it was read
                return announceDraft(a->author.id, id);
            }
            // Unscheduled, moved or changed on another node since it was read: refused as
            // stale (or missing), rolled back, and not published now.
            auto made = publishNow(a->author.id, *a, a->publishAt);
            done = made.ok();
            return made;
        });
        if (!r) {
            if (r.error().code != ErrorCode::StaleRevision && r.error().code != ErrorCode::NotFound)
                qWarning("blogs: article %lld could not be published: %s", id,
                         qPrintable(r.error().message));
            continue;
        }
        published += done ? 1 : 0;
    }
    return published;
}

std::optional<QDateTime> BlogService::nextDue()
{
    const auto at = m_store.nextDue();
    if (!at)
        return std::nullopt;
    QDateTime t = QDateTime::fromString(*at, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

} // namespace plein::server
