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
class Connection;
class SearchWorker;
class Session;

// The local search as a list: setQuery() as the user types (a query per keystroke is fine:
// it waits debounceMs for the next one), answered on a worker thread with its own read-only
// connection to the cache, so typing never waits for SQLite; an answer to anything but the
// latest query is dropped. Further pages come with fetchMore(); when the cache changes what
// a source finds, the rows shown are read again and change in place.
//
// With setServer(), the server's search.query is asked the same while the connection is
// online (debounced a little longer): what it finds that the cache does not show is added
// below the rows shown, never above them, so nothing moves under the pointer; a hit both
// found is one row, the local one. More pages come from the cache first, then from the
// server. Server answers to an older query are dropped.
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

    // What the server's part of the search is doing, for the page to say.
    enum class ServerState {
        Unused, // no server, nothing to search for, or only kinds the server does not find
        Offline, // not connected: the results are this computer's only
        Searching,
        Answered,
        Failed,
    };
    Q_ENUM(ServerState)

    static constexpr int debounceMs = 100;
    static constexpr int serverDebounceMs = 300;
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
    // Asks the server too, through `session` while `connection` is online (both outlive the
    // model, or are null to ask no server).
    void setServer(Session* session, Connection* connection);
    ServerState serverState() const { return m_serverState; }
    const SearchHit& hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void searchingChanged(bool searching);
    void answered();
    void serverStateChanged(plein::client::SearchModel::ServerState state);

private:
    void send(int offset, int limit);
    void receive(quint64 generation, int offset, const SearchResult& result);
    void restartServer();
    void askServer(int offset);
    void receiveServer(const QJsonObject& answer);
    void setServerState(ServerState state);
    // Appends the hits not shown yet at the end, up to maxRows.
    void appendNew(const QList<SearchHit>& hits);
    void onCacheChanged(const CacheChanges& changes);
    void setSearching(bool searching);

    Cache& m_cache;
    SearchSources m_sources;
    QThread m_thread;
    SearchWorker* m_worker = nullptr;
    QTimer m_debounce;
    QTimer m_reread;
    SearchQuery m_query;
    QList<SearchHit> m_hits; // the rows
    quint64 m_generation = 0;
    int m_pending = -1; // offset of the page awaited, -1 when none
    int m_localCount = 0; // hits the local search gave for this query (the next page's offset)
    bool m_more = false; // the local search may have more
    Session* m_session = nullptr;
    Connection* m_connection = nullptr;
    QTimer m_serverDebounce;
    QList<SearchHit> m_server; // what the server found for this query, in its order
    quint64 m_serverGeneration = 0;
    int m_serverNext = -1; // the offset of the server's next page, -1 when none
    bool m_serverPending = false;
    ServerState m_serverState = ServerState::Unused;
    bool m_searching = false;
    bool m_hasQuery = false;
    QString m_error;
};

} // namespace plein::client
