#pragma once

#include "core/handlerregistry.h"
#include "protocol/result.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>
#include <utility>

namespace plein::server {

class ChatAccess;
class ChatStore;
struct Conversation;
struct User;

// Who may signal on a conversation's ephemeral channel (`chat:<id>`: typing), kept in memory.
// Typing comes every few seconds from everyone who types, and asking the database each time
// (the conversation, the membership, the members, and a synchronous statement in a node's
// busiest path) cost two or three statements a signal; here the steady state costs none.
//
// What is kept is let go of on the events that change it, by the capability's event hooks, in
// log order on every node, exactly as the hub moves sessions in and out of audiences: a
// conversation's `chat.conversation` (members added or removed, by any node) and a group's
// `group.member` (its chat's members and their number). The dispatcher runs the hooks of a
// write's events right after answering it, so on the node that removed someone their next
// signal is refused; on another node from when it reads the event, as for the events
// themselves. A signal passed on by another node reaches the members as this node knows them
// (hearers()), so one who was removed here hears nothing more, whatever the sender's node had
// read. Only members are kept, and member lists only of conversations small enough for typing;
// someone who is not a member is asked about every time (their signals count against their
// rate before anything is looked up), so nothing here grows with ids that do not exist.
class ChatChannels
{
public:
    ChatChannels(ChatAccess& access, ChatStore& conversations)
        : m_access(access)
        , m_conversations(conversations)
    { }

    // The resolver of the `chat:` channel: who hears `signal` from `user`; nothing when the
    // conversation is not theirs (answered like one that does not exist); an error for a
    // signal the channel does not take or a conversation too large for typing.
    Result<std::optional<ChannelAudience>> resolve(const User& user, qint64 conversationId,
                                                   const QString& signal);

    // Who hears a signal on the conversation's channel that another node checked and passed on,
    // as this node knows the members now (it may have read a removal the sender's node has
    // not); nothing when typing is off there or the conversation does not exist.
    std::optional<ChannelAudience> hearers(qint64 conversationId);

    // A conversation's members changed (chat.conversation).
    void conversationChanged(qint64 conversationId);
    // Someone's membership of a group changed (group.member): the group chat's members and
    // their number.
    void groupMemberChanged(qint64 groupId, qint64 userId);

    // For tests and statistics: conversations whose members are kept.
    qsizetype keptConversations() const { return m_channels.size(); }

private:
    struct Channel
    {
        qint64 groupId = 0; // a group's chat: its members are the group's
        int memberCount = 0;
        // Direct and people conversations of up to maxTypingMembers: the members, sorted.
        QList<qint64> members;
    };

    // Reads the conversation as the user may see it; nullptr when it is not theirs.
    const Channel* load(const User& user, qint64 conversationId);
    const Channel* keep(const Conversation& conversation);
    void noteGroupMember(qint64 groupId, qint64 userId);

    ChatAccess& m_access;
    ChatStore& m_conversations;
    QHash<qint64, Channel> m_channels; // by conversation
    QHash<qint64, qint64> m_groupChats; // a group's chat, by group, for those kept
    QSet<std::pair<qint64, qint64>> m_groupMembers; // (group, user): known to be a member
};

} // namespace plein::server
