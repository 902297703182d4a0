#include "shell/notificationspage.h"

#include "shell/navigator.h"
#include "shell/notificationmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

NotificationsPage::NotificationsPage(NotificationModel& model, Navigator& navigator,
                                     QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_markAll(new QPushButton(tr("Mark all as read"), this))
{
    setObjectName(QStringLiteral("notificationsPage"));
    auto* title = new QLabel(tr("Notifications"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto* empty = new QLabel(tr("Nothing new. Replies, mentions and news from your groups will "
                                "show up here."),
                             this);
    empty->setWordWrap(true);
    m_view->setModel(&model);
    m_view->setWordWrap(true);
    m_view->setSpacing(2);
    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_markAll);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(empty);
    layout->addWidget(m_view, 1);

    const auto update = [this, empty]() {
        empty->setVisible(m_model.rowCount() == 0);
        m_markAll->setEnabled(m_model.unreadCount() > 0);
    };
    connect(&model, &NotificationModel::unreadChanged, this, update);
    connect(&model, &QAbstractItemModel::rowsInserted, this, update);
    update();
    connect(m_markAll, &QPushButton::clicked, &model, &NotificationModel::markAllRead);
    // A click opens it, as in every notification list; Enter too (activated).
    const auto open = [this, &navigator](const QModelIndex& index) {
        const QUrl link = index.data(NotificationModel::LinkRole).toUrl();
        m_model.markRead(index.row());
        if (!link.isEmpty())
            navigator.open(link);
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
}

} // namespace plein::app
