#pragma once

#include <QHash>
#include <QIcon>
#include <QIdentityProxyModel>
#include <QTimer>

namespace plein::client {
class Chat;
class ConversationListModel;
class Presence;
} // namespace plein::client

namespace plein::app {

// The user's conversations (ConversationListModel) with what lists of them draw: the picture
// (the other person's avatar in a direct conversation, two avatars for named people, the
// group's initial for a group's chat) as the decoration, a muted conversation dimmed, and the
// count to show: unread messages, none for a muted conversation unless it mentions the user
// (as Slack does). The sidebar and the conversation list both show it. With setPresence(), the
// other person's avatar in a direct conversation carries their presence dot; the people of the
// first rows (what the sidebar shows) are watched, and views watch the rows they show.
class ConversationRows : public QIdentityProxyModel
{
    Q_OBJECT

public:
    enum Role {
        BadgeRole = Qt::UserRole + 100,
        // The preview with "You: " before the user's own last message.
        PreviewTextRole,
    };

    ConversationRows(client::ConversationListModel& conversations, client::Chat& chat,
                     QObject* parent = nullptr);

    // Direct conversations among the first this many rows have their person watched.
    static constexpr int watchedRows = 20;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    client::ConversationListModel& conversations() const { return m_conversations; }
    void setPresence(client::Presence* presence);
    client::Presence* presence() const { return m_presence; }
    // The other person of each direct conversation among `rows` (indexes of this model or of a
    // proxy on it), for Presence::watch.
    static QList<qint64> peopleOf(const QModelIndexList& rows);

private:
    QIcon iconOf(const QModelIndex& index) const;
    void watchFirstRows();
    void presenceChanged(qint64 userId);

    client::ConversationListModel& m_conversations;
    client::Chat& m_chat;
    client::Presence* m_presence = nullptr;
    QTimer m_watchSoon;
    // By conversation: what the icon was made from, and the icon.
    mutable QHash<qint64, std::pair<QString, QIcon>> m_icons;
};

} // namespace plein::app
