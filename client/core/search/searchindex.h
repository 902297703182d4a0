#pragma once

#include "searchhit.h"
#include "searchquery.h"

#include <QSqlDatabase>

#include <optional>

namespace plein::client {

class SearchSources;

// The local search over the FTS5 indexes of the registered sources. Reads only: it runs on the
// cache's own connection as well as on a read-only one of its own (SearchModel's worker).
//
// Ranking: each source's newest `candidates` matches (FTS5 reads them in rowid order, which is
// the order they came in, without scoring the rest), ranked by bm25 weighed down by age
// (a month old counts half), across sources; snippets are made for the page shown only. That
// keeps a query over millions of rows at a few milliseconds whatever the words.
class SearchIndex
{
public:
    static constexpr int candidates = 2000;

    SearchIndex(QSqlDatabase db, const SearchSources& sources);

    SearchResult search(const SearchQuery& query) const;
    // For tests: the clock the age is counted from.
    void setNow(const QDateTime& now) { m_now = now; }

    // Whether SQLite has FTS5 (Debian's does); the message says what is missing otherwise.
    static std::optional<QString> checkAvailable(const QSqlDatabase& db);

private:
    QSqlDatabase m_db;
    const SearchSources& m_sources;
    QDateTime m_now;
};

} // namespace plein::client
