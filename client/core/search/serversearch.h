#pragma once

#include "searchhit.h"
#include "searchquery.h"
#include "searchsource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace plein::client::serversearch {

// What the server's search.query is asked for the same words and filters as the local search
// (`kind` only when the query keeps a single one of the kinds the server finds, the dates as
// local midnights in UTC, `to` included), or nullopt when the query keeps none of them.
std::optional<QJsonObject> payload(const SearchQuery& query, const SearchSources& sources,
                                   int offset, int limit);

// The snippet with the words found between SearchHit's markers, from the server's `marks`
// ([start, length] pairs in UTF-16 units); marks that overlap or fall outside are left out.
QString marked(const QString& snippet, const QJsonArray& marks);

// A result of search.query as a SearchHit, like a local one: its link and place (read from
// `cache` when the cache knows it) from its kind's source; nullopt for a kind no source reads.
std::optional<SearchHit> hit(const QJsonObject& result, const SearchSources& sources,
                             const QSqlDatabase& cache);

} // namespace plein::client::serversearch
