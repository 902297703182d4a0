#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QUrl>

namespace plein::client {
class Client;
}

namespace plein::app {

// What concerns the user, newest first: replies and mentions, requests to join a group the user
// runs, invitations, approvals, and whatever later capabilities add. Each says where it leads
// (a `plein:` link) and whether it was read. Kept in the account's cache (NotificationStore),
// so the list and its unread state outlive the session; at most `maxEntries`.
class NotificationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TitleRole = Qt::UserRole + 1,
        BodyRole,
        LinkRole,
        TimeRole,
        ReadRole,
        KindRole,
    };
    Q_ENUM(Role)

    struct Notification
    {
        // What it is about, for whoever wants to tell kinds apart: "reply", "mention",
        // "group.request", "group.invitation", "group.approval"...
        QString kind = {};
        QString title = {};
        QString body = {};
        QUrl link = {};
        QDateTime at = QDateTime::currentDateTimeUtc();
        bool read = false;
        // Its row in the cache; 0 while it is not stored.
        qint64 id = 0;
    };

    static constexpr int maxEntries = 500;

    // Reads the notifications kept in the account's cache.
    explicit NotificationModel(client::Client& client, QObject* parent = nullptr);

    void add(Notification notification);
    void markRead(int row);
    void markAllRead();
    int unreadCount() const { return m_unread; }
    Notification at(int row) const { return m_entries.value(row); }
    // The row of the notification stored as `id`, or -1.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void added(const plein::app::NotificationModel::Notification& notification);
    void unreadChanged(int count);

private:
    void setUnread(int count);

    client::Client& m_client;
    QList<Notification> m_entries;
    int m_unread = 0;
};

} // namespace plein::app
