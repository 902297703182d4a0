#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace plein::client {
class Client;
class FeedModel;
} // namespace plein::client

namespace plein::app {

class FeedCapability;
class FeedView;

// One topic (`plein:/topic?name=<topic>`, where a #topic in a post leads): "#topic", Follow /
// Following, and the top-level posts with the topic from the cache, newest first, read again
// from the server when it opens and page by page as the reader scrolls to the end (so the
// page reads offline what was seen online). Writing here posts to the company feed with the
// topic in it.
class TopicPage : public QWidget
{
    Q_OBJECT

public:
    TopicPage(client::Client& client, FeedCapability& feed, const QString& topic,
              QWidget* parent = nullptr);

    QString topic() const { return m_topic; }
    QLabel* titleLabel() const { return m_title; }
    QPushButton* followButton() const { return m_follow; }
    FeedView* feedView() const { return m_feed; }

    // Reads the newest page from the server again.
    void reload();

private:
    void refreshFollow();
    void fetchMoreFromServer();

    client::Client& m_client;
    QString m_topic;
    QLabel* m_title = nullptr;
    QPushButton* m_follow = nullptr;
    FeedView* m_feed = nullptr;
    qint64 m_next = 0; // where the server's next page starts (0: none known)
    bool m_fetching = false;
};

} // namespace plein::app
