#pragma once

#include "poststore.h"
#include "search/searchsource.h"

namespace plein::client {

// Posts and replies for the local search (index posts_search, client migration 016): a reply
// opens its thread.
inline SearchSource postSearchSource()
{
    return {.kind = QStringLiteral("post"),
            .index = QStringLiteral("posts_search"),
            .content = QStringLiteral("posts"),
            .visible = QStringLiteral("c.deleted = 0"),
            .title = QStringLiteral("c.author_name"),
            .snippetColumn = 0,
            .context = QStringLiteral("COALESCE((SELECT name FROM user_groups g WHERE g.id = "
                                      "c.group_id), '')"),
            .authorId = QStringLiteral("c.author_id"),
            .authorName = QStringLiteral("c.author_name"),
            .groupId = QStringLiteral("c.group_id"),
            .time = QStringLiteral("c.created_at"),
            .link = QStringLiteral("'plein:/post/' || COALESCE(c.parent_id, c.id)"),
            .areas = {PostStore::postsArea},
            .serverLink =
                [](const QJsonObject& r) {
                    const qint64 parent = r.value(QLatin1StringView("parentId")).toInteger();
                    return QStringLiteral("plein:/post/%1")
                        .arg(parent ? parent : r.value(QLatin1StringView("id")).toInteger());
                },
            .placeField = QStringLiteral("groupId"),
            .placeContext = QStringLiteral("SELECT name FROM user_groups WHERE id = ?")};
}

} // namespace plein::client
