#pragma once

#include "searchhit.h"
#include "searchquery.h"
#include "searchsource.h"

#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace plein::client {

// The local search over the FTS5 indexes of the registered sources. Reads only: it runs on the
// cache's own connection as well as on a read-only one of its own (SearchModel's worker).
//
// Ranking: each source's newest `candidates` matches (FTS5 reads them in rowid order, which is
// the order they came in, without scoring the rest), ranked by BM25 (searchrank.h, with each
// word's frequency estimated from its newest matches rather than counted over the whole index)
// weighed down by age (a month old counts half), across sources; snippets are made for the
// page shown only. That keeps a query over millions of rows at a few milliseconds whatever the
// words. One SearchIndex may serve many queries: it remembers the frequencies of common words.
class SearchIndex
{
public:
    static constexpr int candidates = 500;
    // Matches read to estimate a word's frequency (more are extrapolated from their rowid span).
    static constexpr int frequencySample = 2000;

    SearchIndex(QSqlDatabase db, const SearchSources& sources);

    SearchResult search(const SearchQuery& query) const;
    // For tests: the clock the age is counted from.
    void setNow(const QDateTime& now) { m_now = now; }

    // For a connection of the search's own (SearchModel's worker): memory-mapped reads and a
    // bigger page cache.
    static void tuneReadConnection(const QSqlDatabase& db);
    // Whether SQLite has FTS5 (Debian's does); the message says what is missing otherwise.
    static std::optional<QString> checkAvailable(const QSqlDatabase& db);

private:
    // The IDF of `term` in `source`'s index.
    double idf(const SearchSource& source, const QString& term) const;

    QSqlDatabase m_db;
    const SearchSources& m_sources;
    QDateTime m_now;
    QString m_rankError;
    mutable QHash<QString, double> m_idf;
};

} // namespace plein::client
