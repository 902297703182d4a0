#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace plein::client {

// One thing the local search found. `snippet` and `markedTitle` are plain text in which the
// words found lie between highlightStart and highlightEnd (never HTML: see markedToHtml()).
struct SearchHit
{
    static constexpr QChar highlightStart = QChar(0x0002);
    static constexpr QChar highlightEnd = QChar(0x0003);

    QString kind;
    qint64 id = 0;
    QString title;
    QString markedTitle;
    QString snippet;
    QString context;
    qint64 authorId = 0;
    QString authorName;
    QDateTime time; // invalid when the kind has none
    QString link;
    double score = 0;

    bool operator==(const SearchHit&) const = default;

    // Text with the markers taken out.
    static QString plain(const QString& marked);
    // Safe rich text for a label: the text escaped first, then the marked words in <b>, the
    // tags always balanced whatever markers the text itself holds.
    static QString markedToHtml(const QString& marked);
};

struct SearchResult
{
    QList<SearchHit> hits;
    bool more = false; // a further page may hold more
    QString error; // empty when the search ran
};

} // namespace plein::client

Q_DECLARE_METATYPE(plein::client::SearchResult)
