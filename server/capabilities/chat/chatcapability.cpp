#include "capabilities/chat/chatcapability.h"

#include "capabilities/chat/chatprotocol.h"
#include "capabilities/groups/groupscapability.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"

namespace plein::server {

namespace chat = protocol::chat;
using protocol::ErrorCode;

namespace {

ChatService::Options optionsFrom(const QVariantHash& settings)
{
    ChatService::Options o;
    o.editMinutes = settings.value(QStringLiteral("chat_edit_minutes"), 0).toInt();
    return o;
}

} // namespace

ChatCapability::ChatCapability(ServerCore& core, GroupsCapability& groups)
    : m_conversations(core.db)
    , m_messages(core.db)
    , m_access(m_conversations, m_messages, groups.service())
    , m_reads(m_conversations, m_messages, m_access, core.events)
    , m_service(core.writes, m_conversations, m_messages, m_access, m_reads, core.events,
                core.accounts, optionsFrom(core.settings))
{ }

void ChatCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addRead(chat::ChatList, m_reads, &ChatReads::list);
    registry.addRead(chat::ChatGet, m_reads, &ChatReads::get);
    registry.addRead(chat::ChatHistory, m_reads, &ChatReads::history);
    registry.addRead(chat::ChatReactors, m_reads, &ChatReads::reactors);
    registry.addWrite(chat::ChatOpen, m_service, &ChatService::open);
    registry.addWrite(chat::ChatCreate, m_service, &ChatService::create);
    registry.addWrite(chat::ChatUpdate, m_service, &ChatService::update);
    registry.addWrite(chat::ChatAdd, m_service, &ChatService::add);
    registry.addWrite(chat::ChatRemove, m_service, &ChatService::remove);
    registry.addWrite(chat::ChatSend, m_service, &ChatService::send);
    registry.addWrite(chat::ChatEdit, m_service, &ChatService::edit);
    registry.addWrite(chat::ChatDelete, m_service, &ChatService::deleteMessage);
    registry.addWrite(chat::ChatReact, m_service, &ChatService::react);
    registry.addWrite(chat::ChatRead, m_service, &ChatService::read);
    registry.addWrite(chat::ChatMute, m_service, &ChatService::mute);
    registry.addWrite(chat::ChatSettings, m_service, &ChatService::settings);
    // Typing: to the conversation's members (its group's, for a group's chat), never stored,
    // and not at all in large conversations.
    registry.addChannel(
        chat::ChannelPrefix, chat::Feature,
        [this](const Caller& caller, qint64 conversationId,
               const QString& signal) -> Result<std::optional<ChannelAudience>> {
            const ConversationAccess a = m_access.conversation(caller.user, conversationId);
            if (!a)
                return std::optional<ChannelAudience>();
            if (signal != QLatin1StringView("typing") && signal != QLatin1StringView("stopped"))
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("a conversation's channel takes 'typing' and "
                                                "'stopped' only"));
            if (a->memberCount > chat::maxTypingMembers)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("typing is not shown in conversations of more "
                                                "than %1 members")
                                     .arg(chat::maxTypingMembers));
            if (a->isGroupChat())
                return std::optional(ChannelAudience {a->groupId, {}});
            return std::optional(ChannelAudience {0, m_conversations.memberIds(conversationId)});
        });
}

} // namespace plein::server
