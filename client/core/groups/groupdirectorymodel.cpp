#include "groupdirectorymodel.h"

#include "client.h"
#include "groups.h"
#include "groupstore.h"
#include "protocol/errorcode.h"
#include "store/cache.h"
#include "sync/connection.h"

#include <QTimer>

namespace plein::client {

GroupDirectoryModel::GroupDirectoryModel(Client& client, QObject* parent)
    : GroupListModel(parent)
    , m_client(client)
{
    connect(&m_client.cache(), &Cache::changed, this, [this](const CacheChanges& changes) {
        if (changes.touches(GroupStore::membershipsArea) || changes.touches(GroupStore::groupsArea))
            followCache();
    });
}

void GroupDirectoryModel::setQuery(const QString& query)
{
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void GroupDirectoryModel::setFilter(const QString& filter)
{
    const QString f = filter == QLatin1StringView("mine") ? filter : QStringLiteral("all");
    if (f == m_filter)
        return;
    m_filter = f;
    reload();
}

void GroupDirectoryModel::reload()
{
    ++m_generation;
    m_offset = 0;
    m_more = true;
    setRows({});
    setLoading(false);
    fetchMore(QModelIndex());
}

bool GroupDirectoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_loading;
}

void GroupDirectoryModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void GroupDirectoryModel::showFromCache()
{
    const QList<GroupRow> rows
        = GroupStore(m_client.cache())
              .directory(m_query, m_filter == QLatin1StringView("mine"), m_offset, m_pageSize);
    m_offset += int(rows.size());
    m_more = rows.size() == m_pageSize;
    appendRows(rows);
}

void GroupDirectoryModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || !m_client.cache().isOpen())
        return;
    if (isChanging()) {
        QTimer::singleShot(0, this, [this]() { fetchMore(QModelIndex()); });
        return;
    }
    if (m_client.connection().state() != Connection::State::Online) {
        showFromCache();
        return;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    m_client.groups().requestList(m_query, m_filter, m_offset, m_pageSize, this,
                                  [this, generation](const Result<GroupPage>& r) {
                                      if (generation != m_generation)
                                          return;
                                      setLoading(false);
                                      if (!r) {
                                          Q_EMIT failed(r.error().message,
                                                        protocol::errorCodeName(r.error().code));
                                          // Unreachable now: what the cache has is better than
                                          // nothing.
                                          if (r.error().code == protocol::ErrorCode::Unavailable)
                                              showFromCache();
                                          else
                                              m_more = false;
                                          return;
                                      }
                                      m_offset += int(r->groups.size());
                                      m_more = r->more && !r->groups.isEmpty();
                                      appendRows(r->groups);
                                  });
}

void GroupDirectoryModel::followCache()
{
    // The rows shown stay where they are; a join or an unread count changes them in place.
    // Every row shown is in the cache (pages from the server are stored): one that is gone was
    // purged, a secret group the user left, and goes from the list too.
    const GroupStore store(m_client.cache());
    QList<GroupRow> rows;
    for (int i = 0; i < rowCount(); ++i) {
        if (const auto cached = store.group(rowAt(i).id))
            rows.append(*cached);
    }
    setRows(rows);
}

} // namespace plein::client
