#pragma once

#include "searchhit.h"
#include "searchquery.h"
#include "searchsource.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace plein::client {

class Cache;
class CacheChanges;
class SearchWorker;

// The local search as a list: setQuery() as the user types (a query per keystroke is fine:
// it waits debounceMs for the next one), answered on a worker thread with its own read-only
// connection to the cache, so typing never waits for SQLite; an answer to anything but the
// latest query is dropped. Further pages come with fetchMore(); when the cache changes what
// a source finds, the rows shown are read again and change in place.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // "post", "chat", "person", "group", ...
        IdRole,
        TitleRole,
        // Title and snippet with the words found between SearchHit's markers (plain text).
        MarkedTitleRole,
        SnippetRole,
        // The same as safe rich text (escaped, then <b> around the words found).
        TitleHtmlRole,
        SnippetHtmlRole,
        ContextRole, // the group, the conversation, the department
        AuthorRole,
        AuthorIdRole,
        TimeRole, // QDateTime, invalid when the kind has none
        LinkRole, // the plein: link that opens it
    };
    Q_ENUM(Role)

    static constexpr int debounceMs = 100;
    static constexpr int pageSize = 30;
    // Most rows shown for one query: past these, the words should be more precise.
    static constexpr int maxRows = 300;

    SearchModel(Cache& cache, const SearchSources& sources, QObject* parent = nullptr);
    ~SearchModel() override;

    // Searches for `query` once no other has come for debounceMs; nothing to search for
    // (no words yet) empties the list at once.
    void setQuery(const SearchQuery& query);
    void setText(const QString& text);
    SearchQuery query() const { return m_query; }
    // Whether an answer is awaited; answered() follows each one applied.
    bool isSearching() const { return m_searching; }
    // Whether the words asked for give anything to search for (see matchExpression).
    bool hasQuery() const { return m_hasQuery; }
    QString lastError() const { return m_error; }
    const SearchHit& hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void searchingChanged(bool searching);
    void answered();

private:
    void send(int offset, int limit);
    void receive(quint64 generation, int offset, const SearchResult& result);
    void onCacheChanged(const CacheChanges& changes);
    void setSearching(bool searching);

    Cache& m_cache;
    SearchSources m_sources;
    QThread m_thread;
    SearchWorker* m_worker = nullptr;
    QTimer m_debounce;
    QTimer m_reread;
    SearchQuery m_query;
    QList<SearchHit> m_hits;
    quint64 m_generation = 0;
    int m_pending = -1; // offset of the page awaited, -1 when none
    bool m_more = false;
    bool m_searching = false;
    bool m_hasQuery = false;
    QString m_error;
};

} // namespace plein::client
