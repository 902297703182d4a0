#pragma once

#include "capabilities/feed/feedstore.h"
#include "capabilities/feed/topicstore.h"
#include "capabilities/groups/groupservice.h"
#include "core/eventlog.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QJsonObject>

#include <optional>

namespace plein::server {

class AccountStore;
class EventLog;
class FileService;
struct User;

// The feeds' writes and reads, with their rules: a post belongs to the company feed or to one
// group; who may read it follows the group (and its history rule), who may write needs
// membership; replies attach to the top-level post; mentions are recorded and announced;
// #topics are recorded against the thread's top-level post.
// A post the user may not read answers exactly like a post that does not exist.
class FeedService
{
public:
    FeedService(WriteService& writes, FeedStore& feed, TopicStore& topics, EventLog& events,
                AccountStore& accounts, GroupService& groups, FileService& files)
        : m_writes(writes)
        , m_feed(feed)
        , m_topics(topics)
        , m_events(events)
        , m_accounts(accounts)
        , m_groups(groups)
        , m_files(files)
    { }

    // Whether `user` may see the post (not deleted): files attached to it follow this.
    bool maySee(const User& user, qint64 postId);

    using Outcome = WriteService::Outcome;
    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> edit(const User& user, const QJsonObject& payload);
    Result<Outcome> remove(const User& user, const QJsonObject& payload);
    Result<Outcome> like(const User& user, const QJsonObject& payload);
    Result<Outcome> pin(const User& user, const QJsonObject& payload);

    Result<QJsonObject> page(const User& user, const QJsonObject& payload);
    Result<QJsonObject> thread(const User& user, const QJsonObject& payload);
    Result<QJsonObject> likers(const User& user, const QJsonObject& payload);

private:
    // A post with the reader's access to its group.
    struct Readable
    {
        Post post;
        GroupAccess group; // empty for a company post
    };
    // The post if `user` may read it.
    std::optional<Readable> readable(const User& user, qint64 postId);
    // Why `user` may not take part in the post's feed (archived, not a member), if so.
    static std::optional<protocol::Error> cannotWrite(const Readable& r);
    static Scope scopeOf(const Post& post);
    // The post.created of the post's thread: events about the thread carry it, so that a
    // member who joined a "joined" group after it was written is not sent them.
    qint64 threadOrigin(const Post& post);
    // feed.page with `topic` or `following`: candidates from the topics' index or the follows,
    // cut to what the user may read.
    Result<QJsonObject> selectedPage(const User& user, const QJsonObject& payload);
    // Fills in the posts' attachments (one statement for all).
    void fillAttachments(QList<Post*> posts);
    // The posts of a page as answered to its reader, attachments filled in.
    QJsonArray answered(QList<Post>& posts);

    WriteService& m_writes;
    FeedStore& m_feed;
    TopicStore& m_topics;
    EventLog& m_events;
    AccountStore& m_accounts;
    GroupService& m_groups;
    FileService& m_files;
};

} // namespace plein::server
