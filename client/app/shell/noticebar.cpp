#include "shell/noticebar.h"

#include "ui/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>

namespace plein::app {

namespace {

constexpr int maxWidth = 720;
constexpr int outerMargin = 12;
constexpr int radius = 8;

// Amber, toned to the palette: light on a light window, dark on a dark one, so the text keeps
// its contrast in both.
QColor noticeColour(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0x4a, 0x3b, 0x10) : QColor(0xff, 0xf1, 0xc2);
}

} // namespace

NoticeBar::NoticeBar(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // notices quote the server and other people
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_icon->setPixmap(icons::icon(icons::Icon::Offline).pixmap(QSize(18, 18)));
    m_icon->setAlignment(Qt::AlignTop);
    auto* dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setFlat(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 10, 10, 10);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(dismiss, 0, Qt::AlignVCenter);
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
}

QString NoticeBar::text() const
{
    return m_text->text();
}

void NoticeBar::setText(const QString& text)
{
    m_text->setText(text);
    place();
}

void NoticeBar::anchorTo(QWidget* area)
{
    if (m_area)
        m_area->removeEventFilter(this);
    m_area = area;
    if (m_area)
        m_area->installEventFilter(this);
    place();
}

bool NoticeBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_area && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        place();
    return QWidget::eventFilter(watched, event);
}

void NoticeBar::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    place();
    raise();
}

// Bottom centre of the area, in the parent's coordinates, as tall as the wrapped text needs.
void NoticeBar::place()
{
    if (!m_area || !parentWidget())
        return;
    const QRect area(m_area->mapTo(parentWidget(), QPoint(0, 0)), m_area->size());
    const int width = std::min(maxWidth, area.width() - 2 * outerMargin);
    if (width <= 0)
        return;
    const int height = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width)
                                                     : sizeHint().height();
    setGeometry(area.left() + (area.width() - width) / 2, area.bottom() - outerMargin - height,
                width, height);
}

void NoticeBar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // A soft shadow of a few rings, then the card: it sits above the page, not in it.
    const QRectF card = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -2.5);
    for (int i = 3; i >= 1; --i) {
        QColor shadow(0, 0, 0, 18);
        p.setPen(Qt::NoPen);
        p.setBrush(shadow);
        p.drawRoundedRect(card.adjusted(-i * 0.5, -i * 0.3, i * 0.5, i * 0.8), radius + i,
                          radius + i);
    }
    const QColor fill = noticeColour(palette());
    p.setBrush(fill);
    p.setPen(QPen(fill.darker(125), 1));
    p.drawRoundedRect(card, radius, radius);
}

} // namespace plein::app
