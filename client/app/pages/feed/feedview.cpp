#include "pages/feed/feedview.h"

#include "client.h"
#include "connection.h"
#include "pages/feed/composer.h"
#include "pages/feed/postactions.h"
#include "pages/feed/postlistview.h"
#include "people/peoplemodel.h"
#include "postlistmodel.h"

#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace plein::app {

using client::PostListModel;

FeedView::FeedView(client::Client& client, PostActions& actions, client::PostListModel* model,
                   QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(model)
    , m_composer(new Composer(this))
    , m_newPostsBar(new QPushButton(this))
    , m_view(new PostListView(this))
{
    m_delegate = actions.attach(m_view);
    m_view->setModel(model);
    // @mention completion from the people the cache knows.
    m_composer->setPeople(&client.people());
    m_view->setEmptyText(tr("No posts yet\nWrite the first one above: a question, news, a "
                            "thank-you to a colleague."));
    m_newPostsBar->hide();
    m_layout = new QVBoxLayout(this);
    QVBoxLayout* layout = m_layout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_composer);
    layout->addWidget(m_newPostsBar);
    layout->addWidget(m_view, 1);

    connect(m_newPostsBar, &QPushButton::clicked, this, &FeedView::showNewPosts);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) { rememberAnchor(first); });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { keepAnchor(first, last); });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        // Scrolled back to the top by hand: the new posts are in view.
        if (value == 0 && m_newPosts > 0)
            showNewPosts();
    });
}

QListView* FeedView::view() const
{
    return m_view;
}

void FeedView::rememberAnchor(int first)
{
    m_anchor = QPersistentModelIndex();
    if (m_view->verticalScrollBar()->value() == 0)
        return; // at the top, new posts simply appear above
    const QModelIndex top = m_view->indexAt(QPoint(4, 4));
    if (!top.isValid() || first > top.row())
        return;
    m_anchor = top;
    m_anchorTop = m_view->visualRect(top).top();
}

void FeedView::keepAnchor(int first, int last)
{
    if (!m_anchor.isValid())
        return;
    int fresh = 0;
    const qint64 me = m_client.connection().userId();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row);
        if (!index.data(PostListModel::PendingRole).toBool()
            && index.data(PostListModel::AuthorIdRole).toLongLong() != me)
            ++fresh;
    }
    // Lay out now, so the anchor's new place is known, and scroll by the height that went in.
    m_view->doItemsLayout();
    auto* bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() + m_view->visualRect(m_anchor).top() - m_anchorTop);
    m_anchor = QPersistentModelIndex();
    if (fresh == 0)
        return;
    m_newPosts += fresh;
    m_newPostsBar->setText(tr("%n new post(s) — show", nullptr, m_newPosts));
    m_newPostsBar->show();
}

void FeedView::showNewPosts()
{
    m_newPosts = 0;
    m_newPostsBar->hide();
    m_view->scrollToTop();
}

void FeedView::addPanel(QWidget* panel)
{
    if (!panel)
        return;
    // Below the composer and the panels before it, above the posts.
    m_layout->insertWidget(m_layout->indexOf(m_newPostsBar), panel);
}

} // namespace plein::app
