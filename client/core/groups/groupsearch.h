#pragma once

#include "groupstore.h"
#include "search/searchsource.h"

namespace plein::client {

// Groups for the local search (index user_groups_search, client migration 016): every group
// the cache knows, the directory's as well as the user's own.
inline SearchSource groupSearchSource()
{
    return {.kind = QStringLiteral("group"),
            .index = QStringLiteral("user_groups_search"),
            .content = QStringLiteral("user_groups"),
            .title = QStringLiteral("c.name"),
            .titleColumn = 0,
            .snippetColumn = 1,
            .time = QStringLiteral("NULLIF(c.created_at, '')"),
            .link = QStringLiteral("'plein:/group/' || c.id"),
            .areas = {GroupStore::groupsArea}};
}

} // namespace plein::client
