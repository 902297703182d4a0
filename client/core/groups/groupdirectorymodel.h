#pragma once

#include "grouplistmodel.h"

namespace plein::client {

class Client;

// The group directory: the groups the user may see, by name, a page at a time from the server
// (group.list); offline, the groups the cache has. setQuery() and setFilter() start again.
class GroupDirectoryModel : public GroupListModel
{
    Q_OBJECT

public:
    explicit GroupDirectoryModel(Client& client, QObject* parent = nullptr);

    void setQuery(const QString& query);
    QString query() const { return m_query; }
    // "mine" or "all" (the default).
    void setFilter(const QString& filter);
    QString filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }
    bool isLoading() const { return m_loading; }
    // Starts again from the first page.
    void reload();

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // `code`: the protocol's error code name (errorCodeName), for the app's own text.
    void failed(const QString& message, const QString& code);

private:
    void setLoading(bool loading);
    void showFromCache();
    void followCache();

    Client& m_client;
    QString m_query;
    QString m_filter = QStringLiteral("all");
    int m_pageSize = 50;
    int m_offset = 0;
    bool m_more = true;
    bool m_loading = false;
    quint64 m_generation = 0; // answers to an older query are dropped
};

} // namespace plein::client
