#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace plein::client {
class Client;
class ThreadModel;
} // namespace plein::client

namespace plein::app {

class Composer;
class PostActions;
class PostListView;

// One thread, shown by the shell beside the page or over it: the post, its replies and the
// reply composer, with a button that closes it. A deleted post takes no new replies: the
// composer is off and a note says why.
class ThreadPane : public QWidget
{
    Q_OBJECT

public:
    ThreadPane(client::Client& client, PostActions& actions, QWidget* parent = nullptr);

    void open(qint64 rootId);
    client::ThreadModel* model() const { return m_thread; }
    QListView* view() const;
    PostListView* postList() const { return m_view; }
    Composer* replyComposer() const { return m_replyComposer; }
    // Says why the composer is off (the post was deleted); hidden otherwise.
    QLabel* closedNote() const { return m_closedNote; }

Q_SIGNALS:
    void closeRequested();

private:
    // Follows the thread's post: replies are offered while it is there and not deleted.
    void updateState();

    client::Client& m_client;
    client::ThreadModel* m_thread = nullptr;
    PostListView* m_view = nullptr;
    QLabel* m_closedNote = nullptr;
    Composer* m_replyComposer = nullptr;
};

} // namespace plein::app
