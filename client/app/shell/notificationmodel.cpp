#include "shell/notificationmodel.h"

#include <QFont>
#include <QLocale>

namespace plein::app {

NotificationModel::NotificationModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void NotificationModel::add(Notification notification)
{
    int unread = m_unread + (notification.read ? 0 : 1);
    if (m_entries.size() >= maxEntries) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows(QModelIndex(), last, last);
        unread -= m_entries.takeLast().read ? 0 : 1;
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_entries.prepend(notification);
    endInsertRows();
    setUnread(unread);
    Q_EMIT added(notification);
}

void NotificationModel::markRead(int row)
{
    if (row < 0 || row >= m_entries.size() || m_entries.at(row).read)
        return;
    m_entries[row].read = true;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ReadRole, Qt::FontRole});
    setUnread(m_unread - 1);
}

void NotificationModel::markAllRead()
{
    if (m_unread == 0)
        return;
    for (auto& entry : m_entries)
        entry.read = true;
    Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {ReadRole, Qt::FontRole});
    setUnread(0);
}

void NotificationModel::setUnread(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    Q_EMIT unreadChanged(count);
}

int NotificationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant NotificationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Notification& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.body.isEmpty() ? entry.title : entry.title + u'\n' + entry.body;
    case Qt::ToolTipRole:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case Qt::FontRole: {
        QFont font;
        font.setBold(!entry.read);
        return font;
    }
    case TitleRole:
        return entry.title;
    case BodyRole:
        return entry.body;
    case LinkRole:
        return entry.link;
    case TimeRole:
        return entry.at;
    case ReadRole:
        return entry.read;
    case KindRole:
        return entry.kind;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> NotificationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TitleRole, "title");
    names.insert(BodyRole, "body");
    names.insert(LinkRole, "link");
    names.insert(TimeRole, "time");
    names.insert(ReadRole, "read");
    names.insert(KindRole, "kind");
    return names;
}

} // namespace plein::app
