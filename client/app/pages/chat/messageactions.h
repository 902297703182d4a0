#pragma once

#include "pages/chat/messagelayout.h"
#include "pages/chat/messagetoolbar.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

class QMenu;
class QModelIndex;
class QPoint;
class QUrl;

namespace plein::client {
class Client;
}

namespace plein::app {

class ChatComposer;
class MessageView;
class Navigator;

// What the user can do with the messages of a conversation: the toolbar over a message
// (quick reactions, the reaction picker, reply, edit, delete, more), the context menu, clicks
// on a message's parts (a quoted reply scrolls to the message it answers; a reaction chip
// gives or takes back that reaction; Try again, Edit and Discard for one refused), a person's
// name or avatar (a menu: message them, mention them), links, and the keys R (reply), E (edit),
// Delete and Ctrl+C in the list. Replies and edits happen in the composer.
class MessageActions : public QObject
{
    Q_OBJECT

public:
    MessageActions(client::Client& client, Navigator& navigator, MessageView& view,
                   ChatComposer& composer, QWidget* window);

    void react(const QModelIndex& index, const QString& reaction);
    void reply(const QModelIndex& index);
    bool edit(const QModelIndex& index);
    // Asks first (the message goes for everyone); a message not sent yet is just dropped.
    void remove(const QModelIndex& index);
    void copyText(const QModelIndex& index);
    void retry(const QModelIndex& index);
    void discard(const QModelIndex& index);
    // Scrolls to the message `messageId` (loading earlier pages as needed) and lights it.
    void showMessage(qint64 messageId);
    void openLink(const QUrl& url);
    // Saves what the composer edited: `key` is the one edit() gave it.
    void saveEdit(const QString& key, const QString& text);
    // The user's last message that can still be edited, for Up in an empty composer.
    bool editLast();

    bool mayEdit(const QModelIndex& index) const;
    bool mayDelete(const QModelIndex& index) const;
    // The confirmation of the deletion on show, if any (for tests).
    QMessageBox* confirmation() const { return m_confirm; }
    // The menu of the message at `index`, filled (for the context menu, "…" and tests).
    void fillMenu(QMenu& menu, const QModelIndex& index);

Q_SIGNALS:
    // A message was written or changed by the user here (the page clears the unread divider).
    void wrote();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onToolbar(MessageToolbar::Action action, const QString& reaction, const QModelIndex& index,
                   const QPoint& globalPos);
    void onPart(MessagePart part, const QString& reaction, const QModelIndex& index,
                const QPoint& globalPos);
    void showMenu(const QModelIndex& index, const QPoint& globalPos);
    void showPersonMenu(const QModelIndex& index, const QPoint& globalPos);
    void pickReaction(const QModelIndex& index, const QPoint& globalPos);
    qint64 idOf(const QModelIndex& index) const;

    client::Client& m_client;
    Navigator& m_navigator;
    MessageView& m_view;
    ChatComposer& m_composer;
    QWidget* m_window = nullptr;
    QPointer<QMessageBox> m_confirm;
    qint64 m_waitingFor = 0; // showMessage() of a message still being read
};

} // namespace plein::app
