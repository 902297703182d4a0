#pragma once

#include "capabilities/chat/chataccess.h"
#include "protocol/result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace plein::server {

class FileService;

class EventLog;
struct User;

// Chat's reads (the conversation list, one conversation, a page of history, who reacted) and
// the shapes that answers and events give conversations and messages.
class ChatReads
{
public:
    ChatReads(ChatStore& conversations, ChatMessageStore& messages, ChatAccess& access,
              EventLog& events, FileService& files)
        : m_conversations(conversations)
        , m_messages(messages)
        , m_access(access)
        , m_events(events)
        , m_files(files)
    { }

    Result<QJsonObject> list(const User& user, const QJsonObject& payload);
    Result<QJsonObject> get(const User& user, const QJsonObject& payload);
    Result<QJsonObject> history(const User& user, const QJsonObject& payload);
    Result<QJsonObject> reactors(const User& user, const QJsonObject& payload);

    // The conversation as events carry it (members, the newest message; no per-user fields),
    // as seen by members from `visibleFrom` on.
    QJsonObject conversationData(const Conversation& c, qint64 visibleFrom = 0);
    // The same with the user's own state, as answers carry it.
    QJsonObject conversationFor(const User& user, const ConversationAccess& a);
    // A message as answers and events carry it: its reactions and what it quotes.
    // `quotesAfter`: a quoted message is quoted in full only when its event came after this
    // sequence number (a group chat's newcomer sees no quote of what came before they joined;
    // an event of a group chat goes to every member, so it quotes none: the id alone).
    QJsonObject messageData(const ChatMessage& message, qint64 quotesAfter = 0);

    // Attaches the payload's `attachments` (file ids) to a message being sent.
    Result<bool> attach(const User& user, const QJsonObject& payload, qint64 messageId);
    // Whether `user` may see the message (not deleted): files attached to it follow this.
    bool maySee(const User& user, qint64 messageId);
    // Whether files are attached to the message.
    bool hasFiles(qint64 messageId);

private:
    // The messages that these quote, by id (one statement for all).
    QHash<qint64, ChatMessage> quotedBy(const QList<ChatMessage>& messages, qint64 quotesAfter);
    // Their files, and those of the messages they quote (one statement for all): a message of
    // files alone is previewed and quoted by them.
    void fillFiles(QList<ChatMessage>& messages, QHash<qint64, ChatMessage>& quoted);
    // Messages with their reactions and quotes, as answers carry them.
    QJsonArray messagesJson(QList<ChatMessage> messages, qint64 quotesAfter);

    ChatStore& m_conversations;
    ChatMessageStore& m_messages;
    ChatAccess& m_access;
    EventLog& m_events;
    FileService& m_files;
};

} // namespace plein::server
