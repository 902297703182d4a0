#include "pages/feed/composer.h"

#include "protocol/limits.h"
#include "ui/attachmenttray.h"
#include "ui/avatar.h"
#include "ui/charactercounter.h"
#include "ui/icons.h"
#include "ui/mentioncompleter.h"

#include <QAbstractTextDocumentLayout>
#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>

#include <algorithm>

namespace plein::app {

Composer::Composer(QWidget* parent)
    : QWidget(parent)
    , m_edit(new MentionEdit(this))
    , m_mentions(new MentionCompleter(m_edit))
    , m_counter(new QLabel(this))
    , m_send(new QToolButton(this))
    , m_tray(new AttachmentTray(this))
{
    m_edit->setPlaceholderText(tr("Write a post… (Ctrl+Enter sends)"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_send->setIcon(icons::icon(icons::Icon::Send));
    m_send->setIconSize(QSize(20, 20));
    m_send->setAutoRaise(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_counter->hide();
    m_edit->setAttachmentTray(m_tray);
    m_tray->acceptDropsOn(this);
    // Attach and Send beside the text's last line; the files under the text, then the counter
    // at its right edge.
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_tray->attachButton(), 0, 1, Qt::AlignBottom);
    layout->addWidget(m_send, 0, 2, Qt::AlignBottom);
    layout->addWidget(m_tray, 1, 0);
    layout->addWidget(m_counter, 2, 0);
    layout->setColumnStretch(0, 1);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateCounter);
    connect(m_tray, &AttachmentTray::changed, this, &Composer::updateCounter);
    connect(m_edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, &Composer::updateHeight);
    connect(m_send, &QToolButton::clicked, this, &Composer::submit);
    updateCounter();
    updateHeight();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setPlaceholder(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

int Composer::charactersLeft() const
{
    return protocol::maxPostChars - int(m_edit->toPlainText().size());
}

int Composer::counterThreshold()
{
    return protocol::maxPostChars / 10;
}

QAbstractButton* Composer::sendButton() const
{
    return m_send;
}

void Composer::setPeople(QAbstractItemModel* people)
{
    m_mentions->setPeople(people);
}

QCompleter* Composer::mentionCompleter() const
{
    return m_mentions->completer();
}

QPlainTextEdit* Composer::editor() const
{
    return m_edit;
}

void Composer::submit()
{
    const QString body = text();
    const QStringList attachments = m_tray->paths();
    // Text, files, or both.
    if ((body.trimmed().isEmpty() && attachments.isEmpty()) || charactersLeft() < 0)
        return;
    m_edit->clear();
    m_tray->clear();
    Q_EMIT submitted(body, attachments);
}

bool Composer::eventFilter(QObject* watched, QEvent* event)
{
    // A click into the composer that had the focus already (the window's first widget).
    if (watched == m_edit->viewport() && event->type() == QEvent::MouseButtonPress && !m_chosen) {
        m_chosen = true;
        updateHeight();
    }
    if (watched == m_edit) {
        switch (event->type()) {
        case QEvent::KeyPress: {
            const auto* key = static_cast<QKeyEvent*>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                && key->modifiers().testFlag(Qt::ControlModifier)) {
                submit();
                return true;
            }
            if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
                leave();
                return true;
            }
            break;
        }
        case QEvent::FocusIn:
        case QEvent::FocusOut: {
            // The person came here (or left): a window coming to the front, or a popup
            // opening, moves the focus without anyone choosing the composer.
            const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
            if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason)
                m_chosen = event->type() == QEvent::FocusIn;
            updateHeight();
            break;
        }
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateHeight();
    else if (event->type() == QEvent::PaletteChange)
        updateCounter();
}

void Composer::leave()
{
    Q_EMIT escapePressed();
    if (!m_edit->hasFocus())
        return;
    // Nobody took the focus: the next widget that takes it by Tab, outside the composer.
    for (QWidget* w = m_edit->nextInFocusChain(); w && w != m_edit; w = w->nextInFocusChain()) {
        if (!isAncestorOf(w) && w != this && w->isVisible() && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_edit->clearFocus();
}

void Composer::updateCounter()
{
    const int left = charactersLeft();
    charactercounter::update(*m_counter, left, counterThreshold(), palette());
    m_send->setEnabled(left >= 0 && (!text().trimmed().isEmpty() || !m_tray->isEmpty()));
}

void Composer::updateHeight()
{
    QTextDocument* doc = m_edit->document();
    // QPlainTextEdit's layout measures its documents in lines.
    const int contentLines = std::max(1, int(doc->documentLayout()->documentSize().height()));
    int lines = 1;
    if (m_chosen)
        lines = std::clamp(contentLines, focusedLines, maxLines);
    else if (!doc->isEmpty())
        lines = std::min(contentLines, maxLines);
    const QMargins margins = m_edit->contentsMargins();
    const int height = lines * m_edit->fontMetrics().lineSpacing() + int(2 * doc->documentMargin())
        + margins.top() + margins.bottom();
    // A scroll bar only once the text is taller than the most the composer shows.
    m_edit->setVerticalScrollBarPolicy(contentLines > lines ? Qt::ScrollBarAsNeeded
                                                            : Qt::ScrollBarAlwaysOff);
    if (m_edit->height() != height || m_edit->minimumHeight() != height)
        m_edit->setFixedHeight(height);
}

} // namespace plein::app
