#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace plein::client {
class CacheChanges;
class Client;
} // namespace plein::client

namespace plein::app {

class ArticleCard;
class Navigator;

// The newest articles as a row of cards above the posts: in Home those of every blog the user
// reads, above a group's posts those of its blog. What was published in the last two weeks, at
// most three, newest first, with a link to all articles; a click opens the reading view. Hide
// puts the row away until a newer article is published. Shown from the cache, so offline too.
class BlogStrip : public QWidget
{
    Q_OBJECT

public:
    // `groupId` 0: every blog (Home); otherwise that group's blog.
    BlogStrip(client::Client& client, Navigator& navigator, qint64 groupId,
              QWidget* parent = nullptr);

    int cardCount() const { return int(m_cards.size()); }
    QList<qint64> shownArticles() const;
    void hideShown();

private:
    void refresh();
    void onChanged(const client::CacheChanges& changes);
    QString hiddenKey() const;

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_groupId = 0;
    QLabel* m_heading = nullptr;
    QHBoxLayout* m_row = nullptr;
    QList<ArticleCard*> m_cards;
    QList<qint64> m_shown;
};

} // namespace plein::app
