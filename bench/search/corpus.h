#pragma once

#include <QString>
#include <QStringList>

namespace plein::bench {

// Generated text of a Dutch organisation that writes Dutch and English: a vocabulary of real
// words (function words, the work of dikes, locks and offices, places, names), Dutch
// compounds made of them and a long tail of made-up words, drawn with Zipf's law (a few words
// everywhere, most words rare), as real text is. Row n always gets the same text.
class Corpus
{
public:
    Corpus();

    // The text of row `n`: `minWords` to `maxWords` words, with punctuation and capitals.
    QString text(quint64 n, int minWords, int maxWords) const;
    // The words of that text, lower case, without punctuation (what a user might type).
    QStringList words(quint64 n, int minWords, int maxWords) const;
    int vocabularySize() const { return int(m_words.size()); }

private:
    QStringList m_words;
    QList<double> m_cumulative;
};

} // namespace plein::bench
