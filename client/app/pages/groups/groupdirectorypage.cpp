#include "pages/groups/groupdirectorypage.h"

#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "groupdirectorymodel.h"
#include "pages/groups/grouptexts.h"
#include "pages/groups/textdelegate.h"
#include "shell/navigator.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::app {

using client::GroupListModel;

namespace {
// Searching on each key press would ask the server for every prefix typed.
constexpr int typingPauseMs = 250;
} // namespace

GroupDirectoryPage::GroupDirectoryPage(client::Client& client, Navigator& navigator,
                                       QWidget* parent)
    : QWidget(parent)
    , m_model(new client::GroupDirectoryModel(client, this))
    , m_search(new QLineEdit(this))
    , m_filter(new QComboBox(this))
    , m_view(new QListView(this))
    , m_status(new QLabel(this))
    , m_newGroup(new QPushButton(tr("New group…"), this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("groupDirectoryPage"));
    m_status->setTextFormat(Qt::PlainText); // the server's reasons
    auto* title = new QLabel(tr("Groups"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_search->setPlaceholderText(tr("Search groups by name"));
    m_search->setClearButtonEnabled(true);
    m_filter->addItem(tr("All groups"), QStringLiteral("all"));
    m_filter->addItem(tr("My groups"), QStringLiteral("mine"));
    m_status->setWordWrap(true);
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setSpacing(2);
    m_view->setItemDelegate(new TextDelegate(
        [](const QModelIndex& index) {
            return index.data(GroupListModel::NameRole).toString() + u'\n'
                + GroupTexts::summary(index.data(GroupListModel::KindRole).toString(),
                                      index.data(GroupListModel::MembersRole).toInt(),
                                      index.data(GroupListModel::ArchivedRole).toBool(),
                                      index.data(GroupListModel::MyStateRole).toString());
        },
        m_view));

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_newGroup);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    m_typing->setSingleShot(true);
    m_typing->setInterval(typingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &GroupDirectoryPage::search);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &GroupDirectoryPage::search);
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setFilter(m_filter->currentData().toString()); });
    connect(m_newGroup, &QPushButton::clicked, this, &GroupDirectoryPage::newGroupRequested);
    const auto open = [&navigator](const QModelIndex& index) {
        navigator.open(Navigator::link(QStringLiteral("group"),
                                       index.data(GroupListModel::IdRole).toLongLong()));
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);

    connect(m_model, &client::GroupDirectoryModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_failure.clear();
        updateStatus();
    });
    connect(m_model, &client::GroupDirectoryModel::failed, this,
            [this](const QString& message, const QString& code) {
                // In the person's words; the server's message may name ids.
                m_failure = errorText(code, message);
                updateStatus();
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &GroupDirectoryPage::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GroupDirectoryPage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GroupDirectoryPage::updateStatus);
    // Offline the directory shows the groups the cache has; back online, the server's.
    connect(&client.connection(), &client::Connection::authenticated, m_model,
            &client::GroupDirectoryModel::reload);
    m_model->reload();
    updateStatus();
}

void GroupDirectoryPage::search()
{
    m_typing->stop();
    m_failure.clear();
    m_model->setQuery(m_search->text().trimmed());
}

void GroupDirectoryPage::updateStatus()
{
    QString text;
    if (!m_failure.isEmpty())
        text = tr("The directory could not be read from the server: %1").arg(m_failure);
    else if (m_model->isLoading() && m_model->rowCount() == 0)
        text = tr("Looking for groups…");
    else if (m_model->rowCount() == 0)
        text = m_model->query().isEmpty()
            ? tr("No groups yet. Start one with “New group…”.")
            : tr("No group has “%1” in its name.").arg(m_model->query());
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace plein::app
