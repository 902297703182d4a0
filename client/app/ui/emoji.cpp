#include "ui/emoji.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

#include <cmath>

namespace plein::app::emoji {

void paint(QPainter& painter, const QRect& rect, const QString& emoji, int pixelSize)
{
    if (emoji.isEmpty() || pixelSize <= 0)
        return;
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    // Room for glyphs that reach beyond their em square.
    const int side = pixelSize + pixelSize / 2;
    // Without a colour emoji font the glyph is drawn in the pen's colour, in the painter's font.
    const QString key = QStringLiteral("plein-emoji:%1:%2:%3:%4:%5")
                            .arg(emoji)
                            .arg(pixelSize)
                            .arg(ratio)
                            .arg(painter.pen().color().rgba())
                            .arg(painter.font().family());
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        const int device = int(std::ceil(side * ratio));
        pixmap = QPixmap(device, device);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        QFont font = painter.font();
        font.setPixelSize(pixelSize);
        p.setFont(font);
        p.setPen(painter.pen());
        p.drawText(QRect(0, 0, side, side), Qt::AlignCenter, emoji);
        p.end();
        QPixmapCache::insert(key, pixmap);
    }
    const QPoint at(rect.center().x() - side / 2 + 1, rect.center().y() - side / 2 + 1);
    painter.drawPixmap(at, pixmap);
}

} // namespace plein::app::emoji
