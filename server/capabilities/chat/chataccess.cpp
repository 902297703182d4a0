#include "capabilities/chat/chataccess.h"

#include "capabilities/accounts/accountstore.h"

namespace plein::server {

using protocol::ErrorCode;

protocol::Error ChatAccess::conversationNotFound(qint64 conversationId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("conversation %1 does not exist").arg(conversationId)};
}

protocol::Error ChatAccess::messageNotFound(qint64 messageId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("message %1 does not exist").arg(messageId)};
}

ConversationAccess ChatAccess::conversation(const User& user, qint64 conversationId)
{
    ConversationAccess a;
    auto c = m_conversations.find(conversationId);
    if (!c)
        return a;
    if (c->isGroupChat()) {
        // The group's members at this moment: joining lets one in at once, leaving ends it.
        a.group = m_groups.access(user, c->groupId);
        if (!a.group.isMember())
            return ConversationAccess();
    } else if (!m_conversations.isMember(conversationId, user.id)) {
        return a;
    }
    a.conversation = std::move(c);
    return a;
}

std::optional<MessageAccess> ChatAccess::message(const User& user, qint64 messageId)
{
    auto m = m_messages.find(messageId);
    if (!m)
        return std::nullopt;
    ConversationAccess a = conversation(user, m->conversationId);
    if (!a)
        return std::nullopt;
    const qint64 from = a.visibleFrom();
    if (from > 0 && m->seq <= from)
        return std::nullopt;
    return MessageAccess {std::move(a), std::move(*m)};
}

Scope ChatAccess::scopeOf(const Conversation& c, QList<qint64> alsoUsers)
{
    if (c.isGroupChat())
        return Scope::group(c.groupId, std::move(alsoUsers));
    QList<qint64> users = m_conversations.memberIds(c.id);
    for (qint64 u : alsoUsers) {
        if (!users.contains(u))
            users.append(u);
    }
    return Scope::usersOnly(users);
}

} // namespace plein::server
