#pragma once

#include <QObject>
#include <QPointer>

namespace plein::app {

class FeedCapability;
class MainWindow;
class TopicPage;

// Topics in the shell: the route `plein:/topic?name=<topic>` that a #topic in a post links to,
// opening a TopicPage (one at a time, as group pages are).
class TopicsCapability : public QObject
{
    Q_OBJECT

public:
    TopicsCapability(MainWindow& shell, FeedCapability& feed);

    // The topic page shown last, if it is still open.
    TopicPage* page() const;
    // Opens the page of `topic` ("Dijk" and "#dijk" are the topic "dijk"); false when it is
    // not a topic.
    bool openTopic(const QString& topic);

private:
    MainWindow& m_shell;
    FeedCapability& m_feed;
    QPointer<TopicPage> m_page;
};

} // namespace plein::app
