#include "pages/search/searchpage.h"

#include "client.h"
#include "groups/grouplistmodel.h"
#include "groups/mygroupsmodel.h"
#include "pages/search/searchresultdelegate.h"
#include "people/peoplemodel.h"
#include "search/searchmodel.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

using client::SearchModel;

namespace {

struct Kind
{
    const char* kind; // "" for all
    const char* label;
};

// The chips, in their order.
const Kind kinds[] = {
    {"", QT_TRANSLATE_NOOP("plein::app::SearchPage", "All")},
    {"post", QT_TRANSLATE_NOOP("plein::app::SearchPage", "Posts")},
    {"chat", QT_TRANSLATE_NOOP("plein::app::SearchPage", "Messages")},
    {"article", QT_TRANSLATE_NOOP("plein::app::SearchPage", "Articles")},
    {"person", QT_TRANSLATE_NOOP("plein::app::SearchPage", "People")},
    {"group", QT_TRANSLATE_NOOP("plein::app::SearchPage", "Groups")},
};

} // namespace

SearchPage::SearchPage(client::Client& client, Navigator& navigator, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_model(new SearchModel(client.cache(), client.searchSources(), this))
    , m_groups(new client::MyGroupsModel(client, this))
    , m_search(new QLineEdit(this))
    , m_kinds(new QButtonGroup(this))
    , m_group(new QComboBox(this))
    , m_person(new QComboBox(this))
    , m_copyLink(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_icon(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_serverNote(new QLabel(this))
{
    m_model->setServer(&client.session(), &client.connection());
    setObjectName(QStringLiteral("searchPage"));
    setWindowTitle(tr("Search"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search posts, messages, people and groups"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::icon(icons::Icon::Search), QLineEdit::LeadingPosition);
    m_search->setMinimumHeight(34);
    m_search->installEventFilter(this);

    auto* chips = new QHBoxLayout;
    chips->setSpacing(6);
    int id = 0;
    for (const Kind& k : kinds) {
        auto* chip = new QToolButton(this);
        chip->setText(tr(k.label));
        chip->setCheckable(true);
        chip->setAutoRaise(true);
        chip->setObjectName(QStringLiteral("kindChip-%1").arg(QLatin1StringView(k.kind)));
        chip->setProperty("kind", QString::fromLatin1(k.kind));
        chip->setProperty("chip", true);
        chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
        chip->setFocusPolicy(Qt::TabFocus);
        m_kinds->addButton(chip, id++);
        chips->addWidget(chip);
    }
    m_kinds->button(0)->setChecked(true);
    // Chips as the theme draws them: rounded, the chosen one tinted with the accent.
    const QPalette pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    setStyleSheet(
        QStringLiteral("QToolButton[chip=\"true\"] { border: 1px solid %1; border-radius: 13px; "
                       "padding: 4px 12px; } QToolButton[chip=\"true\"]:hover { border-color: "
                       "%2; } QToolButton[chip=\"true\"]:checked { border-color: %2; "
                       "background: %3; color: %4; }")
            .arg(pal.color(QPalette::Mid).name(), accent.name(),
                 QColor::fromRgbF(accent.redF(), accent.greenF(), accent.blueF(), 0.14)
                     .name(QColor::HexArgb),
                 pal.color(QPalette::WindowText).name()));
    chips->addSpacing(6);
    m_group->setObjectName(QStringLiteral("searchGroup"));
    m_person->setObjectName(QStringLiteral("searchPerson"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_person->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_group->setMaximumWidth(220);
    m_person->setMaximumWidth(220);
    chips->addWidget(m_group);
    chips->addWidget(m_person);
    chips->addStretch(1);
    m_copyLink->setIcon(icons::icon(icons::Icon::Globe));
    m_copyLink->setToolTip(tr("Copy a link to this search"));
    m_copyLink->setAutoRaise(true);
    chips->addWidget(m_copyLink);

    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SearchResultDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->setAttribute(Qt::WA_Hover);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->viewport()->setBackgroundRole(QPalette::Base);

    // Before the first word and when nothing is found: what to do next, centred.
    auto* state = new QWidget(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_icon->setPixmap(icons::icon(icons::Icon::Search).pixmap(40, 40));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_heading->setFont(bold);
    m_heading->setObjectName(QStringLiteral("searchStateHeading"));
    for (QLabel* label : {m_heading, m_hint}) {
        label->setTextFormat(Qt::PlainText); // it repeats what was typed
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
    }
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    auto* stateLayout = new QVBoxLayout(state);
    stateLayout->addStretch();
    stateLayout->addWidget(m_icon);
    stateLayout->addSpacing(6);
    stateLayout->addWidget(m_heading);
    stateLayout->addWidget(m_hint);
    stateLayout->addStretch(2);
    m_stack->addWidget(m_view);
    m_stack->addWidget(state);

    auto* bar = new QVBoxLayout;
    bar->setContentsMargins(12, 10, 12, 8);
    bar->setSpacing(8);
    bar->addWidget(m_search);
    bar->addLayout(chips);
    // Whether the server is searched too: while it answers, and when it cannot be.
    m_serverNote->setObjectName(QStringLiteral("searchServerNote"));
    m_serverNote->setTextFormat(Qt::PlainText);
    m_serverNote->setForegroundRole(QPalette::PlaceholderText);
    m_serverNote->hide();
    bar->addWidget(m_serverNote);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    fillGroups();
    m_person->addItem(tr("From anyone"), 0);
    connect(m_groups, &QAbstractItemModel::modelReset, this, &SearchPage::fillGroups);
    connect(m_groups, &QAbstractItemModel::rowsInserted, this, &SearchPage::fillGroups);
    connect(m_groups, &QAbstractItemModel::rowsRemoved, this, &SearchPage::fillGroups);
    // People are read from the cache when the list is first opened, not with the page.
    m_person->installEventFilter(this);

    connect(m_search, &QLineEdit::textChanged, this, &SearchPage::search);
    connect(m_kinds, &QButtonGroup::idClicked, this, &SearchPage::search);
    connect(m_group, &QComboBox::currentIndexChanged, this, &SearchPage::search);
    connect(m_person, &QComboBox::currentIndexChanged, this, &SearchPage::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        const QModelIndex current = m_view->currentIndex();
        open(current.isValid() ? current : m_model->index(0));
    });
    connect(m_view, &QListView::clicked, this, &SearchPage::open);
    connect(m_view, &QListView::activated, this, &SearchPage::open);
    connect(m_copyLink, &QToolButton::clicked, this,
            [this]() { QApplication::clipboard()->setText(link().toString()); });
    connect(m_model, &SearchModel::answered, this, &SearchPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SearchPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SearchPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SearchPage::updateState);
    connect(m_model, &SearchModel::serverStateChanged, this, &SearchPage::updateState);
    updateState();
}

QToolButton* SearchPage::kindChip(const QString& kind) const
{
    for (QAbstractButton* b : m_kinds->buttons()) {
        if (b->property("kind").toString() == kind)
            return qobject_cast<QToolButton*>(b);
    }
    return nullptr;
}

client::SearchQuery SearchPage::query() const
{
    client::SearchQuery q;
    q.text = m_search->text();
    if (QAbstractButton* chip = m_kinds->checkedButton()) {
        const QString kind = chip->property("kind").toString();
        if (!kind.isEmpty())
            q.kinds = {kind};
    }
    q.groupId = m_group->currentData().toLongLong();
    q.authorId = m_person->currentData().toLongLong();
    return q;
}

void SearchPage::setQuery(const client::SearchQuery& query)
{
    m_filling = true;
    m_search->setText(query.text);
    QToolButton* chip = kindChip(query.kinds.size() == 1 ? query.kinds.first() : QString());
    (chip ? chip : kindChip(QString()))->setChecked(true);
    selectData(m_group, query.groupId);
    if (query.authorId > 0 && m_person->findData(query.authorId) < 0)
        fillPeople();
    selectData(m_person, query.authorId);
    m_filling = false;
    search();
}

void SearchPage::selectData(QComboBox* box, qint64 id)
{
    const int at = box->findData(id);
    box->setCurrentIndex(at >= 0 ? at : 0);
}

QUrl SearchPage::link() const
{
    client::SearchQuery q = query();
    q.text = q.text.trimmed();
    return Navigator::link(QStringLiteral("search"), q.toUrlQuery());
}

void SearchPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SearchPage::search()
{
    if (m_filling)
        return;
    m_model->setQuery(query());
    updateState();
}

void SearchPage::open(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    QUrl target(index.data(SearchModel::LinkRole).toString());
    // People open their profile where the app has one, and a conversation with them otherwise.
    if (index.data(SearchModel::KindRole).toString() == QLatin1StringView("person")
        && !m_navigator.hasRoute(QStringLiteral("person")))
        target = Navigator::link(QStringLiteral("chat-with"),
                                 index.data(SearchModel::IdRole).toLongLong());
    m_navigator.open(target);
}

void SearchPage::updateState()
{
    const bool typed = !m_search->text().trimmed().isEmpty();
    m_copyLink->setEnabled(typed);
    const SearchModel::ServerState server = m_model->serverState();
    switch (server) {
    case SearchModel::ServerState::Searching:
        m_serverNote->setText(tr("Searching the server…"));
        break;
    case SearchModel::ServerState::Offline:
        m_serverNote->setText(tr("Offline: results from this computer only"));
        break;
    case SearchModel::ServerState::Failed:
        m_serverNote->setText(tr("The server could not search: results from this computer only"));
        break;
    case SearchModel::ServerState::Unused:
    case SearchModel::ServerState::Answered:
        m_serverNote->clear();
        break;
    }
    m_serverNote->setVisible(!m_serverNote->text().isEmpty());
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0));
        return;
    }
    m_stack->setCurrentIndex(1);
    if (!m_model->hasQuery()) {
        m_heading->setText(typed ? tr("Keep typing…") : tr("Search everything on this computer"));
        m_hint->setText(tr("Posts, replies, messages, people and groups you have seen are "
                           "searched at once, also offline. Ctrl+K brings you here from "
                           "anywhere."));
        return;
    }
    if (m_model->isSearching() || server == SearchModel::ServerState::Searching)
        return; // keep what was there until the answers
    m_heading->setText(tr("Nothing found for “%1”").arg(m_search->text().trimmed()));
    m_hint->setText(m_model->query().hasFilters()
                        ? tr("Try fewer words, or search without the filters.")
                        : server == SearchModel::ServerState::Answered
                        ? tr("Try fewer or other words.")
                        : tr("Try fewer or other words. Only what this computer has seen is "
                             "searched."));
}

void SearchPage::fillGroups()
{
    const qint64 chosen = m_group->currentData().toLongLong();
    const QSignalBlocker block(m_group);
    m_group->clear();
    m_group->addItem(tr("In any group"), 0);
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        const QModelIndex i = m_groups->index(row, 0);
        m_group->addItem(i.data(client::GroupListModel::NameRole).toString(),
                         i.data(client::GroupListModel::IdRole).toLongLong());
    }
    selectData(m_group, chosen);
}

void SearchPage::fillPeople()
{
    client::PeopleModel& people = m_client.people();
    while (people.canFetchMore({}))
        people.fetchMore({});
    const qint64 chosen = m_person->currentData().toLongLong();
    const QSignalBlocker block(m_person);
    m_person->clear();
    m_person->addItem(tr("From anyone"), 0);
    for (int row = 0; row < people.rowCount(); ++row) {
        const QModelIndex i = people.index(row, 0);
        const qint64 id = i.data(client::PeopleModel::IdRole).toLongLong();
        if (id > 0)
            m_person->addItem(i.data(client::PeopleModel::DisplayNameRole).toString(), id);
    }
    selectData(m_person, chosen);
}

bool SearchPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_person && event->type() == QEvent::MouseButtonPress && m_person->count() <= 1)
        fillPeople();
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        // Up and down walk the hits while the cursor stays in the field.
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) && m_model->rowCount() > 0) {
            const int current
                = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
            const int next = qBound(0, current + (key->key() == Qt::Key_Down ? 1 : -1),
                                    m_model->rowCount() - 1);
            m_view->setCurrentIndex(m_model->index(next));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace plein::app
