#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace plein::server {

// The words of a search: as typed, in lower case, for the database's full-text query (which
// folds them as its index does), and folded for marking them in a snippet.
struct SearchTerms
{
    QStringList words;
    QStringList folded; // foldForSearch() of each word
    bool lastIsPrefix = false; // the last word also matches words it starts

    // The letters-and-digits words of `text`, at most `maxWords`.
    static SearchTerms parse(const QString& text, int maxWords);
    bool isEmpty() const { return words.isEmpty(); }
};

// Lower case without diacritics ("Één" -> "een"; canonical decomposition only, so "ß", "ĳ"
// and "²" stay as FTS5's unicode61 keeps them), as the full-text indexes compare words.
QString foldForSearch(const QString& word);

// A piece of a text around its first matching word, as plain text, with the matching words
// marked by position. Markdown emphasis and code marks are left out and white space is
// collapsed, so the piece reads as the words a person sees.
struct Snippet
{
    QString text;
    QList<std::pair<qsizetype, qsizetype>> marks; // start and length, in UTF-16 code units

    static Snippet of(const QString& body, const SearchTerms& terms, int aroundChars = 160);
    QJsonArray marksJson() const;
};

} // namespace plein::server
