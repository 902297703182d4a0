#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QListView;
class QPushButton;
class QVBoxLayout;

namespace plein::client {
class Client;
class PostListModel;
} // namespace plein::client

namespace plein::app {

class Composer;
class PostActions;
class PostDelegate;
class PostListView;

// A feed: a composer on top, then the posts of `model`, newest first. While the reader is
// scrolled down, posts arriving above do not move what they are reading: a bar says how many
// came in ("3 new posts — show") instead. An empty feed says how to start it. Home and every
// group page show one.
class FeedView : public QWidget
{
    Q_OBJECT

public:
    FeedView(client::Client& client, PostActions& actions, client::PostListModel* model,
             QWidget* parent = nullptr);

    QListView* view() const;
    PostListView* postList() const { return m_view; }
    Composer* composer() const { return m_composer; }
    QPushButton* newPostsBar() const { return m_newPostsBar; }
    int newPosts() const { return m_newPosts; }
    client::PostListModel* model() const { return m_model; }
    PostDelegate* delegate() const { return m_delegate; }
    // A panel between the composer and the posts (what another capability shows there).
    void addPanel(QWidget* panel);

private:
    void rememberAnchor(int first);
    void keepAnchor(int first, int last);
    void showNewPosts();

    client::Client& m_client;
    client::PostListModel* m_model = nullptr;
    QVBoxLayout* m_layout = nullptr;
    Composer* m_composer = nullptr;
    QPushButton* m_newPostsBar = nullptr;
    PostListView* m_view = nullptr;
    PostDelegate* m_delegate = nullptr;
    int m_newPosts = 0;
    // The post at the top of the viewport before rows went in above it, and its offset, so
    // the reader's place stays put.
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
};

} // namespace plein::app
