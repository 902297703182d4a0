#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

struct Post
{
    qint64 id = 0;
    qint64 authorId = 0;
    QString authorUsername;
    QString authorDisplayName;
    qint64 parentId = 0; // 0: top-level
    QString body;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    int likes = 0;
    int replies = 0;
    bool likedByMe = false; // relative to the user a page was read for

    QJsonObject toJson(bool withLikedByMe) const;
};

// Posts, replies and likes of the company feed. Methods run in the caller's transaction.
class FeedStore
{
public:
    explicit FeedStore(Database& db)
        : m_db(db)
    { }

    Result<Post> insert(qint64 authorId, qint64 parentId, const QString& body);
    Result<bool> updateBody(qint64 postId, const QString& body);
    Result<bool> markDeleted(qint64 postId);
    // Sets or clears a like; returns whether anything changed.
    Result<bool> setLike(qint64 postId, qint64 userId, bool liked);
    Result<bool> recordMentions(qint64 postId, const QList<qint64>& userIds);

    std::optional<Post> find(qint64 postId, qint64 viewerId = 0);
    // Top-level posts of the company feed, newest first, older than `before` (0: newest).
    Result<QList<Post>> page(qint64 viewerId, qint64 before, int limit);
    // Replies to `postId`, oldest first, newer than `after`.
    Result<QList<Post>> replies(qint64 postId, qint64 viewerId, qint64 after, int limit);

private:
    Result<QList<Post>> select(const QString& where, std::initializer_list<QVariant> values,
                               qint64 viewerId);
    Database& m_db;
};

} // namespace plein::server
