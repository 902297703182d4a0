#include "pages/feed/threadpane.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "pages/feed/composer.h"
#include "pages/feed/postactions.h"
#include "threadmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

ThreadPane::ThreadPane(client::Client& client, PostActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_view(new QListView(this))
    , m_replyComposer(new Composer(this))
{
    setObjectName(QStringLiteral("threadPane"));
    actions.attach(m_view);
    m_replyComposer->setPlaceholder(tr("Write a reply… (Ctrl+Enter sends)"));
    m_replyComposer->setEnabled(false);
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
    layout->addWidget(m_replyComposer);
    connect(close, &QPushButton::clicked, this, &ThreadPane::closeRequested);
    connect(m_replyComposer, &Composer::submitted, this, [this](const QString& text) {
        if (m_thread)
            m_client.feed().createPost(text, m_thread->rootId());
    });
}

void ThreadPane::open(qint64 rootId)
{
    if (m_thread && m_thread->rootId() == rootId)
        return;
    delete m_thread;
    m_thread = new client::ThreadModel(m_client.cache(), m_client.feed(), rootId, this);
    m_view->setModel(m_thread);
    m_replyComposer->setEnabled(true);
}

} // namespace plein::app
