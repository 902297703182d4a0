#include "pages/people/peopledirectorypage.h"

#include "client.h"
#include "pages/people/persondelegate.h"
#include "people/peopledirectorymodel.h"
#include "people/peoplestore.h"
#include "shell/navigator.h"
#include "store/cache.h"
#include "store/cachechanges.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::app {

using client::PeopleDirectoryModel;
using client::PeopleStore;

namespace {

// The cache answers at once; the pause only spares a re-read per key press.
constexpr int typingPauseMs = 120;
constexpr int facetsShown = 100;

// Fills `box` with "everyone" and the facets, keeping the chosen key (added when missing, so a
// chip of a profile always has its entry).
void fill(QComboBox* box, const QString& everyone, const QList<PeopleStore::Facet>& facets,
          const QString& keep)
{
    box->clear();
    box->addItem(everyone, QString());
    for (const PeopleStore::Facet& f : facets)
        box->addItem(QStringLiteral("%1 (%2)").arg(f.label).arg(f.count), f.key);
    int at = box->findData(keep);
    if (at < 0 && !keep.isEmpty()) {
        box->addItem(keep, keep);
        at = box->count() - 1;
    }
    box->setCurrentIndex(std::max(at, 0));
}

} // namespace

PeopleDirectoryPage::PeopleDirectoryPage(client::Client& client, Navigator& navigator,
                                         QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new PeopleDirectoryModel(client.cache(), this))
    , m_search(new QLineEdit(this))
    , m_department(new QComboBox(this))
    , m_expertise(new QComboBox(this))
    , m_interest(new QComboBox(this))
    , m_clear(new QPushButton(tr("Clear filters"), this))
    , m_view(new QListView(this))
    , m_status(new QLabel(this))
    , m_typing(new QTimer(this))
    , m_refill(new QTimer(this))
{
    setObjectName(QStringLiteral("peopleDirectoryPage"));
    // The header names the page ("People"); the page says what it is for.
    auto* subtitle = new QLabel(
        tr("Find colleagues by name, department, expertise or what they like to do."), this);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextFormat(Qt::PlainText); // names and tags people typed
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setContentsMargins(0, 24, 0, 24);
    m_search->setPlaceholderText(tr("Search by name or job title"));
    m_search->setClearButtonEnabled(true);
    m_department->setObjectName(QStringLiteral("departmentFilter"));
    m_expertise->setObjectName(QStringLiteral("expertiseFilter"));
    m_interest->setObjectName(QStringLiteral("interestFilter"));
    for (QComboBox* box : {m_department, m_expertise, m_interest})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_department->setToolTip(tr("Department"));
    m_expertise->setToolTip(tr("Expertise"));
    m_interest->setToolTip(tr("Interest"));
    m_clear->setFlat(true);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PersonDelegate(m_view));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->setUniformItemSizes(true);
    m_view->viewport()->setAutoFillBackground(false);
    m_view->setAttribute(Qt::WA_Hover);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_department);
    filters->addWidget(m_expertise);
    filters->addWidget(m_interest);
    filters->addWidget(m_clear);
    filters->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(subtitle);
    layout->addSpacing(4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    m_typing->setSingleShot(true);
    m_typing->setInterval(typingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &PeopleDirectoryPage::search);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &PeopleDirectoryPage::search);
    for (QComboBox* box : {m_department, m_expertise, m_interest})
        connect(box, &QComboBox::currentIndexChanged, this, [this]() {
            if (!m_filling)
                applyFilters();
        });
    connect(m_clear, &QPushButton::clicked, this, [this]() {
        m_search->clear();
        showOnly(Filter::Department, QString());
    });
    const auto open = [&navigator](const QModelIndex& index) {
        navigator.open(Navigator::link(QStringLiteral("person"),
                                       index.data(PeopleDirectoryModel::IdRole).toLongLong()));
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);

    // The filters follow what the directory holds, not at every event of a long sync, and
    // only while they are seen: a hidden page fills them again when it is shown.
    m_refill->setSingleShot(true);
    m_refill->setInterval(300);
    connect(m_refill, &QTimer::timeout, this, [this]() {
        if (isVisible())
            refillFilters();
        else
            m_filtersStale = true;
    });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (!changes.touches(PeopleStore::peopleArea))
                    return;
                if (isVisible())
                    m_refill->start();
                else
                    m_filtersStale = true;
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &PeopleDirectoryPage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PeopleDirectoryPage::updateStatus);
    refillFilters();
    // The first page now, so that an empty directory says so at once.
    if (m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
    updateStatus();
}

QComboBox* PeopleDirectoryPage::filterBox(Filter filter) const
{
    switch (filter) {
    case Filter::Department:
        return m_department;
    case Filter::Expertise:
        return m_expertise;
    case Filter::Interest:
        break;
    }
    return m_interest;
}

void PeopleDirectoryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_filtersStale)
        refillFilters();
}

void PeopleDirectoryPage::refillFilters()
{
    m_filtersStale = false;
    PeopleStore store(m_client.cache());
    m_filling = true;
    fill(m_department, tr("All departments"), store.departments(facetsShown),
         m_department->currentData().toString());
    fill(m_expertise, tr("Any expertise"), store.tags(QLatin1StringView("expertise"), facetsShown),
         m_expertise->currentData().toString());
    fill(m_interest, tr("Any interest"), store.tags(QLatin1StringView("interest"), facetsShown),
         m_interest->currentData().toString());
    m_filling = false;
}

void PeopleDirectoryPage::showOnly(Filter filter, const QString& key)
{
    m_typing->stop();
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_model->setText(QString());
    m_filling = true;
    for (Filter f : {Filter::Department, Filter::Expertise, Filter::Interest}) {
        QComboBox* box = filterBox(f);
        const QString want = f == filter ? key : QString();
        int at = box->findData(want);
        if (at < 0) {
            box->addItem(want, want);
            at = box->count() - 1;
        }
        box->setCurrentIndex(at);
    }
    m_filling = false;
    applyFilters();
}

void PeopleDirectoryPage::search()
{
    m_typing->stop();
    m_model->setText(m_search->text().trimmed());
    updateStatus();
}

void PeopleDirectoryPage::applyFilters()
{
    m_model->setDepartment(m_department->currentData().toString());
    m_model->setExpertise(m_expertise->currentData().toString());
    m_model->setInterest(m_interest->currentData().toString());
    updateStatus();
}

void PeopleDirectoryPage::updateStatus()
{
    const auto& filter = m_model->filter();
    m_clear->setVisible(!filter.isEmpty());
    QString text;
    if (m_model->rowCount() == 0 && !m_model->canFetchMore(QModelIndex()))
        text = filter.isEmpty() ? tr("No one in the directory yet. People appear here once the "
                                     "app has been online.")
                                : tr("No one matches. Try another name or fewer filters.");
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace plein::app
