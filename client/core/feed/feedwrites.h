#pragma once

#include "outbox/outboxentry.h"
#include "outbox/writekind.h"

#include <QList>

namespace plein::client {

class Cache;

// The feed's writes as the outbox queues them, and what the outbox needs to know about each
// kind. Lanes: a group's posts, replies and changes go in that group's lane ("group:12", the
// same lane as joining it, so a post written after joining offline goes after the join); the
// company feed's in "feed".
namespace feedwrites {

QString laneOf(qint64 groupId);
OutboxDraft createPost(Cache& cache, const QString& body, qint64 parentId, qint64 groupId);
OutboxDraft editPost(Cache& cache, qint64 postId, const QString& body);
OutboxDraft deletePost(Cache& cache, qint64 postId);
OutboxDraft likePost(Cache& cache, qint64 postId, bool liked);
OutboxDraft pinPost(Cache& cache, qint64 postId, bool pinned);
// In the lane "follows": one user's follows go in order, whatever their feeds.
OutboxDraft follow(const QString& kind, const QString& target, bool on);

// The kinds of write of the feed, for Outbox::registerKind.
QList<WriteKind> kinds(Cache& cache);
// The kinds that change a post shown already (PostListModel shows their effect at once).
QStringList changeKinds();

} // namespace feedwrites

} // namespace plein::client
