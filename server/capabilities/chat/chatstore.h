#pragma once

#include "capabilities/chat/chatrecords.h"
#include "protocol/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// A conversation in one user's list, with their own state of it.
struct ListedConversation
{
    Conversation conversation;
    qint64 readMessageId = 0;
    bool muted = false;
    qint64 visibleFrom = 0; // a group chat of a 'joined' group: the user's first event
};

// Conversations, their members, each user's state of them and the users' chat settings.
// Methods run in the caller's transaction when there is one. No rules here: the chat service
// decides who may see and change what. A group chat's members are the group's
// (group_members, state 'member'), read where a question needs them.
class ChatStore
{
public:
    explicit ChatStore(Database& db)
        : m_db(db)
    { }

    std::optional<Conversation> find(qint64 conversationId);
    int count();
    std::optional<qint64> findDirect(const QString& directKey);
    std::optional<qint64> findGroupChat(qint64 groupId);
    // Inserts a conversation; nothing (no id) when a direct conversation of the pair or the
    // group's chat exists already, made at the same moment elsewhere.
    Result<std::optional<qint64>> insert(const Conversation& c, const QString& directKey);
    // Holds the conversation's row until the transaction ends (PostgreSQL), so that member
    // changes on several nodes are decided one after the other.
    bool lock(qint64 conversationId);
    Result<bool> update(qint64 conversationId, const QString& title, bool creatorAddsMembers);
    // Adds the users not in yet; returns how many were added. Keeps member_count.
    Result<int> addMembers(qint64 conversationId, const QList<qint64>& userIds);
    Result<bool> removeMember(qint64 conversationId, qint64 userId);
    bool isMember(qint64 conversationId, qint64 userId);
    QList<ChatPerson> members(qint64 conversationId);
    QHash<qint64, QList<ChatPerson>> membersOf(const QList<qint64>& conversationIds);
    QList<qint64> memberIds(qint64 conversationId);
    // Of `userIds`, those who are members of the group.
    QList<qint64> groupMembersAmong(qint64 groupId, const QList<qint64>& userIds);
    // The active users among `userIds`, by id.
    QHash<qint64, ChatPerson> activePeople(const QList<qint64>& userIds);

    // A new newest message (its time is the conversation's last activity), or the newest one
    // that is not deleted again after a deletion.
    Result<bool> noteMessage(qint64 conversationId, qint64 messageId, const QString& at);
    Result<bool> refreshLastMessage(qint64 conversationId);

    // The user's conversations (their own and their groups' chats) by last activity.
    Result<QList<ListedConversation>> listFor(qint64 userId, int offset, int limit);

    // Unread counts stop here: a count means "this many or more" at the cap, so that the cost
    // of counting follows what a badge shows, not a conversation left unread for a year.
    static constexpr int unreadCap = 1000;

    // The user's state: read position, mute, and the unread count (messages after the read
    // position from others, not deleted, written after `visibleFrom`; at most unreadCap).
    ConversationState state(const Conversation& c, qint64 userId, qint64 visibleFrom);
    // Unread counts of several of the user's conversations at once, by conversation id.
    QHash<qint64, int> unreadCounts(qint64 userId, const QList<ListedConversation>& listed);
    // Moves the read position forward only; returns whether it moved.
    Result<bool> moveRead(qint64 conversationId, qint64 userId, qint64 messageId);
    Result<bool> setMuted(qint64 conversationId, qint64 userId, bool muted);

    bool receipts(qint64 userId);
    Result<bool> setReceipts(qint64 userId, bool on);
    // Members of the conversation who share receipts, but `exceptUserId`.
    QList<qint64> receiptSharers(const Conversation& c, qint64 exceptUserId);
    // The read positions of the members who share receipts (userId, messageId).
    QList<std::pair<qint64, qint64>> readers(const Conversation& c);

private:
    Database& m_db;
};

} // namespace plein::server
