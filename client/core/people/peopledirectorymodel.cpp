#include "peopledirectorymodel.h"

#include "store/cache.h"
#include "store/cachechanges.h"
#include "store/rowdiff.h"

namespace plein::client {

PeopleDirectoryModel::PeopleDirectoryModel(Cache& cache, QObject* parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &Cache::changed, this, &PeopleDirectoryModel::onCacheChanged);
}

void PeopleDirectoryModel::setText(const QString& text)
{
    if (text == m_filter.text)
        return;
    m_filter.text = text;
    restart();
}

void PeopleDirectoryModel::setDepartment(const QString& department)
{
    if (department == m_filter.department)
        return;
    m_filter.department = department;
    restart();
}

void PeopleDirectoryModel::setExpertise(const QString& tag)
{
    if (tag == m_filter.expertise)
        return;
    m_filter.expertise = tag;
    restart();
}

void PeopleDirectoryModel::setInterest(const QString& tag)
{
    if (tag == m_filter.interest)
        return;
    m_filter.interest = tag;
    restart();
}

void PeopleDirectoryModel::restart()
{
    beginResetModel();
    m_rows = PeopleStore(m_cache).directory(m_filter, 0, m_pageSize);
    m_more = m_rows.size() == m_pageSize;
    endResetModel();
    Q_EMIT filterChanged();
}

void PeopleDirectoryModel::onCacheChanged(const CacheChanges& changes)
{
    if (!changes.touches(PeopleStore::peopleArea))
        return;
    // Read again as many rows as are shown (a page at least), and change only what differs.
    const int shown = std::max(int(m_rows.size()), m_pageSize);
    const QList<PersonRow> next = PeopleStore(m_cache).directory(m_filter, 0, shown);
    const RowDiff diff = syncRows(*this, m_rows, next, [](const PersonRow& p) { return p.id; });
    if (!diff.reset) {
        for (int row : diff.changed)
            Q_EMIT dataChanged(index(row), index(row));
    }
    m_more = m_rows.size() == shown;
}

int PeopleDirectoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PeopleDirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PersonRow& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return p.displayName;
    case IdRole:
        return p.id;
    case UsernameRole:
        return p.username;
    case DepartmentRole:
        return p.department;
    case JobTitleRole:
        return p.jobTitle;
    case LocationRole:
        return p.location;
    case ExpertiseRole:
        return p.expertise;
    case InterestsRole:
        return p.interests;
    case PhotoRole:
        return p.photo;
    default:
        return {};
    }
}

QHash<int, QByteArray> PeopleDirectoryModel::roleNames() const
{
    return {{IdRole, "id"},
            {UsernameRole, "username"},
            {DisplayNameRole, "displayName"},
            {DepartmentRole, "department"},
            {JobTitleRole, "jobTitle"},
            {LocationRole, "location"},
            {ExpertiseRole, "expertise"},
            {InterestsRole, "interests"},
            {PhotoRole, "photo"}};
}

bool PeopleDirectoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more;
}

void PeopleDirectoryModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || !m_more)
        return;
    const QList<PersonRow> page
        = PeopleStore(m_cache).directory(m_filter, int(m_rows.size()), m_pageSize);
    m_more = page.size() == m_pageSize;
    if (page.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

} // namespace plein::client
