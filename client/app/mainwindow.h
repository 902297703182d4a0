#pragma once

#include "connection.h"

#include <QMainWindow>
#include <QPersistentModelIndex>

class QLabel;
class QListView;
class QPushButton;
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
    Composer* replyComposer() const { return m_replyComposer; }
    QLabel* stateLabel() const { return m_state; }
    QSystemTrayIcon* tray() const { return m_tray; }
    int unread() const { return m_unread; }
    // The bar that explains problems (unreachable server, refused login, damaged cache...).
    QString noticeText() const;
    bool isNoticeShown() const;
    // "N new posts — show", shown instead of moving the feed while the reader is scrolled down.
    QPushButton* newPostsBar() const { return m_newPostsBar; }
    int newPosts() const { return m_newPosts; }
    client::ThreadModel* threadModel() const { return m_thread; }

    void openThread(qint64 postId);
    void showNotice(const QString& text);
    void hideNotice();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildMenus();
    void updateState();
    void setUnread(int unread);
    void showMenu(QListView* view, const QPoint& pos);
    void notify(const client::PostRow& post, bool isReply, bool isMention);
    void onProblem(client::Connection::Problem problem, const QString& detail);
    void likeCurrent(QListView* view);
    void replyToCurrent(QListView* view);
    void rememberFeedAnchor(int first);
    void keepFeedAnchor(int first, int last);
    void showNewPosts();
    void chooseLanguage(const QString& code);

    client::Client& m_client;
    client::FeedModel* m_feed = nullptr;
    client::ThreadModel* m_thread = nullptr;
    QListView* m_feedView = nullptr;
    QListView* m_threadView = nullptr;
    Composer* m_composer = nullptr;
    Composer* m_replyComposer = nullptr;
    QLabel* m_state = nullptr;
    QWidget* m_noticeBar = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_newPostsBar = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    qint64 m_notifiedThread = 0; // the thread of the last notification, opened on its click
    int m_unread = 0;
    int m_newPosts = 0;
    // The post at the top of the feed viewport before rows went in above it, and its offset,
    // so the reader's place stays put.
    QPersistentModelIndex m_feedAnchor;
    int m_feedAnchorTop = 0;
    // Whether the notice shows a connection problem, which going online again resolves.
    bool m_problemShown = false;
};

} // namespace plein::app
