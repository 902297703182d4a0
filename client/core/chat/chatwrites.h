#pragma once

#include "outbox/writekind.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace plein::client {

class Cache;
class SyncEngine;

namespace chatwrites {

// The target of a write about a message ("chat-message:5120", or "chat-message:@<clientId>"
// while the chat.send that makes it waits in the outbox).
QString messageTarget(qint64 messageId);
// The kinds of write chat queues, with how their confirmations change the cache.
QList<WriteKind> kinds(Cache& cache, SyncEngine& sync);
// Stores a conversation the server sent; one the user is no longer a member of is forgotten
// with its messages (it is not theirs to read any more).
// The user's state in it (a read answer's or a write's) is as of `stateSeq`; nullopt: ignored
// for a conversation the cache has (an answer that changed nothing names no seq).
bool storeConversation(Cache& cache, qint64 me, const QJsonObject& conversation,
                       std::optional<qint64> stateSeq);
// The mute the user set last for a conversation while its chat.mute still waits in the outbox
// (a server state older than that write must not undo it on the screen).
std::optional<bool> pendingMute(Cache& cache, qint64 conversationId);
// Edits, deletions and reactions: shown over the messages they change while they wait.
QStringList changeKinds();

} // namespace chatwrites

} // namespace plein::client
