#include "pages/feed/composer.h"

#include "protocol/limits.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

Composer::Composer(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
{
    m_edit->setPlaceholderText(tr("Write a post… (Ctrl+Enter sends)"));
    m_edit->setMaximumHeight(110);
    m_edit->installEventFilter(this);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_counter);
    row->addStretch();
    row->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addLayout(row);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateCounter);
    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    updateCounter();
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

void Composer::submit()
{
    const QString body = text();
    if (body.trimmed().isEmpty() || charactersLeft() < 0)
        return;
    m_edit->clear();
    Q_EMIT submitted(body);
}

bool Composer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::updateCounter()
{
    const int left = charactersLeft();
    m_counter->setText(tr("%n character(s) left", nullptr, left));
    m_counter->setStyleSheet(left < 0 ? QStringLiteral("color: red") : QString());
    m_send->setEnabled(left >= 0 && !text().trimmed().isEmpty());
}

} // namespace plein::app
