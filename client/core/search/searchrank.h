#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace plein::client {

// The ranking function of the local search, `plein_rank(index, idf...)`: Okapi BM25 as FTS5's
// own bm25() computes it (k1 1.2, b 0.75, over the whole row), but with each phrase's inverse
// document frequency given by the caller. FTS5's bm25() counts, for the IDF, every row that
// holds each phrase: for "de" in five million rows that is most of them, read at every query.
// SearchIndex estimates the frequencies from a bounded read instead (the newest matches and
// the rowid span they cover), so a query costs what it shows, not what the words are in.
namespace searchrank {

// Registers plein_rank on the SQLite connection behind `db` (once per connection; again is
// harmless). The error when it cannot (not SQLite, no FTS5).
std::optional<QString> install(const QSqlDatabase& db);

// BM25's IDF of a phrase in `documentFrequency` of `rows` rows, as FTS5 computes it.
double idf(double rows, double documentFrequency);

} // namespace searchrank

} // namespace plein::client
