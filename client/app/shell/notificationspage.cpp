#include "shell/notificationspage.h"

#include "shell/navigator.h"
#include "shell/notificationdelegate.h"
#include "shell/notificationmodel.h"
#include "ui/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int emptyIconSize = 48;
constexpr int timesRefreshMs = 60 * 1000;

} // namespace

NotificationsPage::NotificationsPage(NotificationModel& model, Navigator& navigator,
                                     QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(m_stack))
    , m_empty(new QWidget(m_stack))
    , m_markAll(new QPushButton(tr("Mark all as read"), this))
{
    setObjectName(QStringLiteral("notificationsPage"));
    auto* title = new QLabel(tr("Notifications"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_markAll->setIcon(icons::icon(icons::Icon::Check));

    // What to expect here, while there is nothing yet.
    auto* emptyIcon = new QLabel(m_empty);
    emptyIcon->setPixmap(icons::icon(icons::Icon::Notifications)
                             .pixmap(QSize(emptyIconSize, emptyIconSize), devicePixelRatioF()));
    emptyIcon->setAlignment(Qt::AlignCenter);
    auto* emptyText = new QLabel(
        tr("Nothing yet: mentions, replies and group invitations show up here."), m_empty);
    emptyText->setObjectName(QStringLiteral("emptyText"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setForegroundRole(QPalette::PlaceholderText);
    auto* emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyIcon);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addStretch(2);

    m_view->setModel(&model);
    m_view->setItemDelegate(new NotificationDelegate(m_view));
    // Rows are as high as their body; they wrap again when the page gets narrower.
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_markAll);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(&model, &NotificationModel::unreadChanged, this, &NotificationsPage::refresh);
    connect(&model, &QAbstractItemModel::rowsInserted, this, &NotificationsPage::refresh);
    connect(&model, &QAbstractItemModel::rowsRemoved, this, &NotificationsPage::refresh);
    connect(&model, &QAbstractItemModel::modelReset, this, &NotificationsPage::refresh);
    refresh();
    connect(m_markAll, &QPushButton::clicked, &model, &NotificationModel::markAllRead);
    // A click opens it, as in every notification list; Enter too (activated).
    const auto open = [this, &navigator](const QModelIndex& index) {
        const QUrl link = index.data(NotificationModel::LinkRole).toUrl();
        m_model.markRead(index.row());
        if (!link.isEmpty())
            navigator.open(link);
    };
    // Where the style activates on a single click (KDE's default), a click is both clicked and
    // activated: open once.
    if (!m_view->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view))
        connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
    // "just now" becomes "5 min" without anything else changing.
    auto* clock = new QTimer(this);
    clock->setInterval(timesRefreshMs);
    connect(clock, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    clock->start();
}

void NotificationsPage::refresh()
{
    m_stack->setCurrentWidget(m_model.rowCount() == 0 ? m_empty : m_view);
    m_markAll->setEnabled(m_model.unreadCount() > 0);
}

} // namespace plein::app
