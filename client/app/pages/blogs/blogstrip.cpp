#include "pages/blogs/blogstrip.h"

#include "blogs/blogstore.h"
#include "cache.h"
#include "client.h"
#include "pages/blogs/articlecard.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int shownAtMost = 3;
constexpr int recentDays = 14;
// Read from the cache's newest, of which the recent ones are kept.
constexpr int readAtMost = 20;

} // namespace

BlogStrip::BlogStrip(client::Client& client, Navigator& navigator, qint64 groupId, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_groupId(groupId)
{
    setObjectName(QStringLiteral("blogStrip"));
    m_heading
        = new QLabel(groupId > 0 ? tr("New in the group's blog") : tr("New in the blogs"), this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto* all = new QPushButton(groupId > 0 ? tr("All articles") : tr("All blogs"), this);
    all->setFlat(true);
    connect(all, &QPushButton::clicked, this, [this]() {
        m_navigator.open(m_groupId > 0 ? Navigator::link(QStringLiteral("blog"), m_groupId)
                                       : Navigator::link(QStringLiteral("blogs")));
    });
    auto* hide = new QPushButton(icons::icon(icons::Icon::Close), QString(), this);
    hide->setObjectName(QStringLiteral("hideBlogStrip"));
    hide->setFlat(true);
    hide->setToolTip(tr("Hide these articles; a new one shows here again"));
    hide->setAccessibleName(tr("Hide"));
    connect(hide, &QPushButton::clicked, this, &BlogStrip::hideShown);
    auto* header = new QHBoxLayout;
    header->addWidget(m_heading, 1);
    header->addWidget(all);
    header->addWidget(hide);
    m_row = new QHBoxLayout;
    m_row->setSpacing(8);
    auto* layout = new QVBoxLayout(this);
    // In line with the posts below, which leave room for their scroll bar.
    layout->setContentsMargins(12, 4, 12 + style()->pixelMetric(QStyle::PM_ScrollBarExtent), 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addLayout(m_row);

    connect(&client.cache(), &client::Cache::changed, this, &BlogStrip::onChanged);
    refresh();
}

QList<qint64> BlogStrip::shownArticles() const
{
    return m_shown;
}

QString BlogStrip::hiddenKey() const
{
    return QStringLiteral("blogs.strip.hidden-up-to.%1").arg(m_groupId);
}

void BlogStrip::hideShown()
{
    qint64 newest = m_client.cache().meta(hiddenKey()).toLongLong();
    for (const qint64 id : std::as_const(m_shown)) {
        if (const auto a = client::BlogStore(m_client.cache()).article(id))
            newest = std::max(newest, a->publishedSeq);
    }
    m_client.cache().setMeta(hiddenKey(), QString::number(newest));
    refresh();
}

void BlogStrip::onChanged(const client::CacheChanges& changes)
{
    if (changes.touches(client::BlogStore::articlesArea))
        refresh();
}

void BlogStrip::refresh()
{
    const client::BlogStore store(m_client.cache());
    const QList<client::ArticleRow> newest
        = m_groupId > 0 ? store.blog(m_groupId, readAtMost) : store.published(readAtMost);
    const qint64 hiddenUpTo = m_client.cache().meta(hiddenKey()).toLongLong();
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-recentDays);
    QList<client::ArticleRow> rows;
    for (const client::ArticleRow& a : newest) {
        const QDateTime at = QDateTime::fromString(a.publishedAt, Qt::ISODateWithMs);
        if (a.isPublished() && a.publishedSeq > hiddenUpTo && at.isValid() && at >= since)
            rows.append(a);
        if (rows.size() == shownAtMost)
            break;
    }
    QList<qint64> ids;
    for (const client::ArticleRow& a : rows)
        ids.append(a.id);
    // The same articles: their cards are brought up to date in place.
    if (ids != m_shown) {
        while (QLayoutItem* item = m_row->takeAt(0)) {
            if (QWidget* w = item->widget()) {
                w->hide();
                w->deleteLater();
            }
            delete item;
        }
        m_cards.clear();
        for (const client::ArticleRow& a : rows) {
            auto* card = new ArticleCard(this);
            card->setCompact(true);
            const qint64 id = a.id;
            connect(card, &ArticleCard::opened, this, [this, id]() {
                m_navigator.open(Navigator::link(QStringLiteral("article"), id));
            });
            m_row->addWidget(card, 1);
            m_cards.append(card);
        }
        // Fewer than three keep the width of three.
        for (qsizetype i = rows.size(); i < shownAtMost && !rows.isEmpty(); ++i)
            m_row->addStretch(1);
        m_shown = ids;
    }
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_cards[i]->setArticle(rows[i]);
    setVisible(!rows.isEmpty());
}

} // namespace plein::app
