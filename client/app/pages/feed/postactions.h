#pragma once

#include <QObject>

#include <functional>

class QListView;
class QPoint;
class QUrl;
class QWidget;

namespace plein::client {
class Client;
}

namespace plein::app {

class Navigator;
class PostDelegate;

// What the user can do with the posts of any list (Home, a group's feed, a thread): the
// context menu (like, reply, edit, delete, retry or discard a waiting write, open a link), the
// keys L (like) and R (reply), Enter to open a thread, and clicks on links. Threads and links
// open through the Navigator, so every list behaves the same wherever it is shown.
class PostActions : public QObject
{
    Q_OBJECT

public:
    PostActions(client::Client& client, Navigator& navigator, QWidget* window);

    // Makes `view` a list of posts: the post delegate, the menu and the keys.
    PostDelegate* attach(QListView* view);
    // Opens a link of a post: `plein:` links in the app, the others in the browser.
    void openLink(const QUrl& url);
    // Whether the user may pin posts in a group (its owners and moderators): the groups
    // capability knows. Without it, pinning is not offered.
    void setMayPin(std::function<bool(qint64 groupId)> mayPin) { m_mayPin = std::move(mayPin); }

Q_SIGNALS:
    // The user wants to reply to the thread of `rootId` (R, or the menu).
    void replyRequested(qint64 rootId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMenu(QListView* view, const QPoint& pos);
    void likeCurrent(QListView* view);
    void replyToCurrent(QListView* view);

    client::Client& m_client;
    Navigator& m_navigator;
    QWidget* m_window = nullptr;
    std::function<bool(qint64)> m_mayPin;
};

} // namespace plein::app
