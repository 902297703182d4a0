#include "shell/noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace plein::app {

NoticeBar::NoticeBar(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // notices quote the server and other people
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QPushButton(tr("Dismiss"), this);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(dismiss);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    colours.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    setPalette(colours);
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
}

QString NoticeBar::text() const
{
    return m_text->text();
}

void NoticeBar::setText(const QString& text)
{
    m_text->setText(text);
}

} // namespace plein::app
