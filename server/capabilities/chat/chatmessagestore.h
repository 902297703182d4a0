#pragma once

#include "capabilities/chat/chatrecords.h"
#include "protocol/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// Who gave one reaction to a message.
struct Reactors
{
    QString reaction;
    int count = 0;
    QList<ChatPerson> people; // newest first, at most the limit asked for
};

// The messages of conversations and their reactions. Methods run in the caller's transaction
// when there is one; the chat service decides who may read and change them.
class ChatMessageStore
{
public:
    explicit ChatMessageStore(Database& db)
        : m_db(db)
    { }

    // `createdAt`: ISO 8601 UTC with milliseconds.
    Result<ChatMessage> insert(qint64 conversationId, qint64 authorId, const QString& body,
                               qint64 replyTo, const QList<qint64>& mentions,
                               const QString& createdAt);
    // Records the sequence number of the message's chat.message event.
    Result<bool> setSeq(qint64 messageId, qint64 seq);
    Result<bool> edit(qint64 messageId, const QString& body, const QList<qint64>& mentions);
    // The text goes at once and so do its reactions; the row keeps its place.
    Result<bool> markDeleted(qint64 messageId);

    std::optional<ChatMessage> find(qint64 messageId);
    // Messages by id (those that exist), without reactions.
    QHash<qint64, ChatMessage> byIds(const QList<qint64>& messageIds);
    // A page of a conversation: older than `before` newest first (0: the newest), or, with
    // `after` >= 0, newer than it oldest first; only what was written after `visibleFrom`
    // (read as an id range, see visibleAfter). Up to `limit` messages, without reactions.
    Result<QList<ChatMessage>> page(qint64 conversationId, qint64 before, qint64 after, int limit,
                                    qint64 visibleFrom);
    // The id after which a member whose history starts after the event `visibleFrom` (a
    // 'joined' group's chat) sees the conversation's messages: the newest message at or before
    // that event, one step of the (conversation_id, seq) index; 0 when `visibleFrom` is 0.
    // Within a conversation ids and sequence numbers grow together (chat.send holds the
    // conversation while it takes an id and appends its event), so every message after that id
    // came after the event. Statements keep `seq > visibleFrom` as well, and bound their index
    // range by this id, so they never walk the history from before the join.
    qint64 visibleAfter(qint64 conversationId, qint64 visibleFrom);
    // The same as an SQL expression (`visibleFrom` > 0).
    static QString visibleAfterSql(qint64 conversationId, qint64 visibleFrom);

    // Fills in the reactions of each message (one statement for all).
    void fillReactions(QList<ChatMessage>& messages);

    // Gives or takes back a reaction; returns whether anything changed.
    Result<bool> setReaction(qint64 messageId, qint64 userId, const QString& reaction, bool on);
    int reactionCount(qint64 messageId, const QString& reaction);
    Result<QList<Reactors>> reactors(qint64 messageId, int limit);

private:
    Result<QList<ChatMessage>> select(const QString& where, std::initializer_list<QVariant> values);
    Database& m_db;
};

} // namespace plein::server
