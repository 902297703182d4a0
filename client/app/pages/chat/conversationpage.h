#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace plein::client {
class Client;
class MessageListModel;
} // namespace plein::client

namespace plein::app {

class ChatComposer;
class MessageActions;
class MessageView;
class Navigator;
class ReactorsCache;

// One conversation (`plein:/chat/<id>`): a header with the conversation's picture, title and
// what it is (members, or the other person's department), and buttons for "Jump to first
// unread" (while the unread divider is above the screen), mute, and the details with the
// members; the messages (MessageView, newest at the bottom); who is typing; and the composer.
// Opening it reads the newest page from the server; the messages count as read once the newest
// is on screen in the active window; the unread divider stays until the person leaves or
// writes. Offline it shows what the cache has and says when that is nothing.
class ConversationPage : public QWidget
{
    Q_OBJECT

public:
    ConversationPage(client::Client& client, Navigator& navigator, qint64 conversationId,
                     QWidget* parent = nullptr);
    ~ConversationPage() override;

    qint64 conversationId() const { return m_id; }
    client::MessageListModel* model() const { return m_model; }
    MessageView* view() const { return m_view; }
    ChatComposer* composer() const { return m_composer; }
    MessageActions* actions() const { return m_actions; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* typingLabel() const { return m_typing; }
    QLabel* noteLabel() const { return m_note; }
    QToolButton* jumpButton() const { return m_jump; }
    QToolButton* muteButton() const { return m_mute; }
    QToolButton* detailsButton() const { return m_details; }

    // Reads the newest messages and the conversation again (opening it once more).
    void reload();
    // Marks the conversation read if its newest message is on screen in the active window.
    void markReadIfSeen();
    // Who is typing, as the line under the messages says it.
    QString typingText() const;

Q_SIGNALS:
    void detailsRequested(qint64 conversationId);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildHeader(QWidget* header);
    void refresh();
    void updateTyping();
    void updateEmptyText();
    void updateJump();
    void send(const QString& text, qint64 replyTo, const QStringList& attachments);
    void makeModel();
    QString nameOf(qint64 userId) const;
    bool isOnline() const;

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_id = 0;
    client::MessageListModel* m_model = nullptr;
    ReactorsCache* m_reactors = nullptr;
    MessageView* m_view = nullptr;
    MessageActions* m_actions = nullptr;
    ChatComposer* m_composer = nullptr;
    QLabel* m_avatar = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_typing = nullptr;
    QToolButton* m_jump = nullptr;
    QToolButton* m_mute = nullptr;
    QToolButton* m_details = nullptr;
    QString m_historyError;
    bool m_missing = false;
    qint64 m_watched = 0; // the other person of a direct conversation, whose presence shows
    // The conversation was not in the cache when the page opened (a link at start-up, before
    // the first sync): the unread divider can only be placed once it is.
    bool m_awaitingConversation = false;
    bool m_watchingWindow = false;
};

} // namespace plein::app
