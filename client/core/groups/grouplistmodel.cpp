#include "grouplistmodel.h"

#include <algorithm>

namespace plein::client {

int GroupListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GroupListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const GroupRow& g = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return g.name;
    case IdRole:
        return g.id;
    case DescriptionRole:
        return g.description;
    case KindRole:
        return g.kind;
    case ArchivedRole:
        return g.archived;
    case MembersRole:
        return g.members;
    case MyStateRole:
        return g.myState;
    case MyRoleRole:
        return g.myRole;
    case UnreadRole:
        return g.unread;
    case HistoryRole:
        return g.history;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> GroupListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {NameRole, "name"},
                  {DescriptionRole, "description"},
                  {KindRole, "kind"},
                  {ArchivedRole, "archived"},
                  {MembersRole, "members"},
                  {MyStateRole, "myState"},
                  {MyRoleRole, "myRole"},
                  {UnreadRole, "unread"},
                  {HistoryRole, "history"}});
    return names;
}

void GroupListModel::setRows(const QList<GroupRow>& rows)
{
    // The usual change: one group's fields (an unread count, a member count) in place.
    const bool sameIds = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                      [](const GroupRow& a, const GroupRow& b) { return a.id == b.id; });
    if (sameIds) {
        for (int i = 0; i < rows.size(); ++i) {
            if (!(rows.at(i) == m_rows.at(i))) {
                m_rows[i] = rows.at(i);
                Q_EMIT dataChanged(index(i), index(i));
            }
        }
        return;
    }
    m_changing = true;
    beginResetModel();
    m_rows = rows;
    endResetModel();
    m_changing = false;
}

void GroupListModel::appendRows(const QList<GroupRow>& rows)
{
    if (rows.isEmpty())
        return;
    m_changing = true;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    m_changing = false;
}

} // namespace plein::client
