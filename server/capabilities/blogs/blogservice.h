#pragma once

#include "capabilities/blogs/blogstore.h"
#include "capabilities/groups/groupservice.h"
#include "core/eventlog.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace plein::server {

class AccountStore;
class FileService;
struct User;

// The blogs' rules. An article belongs to the company blog or to one group's; a draft (or a
// scheduled article) is its authors' only, a published one is read by whoever reads its blog
// (a group's audience and history rule). Its owner and co-authors change it; every change
// names the revision it was made on and is refused with `stale_revision` when the article
// moved on since, so nothing is overwritten unseen. Publishing and every edit of a published
// article keep a revision. An article the user may not see answers exactly like a missing one.
class BlogService
{
public:
    // `adminsPublishInCompanyBlog`: only admins publish in the company blog (the server's
    // company_blog_publishers = admins).
    BlogService(WriteService& writes, BlogStore& store, EventLog& events, AccountStore& accounts,
                GroupService& groups, FileService& files, bool adminsPublishInCompanyBlog = false)
        : m_writes(writes)
        , m_store(store)
        , m_events(events)
        , m_accounts(accounts)
        , m_groups(groups)
        , m_files(files)
        , m_adminsPublishInCompanyBlog(adminsPublishInCompanyBlog)
    { }

    using Outcome = WriteService::Outcome;
    Result<Outcome> save(const User& user, const QJsonObject& payload);
    Result<Outcome> publish(const User& user, const QJsonObject& payload);
    Result<Outcome> unschedule(const User& user, const QJsonObject& payload);
    Result<Outcome> edit(const User& user, const QJsonObject& payload);
    Result<Outcome> restore(const User& user, const QJsonObject& payload);
    // The cover image: set, changed or taken off; not part of the text, so no revision.
    Result<Outcome> cover(const User& user, const QJsonObject& payload);
    // Whether the user may read the article (a file attached to it is seen by them).
    bool maySee(const User& user, qint64 articleId)
    {
        return readable(user, articleId).has_value();
    }
    // The owner kind of an article's cover in the files capability.
    static constexpr QLatin1StringView coverOwnerKind {"article"};
    Result<Outcome> remove(const User& user, const QJsonObject& payload);

    Result<QJsonObject> get(const User& user, const QJsonObject& payload);
    Result<QJsonObject> list(const User& user, const QJsonObject& payload);
    Result<QJsonObject> revisions(const User& user, const QJsonObject& payload);
    Result<QJsonObject> revision(const User& user, const QJsonObject& payload);
    // The `bodyDelta` of an answer from kept revision `have`'s text `base` to `body`, or
    // nullopt when the whole text is not longer (as JSON) than the steps.
    static std::optional<QJsonObject> deltaAnswer(qint64 have, const QString& base,
                                                  const QString& body);

    // Publishes the scheduled articles whose time came (each in its own transaction); one
    // whose owner may no longer publish there goes back to a draft with the reason. Returns
    // how many were published.
    int publishDue();
    // When the next scheduled article is due (UTC), if any.
    std::optional<QDateTime> nextDue();
    // Called when a write scheduled an article (the capability's timer looks again).
    void setOnScheduled(std::function<void()> f) { m_onScheduled = std::move(f); }

    struct Readable
    {
        Article article;
        GroupAccess group; // empty for the company blog
    };
    // Who hears of a published article: its blog's audience.
    static Scope blogScope(const Article& a);
    // The `not_found` answer for an article id, the same whether it is missing or hidden.
    static protocol::Error notFound(qint64 articleId);
    // The article if `user` may see it (a draft: its authors; published: the blog's readers).
    std::optional<Readable> readable(const User& user, qint64 articleId);

private:
    // The article if `user` is one of its authors; why not otherwise (not_found when it is
    // not theirs to see, forbidden when they only read it).
    Result<Readable> authored(const User& user, qint64 articleId);
    // Why `user` may not write in the blog of `groupId`, if so.
    std::optional<protocol::Error> cannotWriteIn(const User& user, qint64 groupId);
    // Why `user` may not publish there (writing, and the company blog's rule), if so.
    std::optional<protocol::Error> cannotPublishIn(const User& user, qint64 groupId);
    // The text of a write, checked (title, tags); an error when it is not acceptable.
    Result<ArticleText> textOf(const QJsonObject& payload);
    // The co-authors a write names, checked (active users); nullopt when it names none.
    Result<std::optional<QList<qint64>>> coAuthorsOf(const User& user, const Article* article,
                                                     const QJsonObject& payload);
    // Publishes now, as `actor`, what the article holds at its revision (and, with
    // `scheduledAt`, only while it is still scheduled for that time).
    Result<QJsonObject> publishNow(qint64 actorId, const Article& article,
                                   const QString& scheduledAt = {});
    // `body` as the steps from kept revision `have` (text/textdelta.h) when they are shorter
    // than it: {from, steps, sha256}; nullopt when the whole text is cheaper or `have` was
    // not kept (a draft's saves are not).
    std::optional<QJsonObject> bodyDelta(qint64 articleId, qint64 have, const QString& body);
    // The answer of a write that changes nothing: the article as it is, without `seq`.
    QJsonObject unchanged(const Article& a, qint64 actorId);
    // The article as it is now, to its blog's readers as article.edited; the answer.
    Result<QJsonObject> announceEdited(qint64 actorId, qint64 articleId);
    // Each article's cover from the files capability: for what is answered or announced
    // (reread, get, list), not for every check of who may read an article.
    void fillCovers(QList<Article*> articles);
    // A published article whose text stays: its co-authors set anew (announced as
    // article.edited, the revision unchanged), or nothing at all.
    Result<QJsonObject> newAuthors(qint64 actorId, const Article& a,
                                   const std::optional<QList<qint64>>& coAuthors);
    // A published article's text as revision `base` + 1, kept, announced as article.edited.
    Result<QJsonObject> newRevision(qint64 actorId, const Article& a, qint64 base,
                                    const ArticleText& text, const QString& kind,
                                    qint64 restoredFrom,
                                    const std::optional<QList<qint64>>& coAuthors);
    Result<QJsonObject> announceDraft(qint64 actorId, qint64 articleId,
                                      const QList<qint64>& alsoTell = {});
    static protocol::Error stale(const Article& a, qint64 base);
    // The article as a write in this transaction just left it (internal error if it is not).
    Result<Article> reread(qint64 articleId);
    // stale_revision when the article moved on, not_found when it is gone.
    protocol::Error staleOrMissing(qint64 articleId, qint64 base);

    WriteService& m_writes;
    BlogStore& m_store;
    EventLog& m_events;
    AccountStore& m_accounts;
    GroupService& m_groups;
    FileService& m_files;
    std::function<void()> m_onScheduled;
    bool m_adminsPublishInCompanyBlog = false;
};

} // namespace plein::server
