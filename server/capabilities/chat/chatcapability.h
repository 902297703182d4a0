#pragma once

#include "capabilities/chat/chataccess.h"
#include "capabilities/chat/chatchannels.h"
#include "capabilities/chat/chatmessagestore.h"
#include "capabilities/chat/chatreads.h"
#include "capabilities/chat/chatservice.h"
#include "capabilities/chat/chatstore.h"
#include "core/capability.h"

namespace plein::server {

class FilesCapability;
class GroupsCapability;
struct ServerCore;

// Chat: direct conversations, conversations of named people and the groups' chats, with
// messages, reactions, read positions, mute, receipts and typing (the ephemeral channel
// `chat:<conversationId>`).
class ChatCapability : public Capability
{
public:
    ChatCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files);

    QLatin1StringView name() const override { return QLatin1StringView("chat"); }
    void registerHandlers(HandlerRegistry& registry) override;
    // Keeps who may type in a conversation current as members come and go.
    void registerEventHooks(EventHooks& hooks) override;

    ChatStore& store() { return m_conversations; }
    ChatService& service() { return m_service; }
    ChatReads& reads() { return m_reads; }
    ChatChannels& channels() { return m_channels; }

private:
    ChatStore m_conversations;
    ChatMessageStore m_messages;
    ChatAccess m_access;
    ChatReads m_reads;
    ChatService m_service;
    ChatChannels m_channels;
};

} // namespace plein::server
