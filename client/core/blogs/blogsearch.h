#pragma once

#include "blogstore.h"
#include "search/searchsource.h"

namespace plein::client {

// Published articles for the local search (index articles_search, client migration 024):
// title, summary and, once the article was read, its text. A hit is called by its title and
// opens the reading view; its place is its group's blog (empty: the company blog).
inline SearchSource articleSearchSource()
{
    return {.kind = QStringLiteral("article"),
            .index = QStringLiteral("articles_search"),
            .content = QStringLiteral("articles"),
            .visible = QStringLiteral("c.state = 'published'"),
            .title = QStringLiteral("c.title"),
            .titleColumn = 0,
            .context = QStringLiteral("COALESCE((SELECT name FROM user_groups g WHERE g.id = "
                                      "c.group_id), '')"),
            .authorId = QStringLiteral("c.author_id"),
            .authorName = QStringLiteral("json_extract(c.author, '$.displayName')"),
            .groupId = QStringLiteral("NULLIF(c.group_id, 0)"),
            .time = QStringLiteral("c.published_at"),
            .link = QStringLiteral("'plein:/article/' || c.id"),
            .areas = {BlogStore::articlesArea},
            .serverLink =
                [](const QJsonObject& r) {
                    return QStringLiteral("plein:/article/%1")
                        .arg(r.value(QLatin1StringView("id")).toInteger());
                },
            .placeField = QStringLiteral("groupId"),
            .placeContext = QStringLiteral("SELECT name FROM user_groups WHERE id = ?")};
}

} // namespace plein::client
