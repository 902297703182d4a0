#include "pages/blogs/articlecard.h"

#include "capabilities/blogs/blogsprotocol.h"
#include "pages/blogs/coverimage.h"
#include "ui/relativetime.h"
#include "ui/tooltip.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QTextLayout>
#include <QVBoxLayout>

namespace plein::app {

namespace articletext {

QString byline(const client::ArticleRow& a)
{
    QStringList names {a.author.displayName};
    for (const client::ArticlePerson& p : a.coAuthors)
        names.append(p.displayName);
    if (names.size() == 1)
        return names.first();
    if (names.size() == 2)
        return ArticleCard::tr("%1 and %2").arg(names.at(0), names.at(1));
    return ArticleCard::tr("%1, %2 and %n more", nullptr, int(names.size() - 2))
        .arg(names.at(0), names.at(1));
}

QString readingTime(int minutes)
{
    return ArticleCard::tr("%n min read", nullptr, std::max(1, minutes));
}

namespace {

QString when(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime();
    return QLocale().toString(at, QLocale::ShortFormat);
}

} // namespace

QString stateOf(const client::ArticleRow& a)
{
    if (!a.publishError.isEmpty())
        return ArticleCard::tr("Not published: %1").arg(a.publishError);
    if (a.isScheduled())
        return ArticleCard::tr("Scheduled for %1").arg(when(a.publishAt));
    if (!a.isPublished())
        return ArticleCard::tr("Draft");
    return {};
}

QString stateOf(const client::WorkRow& w)
{
    using State = client::WorkRow::State;
    switch (w.state()) {
    case State::Conflict:
        return ArticleCard::tr("Changed elsewhere: choose what to keep");
    case State::Failed:
        return ArticleCard::tr("Not saved on the server: %1").arg(w.errorMessage);
    case State::Sending:
        return ArticleCard::tr("Saving…");
    case State::Local:
        if (!w.publish.isEmpty())
            return ArticleCard::tr("Waiting to publish");
        if (w.published)
            return ArticleCard::tr("Changes not sent yet");
        return ArticleCard::tr("Saved on this computer");
    case State::Synced:
        break;
    }
    return w.published ? ArticleCard::tr("Editing") : ArticleCard::tr("Draft");
}

} // namespace articletext

ArticleCard::ArticleCard(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_state(new QLabel(this))
    , m_banner(new CoverImage(this))
    , m_side(new CoverImage(this))
{
    setObjectName(QStringLiteral("articleCard"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setFrameShape(QFrame::StyledPanel);
    const QPalette p = palette();
    setStyleSheet(QStringLiteral("QFrame#articleCard { background: %1; border: 1px solid %2; "
                                 "border-radius: 8px; } QFrame#articleCard:focus, "
                                 "QFrame#articleCard:hover { border-color: %3; }")
                      .arg(p.color(QPalette::Base).name(), p.color(QPalette::Mid).name(),
                           p.color(QPalette::Highlight).name()));
    for (QLabel* label : {m_title, m_summary, m_meta, m_state}) {
        label->setTextFormat(Qt::PlainText); // what people wrote is never markup
        label->setWordWrap(true);
    }
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    QFont stateFont = m_state->font();
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_state->setForegroundRole(QPalette::Highlight);
    // The cover: beside the words in a list, above them in a row of compact cards.
    m_banner->setBanner(3.2, 72);
    m_banner->setThumbnailSize(256);
    m_side->setFixedSize(132, 88);
    m_side->setThumbnailSize(256);
    for (CoverImage* c : {m_banner, m_side})
        connect(c, &CoverImage::clicked, this, &ArticleCard::opened);
    auto* words = new QVBoxLayout;
    words->setSpacing(4);
    words->addWidget(m_state);
    words->addWidget(m_title);
    words->addWidget(m_summary);
    words->addWidget(m_meta);
    words->addStretch(1);
    auto* row = new QHBoxLayout;
    row->setSpacing(12);
    row->addLayout(words, 1);
    row->addWidget(m_side, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addLayout(row);
}

void ArticleCard::showCover(const std::optional<ShownFile>& cover)
{
    m_banner->setFile(m_compact ? cover : std::nullopt);
    m_side->setFile(m_compact ? std::nullopt : cover);
}

void ArticleCard::setCompact(bool compact)
{
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * (compact ? 1.1 : 1.25));
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    const auto limit = [compact](QLabel* label, int lines) {
        label->setMaximumHeight(compact ? label->fontMetrics().lineSpacing() * lines + 2
                                        : QWIDGETSIZE_MAX);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    };
    limit(m_title, 2);
    layout()->setContentsMargins(compact ? QMargins(12, 10, 12, 10) : QMargins(16, 12, 16, 12));
    m_compact = compact;
    showCover(m_banner->file() ? m_banner->file() : m_side->file());
    fitTitle();
}

void ArticleCard::setArticle(const client::ArticleRow& a)
{
    setTitle(a.text.title);
    m_summary->setText(a.text.summary);
    // A row of compact cards keeps the posts below in sight: the summary is the tooltip.
    m_summary->setVisible(!a.text.summary.isEmpty() && !m_compact);
    setToolTip(m_compact ? plainToolTip(a.text.summary.isEmpty()
                                            ? a.text.title
                                            : a.text.title + QStringLiteral(" — ") + a.text.summary)
                         : QString());
    QStringList meta {articletext::byline(a)};
    const QString at = a.isPublished() ? a.publishedAt : a.changedAt;
    const QDateTime when = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (when.isValid())
        meta.append(relativetime::shortText(when, QDateTime::currentDateTimeUtc()));
    meta.append(articletext::readingTime(a.readingMinutes));
    if (a.isPublished() && !m_compact) {
        meta.append(tr("%n like(s)", nullptr, a.likes));
        meta.append(tr("%n comment(s)", nullptr, a.comments));
    }
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    const QString state = articletext::stateOf(a);
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    showCover(coverOf(a));
    setAccessibleName(a.text.title);
}

void ArticleCard::setWork(const client::WorkRow& w, const std::optional<client::ArticleRow>& a)
{
    if (a)
        setArticle(*a);
    setTitle(w.text.title.isEmpty() ? tr("Untitled article") : w.text.title);
    m_summary->setText(w.text.summary);
    m_summary->setVisible(!w.text.summary.isEmpty());
    if (!a)
        m_meta->setText(tr("%n word(s)", nullptr, protocol::blogs::wordCount(w.text.body)));
    m_state->setText(articletext::stateOf(w));
    m_state->setVisible(true);
    setAccessibleName(m_title->text());
}

void ArticleCard::setTitle(const QString& title)
{
    m_fullTitle = title;
    fitTitle();
}

void ArticleCard::fitTitle()
{
    if (!m_compact) {
        m_title->setText(m_fullTitle);
        return;
    }
    // Two lines at most, wrapped as the label wraps them; the second ends in an ellipsis when
    // there is more.
    const int width = std::max(80, m_title->width());
    QTextLayout layout(m_fullTitle, m_title->font());
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    int secondStart = -1;
    bool more = false;
    for (int lines = 0;; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines == 1)
            secondStart = line.textStart();
        if (lines == 2) {
            more = true;
            break;
        }
    }
    layout.endLayout();
    if (!more || secondStart < 0) {
        m_title->setText(m_fullTitle);
        return;
    }
    const QFontMetrics metrics(m_title->font());
    m_title->setText(m_fullTitle.left(secondStart)
                     + metrics.elidedText(m_fullTitle.mid(secondStart), Qt::ElideRight, width));
}

void ArticleCard::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    fitTitle();
}

void ArticleCard::mouseReleaseEvent(QMouseEvent* event)
{
    QFrame::mouseReleaseEvent(event);
    if (rect().contains(event->position().toPoint()))
        Q_EMIT opened();
}

void ArticleCard::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
        || event->key() == Qt::Key_Space) {
        Q_EMIT opened();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace plein::app
