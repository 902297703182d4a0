#include "capabilities/chat/chatchannels.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/chat/chataccess.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/chat/chatstore.h"

#include <algorithm>

namespace plein::server {

using protocol::ErrorCode;
namespace chat = protocol::chat;

namespace {

// Far more than the conversations typed in at once on a node; past these everything is let go
// of and read again, which keeps memory bounded whatever happens.
constexpr qsizetype maxChannels = 100000;
constexpr qsizetype maxGroupMembers = 1000000;

} // namespace

const ChatChannels::Channel* ChatChannels::keep(const Conversation& conversation)
{
    if (m_channels.size() >= maxChannels) {
        m_channels.clear();
        m_groupChats.clear();
    }
    Channel c;
    c.memberCount = conversation.memberCount;
    if (conversation.isGroupChat()) {
        c.groupId = conversation.groupId;
        m_groupChats.insert(c.groupId, conversation.id);
    } else if (c.memberCount <= chat::maxTypingMembers) {
        // Larger ones take no typing: their count is all that is needed.
        c.members = m_conversations.memberIds(conversation.id); // sorted by id
    }
    return &*m_channels.insert(conversation.id, std::move(c));
}

void ChatChannels::noteGroupMember(qint64 groupId, qint64 userId)
{
    if (m_groupMembers.size() >= maxGroupMembers)
        m_groupMembers.clear();
    m_groupMembers.insert({groupId, userId});
}

const ChatChannels::Channel* ChatChannels::load(const User& user, qint64 conversationId)
{
    const ConversationAccess a = m_access.conversation(user, conversationId);
    if (!a)
        return nullptr;
    const Channel* c = keep(*a.conversation);
    if (c->groupId > 0)
        noteGroupMember(c->groupId, user.id);
    return c;
}

std::optional<ChannelAudience> ChatChannels::hearers(qint64 conversationId)
{
    const Channel* c = nullptr;
    if (const auto kept = m_channels.constFind(conversationId); kept != m_channels.constEnd()) {
        c = &*kept;
    } else {
        const std::optional<Conversation> conversation = m_conversations.find(conversationId);
        if (!conversation)
            return std::nullopt;
        c = keep(*conversation);
    }
    if (c->memberCount > chat::maxTypingMembers)
        return std::nullopt;
    if (c->groupId > 0)
        return ChannelAudience {c->groupId, {}};
    return ChannelAudience {0, c->members};
}

Result<std::optional<ChannelAudience>>
ChatChannels::resolve(const User& user, qint64 conversationId, const QString& signal)
{
    const Channel* c = nullptr;
    if (const auto kept = m_channels.constFind(conversationId); kept != m_channels.constEnd()) {
        c = &*kept;
        if (c->groupId > 0) {
            // Another member of a kept group chat: asked once, then kept too.
            if (!m_groupMembers.contains({c->groupId, user.id})) {
                const qint64 groupId = c->groupId;
                if (!m_access.group(user, groupId).isMember())
                    return std::optional<ChannelAudience>();
                noteGroupMember(groupId, user.id);
            }
        } else if (!std::binary_search(c->members.cbegin(), c->members.cend(), user.id)) {
            return std::optional<ChannelAudience>();
        }
    } else {
        c = load(user, conversationId);
        if (!c)
            return std::optional<ChannelAudience>();
    }
    if (signal != QLatin1StringView("typing") && signal != QLatin1StringView("stopped"))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("a conversation's channel takes 'typing' and 'stopped' "
                                        "only"));
    if (c->memberCount > chat::maxTypingMembers)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("typing is not shown in conversations of more than %1 "
                                        "members")
                             .arg(chat::maxTypingMembers));
    if (c->groupId > 0)
        return std::optional(ChannelAudience {c->groupId, {}});
    return std::optional(ChannelAudience {0, c->members});
}

void ChatChannels::conversationChanged(qint64 conversationId)
{
    const auto it = m_channels.constFind(conversationId);
    if (it == m_channels.constEnd())
        return;
    if (it->groupId > 0)
        m_groupChats.remove(it->groupId);
    m_channels.erase(it);
}

void ChatChannels::groupMemberChanged(qint64 groupId, qint64 userId)
{
    m_groupMembers.remove({groupId, userId});
    // The member count changed (or may have): the group's chat is read again when next used.
    if (const auto chat = m_groupChats.constFind(groupId); chat != m_groupChats.constEnd()) {
        m_channels.remove(*chat);
        m_groupChats.erase(chat);
    }
}

} // namespace plein::server
