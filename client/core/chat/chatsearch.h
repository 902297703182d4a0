#pragma once

#include "chatstore.h"
#include "search/searchsource.h"

namespace plein::client {

// Chat messages for the local search (index chat_messages_search, client migration 016): a
// hit opens its conversation; its context is the conversation's title (empty for a direct one).
inline SearchSource chatSearchSource()
{
    return {.kind = QStringLiteral("chat"),
            .index = QStringLiteral("chat_messages_search"),
            .content = QStringLiteral("chat_messages"),
            .visible = QStringLiteral("c.deleted = 0"),
            .title = QStringLiteral("c.author_name"),
            .snippetColumn = 0,
            .context = QStringLiteral("COALESCE((SELECT title FROM chat_conversations v WHERE "
                                      "v.id = c.conversation_id), '')"),
            .authorId = QStringLiteral("c.author_id"),
            .authorName = QStringLiteral("c.author_name"),
            .groupId = QStringLiteral("(SELECT NULLIF(v.group_id, 0) FROM chat_conversations v "
                                      "WHERE v.id = c.conversation_id)"),
            .time = QStringLiteral("c.created_at"),
            .link = QStringLiteral("'plein:/chat/' || c.conversation_id"),
            .areas = {ChatStore::messagesArea, ChatStore::conversationsArea},
            .serverLink =
                [](const QJsonObject& r) {
                    return QStringLiteral("plein:/chat/%1")
                        .arg(r.value(QLatin1StringView("conversationId")).toInteger());
                },
            .placeField = QStringLiteral("conversationId"),
            .placeContext = QStringLiteral("SELECT title FROM chat_conversations WHERE id = ?")};
}

} // namespace plein::client
