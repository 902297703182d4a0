#pragma once

#include "pages/feed/postdelegate.h"

#include <QObject>

#include <functional>

class QListView;
class QModelIndex;
class QPoint;
class QUrl;
class QWidget;

namespace plein::client {
class Client;
}

namespace plein::app {

class DeleteQueue;
class LikersCache;
class Navigator;

// What the user can do with the posts of any list (Home, a group's feed, a thread): the
// buttons on the cards (like, reply, "…", try again, discard, undo), the context menu (like,
// reply, edit, delete, pin, retry or discard a waiting write, open a link), the keys L (like),
// R (reply), E (edit), Delete (delete) and Ctrl+Z (undo the deletion), Enter to open a thread,
// and clicks on links. Editing happens in place on the card; a deletion waits a few seconds
// for its Undo. Threads and links open through the Navigator, so every list behaves the same
// wherever it is shown.
class PostActions : public QObject
{
    Q_OBJECT

public:
    PostActions(client::Client& client, Navigator& navigator, QWidget* window);
    ~PostActions() override;

    // Makes `view` a list of posts: the post delegate, the menu and the keys.
    PostDelegate* attach(QListView* view);
    // Opens a link of a post: `plein:` links in the app, the others in the browser.
    void openLink(const QUrl& url);
    // Whether the user may pin posts in a group (its owners and moderators): the groups
    // capability knows. Without it, pinning is not offered.
    void setMayPin(std::function<bool(qint64 groupId)> mayPin) { m_mayPin = std::move(mayPin); }

    // The post at `index` of `view`, as the buttons and keys act on it.
    void like(const QModelIndex& index);
    void reply(const QModelIndex& index);
    // Edits the post in place, when it is the user's own (or theirs still in the outbox).
    bool edit(QListView* view, const QModelIndex& index);
    // Deletes the post after the Undo delay, when the user may.
    bool remove(const QModelIndex& index);
    bool mayEdit(const QModelIndex& index) const;
    bool mayDelete(const QModelIndex& index) const;
    // Whether replying is offered: not to a deleted post, nor in its thread.
    bool mayReply(const QModelIndex& index) const;

    DeleteQueue& deletes() const { return *m_deletes; }
    LikersCache& likers() const { return *m_likers; }

Q_SIGNALS:
    // The user wants to reply to the thread of `rootId` (R, the Reply button, or the menu).
    void replyRequested(qint64 rootId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMenu(QListView* view, const QModelIndex& index, const QPoint& globalPos);
    void trigger(QListView* view, PostDelegate::Part part, const QModelIndex& index,
                 const QPoint& globalPos);
    void saveEdit(const QModelIndex& index, const QString& text);
    qint64 me() const;

    client::Client& m_client;
    Navigator& m_navigator;
    QWidget* m_window = nullptr;
    DeleteQueue* m_deletes = nullptr;
    LikersCache* m_likers = nullptr;
    std::function<bool(qint64)> m_mayPin;
};

} // namespace plein::app
