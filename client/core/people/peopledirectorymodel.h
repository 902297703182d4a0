#pragma once

#include "peoplestore.h"
#include "personrow.h"

#include <QAbstractListModel>

namespace plein::client {

class Cache;
class CacheChanges;

// The people directory over the cache: active people by name, matched as one types (display
// name, username or job title, case and accents ignored) and filtered by department,
// expertise and interest, a page at a time (canFetchMore/fetchMore). It follows the cache: a
// changed profile changes its row in place.
class PeopleDirectoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UsernameRole,
        DisplayNameRole,
        DepartmentRole,
        JobTitleRole,
        LocationRole,
        ExpertiseRole, // QStringList
        InterestsRole, // QStringList
        PhotoRole, // the photo's file id, empty for none
    };
    Q_ENUM(Role)

    explicit PeopleDirectoryModel(Cache& cache, QObject* parent = nullptr);

    // Each starts again from the first page.
    void setText(const QString& text);
    void setDepartment(const QString& department);
    void setExpertise(const QString& tag);
    void setInterest(const QString& tag);
    const PeopleStore::Filter& filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }

    PersonRow person(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // The filter changed (the view may show "no one found" differently).
    void filterChanged();

private:
    void restart();
    void onCacheChanged(const CacheChanges& changes);

    Cache& m_cache;
    PeopleStore::Filter m_filter;
    int m_pageSize = 50;
    bool m_more = true;
    QList<PersonRow> m_rows;
};

} // namespace plein::client
