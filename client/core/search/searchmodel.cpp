#include "searchmodel.h"

#include "capabilities/search/searchprotocol.h"
#include "protocol/errorcode.h"
#include "searchindex.h"
#include "serversearch.h"
#include "store/cache.h"
#include "store/cachechanges.h"
#include "store/rowdiff.h"
#include "sync/connection.h"
#include "sync/session.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>

#include <memory>

namespace plein::client {

// Lives on the model's thread: one read-only connection to the cache file, opened at the first
// query. The newest generation asked for is shared, so queries overtaken while waiting in the
// thread's queue are skipped instead of run.
class SearchWorker : public QObject
{
public:
    SearchWorker(QString file, SearchSources sources)
        : m_file(std::move(file))
        , m_sources(std::move(sources))
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("plein-search-%1").arg(counter.fetchAndAddRelaxed(1));
    }

    SearchResult run(const SearchQuery& query)
    {
        if (!m_db.isOpen()) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            m_db.setDatabaseName(m_file);
            m_db.setConnectOptions(
                QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (!m_db.open()) {
                SearchResult failed;
                failed.error = m_db.lastError().text();
                close();
                return failed;
            }
        }
        if (!m_index) {
            SearchIndex::tuneReadConnection(m_db);
            m_index = std::make_unique<SearchIndex>(m_db, m_sources);
        }
        return m_index->search(query);
    }

    void close()
    {
        m_index.reset();
        if (!m_db.isValid())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    QAtomicInteger<quint64> latest;

private:
    QString m_file;
    QString m_name;
    SearchSources m_sources;
    QSqlDatabase m_db;
    std::unique_ptr<SearchIndex> m_index; // keeps its frequency estimates between queries
};

namespace {

QString keyOf(const SearchHit& hit)
{
    return hit.kind + u':' + QString::number(hit.id);
}

} // namespace

SearchModel::SearchModel(Cache& cache, const SearchSources& sources, QObject* parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_sources(sources)
{
    m_thread.setObjectName(QStringLiteral("plein-search"));
    m_worker = new SearchWorker(cache.filePath(), m_sources);
    m_worker->moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this]() { send(0, pageSize); });
    // A sync page can change the cache many times a second: read the rows shown again once
    // it has been quiet for a moment.
    m_reread.setSingleShot(true);
    m_reread.setInterval(250);
    connect(&m_reread, &QTimer::timeout, this, [this]() {
        if (m_hasQuery)
            send(0, qBound(pageSize, m_localCount, maxRows));
    });
    m_serverDebounce.setSingleShot(true);
    m_serverDebounce.setInterval(serverDebounceMs);
    connect(&m_serverDebounce, &QTimer::timeout, this, [this]() { askServer(0); });
    connect(&cache, &Cache::changed, this, &SearchModel::onCacheChanged);
}

SearchModel::~SearchModel()
{
    m_worker->latest.storeRelease(~quint64(0));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker]() { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void SearchModel::setText(const QString& text)
{
    SearchQuery q = m_query;
    q.text = text;
    setQuery(q);
}

void SearchModel::setQuery(const SearchQuery& query)
{
    SearchQuery q = query;
    q.offset = 0;
    q.limit = pageSize;
    if (q == m_query && (m_searching || m_debounce.isActive() || !m_hits.isEmpty()))
        return;
    m_query = q;
    m_hasQuery = SearchQuery::matchExpression(q.text).has_value();
    m_reread.stop();
    restartServer();
    if (!m_hasQuery) {
        // Nothing to look for: at once, and whatever is still on its way is stale.
        m_debounce.stop();
        ++m_generation;
        m_worker->latest.storeRelease(m_generation);
        m_more = false;
        m_localCount = 0;
        m_error.clear();
        if (!m_hits.isEmpty()) {
            beginResetModel();
            m_hits.clear();
            endResetModel();
        }
        setSearching(false);
        Q_EMIT answered();
        return;
    }
    setSearching(true);
    m_debounce.start();
}

void SearchModel::send(int offset, int limit)
{
    SearchQuery q = m_query;
    q.offset = offset;
    q.limit = limit;
    const quint64 generation = ++m_generation;
    m_worker->latest.storeRelease(generation);
    m_pending = offset;
    setSearching(true);
    QPointer<SearchModel> self(this);
    SearchWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, self, q, generation]() {
            if (worker->latest.loadAcquire() != generation)
                return; // overtaken while it waited
            const SearchResult result = worker->run(q);
            if (worker->latest.loadAcquire() != generation)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, generation, offset = q.offset, result]() {
                    if (self)
                        self->receive(generation, offset, result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SearchModel::receive(quint64 generation, int offset, const SearchResult& result)
{
    if (generation != m_generation)
        return; // an answer to a query typed over since
    m_pending = -1;
    m_error = result.error;
    if (!result.error.isEmpty())
        qWarning("plein: the local search failed: %s", qPrintable(result.error));
    if (offset > 0) {
        m_localCount = offset + int(result.hits.size());
        appendNew(result.hits);
    } else {
        // The local hits in their order, then what only the server found, as it came.
        m_localCount = int(result.hits.size());
        QList<SearchHit> next = result.hits;
        QSet<QString> keys;
        for (const SearchHit& h : next)
            keys.insert(keyOf(h));
        for (const SearchHit& h : std::as_const(m_server)) {
            if (next.size() >= maxRows)
                break;
            if (!keys.contains(keyOf(h)))
                next.append(h);
        }
        const RowDiff diff = syncRows(*this, m_hits, next, keyOf);
        for (int row : diff.changed)
            Q_EMIT dataChanged(index(row), index(row));
    }
    m_more = result.more && m_hits.size() < maxRows;
    setSearching(m_pending >= 0); // a view may have asked for the next page as rows came
    Q_EMIT answered();
}

void SearchModel::appendNew(const QList<SearchHit>& hits)
{
    QSet<QString> shown;
    for (const SearchHit& h : std::as_const(m_hits))
        shown.insert(keyOf(h));
    QList<SearchHit> more;
    for (const SearchHit& hit : hits) {
        if (m_hits.size() + more.size() >= maxRows)
            break;
        if (!shown.contains(keyOf(hit))) {
            shown.insert(keyOf(hit));
            more.append(hit);
        }
    }
    if (more.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_hits.size()), int(m_hits.size() + more.size()) - 1);
    m_hits.append(more);
    endInsertRows();
}

void SearchModel::setServer(Session* session, Connection* connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_session = session;
    m_connection = session ? connection : nullptr;
    if (m_connection) {
        connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
            if (state == Connection::State::Online && m_serverState == ServerState::Offline)
                askServer(m_server.isEmpty() ? 0 : qMax(m_serverNext, 0));
            else if (state != Connection::State::Online && !m_serverPending
                     && m_serverState != ServerState::Answered
                     && m_serverState != ServerState::Unused)
                setServerState(ServerState::Offline);
        });
    }
    restartServer();
}

void SearchModel::restartServer()
{
    ++m_serverGeneration; // what is on its way is for an older query
    m_serverDebounce.stop();
    m_server.clear();
    m_serverNext = -1;
    m_serverPending = false;
    if (!m_session || !m_hasQuery
        || !serversearch::payload(m_query, m_sources, 0, pageSize).has_value()) {
        setServerState(ServerState::Unused);
        return;
    }
    if (!m_connection || m_connection->state() != Connection::State::Online) {
        setServerState(ServerState::Offline);
        return;
    }
    setServerState(ServerState::Searching);
    m_serverDebounce.start();
}

void SearchModel::askServer(int offset)
{
    const auto payload = serversearch::payload(m_query, m_sources, offset, pageSize);
    if (!m_session || !m_hasQuery || !payload) {
        setServerState(ServerState::Unused);
        return;
    }
    if (!m_connection || m_connection->state() != Connection::State::Online) {
        setServerState(ServerState::Offline);
        return;
    }
    m_serverPending = true;
    setServerState(ServerState::Searching);
    const quint64 generation = m_serverGeneration;
    m_session->request(protocol::search::SearchQuery, *payload, this,
                       [this, generation](const Result<QJsonObject>& r) {
                           if (generation != m_serverGeneration)
                               return; // the words changed since
                           m_serverPending = false;
                           if (!r) {
                               m_serverNext = -1;
                               const bool online = m_connection
                                   && m_connection->state() == Connection::State::Online;
                               if (online && r.error().code != protocol::ErrorCode::Unavailable)
                                   qWarning("plein: the server's search failed: %s",
                                            qPrintable(r.error().message));
                               setServerState(online ? ServerState::Failed : ServerState::Offline);
                               return;
                           }
                           receiveServer(r.value());
                       });
}

void SearchModel::receiveServer(const QJsonObject& answer)
{
    const QJsonValue next = answer.value(QLatin1StringView("next"));
    m_serverNext = next.isDouble() ? next.toInt() : -1;
    QList<SearchHit> found;
    for (const QJsonValue& v : answer.value(QLatin1StringView("results")).toArray()) {
        if (auto h = serversearch::hit(v.toObject(), m_sources, m_cache.database()))
            found.append(*h);
    }
    m_server.append(found);
    // Before the rows come: a view (or the model tester) may ask for the next page as they do.
    setServerState(ServerState::Answered);
    appendNew(found);
    if (m_hits.size() >= maxRows)
        m_serverNext = -1;
}

void SearchModel::setServerState(ServerState state)
{
    if (m_serverState == state)
        return;
    m_serverState = state;
    Q_EMIT serverStateChanged(state);
}

void SearchModel::onCacheChanged(const CacheChanges& changes)
{
    if (!m_hasQuery)
        return;
    for (const SearchSource& s : std::as_const(m_sources).all()) {
        if (!m_query.kinds.isEmpty() && !m_query.kinds.contains(s.kind))
            continue;
        for (QLatin1StringView area : s.areas) {
            if (changes.touches(area)) {
                if (!m_debounce.isActive())
                    m_reread.start();
                return;
            }
        }
    }
}

void SearchModel::setSearching(bool searching)
{
    if (m_searching == searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged(searching);
}

int SearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit& h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return h.title;
    case KindRole:
        return h.kind;
    case IdRole:
        return h.id;
    case MarkedTitleRole:
        return h.markedTitle;
    case SnippetRole:
        return h.snippet;
    case TitleHtmlRole:
        return SearchHit::markedToHtml(h.markedTitle);
    case SnippetHtmlRole:
        return SearchHit::markedToHtml(h.snippet);
    case ContextRole:
        return h.context;
    case AuthorRole:
        return h.authorName;
    case AuthorIdRole:
        return h.authorId;
    case TimeRole:
        return h.time;
    case LinkRole:
        return h.link;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{KindRole, "kind"},
                  {IdRole, "id"},
                  {TitleRole, "title"},
                  {MarkedTitleRole, "markedTitle"},
                  {SnippetRole, "snippet"},
                  {TitleHtmlRole, "titleHtml"},
                  {SnippetHtmlRole, "snippetHtml"},
                  {ContextRole, "context"},
                  {AuthorRole, "author"},
                  {AuthorIdRole, "authorId"},
                  {TimeRole, "time"},
                  {LinkRole, "link"}});
    return names;
}

bool SearchModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || m_debounce.isActive() || m_hits.size() >= maxRows)
        return false;
    return (m_more && m_pending < 0) || (m_serverNext >= 0 && !m_serverPending);
}

void SearchModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // This computer's pages first, then the server's.
    if (m_more && m_pending < 0)
        send(m_localCount, pageSize);
    else
        askServer(m_serverNext);
}

} // namespace plein::client
