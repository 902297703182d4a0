#pragma once

#include "grouprow.h"

#include <QAbstractListModel>
#include <QList>

namespace plein::client {

// Rows of groups with the roles every group list shares (MyGroupsModel, GroupDirectoryModel).
class GroupListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        KindRole,
        ArchivedRole,
        MembersRole,
        MyStateRole,
        MyRoleRole,
        UnreadRole,
        HistoryRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    GroupRow rowAt(int row) const { return m_rows.value(row); }

protected:
    // Shows `rows`: rows are matched by id, so views see inserts, removals and dataChanged
    // where they can, and one reset when the order changed.
    void setRows(const QList<GroupRow>& rows);
    void appendRows(const QList<GroupRow>& rows);
    // Inside a change of ours: views (and the model tester) call fetchMore() from our own
    // signals, and rows must not change again until it is over.
    bool isChanging() const { return m_changing; }

private:
    QList<GroupRow> m_rows;
    bool m_changing = false;
};

} // namespace plein::client
