#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace plein::client {
class ConversationListModel;
struct MessageRow;
} // namespace plein::client

namespace plein::app {

class ConversationDetails;
class ConversationListPage;
class ConversationPage;
class ConversationRows;
class MainWindow;

// Chat in the shell: the sidebar entry "Chat" listing the user's conversations by last
// activity (unread ones in bold with their count, muted ones dimmed, a direct conversation with
// the other person's avatar) and "New conversation…"; the routes `plein:/chats` (the list),
// `plein:/chat/<id>` (a conversation), `plein:/chat-with/<userId>` (the direct conversation
// with someone, made if need be), `plein:/group-chat/<groupId>` (a group's chat) and
// `plein:/new-chat`; the unread total in the window title and the tray; the settings for
// typing indicators and read receipts; and notifications of direct messages, mentions and
// replies, one bubble per conversation, with Reply and Mark as read where the desktop has them.
class ChatCapability : public QObject
{
    Q_OBJECT

public:
    // QSettings key: whether to tell others when the user is typing (default on).
    static constexpr auto sendTypingKey = "chat/sendTyping";

    explicit ChatCapability(MainWindow& shell);
    ~ChatCapability() override;

    static ChatCapability* of(const MainWindow& shell);

    client::ConversationListModel* conversations() const { return m_conversations; }
    ConversationRows* rows() const { return m_rows; }
    ConversationListPage* listPage();
    // The conversation shown last, if it is still open.
    ConversationPage* page() const;
    ConversationDetails* details();

    void openConversation(qint64 id);
    void newConversation();
    // Opens (making it if need be) the direct conversation with `userId`, or a group's chat.
    void openDirectWith(qint64 userId);
    void openGroupChat(qint64 groupId);
    void showDetails(qint64 conversationId);

private:
    void registerRoutes();
    void buildActions();
    void notify(const client::MessageRow& message, bool isDirect, bool isMention, bool isReply);
    bool isShowing(qint64 conversationId) const;
    static qint64 conversationOfKey(const QString& key);

    MainWindow& m_shell;
    client::ConversationListModel* m_conversations = nullptr;
    ConversationRows* m_rows = nullptr;
    ConversationListPage* m_list = nullptr;
    QPointer<ConversationPage> m_page;
    ConversationDetails* m_details = nullptr;
    // What was typed and not sent, by conversation, while another is open.
    QHash<qint64, QString> m_drafts;
    // Messages written before the app started are unread, not news: they are counted in the
    // sidebar and the title, and do not notify (a first login would bring a flood of them).
    QDateTime m_started = QDateTime::currentDateTimeUtc();
};

} // namespace plein::app
