#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

enum class ConversationKind { Direct, People, Group };

QString conversationKindName(ConversationKind kind);
ConversationKind conversationKindFromName(const QString& name);

// A person as chat shows them: a member, an author, someone who reacted.
struct ChatPerson
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;

    QJsonObject toJson() const;
    QJsonObject toShortJson() const; // without the department (reactors)
};

struct Conversation
{
    qint64 id = 0;
    ConversationKind kind = ConversationKind::People;
    QString title; // a group chat: the group's name now
    qint64 groupId = 0;
    bool creatorAddsMembers = false; // membersBy "creator"
    qint64 createdBy = 0;
    QString createdAt;
    QString lastActivityAt;
    qint64 lastMessageId = 0;
    int memberCount = 0; // a group chat: the group's members
    QList<ChatPerson> members; // direct and people; filled where answers need it

    bool isGroupChat() const { return kind == ConversationKind::Group; }
};

// One user's own state of a conversation.
struct ConversationState
{
    qint64 readMessageId = 0;
    int unread = 0;
    bool muted = false;

    QJsonObject toJson(qint64 conversationId) const;
    void addTo(QJsonObject& conversation) const;
};

struct ReactionCount
{
    QString reaction;
    int count = 0;
    QList<qint64> users; // at most protocol::chat::maxReactionUsers, newest first
};

struct ChatMessage
{
    qint64 id = 0;
    qint64 conversationId = 0;
    ChatPerson author;
    QString body;
    qint64 replyToId = 0;
    QList<qint64> mentions;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    qint64 seq = 0; // its chat.message event
    QList<ReactionCount> reactions; // filled where answers need it, in the fixed set's order
    QJsonArray attachments; // files, filled where answers need them (ChatReads)

    // The message quoted in a reply: its first characters, none when it is deleted.
    QJsonObject quoteJson() const;
};

// A message with what it quotes, as answers and events carry it.
QJsonObject messageJson(const ChatMessage& message, const std::optional<ChatMessage>& quoted);
// A conversation without per-user fields; `last` is its newest message that is not deleted.
QJsonObject conversationJson(const Conversation& c, const std::optional<ChatMessage>& last,
                             const std::optional<ChatMessage>& lastQuoted);

} // namespace plein::server
