#pragma once

#include <QString>

namespace plein::bench {

// Post bodies for the search benchmark: words drawn from a vocabulary of `vocabularySize`
// Dutch-looking words with a Zipf-like spread (the word of rank r about 1/r as often as the
// most common), 8 to 40 words a post, deterministic by n. The load asks for words by rank, so
// it knows how common each word of its queries is.
inline constexpr int vocabularySize = 50000;

QString vocabularyWord(int rank); // rank 1 .. vocabularySize
QString searchBody(quint64 n);

} // namespace plein::bench
