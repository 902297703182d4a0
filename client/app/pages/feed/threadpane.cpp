#include "pages/feed/threadpane.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "pages/feed/composer.h"
#include "pages/feed/postactions.h"
#include "pages/feed/postlistview.h"
#include "people/peoplemodel.h"
#include "postlistmodel.h"
#include "threadmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

ThreadPane::ThreadPane(client::Client& client, PostActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_view(new PostListView(this))
    , m_closedNote(new QLabel(this))
    , m_replyComposer(new Composer(this))
{
    setObjectName(QStringLiteral("threadPane"));
    actions.attach(m_view);
    m_replyComposer->setPeople(&client.people());
    m_replyComposer->setPlaceholder(tr("Write a reply… (Ctrl+Enter sends)"));
    m_replyComposer->setEnabled(false);
    m_closedNote->setObjectName(QStringLiteral("threadClosedNote"));
    m_closedNote->setWordWrap(true);
    m_closedNote->setForegroundRole(QPalette::PlaceholderText);
    m_closedNote->setText(tr("This post was deleted, so it takes no new replies."));
    m_closedNote->hide();
    auto* title = new QLabel(tr("Thread"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto* close = new QPushButton(tr("Close"), this);
    close->setToolTip(tr("Close the thread"));
    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_closedNote);
    layout->addWidget(m_replyComposer);
    connect(close, &QPushButton::clicked, this, &ThreadPane::closeRequested);
    connect(m_replyComposer, &Composer::submitted, this,
            [this](const QString& text, const QStringList& attachments) {
                if (m_thread)
                    m_client.feed().createPost(text, m_thread->rootId(), 0, attachments);
            });
    // Queued: after the thread's model has taken the news (it says whether it still fetches).
    connect(&client.feed(), &client::Feed::threadFetched, this, &ThreadPane::updateState,
            Qt::QueuedConnection);
    connect(&client.feed(), &client::Feed::threadFetchFailed, this, &ThreadPane::updateState,
            Qt::QueuedConnection);
}

QListView* ThreadPane::view() const
{
    return m_view;
}

void ThreadPane::open(qint64 rootId)
{
    if (m_thread && m_thread->rootId() == rootId)
        return;
    delete m_thread;
    m_thread = new client::ThreadModel(m_client.cache(), m_client.feed(), rootId, this);
    m_view->setModel(m_thread);
    connect(m_thread, &QAbstractItemModel::rowsInserted, this, &ThreadPane::updateState);
    connect(m_thread, &QAbstractItemModel::rowsRemoved, this, &ThreadPane::updateState);
    connect(m_thread, &QAbstractItemModel::dataChanged, this, &ThreadPane::updateState);
    connect(m_thread, &QAbstractItemModel::modelReset, this, &ThreadPane::updateState);
    updateState();
}

void ThreadPane::updateState()
{
    if (!m_thread)
        return;
    const QModelIndex root = m_thread->index(0, 0);
    const bool isRoot = root.isValid()
        && root.data(client::PostListModel::IdRole).toLongLong() == m_thread->rootId();
    const bool deleted = isRoot && root.data(client::PostListModel::DeletedRole).toBool();
    m_replyComposer->setEnabled(!deleted);
    m_closedNote->setVisible(deleted);
    if (deleted)
        m_view->setEmptyText(QString());
    else if (m_thread->isFetching() && m_thread->rowCount() <= 1)
        m_view->setEmptyText(tr("Loading the replies…"), 1);
    else
        m_view->setEmptyText(tr("No replies yet\nWrite the first one below."), 1);
}

} // namespace plein::app
