#include "pages/blogs/articleeditor.h"

#include "blogs/articlerow.h"
#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "blogs/drafts.h"
#include "cache.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/feed/topics.h"
#include "client.h"
#include "connection.h"
#include "files/uploads.h"
#include "groups/groupstore.h"
#include "markdown.h"
#include "outbox/outboxstore.h"
#include "pages/blogs/articlecard.h"
#include "pages/blogs/conflictdialog.h"
#include "pages/blogs/coverimage.h"
#include "people/peoplestore.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QAction>
#include <QCalendarWidget>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

namespace blogs = protocol::blogs;

namespace {

// Stored this long after the last keystroke: a kill loses at most this much typing.
constexpr int saveDelayMs = 300;
// The preview follows when typing pauses, so it never holds up a keystroke.
constexpr int renderDelayMs = 250;
constexpr int renderDelayLongMs = 700; // for texts of more than longText characters
constexpr int countDelayMs = 150;
constexpr int longText = 20000;
constexpr int narrowWidth = 760;

QStringList tagsFrom(const QString& text)
{
    QStringList out;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (QString word : text.split(separators, Qt::SkipEmptyParts)) {
        if (!word.startsWith(u'#'))
            word.prepend(u'#');
        const QStringList found = protocol::topicsIn(word);
        if (found.size() == 1 && !out.contains(found.first()))
            out.append(found.first());
    }
    return out.mid(0, blogs::maxTags);
}

} // namespace

ArticleEditor::ArticleEditor(client::Client& client, Navigator& navigator, const QString& localId,
                             QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_localId(localId)
{
    setObjectName(QStringLiteral("articleEditor"));
    m_save.setSingleShot(true);
    m_save.setInterval(saveDelayMs);
    connect(&m_save, &QTimer::timeout, this, &ArticleEditor::saveNow);
    m_render.setSingleShot(true);
    connect(&m_render, &QTimer::timeout, this, &ArticleEditor::renderPreview);
    // Counting 100,000 characters at every key would cost the key; a moment later is soon.
    m_count.setSingleShot(true);
    m_count.setInterval(countDelayMs);
    connect(&m_count, &QTimer::timeout, this, &ArticleEditor::updateCounts);

    m_blog = new QLabel(this);
    m_blog->setTextFormat(Qt::PlainText);
    m_blog->setForegroundRole(QPalette::PlaceholderText);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("draftStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_conflict = new QPushButton(tr("&Compare and choose…"), this);
    m_conflict->setObjectName(QStringLiteral("compareButton"));
    connect(m_conflict, &QPushButton::clicked, this, &ArticleEditor::compare);
    m_publish = new QToolButton(this);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_publish->setText(tr("&Publish"));
    m_publish->setPopupMode(QToolButton::MenuButtonPopup);
    m_publish->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* publishMenu = new QMenu(m_publish);
    QAction* now = publishMenu->addAction(tr("Publish &now"));
    QAction* later = publishMenu->addAction(tr("&Schedule…"));
    QAction* cancel = publishMenu->addAction(tr("&Cancel the schedule"));
    cancel->setObjectName(QStringLiteral("unscheduleAction"));
    m_publish->setMenu(publishMenu);
    const auto publishNow = [this]() {
        saveNow();
        if (typed().title.trimmed().isEmpty()) {
            m_title->setFocus();
            m_status->setText(tr("Give the article a title to publish it."));
            return;
        }
        m_client.drafts().publish(m_localId);
    };
    connect(m_publish, &QToolButton::clicked, this, publishNow);
    connect(now, &QAction::triggered, this, publishNow);
    connect(later, &QAction::triggered, this, &ArticleEditor::schedule);
    connect(cancel, &QAction::triggered, this, [this]() {
        if (const auto w = m_client.drafts().work(m_localId); w && w->articleId > 0)
            m_client.blogs().unschedule(w->articleId);
    });
    connect(publishMenu, &QMenu::aboutToShow, this, [this, cancel]() {
        const auto w = m_client.drafts().work(m_localId);
        const auto a = w ? client::BlogStore(m_client.cache()).article(w->articleId) : std::nullopt;
        cancel->setVisible(a && a->isScheduled());
    });
    m_update = new QPushButton(tr("&Update article"), this);
    m_update->setObjectName(QStringLiteral("updateButton"));
    m_update->setToolTip(tr("Send your changes: a new revision readers see"));
    connect(m_update, &QPushButton::clicked, this, [this]() {
        saveNow();
        m_client.drafts().sendUpdate(m_localId);
    });
    m_discard = new QPushButton(icons::icon(icons::Icon::Delete), QString(), this);
    m_discard->setToolTip(tr("Discard the changes made here"));
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        const auto w = m_client.drafts().work(m_localId);
        if (!w)
            return;
        const QString question = w->articleId > 0
            ? tr("Discard the changes on this computer? What the server has stays.")
            : tr("Discard this article? It was never saved on the server.");
        if (QMessageBox::question(this, tr("Discard"), question) != QMessageBox::Yes)
            return;
        const qint64 article = w->articleId;
        m_client.drafts().discard(m_localId);
        m_navigator.open(article > 0 && w->published
                             ? Navigator::link(QStringLiteral("article"), article)
                             : Navigator::link(QStringLiteral("blogs")));
    });

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setMaxLength(blogs::maxTitleChars);
    m_title->setFrame(false);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = new QLineEdit(this);
    m_summary->setPlaceholderText(tr("A summary for the card in the feed (optional)"));
    m_summary->setMaxLength(blogs::maxSummaryChars);
    m_summary->setFrame(false);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("#topics, separated by spaces"));
    m_tags->setFrame(false);
    // Co-authors: colleagues who may edit the article too; the owner chooses them.
    m_coAuthors = new QLineEdit(this);
    m_coAuthors->setObjectName(QStringLiteral("coAuthorsEdit"));
    m_coAuthors->setPlaceholderText(tr("who may edit it too: @name @name"));
    m_coAuthors->setFrame(false);
    m_coAuthorsNote = new QLabel(this);
    m_coAuthorsNote->setTextFormat(Qt::PlainText);
    m_coAuthorsNote->setForegroundRole(QPalette::PlaceholderText);
    connect(m_coAuthors, &QLineEdit::editingFinished, this, [this]() { chooseCoAuthors(); });
    // The cover image: uploaded through the outbox once the draft is on the server.
    m_coverPreview = new CoverImage(this);
    m_coverPreview->setObjectName(QStringLiteral("coverPreview"));
    m_coverPreview->setFixedSize(96, 40);
    m_coverPreview->setThumbnailSize(256);
    m_coverChoose = new QPushButton(tr("Choose image…"), this);
    m_coverChoose->setObjectName(QStringLiteral("chooseCover"));
    m_coverChoose->setIcon(icons::icon(icons::Icon::Image));
    m_coverRemove = new QPushButton(tr("Remove"), this);
    m_coverRemove->setObjectName(QStringLiteral("removeCover"));
    m_coverNote = new QLabel(this);
    m_coverNote->setTextFormat(Qt::PlainText);
    m_coverNote->setForegroundRole(QPalette::PlaceholderText);
    connect(m_coverChoose, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a cover image"),
            QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
        if (!path.isEmpty())
            chooseCover(path);
    });
    connect(m_coverRemove, &QPushButton::clicked, this, [this]() {
        if (const auto w = m_client.drafts().work(m_localId); w && w->articleId > 0)
            m_client.blogs().removeCover(w->articleId);
        refreshCover();
    });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                const auto w = m_client.drafts().work(m_localId);
                const qint64 id = w ? w->articleId : 0;
                if ((id > 0 && changes.touches(client::BlogStore::articlesArea, id))
                    || changes.touches(client::OutboxStore::area))
                    refreshCover();
            });
    connect(&client.uploads(), &client::Uploads::progress, this, [this]() { refreshCover(); });

    m_toolbar = new QToolBar(this);
    m_toolbar->setObjectName(QStringLiteral("formatBar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const struct
    {
        Format format;
        QString text;
        QString tip;
        QKeySequence keys;
    } formats[] = {
        {Format::Bold, tr("B"), tr("Bold"), QKeySequence::Bold},
        {Format::Italic, tr("I"), tr("Italic"), QKeySequence::Italic},
        {Format::Heading, tr("H"), tr("Heading"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H)},
        {Format::Link, tr("Link"), tr("Link"), QKeySequence(Qt::CTRL | Qt::Key_K)},
        {Format::List, tr("List"), tr("Bulleted list"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8)},
        {Format::Quote, tr("Quote"), tr("Quote"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_9)},
        {Format::Code, tr("Code"), tr("Code"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
    };
    for (const auto& f : formats) {
        QAction* action = m_toolbar->addAction(f.text);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(f.tip, f.keys.toString(QKeySequence::NativeText)));
        action->setShortcut(f.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (f.format == Format::Bold || f.format == Format::Italic) {
            QFont font = m_toolbar->font();
            font.setBold(f.format == Format::Bold);
            font.setItalic(f.format == Format::Italic);
            action->setFont(font);
        }
        const Format which = f.format;
        connect(action, &QAction::triggered, this, [this, which]() { format(which); });
    }
    m_toolbar->addSeparator();
    m_togglePreview = m_toolbar->addAction(tr("Preview"));
    m_togglePreview->setObjectName(QStringLiteral("togglePreview"));
    m_togglePreview->setCheckable(true);
    m_togglePreview->setToolTip(tr("Show the preview in place of the source (Ctrl+Shift+P)"));
    m_togglePreview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_togglePreview, &QAction::toggled, this, [this](bool on) {
        m_previewOnly = on;
        applyLayout();
    });

    m_source = new QPlainTextEdit(this);
    m_source->setObjectName(QStringLiteral("articleSource"));
    m_source->setPlaceholderText(
        tr("Write in Markdown: # heading, **bold**, _italic_, - list, > quote, "
           "```code```"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(mono.pointSizeF(), font().pointSizeF()));
    m_source->setFont(mono);
    m_source->setTabChangesFocus(false);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("articlePreview"));
    m_preview->setOpenLinks(false);
    m_preview->setFrameShape(QFrame::NoFrame);
    m_preview->document()->setDocumentMargin(16);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_source);
    m_split->addWidget(m_preview);
    m_split->setChildrenCollapsible(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("wordCount"));
    m_counts->setForegroundRole(QPalette::PlaceholderText);

    auto* header = new QHBoxLayout;
    auto* where = new QVBoxLayout;
    where->setSpacing(0);
    where->addWidget(m_blog);
    where->addWidget(m_status);
    header->addLayout(where, 1);
    header->addWidget(m_conflict);
    header->addWidget(m_discard);
    header->addWidget(m_update);
    header->addWidget(m_publish);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tags);
    auto* coAuthorsRow = new QHBoxLayout;
    auto* coAuthorsLabel = new QLabel(tr("Co-authors:"), this);
    coAuthorsLabel->setForegroundRole(QPalette::PlaceholderText);
    coAuthorsLabel->setBuddy(m_coAuthors);
    coAuthorsRow->addWidget(coAuthorsLabel);
    coAuthorsRow->addWidget(m_coAuthors, 1);
    coAuthorsRow->addWidget(m_coAuthorsNote);
    layout->addLayout(coAuthorsRow);
    auto* coverRow = new QHBoxLayout;
    auto* coverLabel = new QLabel(tr("Cover:"), this);
    coverLabel->setForegroundRole(QPalette::PlaceholderText);
    coverLabel->setBuddy(m_coverChoose);
    coverRow->addWidget(coverLabel);
    coverRow->addWidget(m_coverPreview);
    coverRow->addWidget(m_coverChoose);
    coverRow->addWidget(m_coverRemove);
    coverRow->addWidget(m_coverNote, 1);
    layout->addLayout(coverRow);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_counts);

    for (QLineEdit* edit : {m_title, m_summary, m_tags})
        connect(edit, &QLineEdit::textEdited, this, [this]() { m_save.start(); });
    connect(m_source, &QPlainTextEdit::textChanged, this, [this]() {
        if (m_loading)
            return;
        m_save.start();
        m_render.start(m_source->document()->characterCount() > longText ? renderDelayLongMs
                                                                         : renderDelayMs);
        m_count.start();
    });
    connect(&client.drafts(), &client::Drafts::changed, this, [this](const QString& id) {
        if (id != m_localId)
            return;
        refreshState();
        refreshCover(); // on the server now, say: a cover may be chosen
    });
    connect(&client.drafts(), &client::Drafts::conflicted, this, [this](const QString& id) {
        if (id == m_localId && isVisible())
            QTimer::singleShot(0, this, &ArticleEditor::compare);
    });
    connect(&client.drafts(), &client::Drafts::publishedNow, this,
            [this](const QString& id, qint64 articleId) {
                if (id != m_localId || !isVisible())
                    return;
                // Typed on after pressing Publish: that stays here, as an edit to send.
                saveNow();
                const auto w = m_client.drafts().work(m_localId);
                if (!w || !w->dirty)
                    m_navigator.open(Navigator::link(QStringLiteral("article"), articleId));
            });
    connect(&client.connection(), &client::Connection::stateChanged, this,
            &ArticleEditor::refreshState);
    // While shown here, the copy is the author's: the server's changes meet it as a conflict.
    client.drafts().setOpen(m_localId, true);
    load();
}

ArticleEditor::~ArticleEditor()
{
    if (m_save.isActive())
        saveNow();
    m_client.drafts().setOpen(m_localId, false);
}

void ArticleEditor::load()
{
    const auto w = m_client.drafts().work(m_localId);
    if (!w)
        return;
    m_loading = true;
    m_title->setText(w->text.title);
    m_summary->setText(w->text.summary);
    QStringList tags;
    for (const QString& t : w->text.tags)
        tags.append(u'#' + t);
    m_tags->setText(tags.join(u' '));
    m_source->setPlainText(w->text.body);
    showCoAuthors(*w);
    refreshCover();
    m_loading = false;
    if (w->groupId > 0) {
        const auto group = client::GroupStore(m_client.cache()).group(w->groupId);
        m_blog->setText(group ? tr("Blog of %1").arg(group->name) : tr("Group blog"));
    } else {
        m_blog->setText(tr("Company blog"));
    }
    renderPreview();
    updateCounts();
    refreshState();
}

void ArticleEditor::showCoAuthors(const client::WorkRow& w)
{
    const auto article
        = w.articleId > 0 ? client::BlogStore(m_client.cache()).article(w.articleId) : std::nullopt;
    const QList<client::ArticlePerson> people = w.coAuthors
        ? *w.coAuthors
        : (article ? article->coAuthors : QList<client::ArticlePerson>());
    QStringList names;
    for (const client::ArticlePerson& p : people)
        names.append(u'@' + p.username);
    m_coAuthors->setText(names.join(u' '));
    // Only the owner chooses them (the server refuses anyone else).
    const bool owner = !article || article->author.id == m_client.blogs().userId();
    m_coAuthors->setReadOnly(!owner);
    m_coAuthors->setToolTip(owner ? QString()
                                  : tr("Only the article's owner chooses its co-authors"));
    m_coAuthorsNote->clear();
}

bool ArticleEditor::chooseCoAuthors()
{
    if (m_coAuthors->isReadOnly())
        return false;
    const client::PeopleStore people(m_client.cache());
    QList<client::ArticlePerson> chosen;
    QStringList unknown;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (QString name : m_coAuthors->text().split(separators, Qt::SkipEmptyParts)) {
        if (name.startsWith(u'@'))
            name.remove(0, 1);
        if (name.isEmpty())
            continue;
        const std::optional<client::PersonRow> found = people.byUsername(name);
        if (!found) {
            unknown.append(u'@' + name);
            continue;
        }
        if (found->id == m_client.blogs().userId()
            || std::any_of(chosen.begin(), chosen.end(),
                           [&](const client::ArticlePerson& c) { return c.id == found->id; }))
            continue;
        chosen.append({found->id, found->username, found->displayName, found->department});
    }
    if (!unknown.isEmpty()) {
        m_coAuthorsNote->setText(tr("Not found: %1").arg(unknown.join(QStringLiteral(", "))));
        return false;
    }
    if (chosen.size() > blogs::maxCoAuthors) {
        m_coAuthorsNote->setText(tr("At most %n co-author(s)", nullptr, blogs::maxCoAuthors));
        return false;
    }
    QStringList names;
    for (const client::ArticlePerson& p : chosen)
        names.append(p.displayName.isEmpty() ? p.username : p.displayName);
    m_coAuthorsNote->setText(names.join(QStringLiteral(", ")));
    return m_client.drafts().setCoAuthors(m_localId, chosen);
}

client::ArticleText ArticleEditor::typed() const
{
    return client::ArticleText {m_title->text(), m_summary->text(), m_source->toPlainText(),
                                tagsFrom(m_tags->text())};
}

void ArticleEditor::saveNow()
{
    m_save.stop();
    m_client.drafts().setText(m_localId, typed());
}

void ArticleEditor::hideEvent(QHideEvent* event)
{
    if (m_save.isActive())
        saveNow();
    QWidget::hideEvent(event);
}

void ArticleEditor::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // A copy that came back in conflict (from an earlier session, say): the choice first.
    if (!m_comparedOnce) {
        m_comparedOnce = true;
        const auto w = m_client.drafts().work(m_localId);
        if (w && w->conflict)
            QTimer::singleShot(0, this, &ArticleEditor::compare);
    }
}

void ArticleEditor::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyLayout();
}

bool ArticleEditor::isPreviewShown() const
{
    return m_preview->isVisible();
}

void ArticleEditor::applyLayout()
{
    // Side by side when there is room; one at a time (the toggle) when not.
    const bool narrow = width() < narrowWidth;
    m_source->setVisible(!m_previewOnly);
    m_preview->setVisible(m_previewOnly || !narrow);
    m_togglePreview->setText(narrow ? tr("Preview") : tr("Preview only"));
}

void ArticleEditor::renderPreview()
{
    setSafeMarkdown(*m_preview->document(), m_source->toPlainText(), m_client.username());
}

void ArticleEditor::updateCounts()
{
    const QString text = m_source->toPlainText();
    const int words = blogs::wordCount(text);
    const int minutes = blogs::readingMinutes(words);
    QString counts = tr("%n word(s)", nullptr, words) + QStringLiteral("  ·  ")
        + articletext::readingTime(minutes);
    const int left = blogs::maxBodyChars - int(text.size());
    if (left < 5000)
        counts += QStringLiteral("  ·  ") + tr("%n character(s) left", nullptr, left);
    m_counts->setText(counts);
}

QString ArticleEditor::statusText() const
{
    return m_status->text();
}

void ArticleEditor::refreshState()
{
    const auto w = m_client.drafts().work(m_localId);
    if (!w) {
        m_status->setText(tr("This working copy is gone (published or discarded)."));
        for (QWidget* b :
             std::initializer_list<QWidget*> {m_publish, m_update, m_discard, m_conflict})
            b->setVisible(false);
        return;
    }
    const auto a = client::BlogStore(m_client.cache()).article(w->articleId);
    const bool online = m_client.connection().state() == client::Connection::State::Online;
    QString status = articletext::stateOf(*w);
    using State = client::WorkRow::State;
    if (w->state() == State::Synced && !w->published)
        status = a && a->isScheduled() ? articletext::stateOf(*a) : tr("Saved as a draft");
    else if (w->state() == State::Local && !online)
        status = w->publish.isEmpty() ? tr("Offline: saved on this computer")
                                      : tr("Offline: publishes when you are online again");
    else if (w->state() == State::Local && w->text.title.trimmed().isEmpty())
        status = tr("Saved on this computer; give it a title to save it as a draft");
    if (a && !a->publishError.isEmpty() && !a->isPublished())
        status = articletext::stateOf(*a);
    m_status->setText(status);
    m_conflict->setVisible(w->state() == State::Conflict);
    m_publish->setVisible(!w->published);
    m_update->setVisible(w->published);
    m_update->setEnabled(w->dirty);
    m_discard->setVisible(true);
}

bool ArticleEditor::chooseCover(const QString& path)
{
    const auto w = m_client.drafts().work(m_localId);
    if (!w || w->articleId <= 0)
        return false;
    QString error;
    if (m_client.blogs().setCover(w->articleId, path, &error).isEmpty()) {
        m_coverNote->setText(tr("Not used as the cover: %1").arg(error));
        return false;
    }
    refreshCover();
    return true;
}

void ArticleEditor::refreshCover()
{
    const auto w = m_client.drafts().work(m_localId);
    const qint64 articleId = w ? w->articleId : 0;
    // A new draft has no place on the server yet: its cover waits for the first save.
    m_coverChoose->setEnabled(articleId > 0);
    m_coverChoose->setToolTip(articleId > 0 ? QString()
                                            : tr("A cover can be chosen once the draft is saved "
                                                 "on the server (it needs a title)"));
    if (articleId <= 0) {
        m_coverPreview->setFile(std::nullopt);
        m_coverRemove->setVisible(false);
        m_coverNote->setText(tr("once saved as a draft"));
        return;
    }
    const bool online = m_client.connection().state() == client::Connection::State::Online;
    if (const QString pending = m_client.blogs().pendingCover(articleId); !pending.isEmpty()) {
        const QList<client::UploadRow> files = m_client.uploads().attachmentsOf(pending);
        m_coverRemove->setVisible(false);
        if (files.isEmpty()) {
            m_coverPreview->setFile(std::nullopt);
            m_coverNote->setText(online ? tr("Taking the cover off…")
                                        : tr("The cover comes off when you are online again"));
            return;
        }
        const client::UploadRow& u = files.first();
        ShownFile shown;
        shown.name = u.name;
        shown.type = u.type;
        shown.size = u.size;
        shown.localPath = u.path;
        m_coverPreview->setFile(shown);
        if (u.state == client::UploadRow::State::Refused)
            m_coverNote->setText(tr("Not sent: %1").arg(u.error));
        else if (!online)
            m_coverNote->setText(tr("%1: sent when you are online again").arg(u.name));
        else
            m_coverNote->setText(
                tr("Sending %1… %2%").arg(u.name).arg(u.size > 0 ? 100 * u.sent / u.size : 0));
        return;
    }
    const auto a = client::BlogStore(m_client.cache()).article(articleId);
    const auto cover = a ? coverOf(*a) : std::nullopt;
    m_coverPreview->setFile(cover);
    m_coverRemove->setVisible(cover.has_value());
    m_coverNote->setText(cover ? cover->name : tr("none"));
}

void ArticleEditor::schedule()
{
    saveNow();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Schedule publishing"));
    auto* label = new QLabel(
        tr("Publish at (the server publishes it, also while you are offline):"), &dialog);
    label->setWordWrap(true);
    auto* when = new QDateTimeEdit(&dialog);
    when->setCalendarPopup(true);
    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(9, 0));
    when->setDateTime(tomorrow);
    when->setMinimumDateTime(QDateTime::currentDateTime());
    when->setMaximumDateTime(QDateTime::currentDateTime().addDays(blogs::maxScheduleDays));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Schedule"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(when);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_client.drafts().publish(m_localId, when->dateTime());
}

bool ArticleEditor::compare()
{
    saveNow();
    const auto w = m_client.drafts().work(m_localId);
    if (!w || !w->conflict)
        return false;
    ConflictDialog dialog(*w, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const client::ArticleText merged = dialog.result();
    if (!m_client.drafts().resolve(m_localId, merged))
        return false;
    load();
    return true;
}

void ArticleEditor::format(Format f)
{
    QTextCursor c = m_source->textCursor();
    const QString selected = c.selectedText().replace(QChar::ParagraphSeparator, u'\n');
    const auto wrap = [&](const QString& before, const QString& after, const QString& placeholder) {
        const QString inner = selected.isEmpty() ? placeholder : selected;
        c.insertText(before + inner + after);
        // The placeholder (or what was wrapped) stays selected, to type over.
        c.setPosition(c.position() - int(after.size()));
        c.setPosition(c.position() - int(inner.size()), QTextCursor::KeepAnchor);
        m_source->setTextCursor(c);
    };
    const auto prefixLines = [&](const QString& prefix) {
        const int start = c.selectionStart();
        const int end = c.selectionEnd();
        c.setPosition(start);
        c.movePosition(QTextCursor::StartOfBlock);
        c.beginEditBlock();
        QTextBlock block = c.block();
        const QTextBlock last = m_source->document()->findBlock(end);
        while (block.isValid()) {
            QTextCursor at(block);
            if (!block.text().startsWith(prefix))
                at.insertText(prefix);
            if (block == last)
                break;
            block = block.next();
        }
        c.endEditBlock();
    };
    switch (f) {
    case Format::Bold:
        wrap(QStringLiteral("**"), QStringLiteral("**"), tr("bold text"));
        break;
    case Format::Italic:
        wrap(QStringLiteral("_"), QStringLiteral("_"), tr("italic text"));
        break;
    case Format::Heading:
        prefixLines(QStringLiteral("## "));
        break;
    case Format::Link: {
        const QString label = selected.isEmpty() ? tr("link text") : selected;
        c.insertText(QStringLiteral("[%1](https://)").arg(label));
        c.setPosition(c.position() - 1);
        c.setPosition(c.position() - 8, QTextCursor::KeepAnchor);
        m_source->setTextCursor(c);
        break;
    }
    case Format::List:
        prefixLines(QStringLiteral("- "));
        break;
    case Format::Quote:
        prefixLines(QStringLiteral("> "));
        break;
    case Format::Code:
        if (selected.contains(u'\n'))
            wrap(QStringLiteral("```\n"), QStringLiteral("\n```\n"), QString());
        else
            wrap(QStringLiteral("`"), QStringLiteral("`"), tr("code"));
        break;
    }
    m_source->setFocus();
}

} // namespace plein::app
