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

    // A button on the desktop's bubble, where the desktop shows buttons; pressing it is said by
    // DesktopNotifier::actionInvoked() with the action's id.
    struct Action
    {
        QString id;
        QString label;
        bool operator==(const Action& other) const = default;
    };
    // "Reply": where the desktop lets one type in the bubble (KDE Plasma's inline reply), the
    // text comes with DesktopNotifier::replied(); elsewhere the button opens the notification's
    // link and says actionInvoked() with this id, so the capability can put the cursor in its
    // editor.
    static constexpr auto replyAction = "reply";
    // "Mark as read": marks the notification (with the others of its key) read here, takes the
    // bubble away and says actionInvoked() with this id, for the capability to tell its server.
    static constexpr auto markReadAction = "mark-read";
    static Action reply();
    static Action markRead();

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
        // Notifications of one key (one conversation: "chat:31") replace each other's bubble
        // instead of piling up, whatever their kinds, and the bubble goes once all of them are
        // read. Without a key, bubbles collapse by kind. For this session only (not cached):
        // after a restart there are no bubbles left to replace.
        QString key = {};
        // Buttons on the bubble, such as reply() and markRead(); not cached either.
        QList<Action> actions = {};
    };

    static constexpr int maxEntries = 500;

    // Reads the notifications kept in the account's cache.
    explicit NotificationModel(client::Client& client, QObject* parent = nullptr);

    void add(Notification notification);
    void markRead(int row);
    void markAllRead();
    // Marks every notification of `key` read (the conversation was read, here or elsewhere).
    void markKeyRead(const QString& key);
    int unreadCount() const { return m_unread; }
    Notification at(int row) const { return m_entries.value(row); }
    // The row of the notification stored as `id`, or -1.
    int rowOf(qint64 id) const;
    bool isUnread(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void added(const plein::app::NotificationModel::Notification& notification);
    void unreadChanged(int count);
    // No notification of `key` is unread any more: its bubble has nothing left to say.
    void keyRead(const QString& key);

private:
    void setUnread(int count);
    // Says keyRead() for those of `keys` that have nothing unread left.
    void settleKeys(const QStringList& keys);

    client::Client& m_client;
    QList<Notification> m_entries;
    int m_unread = 0;
};

} // namespace plein::app
