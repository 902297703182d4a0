#include "pages/blogs/historypage.h"

#include "blogs/blogstore.h"
#include "blogs/textdiff.h"
#include "cache.h"
#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "shell/navigator.h"
#include "ui/icons.h"
#include "ui/plainlabel.h"
#include "ui/relativetime.h"
#include "ui/theme.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int listWidth = 290;

// The colours of what was added and removed: a line lightly, its changed words more.
struct DiffColours
{
    QColor added, addedWords, removed, removedWords;
};

DiffColours diffColours()
{
    if (theme::isDark())
        return {QColor(0x1b, 0x3a, 0x28), QColor(0x2e, 0x6b, 0x43), QColor(0x43, 0x1f, 0x22),
                QColor(0x7d, 0x2e, 0x33)};
    return {QColor(0xe6, 0xf6, 0xea), QColor(0xa8, 0xe2, 0xb6), QColor(0xfc, 0xe9, 0xe8),
            QColor(0xf5, 0xb5, 0xb1)};
}

QString kindText(const client::RevisionRow& r)
{
    if (r.kind == QLatin1StringView("published"))
        return HistoryPage::tr("published by %1").arg(r.by.displayName);
    if (r.kind == QLatin1StringView("restored"))
        return HistoryPage::tr("revision %1 restored by %2")
            .arg(r.restoredFrom)
            .arg(r.by.displayName);
    return HistoryPage::tr("edited by %1").arg(r.by.displayName);
}

QString whenText(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? relativetime::fullText(at.toLocalTime()) : QString();
}

// The document of a diff: each line a block, added green and removed red with the changed
// words stronger, a left-out stretch as one grey line saying how long it is. Text is inserted
// as plain text, never as markup.
void renderDiff(QTextDocument& doc, const client::textdiff::Diff& d, const QPalette& palette)
{
    using Kind = client::textdiff::Line::Kind;
    const DiffColours colours = diffColours();
    doc.clear();
    QTextCursor cursor(&doc);
    const int markerWidth
        = QFontMetrics(doc.defaultFont()).horizontalAdvance(QStringLiteral("+  "));
    bool first = true;
    for (const client::textdiff::Line& line : d.lines) {
        QTextBlockFormat block;
        block.setTopMargin(1);
        block.setBottomMargin(1);
        // The marker hangs in the margin, so wrapped lines stay in line with the text.
        block.setLeftMargin(6 + markerWidth);
        block.setTextIndent(-markerWidth);
        block.setRightMargin(6);
        QTextCharFormat plain;
        QTextCharFormat strong;
        QString marker = QStringLiteral("   ");
        switch (line.kind) {
        case Kind::Added:
            block.setBackground(colours.added);
            strong.setBackground(colours.addedWords);
            marker = QStringLiteral("+  ");
            break;
        case Kind::Removed:
            block.setBackground(colours.removed);
            strong.setBackground(colours.removedWords);
            marker = QStringLiteral("−  ");
            break;
        case Kind::Skipped:
            block.setAlignment(Qt::AlignHCenter);
            block.setTextIndent(0);
            block.setTopMargin(6);
            block.setBottomMargin(6);
            plain.setForeground(palette.color(QPalette::PlaceholderText));
            break;
        case Kind::Same:
            break;
        }
        if (first)
            cursor.setBlockFormat(block);
        else
            cursor.insertBlock(block);
        first = false;
        if (line.kind == Kind::Skipped) {
            cursor.insertText(HistoryPage::tr("⋯ %n unchanged line(s)", nullptr, line.skipped),
                              plain);
            continue;
        }
        QTextCharFormat markerFormat;
        markerFormat.setForeground(palette.color(QPalette::PlaceholderText));
        cursor.insertText(marker, markerFormat);
        int at = 0;
        for (const client::textdiff::Span& s : line.changed) {
            cursor.insertText(line.text.mid(at, s.from - at), plain);
            cursor.insertText(line.text.mid(s.from, s.length), strong);
            at = s.from + s.length;
        }
        cursor.insertText(line.text.mid(at), plain);
    }
}

} // namespace

HistoryPage::HistoryPage(client::Client& client, Navigator& navigator, qint64 articleId,
                         QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_id(articleId)
{
    setObjectName(QStringLiteral("historyPage"));
    auto* back = new QPushButton(icons::icon(icons::Icon::Back), tr("Back to the article"), this);
    back->setFlat(true);
    connect(back, &QPushButton::clicked, this,
            [this]() { m_navigator.open(Navigator::link(QStringLiteral("article"), m_id)); });
    m_title = plainLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_notice = plainLabel(this);
    m_notice->setForegroundRole(QPalette::PlaceholderText);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("revisionList"));
    m_list->setFixedWidth(listWidth);
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setAccessibleName(tr("Revisions"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_rows.size())
            showRevision(m_rows[row].revision);
    });

    m_heading = plainLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_meta = plainLabel(this);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_changes = new QTextBrowser(this);
    m_changes->setObjectName(QStringLiteral("revisionChanges"));
    m_changes->setOpenLinks(false);
    m_changes->setUndoRedoEnabled(false);
    m_changes->setAccessibleName(tr("Changes"));
    m_restore = new QPushButton(icons::icon(icons::Icon::Undo), tr("&Restore this revision"), this);
    m_restore->setObjectName(QStringLiteral("restoreRevisionButton"));
    m_restore->setToolTip(tr("Makes this revision's text the newest revision; the revisions "
                             "after it stay in the history"));
    connect(m_restore, &QPushButton::clicked, this, &HistoryPage::confirmRestore);

    auto* detail = new QVBoxLayout;
    detail->setSpacing(6);
    detail->addWidget(m_heading);
    detail->addWidget(m_meta);
    detail->addWidget(m_changes, 1);
    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_restore);
    detail->addLayout(actions);
    auto* split = new QHBoxLayout;
    split->setSpacing(16);
    split->addWidget(m_list);
    split->addLayout(detail, 1);

    auto* top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 16);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addLayout(split, 1);

    // The list follows the article: a revision made meanwhile (a co-author's edit, a restore)
    // is read, so a restore is never sent against an old base.
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (!changes.touches(client::BlogStore::articlesArea, m_id) || m_current == 0)
                    return;
                const auto a = client::BlogStore(m_client.cache()).article(m_id);
                if (a && a->revision > m_current && !m_reading)
                    reload();
            });
    connect(&client.connection(), &client::Connection::stateChanged, this,
            [this](client::Connection::State state) {
                if (state == client::Connection::State::Online && m_rows.isEmpty())
                    reload();
            });
    const auto a = client::BlogStore(client.cache()).article(m_id);
    m_title->setText(a ? tr("History of “%1”").arg(a->text.title) : tr("History"));
    m_restore->setVisible(false);
    m_heading->clear();
    reload();
}

QList<qint64> HistoryPage::revisions() const
{
    QList<qint64> out;
    for (const client::RevisionRow& r : m_rows)
        out.append(r.revision);
    return out;
}

void HistoryPage::reload()
{
    if (m_client.connection().state() != client::Connection::State::Online) {
        m_notice->setText(tr("The history is read from the server when you are online again."));
        m_notice->setVisible(true);
        return;
    }
    m_notice->setText(tr("Reading the history…"));
    m_notice->setVisible(true);
    m_reading = true;
    m_client.blogs().requestRevisions(
        m_id, this, [this](const Result<QList<client::RevisionRow>>& result) {
            m_reading = false;
            if (!result.ok()) {
                m_notice->setText(
                    result.error().code == protocol::ErrorCode::NotFound
                        ? tr("This article does not exist (any more), or it is not yours to read.")
                        : errorText(protocol::errorCodeName(result.error().code),
                                    result.error().message));
                return;
            }
            fill(result.value());
        });
}

void HistoryPage::fill(const QList<client::RevisionRow>& rows)
{
    const qint64 wasCurrent = m_current;
    m_rows = rows;
    m_current = rows.isEmpty() ? 0 : rows.first().revision;
    m_notice->setVisible(rows.isEmpty());
    m_notice->setText(tr("This article has no revisions yet: they are kept from its first "
                         "publication on."));
    if (const auto a = client::BlogStore(m_client.cache()).article(m_id))
        m_title->setText(tr("History of “%1”").arg(a->text.title));
    else if (!rows.isEmpty())
        m_title->setText(tr("History of “%1”").arg(rows.first().text.title));
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const client::RevisionRow& r : rows) {
        QString text = tr("Revision %1").arg(r.revision);
        if (r.revision == m_current)
            text += QStringLiteral("  ·  ") + tr("current");
        const QDateTime at = QDateTime::fromString(r.createdAt, Qt::ISODateWithMs);
        text += u'\n' + kindText(r) + u'\n'
            + (at.isValid() ? relativetime::shortText(at, QDateTime::currentDateTimeUtc())
                            : QString());
        auto* item = new QListWidgetItem(text, m_list);
        item->setToolTip(whenText(r.createdAt));
        item->setData(Qt::UserRole, r.revision);
    }
    Q_EMIT loaded();
    if (!rows.isEmpty()) {
        // A new revision came (a restore, someone's edit): it is what the reader looks at.
        const qint64 keep = m_current == wasCurrent && m_shown > 0 && m_texts.contains(m_shown)
            ? m_shown
            : m_current;
        showRevision(keep);
    }
}

qint64 HistoryPage::previousOf(qint64 revision) const
{
    for (qsizetype i = 0; i + 1 < m_rows.size(); ++i) {
        if (m_rows[i].revision == revision)
            return m_rows[i + 1].revision;
    }
    return 0; // the first kept revision: compared with nothing
}

void HistoryPage::showRevision(qint64 revision)
{
    qsizetype row = -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].revision == revision)
            row = i;
    }
    if (row < 0)
        return;
    m_shown = revision;
    {
        const QSignalBlocker quiet(m_list);
        m_list->setCurrentRow(int(row));
    }
    fetch(revision);
    if (const qint64 previous = previousOf(revision); previous > 0)
        fetch(previous);
    render();
}

void HistoryPage::fetch(qint64 revision)
{
    if (m_texts.contains(revision) || m_asked.contains(revision))
        return;
    m_asked.insert(revision);
    // The nearest revision whose text is here (or the article's own, in the cache): the
    // server then sends only the steps from it when they are shorter.
    std::optional<client::HeldText> base = client::BlogStore(m_client.cache()).heldText(m_id);
    for (auto it = m_texts.constBegin(); it != m_texts.constEnd(); ++it) {
        if (!base || std::abs(it.key() - revision) < std::abs(base->revision - revision))
            base = client::HeldText {it.key(), it.value().text.body};
    }
    m_client.blogs().requestRevision(
        m_id, revision, this,
        [this, revision](const Result<client::RevisionRow>& result) {
            m_asked.remove(revision);
            if (!result.ok()) {
                m_notice->setText(errorText(protocol::errorCodeName(result.error().code),
                                            result.error().message));
                m_notice->setVisible(true);
                return;
            }
            m_texts.insert(revision, result.value());
            if (revision == m_shown || revision == previousOf(m_shown))
                render();
            Q_EMIT loaded();
        },
        std::move(base));
}

void HistoryPage::render()
{
    const auto row = std::find_if(m_rows.begin(), m_rows.end(),
                                  [this](const auto& r) { return r.revision == m_shown; });
    if (row == m_rows.end())
        return;
    m_heading->setText(tr("Revision %1").arg(m_shown));
    const qint64 previous = previousOf(m_shown);
    const auto mine = m_texts.constFind(m_shown);
    const auto before = previous > 0 ? m_texts.constFind(previous) : m_texts.constEnd();
    if (mine == m_texts.constEnd() || (previous > 0 && before == m_texts.constEnd())) {
        m_meta->setText(kindText(*row) + QStringLiteral("  ·  ") + whenText(row->createdAt));
        m_changes->setPlainText(tr("Reading the texts…"));
        m_restore->setVisible(false);
        return;
    }
    const client::ArticleText empty;
    const client::ArticleText& was = previous > 0 ? before->text : empty;
    const client::ArticleText& now = mine->text;
    const client::textdiff::Diff d = client::textdiff::diff(was.body, now.body);
    QStringList meta {kindText(*row), whenText(row->createdAt)};
    meta.append(previous > 0 ? tr("against revision %1").arg(previous)
                             : tr("the first kept revision"));
    if (d.identical())
        meta.append(tr("the text is unchanged"));
    else
        meta.append(
            tr("%1 added, %2 removed")
                .arg(tr("%n line(s)", nullptr, d.added), tr("%n line(s)", nullptr, d.removed)));
    QStringList also;
    if (previous > 0 && was.title != now.title)
        also.append(tr("title: “%1” → “%2”").arg(was.title, now.title));
    if (previous > 0 && was.summary != now.summary)
        also.append(now.summary.isEmpty() ? tr("summary removed")
                                          : tr("summary: “%1”").arg(now.summary));
    if (previous > 0 && was.tags != now.tags)
        also.append(tr("topics: %1")
                        .arg(now.tags.isEmpty()
                                 ? tr("none")
                                 : QStringLiteral("#") + now.tags.join(QStringLiteral(" #"))));
    m_meta->setText(meta.join(QStringLiteral("  ·  "))
                    + (also.isEmpty() ? QString() : u'\n' + also.join(u'\n')));
    renderDiff(*m_changes->document(), d, palette());
    const auto a = client::BlogStore(m_client.cache()).article(m_id);
    m_restore->setVisible(a && a->isAuthor(m_client.blogs().userId()) && m_shown != m_current);
}

bool HistoryPage::restoreShown()
{
    if (m_shown <= 0 || m_shown == m_current)
        return false;
    // Based on the newest revision known here (the list may not have read it yet).
    const auto a = client::BlogStore(m_client.cache()).article(m_id);
    const qint64 base = std::max(m_current, a ? a->revision : 0);
    if (m_client.blogs().restore(m_id, base, m_shown).isEmpty())
        return false;
    m_navigator.open(Navigator::link(QStringLiteral("article"), m_id));
    return true;
}

void HistoryPage::confirmRestore()
{
    QMessageBox ask(QMessageBox::Question, tr("Restore revision"),
                    tr("Make the text of revision %1 the newest revision? Revision %2 and the ones "
                       "before it stay in the history.")
                        .arg(m_shown)
                        .arg(m_current),
                    QMessageBox::Cancel, this);
    ask.setTextFormat(Qt::PlainText);
    QPushButton* restore = ask.addButton(tr("Restore"), QMessageBox::AcceptRole);
    ask.exec();
    if (ask.clickedButton() == restore)
        restoreShown();
}

} // namespace plein::app
