#pragma once

#include "chat/chatstore.h"
#include "feed/poststore.h"
#include "searchsource.h"

namespace plein::client {

// People for the local search: the authors and conversation members the cache has seen
// (table search_people, kept by triggers on posts, chat_messages and chat_conversations in
// client migration 016). A hit opens the person (route `person/<id>`).
inline SearchSource personSearchSource()
{
    return {.kind = QStringLiteral("person"),
            .index = QStringLiteral("search_people_search"),
            .content = QStringLiteral("search_people"),
            .title = QStringLiteral("c.display_name"),
            .titleColumn = 0,
            .snippetColumn = 2,
            .context = QStringLiteral("c.department"),
            .link = QStringLiteral("'plein:/person/' || c.id"),
            .areas = {PostStore::postsArea, ChatStore::messagesArea, ChatStore::conversationsArea}};
}

} // namespace plein::client
