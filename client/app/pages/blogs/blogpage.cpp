#include "pages/blogs/blogpage.h"

#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "blogs/drafts.h"
#include "cache.h"
#include "client.h"
#include "groups/groupstore.h"
#include "pages/blogs/articlecard.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabBar>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int shownArticles = 100;
constexpr int columnWidth = 760;

} // namespace

BlogPage::BlogPage(client::Client& client, Navigator& navigator, qint64 groupId, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_groupId(groupId)
{
    setObjectName(QStringLiteral("blogPage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    if (groupId > 0) {
        const auto group = client::GroupStore(client.cache()).group(groupId);
        m_title->setText(group ? tr("Blog of %1").arg(group->name) : tr("Group blog"));
    } else {
        m_title->setText(tr("Blogs"));
    }
    m_write = new QPushButton(icons::icon(icons::Icon::Edit), tr("&Write an article"), this);
    m_write->setObjectName(QStringLiteral("writeArticleButton"));
    m_write->setDefault(true);
    connect(m_write, &QPushButton::clicked, this, [this]() {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("new"), QString::number(m_groupId));
        m_navigator.open(Navigator::link(QStringLiteral("write"), query));
    });

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("blogShelves"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->addTab(tr("Company blog"));
    m_tabs->addTab(tr("All blogs"));
    m_tabs->addTab(tr("My drafts"));
    m_tabs->setVisible(groupId == 0);
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { showShelf(Shelf(std::clamp(index, 0, 2))); });

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list = new QWidget(scroll);
    m_list->setMaximumWidth(columnWidth);
    auto* centring = new QWidget(scroll);
    auto* centre = new QHBoxLayout(centring);
    centre->setContentsMargins(0, 0, 0, 0);
    centre->addWidget(m_list);
    scroll->setWidget(centring);
    m_cards = new QVBoxLayout(m_list);
    m_cards->setContentsMargins(4, 4, 4, 16);
    m_cards->setSpacing(10);
    m_empty = new QLabel(m_list);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_cards->addWidget(m_empty);
    m_cards->addStretch(1);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_write);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs);
    layout->addWidget(scroll, 1);

    connect(&client.cache(), &client::Cache::changed, this, &BlogPage::onChanged);
    // Shown and read once the caller has said what to show (showAuthor), not twice.
    QTimer::singleShot(0, this, [this]() {
        if (m_loaded)
            return;
        refresh();
        reload();
    });
}

void BlogPage::setTitleShown(bool shown)
{
    m_title->setVisible(shown);
}

void BlogPage::showShelf(Shelf shelf)
{
    m_shelf = shelf;
    if (m_tabs->currentIndex() != int(shelf))
        m_tabs->setCurrentIndex(int(shelf));
    refresh();
    reload();
}

void BlogPage::showAuthor(qint64 userId, const QString& name)
{
    m_authorId = userId;
    m_title->setText(tr("Articles by %1").arg(name));
    m_tabs->setVisible(false);
    m_write->setVisible(userId == m_client.blogs().userId());
    refresh();
    reload();
}

void BlogPage::reload()
{
    m_loaded = true;
    if (m_authorId > 0)
        m_client.blogs().fetchAuthor(m_authorId);
    else if (m_groupId > 0)
        m_client.blogs().fetchBlog(m_groupId);
    else if (m_shelf == Shelf::Drafts)
        m_client.blogs().fetchDrafts();
    else
        m_client.blogs().fetchBlog(0);
}

int BlogPage::cardCount() const
{
    return int(m_shown.size());
}

void BlogPage::onChanged(const client::CacheChanges& changes)
{
    if (changes.touches(client::BlogStore::articlesArea)
        || changes.touches(client::Drafts::workArea))
        refresh();
}

void BlogPage::refresh()
{
    // A card may be the one whose click led here: it goes once that is over.
    for (ArticleCard* card : std::as_const(m_shown)) {
        m_cards->removeWidget(card);
        card->hide();
        card->deleteLater();
    }
    m_shown.clear();
    client::BlogStore store(m_client.cache());
    int at = 1; // after the empty text
    const auto add = [&](ArticleCard* card, const QUrl& link) {
        connect(card, &ArticleCard::opened, this, [this, link]() { m_navigator.open(link); });
        m_cards->insertWidget(at++, card);
        m_shown.append(card);
    };
    if (m_groupId == 0 && m_authorId == 0 && m_shelf == Shelf::Drafts) {
        // What is being written here first, then the server's drafts not opened here.
        QSet<qint64> shown;
        for (const client::WorkRow& w : m_client.drafts().all()) {
            auto* card = new ArticleCard(m_list);
            const auto a = store.article(w.articleId);
            card->setWork(w, a);
            shown.insert(w.articleId);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("draft"), w.localId);
            add(card, Navigator::link(QStringLiteral("write"), query));
        }
        for (const client::ArticleRow& a : store.drafts()) {
            if (shown.contains(a.id))
                continue;
            auto* card = new ArticleCard(m_list);
            card->setArticle(a);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("article"), QString::number(a.id));
            add(card, Navigator::link(QStringLiteral("write"), query));
        }
        m_empty->setText(tr("No drafts\nWhat you write is saved here as you type, also offline."));
    } else {
        const QList<client::ArticleRow> rows = m_authorId > 0
            ? store.byAuthor(m_authorId, shownArticles)
            : (m_groupId > 0 || m_shelf == Shelf::Company ? store.blog(m_groupId, shownArticles)
                                                          : store.published(shownArticles));
        for (const client::ArticleRow& a : rows) {
            auto* card = new ArticleCard(m_list);
            card->setArticle(a);
            add(card, Navigator::link(QStringLiteral("article"), a.id));
        }
        m_empty->setText(m_authorId > 0
                             ? tr("No articles you can read yet")
                             : tr("No articles yet\nWrite the first one: long-form posts with a "
                                  "table of contents, comments and revisions."));
    }
    m_empty->setVisible(at == 1);
}

} // namespace plein::app
