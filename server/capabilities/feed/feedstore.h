#pragma once

#include "protocol/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

struct User;

class Database;

struct Post
{
    qint64 id = 0;
    qint64 authorId = 0;
    QString authorUsername;
    QString authorDisplayName;
    QString authorDepartment; // as the account has it now; may be empty
    qint64 parentId = 0; // 0: top-level
    qint64 groupId = 0; // 0: the company feed
    qint64 seq = 0; // of its post.created event, for a group's history rule
    bool pinned = false;
    QString body;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    int likes = 0;
    int replies = 0;
    bool likedByMe = false; // relative to the user a page was read for
    QJsonArray attachments; // files (id, name, type, size, width, height), filled by the service

    QJsonObject toJson(bool withLikedByMe) const;
};

// Who liked a post: the newest likes first, and how many there are in all.
struct Likers
{
    struct Person
    {
        qint64 id = 0;
        QString username;
        QString displayName;
    };
    QList<Person> people;
    int total = 0;
};

// Posts, replies, likes and pins of the company feed and of the groups' feeds. Methods run in
// the caller's transaction. They do not check who may see what: the feed service does.
class FeedStore
{
public:
    explicit FeedStore(Database& db)
        : m_db(db)
    { }

    // The new post as written, with `author`'s name as the caller knows it (no read back), and
    // the sequence number its post.created event will have.
    Result<Post> insert(const User& author, qint64 parentId, qint64 groupId, const QString& body,
                        qint64 seq);
    Result<bool> setPinned(qint64 postId, bool pinned);
    Result<bool> updateBody(qint64 postId, const QString& body);
    Result<bool> markDeleted(qint64 postId);
    // Sets or clears a like; returns whether anything changed.
    Result<bool> setLike(qint64 postId, qint64 userId, bool liked);
    Result<bool> recordMentions(qint64 postId, const QList<qint64>& userIds);

    std::optional<Post> find(qint64 postId, qint64 viewerId = 0);
    // The `limit` users who liked the post most recently, newest first, and the count of all.
    Result<Likers> likers(qint64 postId, int limit);
    // Top-level posts of a feed (groupId 0: the company's), newest first, older than `before`
    // (0: newest), written after the event `visibleFrom`.
    Result<QList<Post>> page(qint64 viewerId, qint64 groupId, qint64 before, int limit,
                             qint64 visibleFrom = 0);
    // The pinned top-level posts of a feed, newest first.
    Result<QList<Post>> pinned(qint64 viewerId, qint64 groupId, qint64 visibleFrom = 0);
    // Those of the top-level posts `ids` (newest first) that `viewerId` may read, as
    // FeedService::readable decides (the company feed; a group's posts for everyone in a public
    // group, for its members from their history rule on, for admins in any), not deleted,
    // newest first, at most `limit`.
    Result<QList<Post>> readableAmong(qint64 viewerId, bool admin, const QList<qint64>& ids,
                                      int limit);
    // Replies to `postId`, oldest first, newer than `after`, written after `visibleFrom`.
    Result<QList<Post>> replies(qint64 postId, qint64 viewerId, qint64 after, int limit,
                                qint64 visibleFrom = 0);

private:
    Result<QList<Post>> select(const QString& where, std::initializer_list<QVariant> values,
                               qint64 viewerId);
    Database& m_db;
};

} // namespace plein::server
