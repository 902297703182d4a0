#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace plein::client {

// What the user asks the local search: the words typed and the filters. It travels in a
// plein: link (`plein:/search?q=dijk&kind=post&group=12`) through toUrlQuery()/fromUrlQuery().
struct SearchQuery
{
    QString text;
    QStringList kinds; // empty: every kind
    qint64 groupId = 0; // 0: anywhere
    qint64 authorId = 0; // 0: anyone
    QDate from; // invalid: no bound
    QDate to; // inclusive
    int limit = 30;
    int offset = 0;

    bool operator==(const SearchQuery&) const = default;
    bool hasFilters() const
    {
        return !kinds.isEmpty() || groupId > 0 || authorId > 0 || from.isValid() || to.isValid();
    }

    QUrlQuery toUrlQuery() const;
    // Whatever a link says: unknown keys are ignored, bad values leave their filter off.
    static SearchQuery fromUrlQuery(const QUrlQuery& query);

    // Most words of one query, and most characters of one word, that are searched for.
    static constexpr int maxTerms = 16;
    static constexpr int maxTermLength = 64;
    // The FTS5 expression for `text`: each word (letters and digits, as the index's unicode61
    // tokenizer reads them) quoted, so nothing typed is ever read as FTS5 syntax (", *, -,
    // NEAR, AND, column filters), all of them required; the last one (as one types) and one
    // followed by a star are prefixes when they have at least two characters. nullopt when
    // nothing is left to search for.
    static std::optional<QString> matchExpression(const QString& text);
    // The same, one FTS5 phrase per word.
    static QStringList matchTerms(const QString& text);
};

} // namespace plein::client
