#pragma once

#include "capabilities/chat/chatmessagestore.h"
#include "capabilities/chat/chatstore.h"
#include "capabilities/groups/groupservice.h"
#include "core/eventlog.h"

#include <optional>

namespace plein::server {

struct User;

// What one user may do with one conversation. `conversation` is empty when they are not a
// member: such a conversation answers exactly like a missing one. A group chat's members are
// its group's members at this moment.
struct ConversationAccess
{
    std::optional<Conversation> conversation;
    GroupAccess group; // a group chat's group, as the user relates to it

    explicit operator bool() const { return conversation.has_value(); }
    const Conversation* operator->() const { return &*conversation; }
    // A group chat of a 'joined' group: the first event the member may see (0: everything).
    qint64 visibleFrom() const { return conversation->isGroupChat() ? group.visibleFrom() : 0; }
    // A group chat of an archived group is read-only.
    bool archived() const { return group.group && group.group->archived; }
};

// A message with the user's access to its conversation.
struct MessageAccess
{
    ConversationAccess access;
    ChatMessage message;
};

// Visibility by id, for the chat service and its reads: every request that names a
// conversation or a message asks here, and one the user may not see is answered with the
// same `not_found` as one that does not exist.
class ChatAccess
{
public:
    ChatAccess(ChatStore& conversations, ChatMessageStore& messages, GroupService& groups)
        : m_conversations(conversations)
        , m_messages(messages)
        , m_groups(groups)
    { }

    ConversationAccess conversation(const User& user, qint64 conversationId);
    // The message if its conversation is the user's and it was written where they may see it
    // (a 'joined' group's chat: after they joined). Deleted messages are found too.
    std::optional<MessageAccess> message(const User& user, qint64 messageId);
    // Whether the user is a member of the group (its chat is theirs).
    GroupAccess group(const User& user, qint64 groupId) { return m_groups.access(user, groupId); }

    static protocol::Error conversationNotFound(qint64 conversationId);
    static protocol::Error messageNotFound(qint64 messageId);

    // Who receives the conversation's events: its members (and `alsoUsers`), or its group.
    Scope scopeOf(const Conversation& c, QList<qint64> alsoUsers = {});

private:
    ChatStore& m_conversations;
    ChatMessageStore& m_messages;
    GroupService& m_groups;
};

} // namespace plein::server
