#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QSystemTrayIcon;

namespace plein::client {
class Client;
class FeedModel;
class ThreadModel;
struct PostRow;
} // namespace plein::client

namespace plein::app {

class Composer;

// The feed, the open thread, the composers and the connection state. All protocol work
// happens in the client core; this window only shows it and forwards the user's actions.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `useTray` false forces the no-tray behaviour (closing quits), as on desktops without one.
    MainWindow(client::Client& client, bool useTray = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    QListView* feedView() const { return m_feedView; }
    QListView* threadView() const { return m_threadView; }
    Composer* composer() const { return m_composer; }
    QLabel* stateLabel() const { return m_state; }
    QSystemTrayIcon* tray() const { return m_tray; }
    int unread() const { return m_unread; }

    void openThread(qint64 postId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateState();
    void setUnread(int unread);
    void showMenu(QListView* view, const QPoint& pos);
    void notify(const client::PostRow& post, bool isReply, bool isMention);

    client::Client& m_client;
    client::FeedModel* m_feed = nullptr;
    client::ThreadModel* m_thread = nullptr;
    QListView* m_feedView = nullptr;
    QListView* m_threadView = nullptr;
    Composer* m_composer = nullptr;
    Composer* m_replyComposer = nullptr;
    QLabel* m_state = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    int m_unread = 0;
};

} // namespace plein::app
