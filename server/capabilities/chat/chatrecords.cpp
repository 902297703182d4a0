#include "capabilities/chat/chatrecords.h"

#include "capabilities/chat/chatprotocol.h"

#include <QJsonArray>

namespace plein::server {

namespace chat = protocol::chat;

namespace {

QJsonValue orNull(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue();
}

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QString conversationKindName(ConversationKind kind)
{
    switch (kind) {
    case ConversationKind::Direct:
        return QStringLiteral("direct");
    case ConversationKind::People:
        return QStringLiteral("people");
    case ConversationKind::Group:
        return QStringLiteral("group");
    }
    return QStringLiteral("people");
}

ConversationKind conversationKindFromName(const QString& name)
{
    if (name == QLatin1StringView("direct"))
        return ConversationKind::Direct;
    if (name == QLatin1StringView("group"))
        return ConversationKind::Group;
    return ConversationKind::People;
}

QJsonObject ChatPerson::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("username"), username},
                        {QStringLiteral("displayName"), displayName},
                        {QStringLiteral("department"), department}};
}

QJsonObject ChatPerson::toShortJson() const
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("username"), username},
                        {QStringLiteral("displayName"), displayName}};
}

QJsonObject ConversationState::toJson(qint64 conversationId) const
{
    QJsonObject o {{QStringLiteral("conversationId"), conversationId}};
    addTo(o);
    return o;
}

void ConversationState::addTo(QJsonObject& o) const
{
    o.insert(QStringLiteral("readMessageId"), readMessageId);
    o.insert(QStringLiteral("unread"), unread);
    o.insert(QStringLiteral("muted"), muted);
}

QJsonObject ChatMessage::quoteJson() const
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("author"), author.toJson()},
        {QStringLiteral("body"), deleted ? QString() : body.left(chat::maxQuoteChars)},
    };
    if (!attachments.isEmpty() && !deleted)
        o.insert(QStringLiteral("attachments"), attachments);
    return o;
}

QJsonObject messageJson(const ChatMessage& m, const std::optional<ChatMessage>& quoted)
{
    QJsonArray mentions;
    for (qint64 id : m.mentions)
        mentions.append(id);
    QJsonArray reactions;
    for (const ReactionCount& r : m.reactions) {
        QJsonArray users;
        for (qint64 id : r.users)
            users.append(id);
        reactions.append(QJsonObject {{QStringLiteral("reaction"), r.reaction},
                                      {QStringLiteral("count"), r.count},
                                      {QStringLiteral("users"), users}});
    }
    QJsonValue replyTo;
    if (m.replyToId && quoted)
        replyTo = quoted->quoteJson();
    else if (m.replyToId) // gone from reach (not expected): the id alone
        replyTo = QJsonObject {{QStringLiteral("id"), m.replyToId}};
    QJsonObject o {
        {QStringLiteral("id"), m.id},
        {QStringLiteral("conversationId"), m.conversationId},
        {QStringLiteral("author"), m.author.toJson()},
        {QStringLiteral("body"), m.deleted ? QString() : m.body},
        {QStringLiteral("replyTo"), replyTo},
        {QStringLiteral("mentions"), mentions},
        {QStringLiteral("createdAt"), m.createdAt},
        {QStringLiteral("editedAt"), orNull(m.editedAt)},
        {QStringLiteral("deleted"), m.deleted},
        {QStringLiteral("reactions"), reactions},
    };
    if (!m.attachments.isEmpty() && !m.deleted)
        o.insert(QStringLiteral("attachments"), m.attachments);
    return o;
}

QJsonObject conversationJson(const Conversation& c, const std::optional<ChatMessage>& last,
                             const std::optional<ChatMessage>& lastQuoted)
{
    QJsonArray members;
    for (const ChatPerson& p : c.members)
        members.append(p.toJson());
    QJsonObject o {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("kind"), conversationKindName(c.kind)},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("groupId"), orNull(c.groupId)},
        {QStringLiteral("membersBy"),
         c.creatorAddsMembers ? QStringLiteral("creator") : QStringLiteral("anyone")},
        {QStringLiteral("createdBy"), c.createdBy},
        {QStringLiteral("createdAt"), c.createdAt},
        {QStringLiteral("lastActivityAt"), c.lastActivityAt},
        {QStringLiteral("memberCount"), c.memberCount},
        {QStringLiteral("members"), members},
    };
    if (last)
        o.insert(QStringLiteral("lastMessage"), messageJson(*last, lastQuoted));
    return o;
}

} // namespace plein::server
