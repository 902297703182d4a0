#pragma once

#include "protocol/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace plein::server {

class Database;

// A user's follow: kind "topic" (target the topic) or "person" (target the user id).
struct Follow
{
    QString kind;
    QString target;
    QString createdAt;
};

// Top-level posts that may belong on a page, newest first, before the rules of who may read
// them: at most `cap` are looked at per page, so a topic mostly in groups the reader cannot
// see costs a bounded read; `capped` says that more lie below `lowest`.
struct Candidates
{
    QList<qint64> ids;
    bool capped = false;
    qint64 lowest = 0;
};

// The posts' topics (post_topics) and the users' follows (follows). SQL only, in the caller's
// transaction; the feed service decides who may see what.
class TopicStore
{
public:
    explicit TopicStore(Database& db)
        : m_db(db)
    { }

    // Records the topics of the text of `sourceId` against its thread's top-level post
    // `postId`, replacing those it had.
    Result<bool> tag(qint64 sourceId, qint64 postId, const QStringList& topics);
    // Forgets the topics of the text of `sourceId` (deleted).
    Result<bool> untag(qint64 sourceId);

    // Top-level posts with the topic, older than `before` (0: the newest).
    Result<Candidates> ofTopic(const QString& topic, qint64 before, int cap);
    // Top-level posts by the people `userId` follows or with the topics they follow.
    Result<Candidates> followedBy(qint64 userId, qint64 before, int cap);

    // Sets or clears a follow; returns whether anything changed.
    Result<bool> setFollow(qint64 userId, const QString& kind, const QString& target, bool on);
    Result<bool> follows(qint64 userId, const QString& kind, const QString& target);
    Result<int> followCount(qint64 userId);
    Result<QList<Follow>> followsOf(qint64 userId);

    // Once after the migration that asks for it (server_meta 'feed_topics_backfill'): tags the
    // posts written before it, `batch` posts per transaction. Returns how many were read.
    Result<int> backfill(int batch = 500);

private:
    Database& m_db;
};

} // namespace plein::server
