#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <functional>

namespace plein::client {

// One kind of thing the local search finds: its FTS5 index (an external-content table over
// the rows, kept by triggers in the capability's migration, see migrations/016_search.sql)
// and how to read a hit. A capability registers its own with SearchSources (capabilities.cpp),
// so a new kind (articles, comments, questions) needs no change in search/.
//
// The SQL expressions are the capability's code, never user input. They are read over the
// content table under the alias `c`; an empty one means the source has no such thing, and a
// filter on it then leaves the source out (people have no author: "from Anna" finds no people).
struct SearchSource
{
    QString kind = {}; // "post", "chat", "person", "group": the filter's value, the hit's kind
    QString index = {}; // the FTS5 table
    QString content = {}; // its content table; c.id is the index's rowid
    QString visible = {}; // a condition on c, or empty: rows that must never be found
    QString title = {}; // what the hit is called
    int titleColumn = -1; // the index column that `title` is, to highlight it; -1: none
    int snippetColumn = -1; // the index column whose snippet is shown; -1: the best one
    QString context = {}; // where it is ("Dijkbeheer", a conversation's title)
    QString authorId = {}; // who wrote it
    QString authorName = {};
    QString groupId = {}; // the group it belongs to
    QString time = {}; // when (ISO 8601 text, as the server sends it)
    QString link = {}; // the plein: link that opens it, as SQL text
    // The CacheChanges areas whose changes may change what this source finds.
    QList<QLatin1StringView> areas = {};
    // A kind the server's search.query finds too (its `kind` is this source's) says how a
    // result of it is read when the cache may not hold the row: the link that opens it, and
    // where it is as SQL over the cache with the result's field `placeField` bound to `?`.
    std::function<QString(const QJsonObject& result)> serverLink = {};
    QString placeField = {};
    QString placeContext = {};
};

// The sources of one client, in the order they were registered.
class SearchSources
{
public:
    void add(SearchSource source) { m_sources.append(std::move(source)); }
    const QList<SearchSource>& all() const { return m_sources; }
    const SearchSource* find(const QString& kind) const
    {
        for (const SearchSource& s : m_sources) {
            if (s.kind == kind)
                return &s;
        }
        return nullptr;
    }
    // The kinds the server searches as well (those with a serverLink).
    QStringList serverKinds() const
    {
        QStringList out;
        for (const SearchSource& s : m_sources) {
            if (s.serverLink)
                out.append(s.kind);
        }
        return out;
    }
    QStringList kinds() const
    {
        QStringList out;
        for (const SearchSource& s : m_sources)
            out.append(s.kind);
        return out;
    }

private:
    QList<SearchSource> m_sources;
};

} // namespace plein::client
