#include "pages/chat/conversationlistpage.h"

#include "chat/conversationlistmodel.h"
#include "pages/chat/conversationdelegate.h"
#include "pages/chat/conversationrows.h"
#include "presence/presence.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::app {

using client::ConversationListModel;

ConversationListPage::ConversationListPage(ConversationRows& rows, Navigator& navigator,
                                           QWidget* parent)
    : QWidget(parent)
    , m_rows(rows)
    , m_navigator(navigator)
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_new(new QPushButton(icons::icon(icons::Icon::Add), tr("New conversation…"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_noMatch(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationListPage"));
    m_filter->setSourceModel(&rows);
    m_filter->setFilterRole(ConversationListModel::TitleRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Find a conversation"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::icon(icons::Icon::Search), QLineEdit::LeadingPosition);
    m_view->setObjectName(QStringLiteral("conversationList"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new ConversationDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->setAttribute(Qt::WA_Hover);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->viewport()->setBackgroundRole(QPalette::Base);
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setForegroundRole(QPalette::PlaceholderText);
    m_noMatch->hide();

    // No conversations yet: what chat is for, and the way to start.
    m_empty = new QWidget(this);
    auto* heading = new QLabel(tr("No conversations yet"), m_empty);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    heading->setFont(bold);
    auto* hint = new QLabel(tr("Write to a colleague, or to several at once. Every group has a "
                               "chat too: open it from the group's page."),
                            m_empty);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_start = new QPushButton(tr("Start a conversation"), m_empty);
    m_start->setObjectName(QStringLiteral("startConversation"));
    m_start->setDefault(true);
    for (QLabel* label : {heading, hint})
        label->setAlignment(Qt::AlignCenter);
    auto* emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch();
    emptyLayout->addWidget(heading);
    emptyLayout->addWidget(hint);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(m_start, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_noMatch);
    listLayout->addWidget(m_view, 1);
    m_stack->addWidget(list);
    m_stack->addWidget(m_empty);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(12, 10, 12, 6);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_new);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text.trimmed());
        updateState();
    });
    // Down from the search field goes into the list, Enter opens the first match.
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        if (m_filter->rowCount() > 0)
            Q_EMIT m_view->activated(m_filter->index(0, 0));
    });
    const auto open = [this](const QModelIndex& index) {
        const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
        if (id > 0)
            m_navigator.open(Navigator::link(QStringLiteral("chat"), id));
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
    connect(m_new, &QPushButton::clicked, this, &ConversationListPage::newConversationRequested);
    connect(m_start, &QPushButton::clicked, this, &ConversationListPage::newConversationRequested);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&rows, signal, this, &ConversationListPage::updateState);
    connect(&rows, &QAbstractItemModel::modelReset, this, &ConversationListPage::updateState);
    updateState();

    // Whom the list shows changes with scrolling, filtering and rows moving up.
    m_watchSoon = new QTimer(this);
    m_watchSoon->setSingleShot(true);
    m_watchSoon->setInterval(150);
    connect(m_watchSoon, &QTimer::timeout, this, &ConversationListPage::watchShown);
    const auto soon = [this]() { m_watchSoon->start(); };
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, soon);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, soon);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, soon);
    connect(m_filter, &QAbstractItemModel::rowsMoved, this, soon);
    connect(m_filter, &QAbstractItemModel::modelReset, this, soon);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, soon);
}

void ConversationListPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_watchSoon->start();
}

void ConversationListPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_watchSoon->stop();
    if (client::Presence* presence = m_rows.presence())
        presence->unwatch(this);
}

void ConversationListPage::watchShown()
{
    client::Presence* presence = m_rows.presence();
    if (!presence || !isVisible())
        return;
    QModelIndexList shown;
    const QRect area = m_view->viewport()->rect();
    for (QModelIndex i = m_view->indexAt(area.topLeft()); i.isValid();
         i = m_filter->index(i.row() + 1, 0)) {
        if (!m_view->visualRect(i).intersects(area))
            break;
        shown.append(i);
    }
    presence->watch(this, ConversationRows::peopleOf(shown));
}

bool ConversationListPage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void ConversationListPage::updateState()
{
    const bool none = m_rows.rowCount() == 0;
    m_stack->setCurrentWidget(none ? m_empty : m_stack->widget(0));
    m_search->setVisible(!none);
    m_new->setVisible(!none);
    const bool noMatch = !none && m_filter->rowCount() == 0;
    m_noMatch->setText(noMatch ? tr("No conversation matches “%1”.").arg(m_search->text().trimmed())
                               : QString());
    m_noMatch->setVisible(noMatch);
}

} // namespace plein::app
