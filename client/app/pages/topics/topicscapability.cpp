#include "pages/topics/topicscapability.h"

#include "capabilities/feed/topics.h"
#include "client.h"
#include "pages/topics/topicpage.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"

#include <QUrlQuery>

namespace plein::app {

TopicsCapability::TopicsCapability(MainWindow& shell, FeedCapability& feed)
    : QObject(&shell)
    , m_shell(shell)
    , m_feed(feed)
{
    shell.navigator().addQueryRoute(
        QStringLiteral("topic"), Navigator::Id::None, [this](qint64, const QUrlQuery& query) {
            return openTopic(query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded));
        });
}

TopicPage* TopicsCapability::page() const
{
    return m_page;
}

bool TopicsCapability::openTopic(const QString& name)
{
    // The topic as a post would have it: folded, normalised, without its '#'.
    const QStringList found
        = protocol::topicsIn(name.startsWith(u'#') ? name : QStringLiteral("#") + name);
    if (found.size() != 1)
        return false;
    const QString topic = found.first();
    if (m_page && m_page->topic() == topic) {
        m_page->reload();
        m_shell.showPage(m_page);
        return true;
    }
    // One topic page at a time: the previous one goes once the new one shows.
    QPointer<TopicPage> previous = m_page;
    m_page = new TopicPage(m_shell.client(), m_feed, topic, &m_shell);
    m_shell.showPage(m_page);
    if (previous)
        previous->deleteLater();
    return true;
}

} // namespace plein::app
