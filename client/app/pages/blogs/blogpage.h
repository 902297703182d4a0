#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabBar;
class QVBoxLayout;

namespace plein::client {
class CacheChanges;
class Client;
} // namespace plein::client

namespace plein::app {

class ArticleCard;
class Navigator;

// The blogs: the company blog, every blog the user reads, and the user's own drafts and
// articles being written, as cards newest first; or one group's blog. "Write an article"
// starts one in the blog shown.
class BlogPage : public QWidget
{
    Q_OBJECT

public:
    enum class Shelf { Company, All, Drafts };

    // `groupId` 0: the blogs with their shelves; otherwise that group's blog.
    BlogPage(client::Client& client, Navigator& navigator, qint64 groupId = 0,
             QWidget* parent = nullptr);

    qint64 groupId() const { return m_groupId; }
    // Without its title, as a tab of the group's page that says whose it is.
    void setTitleShown(bool shown);
    // A person's published articles, in every blog the user reads (the author page).
    void showAuthor(qint64 userId, const QString& name);
    qint64 authorId() const { return m_authorId; }
    void showShelf(Shelf shelf);
    Shelf shelf() const { return m_shelf; }
    // Reads the newest page from the server (when online) and shows the cache.
    void reload();
    int cardCount() const;

private:
    void refresh();
    void onChanged(const client::CacheChanges& changes);

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_groupId = 0;
    qint64 m_authorId = 0;
    bool m_loaded = false;
    Shelf m_shelf = Shelf::Company;
    QTabBar* m_tabs = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_write = nullptr;
    QWidget* m_list = nullptr;
    QVBoxLayout* m_cards = nullptr;
    QList<ArticleCard*> m_shown;
};

} // namespace plein::app
