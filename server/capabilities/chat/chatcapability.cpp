#include "capabilities/chat/chatcapability.h"

#include "capabilities/chat/chatprotocol.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/groups/groupscapability.h"
#include "capabilities/groups/groupsprotocol.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"

namespace plein::server {

namespace chat = protocol::chat;
namespace groups = protocol::groups;

namespace {

ChatService::Options optionsFrom(const QVariantHash& settings)
{
    ChatService::Options o;
    o.editMinutes = settings.value(QStringLiteral("chat_edit_minutes"), 0).toInt();
    return o;
}

} // namespace

ChatCapability::ChatCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files)
    : m_conversations(core.db)
    , m_messages(core.db)
    , m_access(m_conversations, m_messages, groups.service())
    , m_reads(m_conversations, m_messages, m_access, core.events, files.service())
    , m_service(core.writes, m_conversations, m_messages, m_access, m_reads, core.events,
                core.accounts, optionsFrom(core.settings))
    , m_channels(m_access, m_conversations)
{
    // A file attached to a message is seen by the conversation's members (who may see it).
    files.owners().add(QStringLiteral("chat-message"),
                       [this](const User& user, qint64 id) { return m_reads.maySee(user, id); });
}

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
    // and not at all in large conversations; who may type is kept in memory (ChatChannels).
    registry.addChannel(
        chat::ChannelPrefix, chat::Feature,
        [this](const Caller& caller, qint64 conversationId, const QString& signal) {
            return m_channels.resolve(caller.user, conversationId, signal);
        },
        [this](qint64 conversationId) { return m_channels.hearers(conversationId); });
}

void ChatCapability::registerEventHooks(EventHooks& hooks)
{
    hooks.add(QString(chat::ChatConversation),
              [this](const StoredEvent& e, Hub&) { m_channels.conversationChanged(e.subjectId); });
    hooks.add(QString(groups::GroupMember), [this](const StoredEvent& e, Hub&) {
        m_channels.groupMemberChanged(qint64(e.data.value(QLatin1StringView("groupId")).toDouble()),
                                      qint64(e.data.value(QLatin1StringView("userId")).toDouble()));
    });
}

} // namespace plein::server
