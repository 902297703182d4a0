#include "pages/chat/chatcomposer.h"

#include "capabilities/chat/chatprotocol.h"
#include "pages/feed/cardstyle.h"
#include "ui/attachmenttray.h"
#include "ui/avatar.h"
#include "ui/charactercounter.h"
#include "ui/icons.h"
#include "ui/mentioncompleter.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

namespace {

QString firstLine(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype newline = trimmed.indexOf(u'\n');
    return (newline < 0 ? trimmed : trimmed.left(newline)).simplified();
}

} // namespace

ChatComposer::ChatComposer(QWidget* parent)
    : QFrame(parent)
    , m_bannerBox(new QWidget(this))
    , m_bannerText(new QLabel(m_bannerBox))
    , m_bannerClose(new QToolButton(m_bannerBox))
    , m_edit(new MentionEdit(this))
    , m_mentions(new MentionCompleter(m_edit))
    , m_counter(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_send(new QToolButton(this))
    , m_tray(new AttachmentTray(this))
{
    setObjectName(QStringLiteral("chatComposer"));
    // A rounded box on the text colour's background, around the text and its buttons.
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(false);
    m_edit->setPlaceholderText(tr("Write a message…"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFrameShape(QFrame::NoFrame);
    m_edit->viewport()->setAutoFillBackground(false);
    m_edit->installEventFilter(this);
    m_edit->document()->setDocumentMargin(2);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setIcon(icons::icon(icons::Icon::Send));
    m_send->setIconSize(QSize(20, 20));
    m_send->setAutoRaise(true);
    m_send->setToolTip(tr("Send (Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_counter->hide();
    m_hint->setText(tr("Enter sends · Shift+Enter for a new line · Markdown"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_hint->setFont(small);
    m_counter->setFont(small);

    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setObjectName(QStringLiteral("composerBanner"));
    m_bannerClose->setIcon(icons::icon(icons::Icon::Close));
    m_bannerClose->setAutoRaise(true);
    m_bannerClose->setIconSize(QSize(14, 14));
    m_bannerClose->setToolTip(tr("Cancel (Escape)"));
    auto* banner = new QHBoxLayout(m_bannerBox);
    banner->setContentsMargins(8, 4, 2, 0);
    banner->addWidget(m_bannerText, 1);
    banner->addWidget(m_bannerClose);
    m_bannerBox->hide();

    auto* row = new QHBoxLayout;
    row->setContentsMargins(8, 2, 4, 2);
    row->setSpacing(4);
    row->addWidget(m_edit, 1);
    row->addWidget(m_tray->attachButton(), 0, Qt::AlignBottom);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    m_edit->setAttachmentTray(m_tray);
    m_tray->acceptDropsOn(this);
    auto* trayRow = new QHBoxLayout;
    trayRow->setContentsMargins(8, 0, 8, 2);
    trayRow->addWidget(m_tray);
    auto* foot = new QHBoxLayout;
    foot->setContentsMargins(10, 0, 10, 4);
    foot->addWidget(m_hint, 1);
    foot->addWidget(m_counter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_bannerBox);
    layout->addLayout(row);
    layout->addLayout(trayRow);
    layout->addLayout(foot);

    connect(m_bannerClose, &QToolButton::clicked, this, [this]() { cancel(!m_editing.isEmpty()); });
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this]() {
        updateCounter();
        if (!m_settingText)
            Q_EMIT typed(!text().trimmed().isEmpty());
    });
    connect(m_edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, &ChatComposer::updateHeight);
    connect(m_send, &QToolButton::clicked, this, &ChatComposer::submit);
    connect(m_tray, &AttachmentTray::changed, this, &ChatComposer::updateCounter);
    updateCounter();
    updateHeight();
}

QString ChatComposer::text() const
{
    return m_edit->toPlainText();
}

void ChatComposer::setText(const QString& text)
{
    m_settingText = true;
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_settingText = false;
}

void ChatComposer::setPlaceholder(const QString& text)
{
    if (m_edit->placeholderText() == text)
        return;
    m_edit->setPlaceholderText(text);
    // Qt repaints the placeholder only when it appears or goes, not when it changes.
    m_edit->viewport()->update();
}

int ChatComposer::charactersLeft() const
{
    return protocol::chat::maxMessageChars - int(m_edit->toPlainText().size());
}

int ChatComposer::counterThreshold()
{
    return protocol::chat::maxMessageChars / 10;
}

QAbstractButton* ChatComposer::sendButton() const
{
    return m_send;
}

bool ChatComposer::isBannerShown() const
{
    return !m_bannerBox->isHidden();
}

void ChatComposer::setPeople(QAbstractItemModel* people)
{
    m_mentions->setPeople(people);
}

QCompleter* ChatComposer::mentionCompleter() const
{
    return m_mentions->completer();
}

QPlainTextEdit* ChatComposer::editor() const
{
    return m_edit;
}

void ChatComposer::setReplyTo(qint64 messageId, const QString& author, const QString& text)
{
    if (!m_editing.isEmpty())
        cancel(true);
    m_replyTo = messageId;
    m_replyAuthor = author;
    m_replyText = firstLine(text);
    updateBanner();
    m_edit->setFocus(Qt::OtherFocusReason);
}

void ChatComposer::setEditing(const QString& key, const QString& text, bool hasFiles)
{
    m_replyTo = 0;
    m_editing = key;
    m_editingHasFiles = hasFiles;
    setText(text);
    updateBanner();
    m_edit->setFocus(Qt::OtherFocusReason);
}

void ChatComposer::cancel(bool clearText)
{
    const bool wasEditing = !m_editing.isEmpty();
    m_replyTo = 0;
    m_editing.clear();
    if (clearText || wasEditing)
        setText(QString());
    updateBanner();
}

void ChatComposer::updateBanner()
{
    QString text;
    if (!m_editing.isEmpty())
        text = tr("Editing your message");
    else if (m_replyTo > 0)
        text = m_replyText.isEmpty() ? tr("Replying to %1").arg(m_replyAuthor)
                                     : tr("Replying to %1: %2").arg(m_replyAuthor, m_replyText);
    const QFontMetrics fm(m_bannerText->font());
    m_bannerText->setText(fm.elidedText(text, Qt::ElideRight, std::max(100, width() - 60)));
    m_bannerText->setToolTip(QString());
    m_bannerBox->setVisible(!text.isEmpty());
    m_send->setToolTip(m_editing.isEmpty() ? tr("Send (Enter)") : tr("Save (Enter)"));
    // An edit changes the text only; the files chosen for a new message wait meanwhile.
    m_tray->attachButton()->setVisible(m_editing.isEmpty());
    m_tray->setVisible(m_editing.isEmpty() && (!m_tray->isEmpty() || !m_tray->message().isEmpty()));
}

void ChatComposer::submit()
{
    const QString body = text();
    const QString editing = m_editing;
    const QStringList attachments = editing.isEmpty() ? m_tray->paths() : QStringList();
    // Text, files, or both; an edit changes the text, which it needs unless the message's
    // files stand alone.
    const bool files = !attachments.isEmpty() || (!editing.isEmpty() && m_editingHasFiles);
    if ((body.trimmed().isEmpty() && !files) || charactersLeft() < 0)
        return;
    const qint64 replyTo = m_replyTo;
    if (editing.isEmpty())
        m_tray->clear();
    m_replyTo = 0;
    m_editing.clear();
    setText(QString());
    updateBanner();
    if (!editing.isEmpty())
        Q_EMIT editSubmitted(editing, body);
    else
        Q_EMIT submitted(body, replyTo, attachments);
    Q_EMIT typed(false);
}

bool ChatComposer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::ShortcutOverride) {
            // Escape cancels a reply or an edit here before the window's "Back" takes it.
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Escape && (m_replyTo > 0 || !m_editing.isEmpty())) {
                event->accept();
                return true;
            }
        }
        if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            const auto mods = key->modifiers() & ~Qt::KeypadModifier;
            const bool popup = m_mentions->isOpen();
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !popup) {
                // Shift+Enter is a new line, as in every chat app; Enter and Ctrl+Enter send.
                if (mods.testFlag(Qt::ShiftModifier))
                    return false;
                submit();
                return true;
            }
            if (key->key() == Qt::Key_Escape && mods == Qt::NoModifier && !popup) {
                if (m_replyTo > 0 || !m_editing.isEmpty()) {
                    cancel(!m_editing.isEmpty());
                    return true;
                }
                Q_EMIT escapePressed();
                return true;
            }
            if (key->key() == Qt::Key_Up && mods == Qt::NoModifier && text().isEmpty()) {
                Q_EMIT editLastRequested();
                return true;
            }
        } else if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut) {
            update();
        }
    }
    return QFrame::eventFilter(watched, event);
}

void ChatComposer::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateHeight();
    else if (event->type() == QEvent::PaletteChange)
        updateCounter();
}

void ChatComposer::paintEvent(QPaintEvent*)
{
    // A rounded box in the text's colours; its outline takes the selection colour while the
    // person writes in it.
    QPainter painter(this);
    const auto colours = cardstyle::colours(palette(), true, false, false);
    const bool focused = m_edit->hasFocus();
    cardstyle::paintFrame(painter, rect(), 8, colours.background,
                          focused ? palette().color(QPalette::Highlight)
                                  : cardstyle::mix(colours.background, colours.text, 0.25),
                          focused ? 1.5 : 1.0);
}

void ChatComposer::updateCounter()
{
    const int left = charactersLeft();
    charactercounter::update(*m_counter, left, counterThreshold(), palette());
    const bool files = m_editing.isEmpty() ? !m_tray->isEmpty() : m_editingHasFiles;
    m_send->setEnabled(left >= 0 && (!text().trimmed().isEmpty() || files));
}

void ChatComposer::updateHeight()
{
    QTextDocument* doc = m_edit->document();
    const int contentLines = std::max(1, int(doc->documentLayout()->documentSize().height()));
    const int lines = std::min(contentLines, maxLines);
    const QMargins margins = m_edit->contentsMargins();
    const int height = lines * m_edit->fontMetrics().lineSpacing() + int(2 * doc->documentMargin())
        + margins.top() + margins.bottom();
    m_edit->setVerticalScrollBarPolicy(contentLines > lines ? Qt::ScrollBarAsNeeded
                                                            : Qt::ScrollBarAlwaysOff);
    if (m_edit->height() != height || m_edit->minimumHeight() != height)
        m_edit->setFixedHeight(height);
}

} // namespace plein::app
