#pragma once

#include "conversationrow.h"
#include "messagerow.h"

#include <QHash>
#include <QLatin1StringView>
#include <QList>

#include <optional>

namespace plein::client {

class Cache;

// The chat tables of the cache (client migration 013). SQL only, no rules; methods run in the
// caller's transaction (or their own) and note what they change: conversations by id in
// `conversationsArea`, messages by their conversation's id in `messagesArea`.
class ChatStore
{
public:
    static constexpr QLatin1StringView conversationsArea {"chat.conversations"};
    static constexpr QLatin1StringView messagesArea {"chat.messages"};

    explicit ChatStore(Cache& cache)
        : m_cache(cache)
    { }

    // The position in the server's log what this store writes is as of (an event's or an
    // answer's seq): a message changed by a later event keeps the later state.
    ChatStore& asOf(qint64 seq)
    {
        m_asOf = seq;
        return *this;
    }

    // Conversations, by last activity, newest first.
    QList<ConversationRow> conversations() const;
    std::optional<ConversationRow> conversation(qint64 id) const;
    std::optional<qint64> directWith(qint64 me, qint64 userId) const;
    std::optional<qint64> chatOfGroup(qint64 groupId) const;
    QList<qint64> conversationIds() const;
    // Stores what the server said, and the preview when the row carries a last message. The
    // user's state (read position, unread, mute) in it is as of `stateSeq` (0: not given).
    bool upsert(const ConversationRow& c, std::optional<qint64> stateSeq);
    // Forgets a conversation with its messages and readers.
    bool remove(qint64 id);
    // The user's state as the server counted it as of `seq`: older than what the cache has is
    // ignored, and a read position behind the cache's own (a chat.read still on its way) does
    // not move it back.
    bool setServerState(qint64 id, qint64 seq, qint64 readMessageId, int unread, bool muted);
    // The user's state as this device changed it (read, mute), at once.
    bool setLocalState(qint64 id, qint64 readMessageId, int unread, bool muted);
    // An event after the state's seq added or took away an unread message.
    bool addUnread(qint64 id, int delta);
    // Forgets the cached messages of a conversation (its history is read again).
    bool clearMessages(qint64 id);
    bool setHistoryFlags(qint64 id, bool loaded, bool olderOnServer);
    // Unread messages in conversations that are not muted.
    int unreadTotal() const;

    // Stores a message (the newer of what the cache has and `m` by asOf); `isNew` says whether
    // the cache did not have it. Updates the conversation's preview and activity.
    bool upsertMessage(const MessageRow& m, bool* isNew = nullptr);
    // Also when the message is not cached: quotes of it and the preview forget its text.
    bool markDeleted(qint64 messageId, qint64 conversationId = 0);
    // A reaction given or taken back: the new count, and for the user's own, `mine`.
    bool setReaction(qint64 messageId, const QString& reaction, qint64 userId, bool on, int count,
                     qint64 me);
    std::optional<MessageRow> message(qint64 id) const;
    // The newest `limit` messages of a conversation, oldest first.
    QList<MessageRow> newest(qint64 conversationId, int limit) const;
    int messageCount(qint64 conversationId) const;
    // Messages from `messageId` on (itself included).
    int countFrom(qint64 conversationId, qint64 messageId) const;
    qint64 oldestMessageId(qint64 conversationId) const;
    qint64 newestMessageId(qint64 conversationId) const;
    // The messages from `fromId` on, oldest first.
    QList<MessageRow> from(qint64 conversationId, qint64 fromId) const;
    // The messages from `fromId` up to `beforeId` (not included), oldest first.
    QList<MessageRow> between(qint64 conversationId, qint64 fromId, qint64 beforeId) const;
    // The id `count` messages before `messageId` (the oldest there is when fewer; 0: none).
    qint64 idBefore(qint64 conversationId, qint64 messageId, int count) const;
    bool hasUnreadMention(qint64 conversationId, qint64 after) const;

    QHash<qint64, qint64> readers(qint64 conversationId) const;
    bool setReader(qint64 conversationId, qint64 userId, qint64 messageId);
    bool replaceReaders(qint64 conversationId, const QHash<qint64, qint64>& readers);

private:
    bool refreshPreview(qint64 conversationId);

    Cache& m_cache;
    qint64 m_asOf = 0;
};

} // namespace plein::client
