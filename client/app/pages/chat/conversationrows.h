#pragma once

#include <QHash>
#include <QIcon>
#include <QIdentityProxyModel>

namespace plein::client {
class Chat;
class ConversationListModel;
} // namespace plein::client

namespace plein::app {

// The user's conversations (ConversationListModel) with what lists of them draw: the picture
// (the other person's avatar in a direct conversation, two avatars for named people, the
// group's initial for a group's chat) as the decoration, a muted conversation dimmed, and the
// count to show: unread messages, none for a muted conversation unless it mentions the user
// (as Slack does). The sidebar and the conversation list both show it.
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

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    client::ConversationListModel& conversations() const { return m_conversations; }

private:
    QIcon iconOf(const QModelIndex& index) const;

    client::ConversationListModel& m_conversations;
    client::Chat& m_chat;
    // By conversation: what the icon was made from, and the icon.
    mutable QHash<qint64, std::pair<QString, QIcon>> m_icons;
};

} // namespace plein::app
