#pragma once

#include "capabilities/blogs/blogservice.h"
#include "capabilities/blogs/commentstore.h"
#include "core/writeservice.h"

namespace plein::server {

class AccountStore;
class EventLog;
struct User;

// Comments on published articles (one level of replies, likes, @mentions) and likes of
// articles. Whoever reads an article reads its comments; who writes one follows the blog (a
// group's members). A comment on an article the user may not see answers like a missing one.
class CommentService
{
public:
    CommentService(WriteService& writes, CommentStore& store, BlogService& blogs, EventLog& events,
                   AccountStore& accounts)
        : m_writes(writes)
        , m_store(store)
        , m_blogs(blogs)
        , m_events(events)
        , m_accounts(accounts)
    { }

    using Outcome = WriteService::Outcome;
    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> edit(const User& user, const QJsonObject& payload);
    Result<Outcome> remove(const User& user, const QJsonObject& payload);
    Result<Outcome> like(const User& user, const QJsonObject& payload);
    Result<Outcome> likeArticle(const User& user, const QJsonObject& payload);
    Result<QJsonObject> list(const User& user, const QJsonObject& payload);

private:
    // A published article the user reads, for a comment or a like.
    Result<BlogService::Readable> publishedArticle(const User& user, qint64 articleId);
    // The comment and its article if `user` may read them.
    struct Found
    {
        ArticleComment comment;
        BlogService::Readable article;
    };
    std::optional<Found> readable(const User& user, qint64 commentId);
    // Why `user` may not write under the article (a group's non-member, an archived group).
    static std::optional<protocol::Error> cannotTakePart(const BlogService::Readable& a);

    WriteService& m_writes;
    CommentStore& m_store;
    BlogService& m_blogs;
    EventLog& m_events;
    AccountStore& m_accounts;
};

} // namespace plein::server
