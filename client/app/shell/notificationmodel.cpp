#include "shell/notificationmodel.h"

#include "client.h"
#include "notifications/notificationstore.h"
#include "ui/relativetime.h"

#include <QFont>

#include <algorithm>

namespace plein::app {

static_assert(NotificationModel::maxEntries <= client::NotificationStore::maxKept,
              "the model shows no more than the cache keeps");

namespace {

NotificationModel::Notification fromRow(const client::NotificationRow& row)
{
    return {.kind = row.kind,
            .title = row.title,
            .body = row.body,
            .link = row.link,
            .at = row.at,
            .read = row.read,
            .id = row.id};
}

} // namespace

NotificationModel::Action NotificationModel::reply()
{
    return {QString::fromLatin1(replyAction), tr("Reply")};
}

NotificationModel::Action NotificationModel::markRead()
{
    return {QString::fromLatin1(markReadAction), tr("Mark as read")};
}

NotificationModel::NotificationModel(client::Client& client, QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    const auto rows = m_client.notifications().newest(maxEntries);
    m_entries.reserve(rows.size());
    for (const auto& row : rows) {
        m_entries.append(fromRow(row));
        m_unread += row.read ? 0 : 1;
    }
}

void NotificationModel::add(Notification notification)
{
    client::NotificationRow row {.kind = notification.kind,
                                 .title = notification.title,
                                 .body = notification.body,
                                 .link = notification.link,
                                 .at = notification.at,
                                 .read = notification.read};
    // A cache that refuses the write still leaves the notification shown for this session.
    if (m_client.notifications().add(row))
        notification.id = row.id;
    else
        qWarning("plein: cannot keep a notification in the cache");
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

int NotificationModel::rowOf(qint64 id) const
{
    if (id <= 0)
        return -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

bool NotificationModel::isUnread(qint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 && !m_entries.at(row).read;
}

void NotificationModel::markRead(int row)
{
    if (row < 0 || row >= m_entries.size() || m_entries.at(row).read)
        return;
    auto& entry = m_entries[row];
    entry.read = true;
    if (entry.id > 0)
        m_client.notifications().markRead(entry.id);
    const QString key = entry.key;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ReadRole, Qt::FontRole});
    setUnread(m_unread - 1);
    if (!key.isEmpty())
        settleKeys({key});
}

void NotificationModel::markKeyRead(const QString& key)
{
    if (key.isEmpty())
        return;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key && !m_entries.at(row).read)
            markRead(row);
    }
}

void NotificationModel::settleKeys(const QStringList& keys)
{
    for (const QString& key : keys) {
        const bool unread = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                        [&](const auto& e) { return e.key == key && !e.read; });
        if (!unread)
            Q_EMIT keyRead(key);
    }
}

void NotificationModel::markAllRead()
{
    if (m_unread == 0)
        return;
    m_client.notifications().markAllRead();
    QStringList keys;
    for (auto& entry : m_entries) {
        if (!entry.read && !entry.key.isEmpty() && !keys.contains(entry.key))
            keys.append(entry.key);
        entry.read = true;
    }
    Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {ReadRole, Qt::FontRole});
    setUnread(0);
    settleKeys(keys);
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
        return relativetime::fullText(entry.at.toLocalTime());
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
