#include "pages/topics/topicpage.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "feedmodel.h"
#include "followstore.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postlistview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::app {

namespace {
const QString topicKind = QStringLiteral("topic");
} // namespace

TopicPage::TopicPage(client::Client& client, FeedCapability& feed, const QString& topic,
                     QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_topic(topic)
    , m_title(new QLabel(this))
    , m_follow(new QPushButton(this))
{
    setObjectName(QStringLiteral("topicPage"));
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setTextFormat(Qt::PlainText); // a topic is text, never markup
    m_title->setText(u'#' + topic);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_follow->setObjectName(QStringLiteral("followTopicButton"));
    m_follow->setCheckable(true);

    auto* model = new client::FeedModel(client.cache(), client::FeedScope::topic(topic), this);
    m_feed = new FeedView(client, feed.actions(), model, this);
    m_feed->postList()->setEmptyText(
        tr("No posts with #%1 yet\nWrite one: a post with #%1 in it shows here.").arg(topic));
    m_feed->composer()->setPlaceholder(tr("Write about #%1… (Ctrl+Enter sends)").arg(topic));
    connect(m_feed->composer(), &Composer::submitted, this,
            [this](const QString& text, const QStringList& attachments) {
                // The topic goes with it, or the post would not show on this page.
                const bool tagged = text.contains(u'#' + m_topic, Qt::CaseInsensitive);
                m_client.feed().createPost(tagged ? text : text + QStringLiteral("\n\n#") + m_topic,
                                           0, 0, attachments);
            });

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_follow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_feed, 1);

    connect(m_follow, &QPushButton::clicked, this, [this](bool on) {
        m_client.feed().follow(topicKind, m_topic, on);
        refreshFollow();
    });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (changes.touches(client::FollowStore::area))
                    refreshFollow();
            });
    connect(&client.feed(), &client::Feed::topicFetched, this,
            [this](const QString& t, qint64 next, bool more) {
                if (t != m_topic)
                    return;
                m_fetching = false;
                m_next = more ? next : 0;
                // A page that did not fill the view (the server looks at a bounded number of
                // posts a page, so one may even be empty) asks for the next at once; the rows
                // arrive in the model first.
                if (m_next > 0)
                    QTimer::singleShot(0, this, [this]() {
                        const QScrollBar* bar = m_feed->view()->verticalScrollBar();
                        if (isVisible() && bar->value() == bar->maximum())
                            fetchMoreFromServer();
                    });
            });
    connect(&client.feed(), &client::Feed::topicFetchFailed, this, [this](const QString& t) {
        if (t == m_topic)
            m_fetching = false;
    });
    // At the end of what the cache holds, the server's next page.
    connect(m_feed->view()->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        if (v == m_feed->view()->verticalScrollBar()->maximum())
            fetchMoreFromServer();
    });
    refreshFollow();
    reload();
}

void TopicPage::reload()
{
    m_fetching = true;
    m_client.feed().fetchTopic(m_topic);
}

void TopicPage::fetchMoreFromServer()
{
    if (m_fetching || m_next <= 0 || m_feed->model()->canFetchMore(QModelIndex()))
        return;
    m_fetching = true;
    m_client.feed().fetchTopic(m_topic, m_next);
}

void TopicPage::refreshFollow()
{
    const bool following = m_client.feed().isFollowing(topicKind, m_topic);
    m_follow->setChecked(following);
    m_follow->setText(following ? tr("Following") : tr("Follow"));
    m_follow->setToolTip(following ? tr("Stop following #%1").arg(m_topic)
                                   : tr("Show posts with #%1 in Home").arg(m_topic));
}

} // namespace plein::app
