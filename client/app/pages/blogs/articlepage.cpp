#include "pages/blogs/articlepage.h"

#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "cache.h"
#include "client.h"
#include "connection.h"
#include "markdown.h"
#include "outbox/outboxstore.h"
#include "pages/blogs/articlecard.h"
#include "pages/blogs/coverimage.h"
#include "pages/files/fileactions.h"
#include "shell/navigator.h"
#include "ui/icons.h"
#include "ui/plainlabel.h"
#include "ui/relativetime.h"
#include "ui/tooltip.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <cmath>

namespace plein::app {

namespace {

// About 70 characters a line: what long text is comfortable to read at.
constexpr int columnWidth = 720;
constexpr int contentsWidth = 220;
// A table of contents from this many headings on.
constexpr int contentsFrom = 3;
constexpr qreal readingScale = 1.12;
constexpr int lineHeightPercent = 150;

void openLink(Navigator& navigator, const QUrl& url)
{
    if (Navigator::isPleinLink(url))
        navigator.open(url);
    else if (isOpenableLink(url))
        QDesktopServices::openUrl(url);
}

QString whenText(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime();
    return at.isValid()
        ? relativetime::shortDate(at.date(), at.date().year() != QDate::currentDate().year())
        : QString();
}

} // namespace

ArticlePage::ArticlePage(client::Client& client, Navigator& navigator, qint64 articleId,
                         QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_id(articleId)
{
    setObjectName(QStringLiteral("articlePage"));
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The scroll bar's room is kept, so the text is not laid out again at another width when
    // a long article makes it appear.
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    auto* canvas = new QWidget(m_scroll);
    m_scroll->setWidget(canvas);
    auto* column = new QWidget(canvas);
    column->setObjectName(QStringLiteral("articleColumn"));
    column->setMaximumWidth(columnWidth);
    m_contents = new QListWidget(canvas);
    m_contents->setObjectName(QStringLiteral("articleContents"));
    m_contents->setFixedWidth(contentsWidth);
    m_contents->setFrameShape(QFrame::NoFrame);
    m_contents->setWordWrap(true);
    m_contents->viewport()->setAutoFillBackground(false);
    m_contents->setAccessibleName(tr("Contents"));
    connect(m_contents, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { scrollToHeading(m_contents->row(item)); });
    connect(m_contents, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { scrollToHeading(m_contents->row(item)); });
    auto* contentsBox = new QVBoxLayout;
    m_contentsTitle = new QLabel(tr("Contents"), canvas);
    QFont small = m_contentsTitle->font();
    small.setBold(true);
    m_contentsTitle->setFont(small);
    m_contentsTitle->setForegroundRole(QPalette::PlaceholderText);
    contentsBox->addSpacing(120);
    contentsBox->addWidget(m_contentsTitle);
    contentsBox->addWidget(m_contents, 1);
    auto* row = new QHBoxLayout(canvas);
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addLayout(contentsBox);
    row->addStretch(1);

    m_cover = new CoverImage(column);
    m_cover->setObjectName(QStringLiteral("articleCover"));
    m_cover->setBanner(2.4, 340);
    connect(m_cover, &CoverImage::clicked, this, [this]() {
        if (const auto file = m_cover->file()) {
            if (FileActions* files = FileActions::of(window()))
                files->view({*file}, 0, this);
        }
    });
    m_state = plainLabel(column);
    QFont stateFont = m_state->font();
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_state->setForegroundRole(QPalette::Highlight);
    m_title = plainLabel(column);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = plainLabel(column);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.2);
    m_summary->setFont(summaryFont);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_byline = plainLabel(column);
    m_tags = new QLabel(column);
    m_tags->setTextFormat(Qt::RichText);
    m_tags->setWordWrap(true);
    connect(m_tags, &QLabel::linkActivated, this,
            [this](const QString& link) { openLink(m_navigator, QUrl(link)); });
    m_notice = plainLabel(column);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_moreBy = new QPushButton(column);
    m_moreBy->setObjectName(QStringLiteral("moreByAuthor"));
    m_moreBy->setFlat(true);
    connect(m_moreBy, &QPushButton::clicked, this, [this]() {
        if (const auto a = client::BlogStore(m_client.cache()).article(m_id))
            m_navigator.open(Navigator::link(QStringLiteral("articles-by"), a->author.id));
    });

    m_body = new QTextBrowser(column);
    m_body->setObjectName(QStringLiteral("articleBody"));
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setOpenLinks(false);
    m_body->setOpenExternalLinks(false);
    m_body->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_body->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_body->viewport()->setAutoFillBackground(false);
    m_body->document()->setDocumentMargin(0);
    QFont bodyFont = m_body->font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * readingScale);
    m_body->document()->setDefaultFont(bodyFont);
    connect(m_body, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (isFollowableLink(url))
            openLink(m_navigator, url);
    });
    // The page scrolls, not the text: the text is as high as it is laid out.
    connect(m_body->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            m_body, [this](const QSizeF& size) {
                m_body->setFixedHeight(int(std::ceil(size.height())) + 4);
            });

    m_like = new QPushButton(column);
    m_like->setObjectName(QStringLiteral("likeArticleButton"));
    m_like->setCheckable(true);
    connect(m_like, &QPushButton::clicked, this,
            [this](bool on) { m_client.blogs().like(m_id, on); });
    m_edit = new QPushButton(icons::icon(icons::Icon::Edit), tr("&Edit"), column);
    m_edit->setObjectName(QStringLiteral("editArticleButton"));
    connect(m_edit, &QPushButton::clicked, this, [this]() {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("article"), QString::number(m_id));
        m_navigator.open(Navigator::link(QStringLiteral("write"), query));
    });
    m_history = new QPushButton(icons::icon(icons::Icon::History), tr("&History"), column);
    m_history->setObjectName(QStringLiteral("articleHistoryButton"));
    m_history->setToolTip(tr("Every revision: who changed what, and restoring an old one"));
    connect(m_history, &QPushButton::clicked, this,
            [this]() { m_navigator.open(Navigator::link(QStringLiteral("history"), m_id)); });
    m_delete = new QPushButton(icons::icon(icons::Icon::Delete), tr("&Delete"), column);
    connect(m_delete, &QPushButton::clicked, this, &ArticlePage::confirmDelete);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_like);
    actions->addStretch(1);
    actions->addWidget(m_history);
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);

    m_commentsTitle = new QLabel(column);
    QFont sectionFont = m_commentsTitle->font();
    sectionFont.setPointSizeF(sectionFont.pointSizeF() * 1.25);
    sectionFont.setBold(true);
    m_commentsTitle->setFont(sectionFont);
    m_comments = new QVBoxLayout;
    m_comments->setSpacing(8);
    m_replying = plainLabel(column);
    m_replying->setForegroundRole(QPalette::PlaceholderText);
    m_cancelReply = new QPushButton(tr("Cancel reply"), column);
    m_cancelReply->setFlat(true);
    connect(m_cancelReply, &QPushButton::clicked, this, [this]() {
        if (m_editing > 0)
            m_composer->clear();
        replyTo({});
    });
    auto* replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replying, 1);
    replyRow->addWidget(m_cancelReply);
    m_composer = new QPlainTextEdit(column);
    m_composer->setObjectName(QStringLiteral("commentComposer"));
    m_composer->setPlaceholderText(tr("Write a comment… (@name mentions someone)"));
    m_composer->setTabChangesFocus(true);
    m_composer->setFixedHeight(m_composer->fontMetrics().lineSpacing() * 4 + 12);
    m_send = new QPushButton(icons::icon(icons::Icon::Send), tr("C&omment"), column);
    connect(m_send, &QPushButton::clicked, this, [this]() {
        const bool sent = m_editing > 0 ? saveEdit(m_composer->toPlainText())
                                        : comment(m_composer->toPlainText(), m_replyTo);
        if (sent)
            m_composer->clear();
    });
    auto* sendRow = new QHBoxLayout;
    sendRow->addStretch(1);
    sendRow->addWidget(m_send);

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(8, 16, 8, 32);
    layout->setSpacing(8);
    layout->addWidget(m_cover);
    layout->addSpacing(12);
    layout->addWidget(m_state);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    auto* bylineRow = new QHBoxLayout;
    bylineRow->addWidget(m_byline, 1);
    bylineRow->addWidget(m_moreBy, 0, Qt::AlignTop);
    layout->addLayout(bylineRow);
    layout->addWidget(m_tags);
    layout->addWidget(m_notice);
    layout->addSpacing(12);
    layout->addWidget(m_body);
    layout->addSpacing(12);
    layout->addLayout(actions);
    layout->addSpacing(16);
    layout->addWidget(m_commentsTitle);
    layout->addLayout(m_comments);
    layout->addLayout(replyRow);
    layout->addWidget(m_composer);
    layout->addLayout(sendRow);
    layout->addStretch(1);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    connect(&client.cache(), &client::Cache::changed, this, &ArticlePage::onChanged);
    connect(&client.blogs(), &client::Blogs::articleFetchFailed, this,
            [this](qint64 id, const QString& code, const QString&) {
                if (id != m_id)
                    return;
                if (code == QLatin1StringView("not_found"))
                    m_notice->setText(tr("This article does not exist (any more), or it is not "
                                         "yours to read."));
                m_notice->setVisible(true);
            });
    connect(&client.connection(), &client::Connection::stateChanged, this, [this]() {
        // Back online: a text still missing is asked for again.
        if (m_client.connection().state() == client::Connection::State::Online)
            m_askedRevision = 0;
        refresh();
    });
    replyTo({});
    m_contents->setVisible(false);
    m_contentsTitle->setVisible(false);
    const auto known = client::BlogStore(m_client.cache()).article(m_id);
    m_askedRevision = known ? known->revision : 0;
    m_client.blogs().fetchArticle(m_id);
    m_client.blogs().fetchComments(m_id);
    refresh();
    refreshComments();
}

QStringList ArticlePage::contents() const
{
    QStringList out;
    for (int i = 0; i < m_contents->count(); ++i)
        out.append(m_contents->item(i)->text());
    return out;
}

int ArticlePage::commentCount() const
{
    return int(m_commentViews.size());
}

void ArticlePage::onChanged(const client::CacheChanges& changes)
{
    if (changes.touches(client::BlogStore::articlesArea, m_id))
        refresh();
    if (changes.touches(client::BlogStore::commentsArea, m_id)
        || changes.touches(client::OutboxStore::area))
        refreshComments();
}

void ArticlePage::refresh()
{
    const auto a = client::BlogStore(m_client.cache()).article(m_id);
    m_notice->setVisible(!a || !a->hasBody);
    m_cover->setFile(a ? coverOf(*a) : std::nullopt);
    if (!a) {
        m_notice->setText(tr("Loading the article…"));
        for (QWidget* w : std::initializer_list<QWidget*> {m_like, m_moreBy, m_history, m_edit,
                                                           m_delete, m_composer, m_send})
            w->setVisible(false);
        return;
    }
    const qint64 me = m_client.blogs().userId();
    const QString state = articletext::stateOf(*a);
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_title->setText(a->text.title);
    m_summary->setText(a->text.summary);
    m_summary->setVisible(!a->text.summary.isEmpty());
    QStringList by {articletext::byline(*a)};
    if (const QString at = whenText(a->isPublished() ? a->publishedAt : a->changedAt);
        !at.isEmpty())
        by.append(at);
    by.append(articletext::readingTime(a->readingMinutes));
    if (!a->editedAt.isEmpty())
        by.append(tr("edited %1").arg(whenText(a->editedAt)));
    m_byline->setText(by.join(QStringLiteral("  ·  ")));
    m_moreBy->setText(plainButtonText(tr("More by %1").arg(a->author.displayName)));
    m_moreBy->setVisible(a->isPublished());
    QStringList tags;
    for (const QString& t : a->text.tags)
        tags.append(
            QStringLiteral("<a href=\"%1\">#%2</a>")
                .arg(topicLink(t).toString(QUrl::FullyEncoded).toHtmlEscaped(), t.toHtmlEscaped()));
    m_tags->setText(tags.join(QStringLiteral("&nbsp;&nbsp; ")));
    m_tags->setVisible(!tags.isEmpty());
    const bool online = m_client.connection().state() == client::Connection::State::Online;
    if (!a->hasBody) {
        // A newer revision than the text shown (an edit heard of while reading): the old text
        // stays until the new one is read, which costs only what changed.
        const bool older = m_shownRevision > 0;
        if (online)
            m_notice->setText(older ? tr("A newer version of this article is being read…")
                                    : tr("Loading the text…"));
        else
            m_notice->setText(older ? tr("This is an older version of the article; the newest "
                                         "is read when you are online again.")
                                    : tr("The text is read when you are online again."));
        if (online && a->revision != m_askedRevision) {
            m_askedRevision = a->revision;
            m_client.blogs().fetchArticle(m_id);
        }
    }
    if (a->hasBody && a->revision != m_shownRevision) {
        m_shownRevision = a->revision;
        setSafeMarkdown(*m_body->document(), a->text.body, m_client.username());
        // Long text reads better with air between the lines.
        QTextCursor all(m_body->document());
        all.select(QTextCursor::Document);
        QTextBlockFormat spacing;
        spacing.setLineHeight(lineHeightPercent, QTextBlockFormat::ProportionalHeight);
        all.mergeBlockFormat(spacing);
        buildContents();
    }
    m_body->setVisible(a->hasBody || m_shownRevision > 0);
    m_like->setVisible(a->isPublished());
    m_history->setVisible(a->isPublished());
    m_like->setChecked(a->likedByMe);
    m_like->setIcon(icons::icon(a->likedByMe ? icons::Icon::Liked : icons::Icon::Like));
    m_like->setText(a->likes > 0 ? tr("Like (%1)").arg(a->likes) : tr("Like"));
    m_edit->setVisible(a->isAuthor(me));
    m_delete->setVisible(a->author.id == me);
    for (QWidget* w : std::initializer_list<QWidget*> {m_composer, m_send, m_commentsTitle})
        w->setVisible(a->isPublished());
}

void ArticlePage::buildContents()
{
    m_contents->clear();
    // Indented below the article's highest level of heading.
    int top = 7;
    for (QTextBlock b = m_body->document()->begin(); b.isValid(); b = b.next()) {
        if (const int level = b.blockFormat().headingLevel(); level > 0 && level <= 3)
            top = std::min(top, level);
    }
    for (QTextBlock b = m_body->document()->begin(); b.isValid(); b = b.next()) {
        const int level = b.blockFormat().headingLevel() - top + 1;
        if (b.blockFormat().headingLevel() <= 0 || level > 2 || b.text().trimmed().isEmpty())
            continue;
        auto* item = new QListWidgetItem(b.text().trimmed(), m_contents);
        item->setData(Qt::UserRole, b.position());
        item->setToolTip(plainToolTip(b.text().trimmed()));
        if (level > 1) {
            item->setText(QString(4 * (level - 1), u' ') + item->text());
            item->setForeground(palette().color(QPalette::PlaceholderText));
        }
    }
    const bool shown = m_contents->count() >= contentsFrom;
    m_contents->setVisible(shown);
    m_contentsTitle->setVisible(shown);
}

void ArticlePage::scrollToHeading(int index)
{
    QListWidgetItem* item = m_contents->item(index);
    if (!item)
        return;
    const QTextBlock block = m_body->document()->findBlock(item->data(Qt::UserRole).toInt());
    const qreal y = m_body->document()->documentLayout()->blockBoundingRect(block).top();
    const int top = m_body->mapTo(m_scroll->widget(), QPoint(0, 0)).y();
    m_scroll->verticalScrollBar()->setValue(top + int(y) - 8);
}

bool ArticlePage::comment(const QString& text, qint64 parentId)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return false;
    if (m_client.blogs().comment(m_id, parentId, body).isEmpty())
        return false;
    replyTo({});
    return true;
}

void ArticlePage::replyTo(const client::CommentRow& c)
{
    m_editing = 0;
    m_replyTo = c.parentId > 0 ? c.parentId : c.id; // one level of replies
    m_replying->setText(c.id > 0 ? tr("Replying to %1").arg(c.author.displayName) : QString());
    m_replying->setVisible(c.id > 0);
    m_cancelReply->setText(tr("Cancel reply"));
    m_cancelReply->setVisible(c.id > 0);
    m_send->setText(tr("C&omment"));
    if (c.id > 0)
        m_composer->setFocus();
}

void ArticlePage::editComment(const client::CommentRow& c)
{
    // The composer holds the comment's text until it is saved or the edit is cancelled.
    replyTo({});
    m_editing = c.id;
    m_replying->setText(tr("Editing your comment"));
    m_replying->setVisible(true);
    m_cancelReply->setText(tr("Cancel edit"));
    m_cancelReply->setVisible(true);
    m_send->setText(tr("&Save"));
    m_composer->setPlainText(c.body);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
}

bool ArticlePage::saveEdit(const QString& text)
{
    const QString body = text.trimmed();
    if (m_editing <= 0 || body.isEmpty())
        return false;
    if (m_client.blogs().editComment(m_id, m_editing, body).isEmpty())
        return false;
    replyTo({});
    return true;
}

void ArticlePage::refreshComments()
{
    for (QWidget* w : std::as_const(m_commentViews)) {
        m_comments->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    m_commentViews.clear();
    const qint64 me = m_client.blogs().userId();
    const auto article = client::BlogStore(m_client.cache()).article(m_id);
    QList<client::CommentRow> rows = m_client.blogs().comments(m_id);
    // A reply written here and not confirmed yet goes under its comment too.
    std::stable_sort(
        rows.begin(), rows.end(), [](const client::CommentRow& x, const client::CommentRow& y) {
            const auto thread
                = [](const client::CommentRow& c) { return c.parentId > 0 ? c.parentId : c.id; };
            const qint64 tx = thread(x) > 0 ? thread(x) : std::numeric_limits<qint64>::max();
            const qint64 ty = thread(y) > 0 ? thread(y) : std::numeric_limits<qint64>::max();
            return tx < ty;
        });
    for (const client::CommentRow& c : std::as_const(rows)) {
        auto* view = new QFrame(this);
        view->setObjectName(QStringLiteral("commentView"));
        auto* box = new QVBoxLayout(view);
        box->setContentsMargins(c.parentId > 0 ? 36 : 0, 4, 0, 4);
        box->setSpacing(2);
        auto* head = new QLabel(view);
        head->setTextFormat(Qt::PlainText);
        QStringList words {c.author.displayName.isEmpty() ? m_client.username()
                                                          : c.author.displayName};
        if (c.pending)
            words.append(c.failed ? tr("not sent: %1").arg(c.error) : tr("sending…"));
        else if (const QDateTime at = QDateTime::fromString(c.createdAt, Qt::ISODateWithMs);
                 at.isValid())
            words.append(relativetime::shortText(at, QDateTime::currentDateTimeUtc()));
        if (!c.editedAt.isEmpty())
            words.append(tr("edited"));
        head->setText(words.join(QStringLiteral("  ·  ")));
        QFont headFont = head->font();
        headFont.setBold(true);
        head->setFont(headFont);
        auto* text = plainLabel(view);
        text->setText(c.deleted ? tr("This comment was deleted.") : c.body);
        if (c.deleted)
            text->setForegroundRole(QPalette::PlaceholderText);
        box->addWidget(head);
        box->addWidget(text);
        if (!c.pending && !c.deleted) {
            auto* buttons = new QHBoxLayout;
            auto* like
                = new QPushButton(icons::icon(c.likedByMe ? icons::Icon::Liked : icons::Icon::Like),
                                  c.likes > 0 ? QString::number(c.likes) : QString(), view);
            like->setFlat(true);
            like->setToolTip(c.likedByMe ? tr("Take your like back") : tr("Like"));
            const qint64 id = c.id;
            const bool liked = c.likedByMe;
            connect(like, &QPushButton::clicked, this,
                    [this, id, liked]() { m_client.blogs().likeComment(m_id, id, !liked); });
            auto* reply = new QPushButton(icons::icon(icons::Icon::Reply), tr("Reply"), view);
            reply->setFlat(true);
            connect(reply, &QPushButton::clicked, this, [this, c]() { replyTo(c); });
            buttons->addWidget(like);
            buttons->addWidget(reply);
            if (c.author.id == me) {
                auto* edit = new QPushButton(icons::icon(icons::Icon::Edit), tr("Edit"), view);
                edit->setFlat(true);
                connect(edit, &QPushButton::clicked, this, [this, c]() { editComment(c); });
                buttons->addWidget(edit);
            }
            if (c.author.id == me || (article && article->author.id == me)) {
                auto* remove
                    = new QPushButton(icons::icon(icons::Icon::Delete), tr("Delete"), view);
                remove->setFlat(true);
                connect(remove, &QPushButton::clicked, this,
                        [this, id]() { m_client.blogs().deleteComment(m_id, id); });
                buttons->addWidget(remove);
            }
            buttons->addStretch(1);
            box->addLayout(buttons);
        }
        m_comments->addWidget(view);
        m_commentViews.append(view);
    }
    const int count = article ? article->comments : int(rows.size());
    m_commentsTitle->setText(count > 0 ? tr("Comments (%1)").arg(count) : tr("Comments"));
}

void ArticlePage::confirmDelete()
{
    const auto a = client::BlogStore(m_client.cache()).article(m_id);
    if (!a)
        return;
    QMessageBox ask(QMessageBox::Warning, tr("Delete article"),
                    tr("Delete “%1” with its revisions and comments? This cannot be undone.")
                        .arg(a->text.title),
                    QMessageBox::Cancel, this);
    ask.setTextFormat(Qt::PlainText);
    QPushButton* remove = ask.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    ask.exec();
    if (ask.clickedButton() != remove)
        return;
    m_client.blogs().remove(m_id);
    m_navigator.open(Navigator::link(QStringLiteral("blogs")));
}

} // namespace plein::app
