#include "pages/feed/cardstyle.h"

#include <QFontMetrics>
#include <QIcon>
#include <QPaintDevice>
#include <QPainter>
#include <QPixmapCache>
#include <QStaticText>
#include <QString>
#include <QStyleOptionViewItem>

#include <cmath>

namespace plein::app::cardstyle {

namespace {

double luminance(const QColor& c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

bool isDark(const QColor& c)
{
    return luminance(c) < 0.18;
}

} // namespace

QColor mix(const QColor& a, const QColor& b, double bAmount)
{
    const double k = std::clamp(bAmount, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - k) + b.redF() * k),
                            float(a.greenF() * (1 - k) + b.greenF() * k),
                            float(a.blueF() * (1 - k) + b.blueF() * k));
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readable(const QColor& colour, const QColor& background, const QColor& toward, double ratio)
{
    QColor c = colour;
    for (int step = 1; step <= 10 && contrast(c, background) < ratio; ++step)
        c = mix(colour, toward, step / 10.0);
    return c;
}

Colours colours(const QPalette& palette, bool card, bool selected, bool hovered)
{
    Colours c;
    const QColor base = palette.color(card ? QPalette::Base : QPalette::Window);
    const QColor highlight = palette.color(QPalette::Highlight);
    c.text = palette.color(card ? QPalette::Text : QPalette::WindowText);
    // The selection is a tint, light enough that every colour below still reads on it.
    c.background = selected ? mix(base, highlight, isDark(base) ? 0.22 : 0.10) : base;
    c.text = readable(c.text, c.background, isDark(c.background) ? Qt::white : Qt::black, 7.0);
    c.border = selected ? highlight : mix(base, c.text, hovered ? 0.28 : 0.14);
    c.secondary = readable(mix(c.text, c.background, 0.38), c.background, c.text);
    c.chip = mix(c.background, c.text, 0.08);
    const bool dark = isDark(c.background);
    c.danger = readable(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e), c.background,
                        c.text);
    c.dangerChip = mix(c.background, c.danger, 0.14);
    c.accent = readable(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f), c.background,
                        c.text, 3.0);
    c.hover = mix(c.background, c.text, 0.08);
    c.pressed = mix(c.background, c.text, 0.16);
    return c;
}

void paintFrame(QPainter& painter, const QRect& rect, int radius, const QColor& fill,
                const QColor& border, qreal borderWidth)
{
    radius = std::clamp(radius, 1, std::min(rect.width(), rect.height()) / 2);
    if (rect.width() <= 2 * radius + 2 || rect.height() <= 2 * radius + 2) {
        // Too small to cut in nine: drawn as a path.
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(border.isValid() ? QPen(border, borderWidth) : QPen(Qt::NoPen));
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        painter.restore();
        return;
    }
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    // Corners of `radius` with 2 px between them; the sides are filled, not drawn from it.
    const int side = 2 * radius + 2;
    const QString key = QStringLiteral("plein-frame:%1:%2:%3:%4:%5")
                            .arg(fill.rgba())
                            .arg(border.isValid() ? border.rgba() : 0)
                            .arg(int(borderWidth * 10))
                            .arg(radius)
                            .arg(int(ratio * 100));
    QPixmap pm;
    if (!QPixmapCache::find(key, &pm)) {
        pm = QPixmap(QSize(side, side) * ratio);
        pm.setDevicePixelRatio(ratio);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal pen = border.isValid() ? std::max(1, qRound(borderWidth)) : 0;
        p.setPen(border.isValid() ? QPen(border, pen) : QPen(Qt::NoPen));
        p.setBrush(fill);
        const qreal inset = pen / 2;
        p.drawRoundedRect(QRectF(0, 0, side, side).adjusted(inset, inset, -inset, -inset), radius,
                          radius);
        p.end();
        QPixmapCache::insert(key, pm);
    }
    // Corners copied from the pixmap as they are (no scaling, which is slow); sides and middle
    // filled.
    const int r = radius;
    const int bw = border.isValid() ? std::max(1, qRound(borderWidth)) : 0;
    const QRect t = rect;
    const auto corner = [&](int x, int y, int sx, int sy) {
        painter.drawPixmap(QPointF(x, y), pm, QRectF(sx * ratio, sy * ratio, r * ratio, r * ratio));
    };
    corner(t.left(), t.top(), 0, 0);
    corner(t.right() + 1 - r, t.top(), r + 2, 0);
    corner(t.left(), t.bottom() + 1 - r, 0, r + 2);
    corner(t.right() + 1 - r, t.bottom() + 1 - r, r + 2, r + 2);
    const int midW = t.width() - 2 * r;
    const int midH = t.height() - 2 * r;
    if (fill.alpha() > 0) {
        painter.fillRect(QRect(t.left() + r, t.top() + bw, midW, r - bw), fill);
        painter.fillRect(QRect(t.left() + r, t.bottom() + 1 - r, midW, r - bw), fill);
        painter.fillRect(QRect(t.left() + bw, t.top() + r, t.width() - 2 * bw, midH), fill);
    }
    if (bw > 0) {
        painter.fillRect(QRect(t.left() + r, t.top(), midW, bw), border);
        painter.fillRect(QRect(t.left() + r, t.bottom() + 1 - bw, midW, bw), border);
        painter.fillRect(QRect(t.left(), t.top() + r, bw, midH), border);
        painter.fillRect(QRect(t.right() + 1 - bw, t.top() + r, bw, midH), border);
    }
}

void paintChip(QPainter& painter, const QRect& rect, const QStaticText& label, const QFont& font,
               const QColor& fill, const QColor& textColour)
{
    painter.save();
    paintFrame(painter, rect, rect.height() / 2, fill, QColor());
    painter.setFont(font);
    painter.setPen(textColour);
    const QSizeF size = label.size();
    painter.drawStaticText(QPointF(rect.left() + (rect.width() - size.width()) / 2.0,
                                   rect.top() + (rect.height() - size.height()) / 2.0),
                           label);
    painter.restore();
}

int buttonWidth(const QString& text, const QFont& font, bool withIcon)
{
    int width = 2 * buttonPadding;
    if (withIcon)
        width += buttonIcon;
    if (!text.isEmpty())
        width += QFontMetrics(font).horizontalAdvance(text) + (withIcon ? 6 : 0);
    return width;
}

void paintButton(QPainter& painter, const QRect& rect, const QIcon& icon, const QStaticText* label,
                 const QFont& font, const QColor& textColour, const QColor& fill)
{
    if (fill.isValid())
        paintFrame(painter, rect, 6, fill, QColor());
    const bool hasLabel = label && !label->text().isEmpty();
    // Without a label the icon is centred (the "…" button).
    int x = hasLabel ? rect.left() + buttonPadding : rect.left() + (rect.width() - buttonIcon) / 2;
    if (!icon.isNull()) {
        icon.paint(&painter,
                   QRect(x, rect.top() + (rect.height() - buttonIcon) / 2, buttonIcon, buttonIcon));
        x += buttonIcon + 6;
    }
    if (hasLabel) {
        painter.setFont(font);
        painter.setPen(textColour);
        painter.drawStaticText(
            QPointF(x, rect.top() + (rect.height() - label->size().height()) / 2.0), *label);
    }
}

QRect paintListRow(QPainter& painter, const QStyleOptionViewItem& option, const Colours& colours,
                   bool outlineSelected)
{
    const QPalette& pal = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const QRect row = option.rect.adjusted(6, 2, -6, -2);
    if (selected || hovered)
        paintFrame(painter, row, 8,
                   selected ? mix(colours.background, pal.color(QPalette::Highlight), 0.16)
                            : colours.hover,
                   selected && outlineSelected ? pal.color(QPalette::Highlight) : QColor());
    return row;
}

} // namespace plein::app::cardstyle
