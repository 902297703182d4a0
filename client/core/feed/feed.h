#pragma once

#include "postrow.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace plein::client {

class Cache;
class Outbox;
class Session;
class Uploads;

// The feed capability as the app sees it: writes (through the outbox), reads from the server
// into the cache (a thread, a page of a feed), and what arrived.
class Feed : public QObject
{
    Q_OBJECT

public:
    Feed(Session& session, Cache& cache, Outbox& outbox, Uploads& uploads,
         QObject* parent = nullptr);

    // Each returns the write's clientId, or an empty string when it could not be stored.
    // `attachments`: local files, uploaded before the post goes (Uploads; a file that cannot
    // be attached stores nothing: Uploads::check says why first).
    QString createPost(const QString& body, qint64 parentId = 0, qint64 groupId = 0,
                       const QStringList& attachments = {});
    QString editPost(qint64 postId, const QString& body);
    QString deletePost(qint64 postId);
    QString likePost(qint64 postId, bool liked);
    QString pinPost(qint64 postId, bool pinned);
    // Follows a topic (kind "topic") or a person ("person", target the user id), or stops. The
    // cache shows it at once; feed.followed and feed.follows confirm it.
    QString follow(const QString& kind, const QString& target, bool on);
    bool isFollowing(const QString& kind, const QString& target) const;

    // Loads a thread's replies into the cache (threads are not part of a rebuild).
    void fetchThread(qint64 postId);
    // The page of replies after `afterReplyId` (the last id of the previous page); threads
    // longer than one page are read page by page as the view scrolls.
    void fetchThreadAfter(qint64 postId, qint64 afterReplyId);
    // Loads a page of a feed (0: the company's) into the cache: its newest posts and pinned
    // ones, or the page older than `beforeId`. Opening a group reads it, so that it stays
    // readable offline; joining one reads it, so that its history shows.
    // A group the user is not a member of gets no events: its first page replaces what the
    // cache held of it, and forgetUnlessMember() drops it when the page showing it closes.
    void fetchFeed(qint64 groupId, qint64 beforeId = 0);
    void forgetUnlessMember(qint64 groupId);
    // A page of a topic's top-level posts (feed.page {topic}) into the cache, older than
    // `beforeId`, the `next` of the page before (0: the newest).
    void fetchTopic(const QString& topic, qint64 beforeId = 0);
    // The newest posts by the people and with the topics the user follows (feed.page
    // {following}) into the cache, so Home shows them: when Home opens online.
    void fetchFollowing();
    // What the user follows (feed.follows), replacing the cache's list: after each login.
    void fetchFollows();
    // Who liked a post (post.likers): the display names of the newest likes, newest first, and
    // how many there are in all. Asked of the server, never cached: `done` runs once, with
    // ({}, -1) when offline or refused, and not at all once `context` (if given) is gone.
    void fetchLikers(qint64 postId, std::function<void(const QStringList& names, int total)> done,
                     QObject* context = nullptr);
    // Drops the posts of every group the user is not a member of (at start).
    void forgetGroupsNotMine();

    // Called by the feed's applier (and write results) for each post new to the cache.
    void noteArrived(const PostRow& post, qint64 actor, bool mentionsMe, qint64 me);

Q_SIGNALS:
    // Posts by others arrived (live or while catching up); once per stored page.
    void postsArrived(int count);
    // A reply to one of the user's posts, or a post that @mentions the user.
    void concernsMe(const plein::client::PostRow& post, bool isReply, bool isMention);
    // A page of a thread is in the cache; `lastReplyId` continues it when `more`.
    void threadFetched(qint64 postId, qint64 lastReplyId, bool more);
    void threadFetchFailed(qint64 postId, const QString& message);
    // A page of a feed is in the cache; `lastId` (its oldest post) continues it when `more`.
    void feedFetched(qint64 groupId, qint64 lastId, bool more);
    void feedFetchFailed(qint64 groupId, const QString& message);
    // A page of a topic is in the cache; `next` continues it when `more`.
    void topicFetched(const QString& topic, qint64 next, bool more);
    void topicFetchFailed(const QString& topic, const QString& message);

private:
    bool isMemberOf(qint64 groupId) const;
    // Stores the posts of a feed.page answer; false when the cache refused them.
    bool storePage(const QJsonObject& answer);

    Session& m_session;
    Cache& m_cache;
    Outbox& m_outbox;
    Uploads& m_uploads;
    int m_arrived = 0;
};

} // namespace plein::client
