#include "pages/feed/posteditor.h"

#include "protocol/limits.h"

#include <QAbstractTextDocumentLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int minLines = 3;
constexpr int maxLines = 14;
constexpr int spacing = 6;

} // namespace

PostEditor::PostEditor(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_hint(new QLabel(tr("Ctrl+Enter saves · Escape cancels"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_save(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("postEditor"));
    // It lies over the card: the card's own colour around the text box.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save the post (Ctrl+Enter)"));
    m_cancel->setToolTip(tr("Keep the post as it was (Escape)"));
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacing);
    layout->addWidget(m_edit, 1);
    layout->addLayout(buttons);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &PostEditor::refresh);
    // Lines wrap as the text or the width changes: the row must follow.
    connect(m_edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, &PostEditor::refresh);
    connect(m_save, &QPushButton::clicked, this, &PostEditor::save);
    connect(m_cancel, &QPushButton::clicked, this, &PostEditor::cancelled);
    refresh();
}

void PostEditor::setText(const QString& text)
{
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
}

QString PostEditor::text() const
{
    return m_edit->toPlainText();
}

int PostEditor::editorHeight() const
{
    int lines = 0;
    for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    lines = std::clamp(lines, minLines, maxLines);
    const int frame = m_edit->frameWidth() * 2;
    const qreal margin = m_edit->document()->documentMargin() * 2;
    return lines * m_edit->fontMetrics().lineSpacing() + frame + int(margin) + 2;
}

QSize PostEditor::sizeHint() const
{
    const int buttons = std::max(m_save->sizeHint().height(), m_cancel->sizeHint().height());
    return QSize(QWidget::sizeHint().width(), editorHeight() + spacing + buttons);
}

void PostEditor::save()
{
    const QString body = text();
    if (!acceptable(body))
        return;
    Q_EMIT saved(body);
}

void PostEditor::setMayBeEmpty(bool mayBeEmpty)
{
    m_mayBeEmpty = mayBeEmpty;
    refresh();
}

bool PostEditor::acceptable(const QString& body) const
{
    return (m_mayBeEmpty || !body.trimmed().isEmpty()) && body.size() <= protocol::maxPostChars;
}

bool PostEditor::eventFilter(QObject* watched, QEvent* event)
{
    // Escape and Ctrl+Enter are the editor's while it has the focus, whatever shortcuts the
    // window has for them.
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier)
            || ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                && key->modifiers().testFlag(Qt::ControlModifier))) {
            key->accept();
            return true;
        }
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            save();
            return true;
        }
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            Q_EMIT cancelled();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PostEditor::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Another width wraps the lines anew.
    refresh();
}

void PostEditor::refresh()
{
    const QString body = text();
    const int over = int(body.size()) - protocol::maxPostChars;
    m_save->setEnabled(acceptable(body));
    m_hint->setText(over > 0 ? tr("%n character(s) too many", nullptr, over)
                             : tr("Ctrl+Enter saves · Escape cancels"));
    const int height = sizeHint().height();
    if (height != m_height) {
        m_height = height;
        Q_EMIT heightChanged();
    }
}

} // namespace plein::app
