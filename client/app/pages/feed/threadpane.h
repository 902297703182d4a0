#pragma once

#include <QWidget>

class QListView;

namespace plein::client {
class Client;
class ThreadModel;
} // namespace plein::client

namespace plein::app {

class Composer;
class PostActions;

// One thread, shown by the shell beside the page or over it: the post, its replies and the
// reply composer, with a button that closes it.
class ThreadPane : public QWidget
{
    Q_OBJECT

public:
    ThreadPane(client::Client& client, PostActions& actions, QWidget* parent = nullptr);

    void open(qint64 rootId);
    client::ThreadModel* model() const { return m_thread; }
    QListView* view() const { return m_view; }
    Composer* replyComposer() const { return m_replyComposer; }

Q_SIGNALS:
    void closeRequested();

private:
    client::Client& m_client;
    client::ThreadModel* m_thread = nullptr;
    QListView* m_view = nullptr;
    Composer* m_replyComposer = nullptr;
};

} // namespace plein::app
