#include "ui/attachmentblock.h"

#include "pages/feed/cardstyle.h"
#include "ui/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QVariantMap>

#include <algorithm>

namespace plein::app {

namespace {

constexpr int smallSide = 256;
constexpr int minSide = 48;
constexpr int chipButton = 26;
constexpr int radius = 6;

// `pixmap` covering `rect`, cut to it with rounded corners.
void drawCover(QPainter& painter, const QRect& rect, const QPixmap& pixmap)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(rect), radius, radius);
    painter.setClipPath(clip, Qt::IntersectClip);
    const QSizeF size = QSizeF(pixmap.size()) / pixmap.devicePixelRatio();
    const qreal scale = std::max(rect.width() / size.width(), rect.height() / size.height());
    const QSizeF drawn = size * scale;
    painter.drawPixmap(QRectF(rect.left() + (rect.width() - drawn.width()) / 2,
                              rect.top() + (rect.height() - drawn.height()) / 2, drawn.width(),
                              drawn.height()),
                       pixmap, QRectF(pixmap.rect()));
    painter.restore();
}

} // namespace

ShownFile ShownFile::fromVariant(const QVariant& value)
{
    const QVariantMap m = value.toMap();
    ShownFile f;
    f.id = m.value(QStringLiteral("id")).toString();
    f.name = m.value(QStringLiteral("name")).toString();
    f.type = m.value(QStringLiteral("type")).toString();
    f.size = m.value(QStringLiteral("size")).toLongLong();
    const int w = m.value(QStringLiteral("width")).toInt();
    const int h = m.value(QStringLiteral("height")).toInt();
    if (w > 0 && h > 0)
        f.pixels = QSize(w, h);
    f.localPath = m.value(QStringLiteral("path")).toString();
    f.progress = m.value(QStringLiteral("progress"), -1.0).toDouble();
    f.failed = m.value(QStringLiteral("failed")).toBool();
    return f;
}

QList<ShownFile> ShownFile::fromVariantList(const QVariant& value)
{
    QList<ShownFile> files;
    for (const QVariant& v : value.toList())
        files.append(fromVariant(v));
    return files;
}

AttachmentBlock AttachmentBlock::layout(const QList<ShownFile>& files, int width, const QFont& font)
{
    AttachmentBlock block;
    if (files.isEmpty() || width <= 0)
        return block;
    QList<int> images;
    QList<int> others;
    for (int i = 0; i < files.size(); ++i)
        (files.at(i).isImage() ? images : others).append(i);
    int y = 0;
    if (images.size() == 1) {
        const ShownFile& f = files.at(images.first());
        const QSize pixels = f.pixels.isEmpty() ? QSize(4, 3) * 64 : f.pixels;
        const bool big = pixels.width() > smallSide || pixels.height() > smallSide;
        const QSize box = big ? QSize(std::min(width, bigWidth), bigHeight)
                              : QSize(std::min(width, smallSide), smallSide);
        QSize size = pixels.scaled(box, Qt::KeepAspectRatio);
        if (!big)
            size = size.boundedTo(pixels);
        size = size.expandedTo(QSize(minSide, minSide)).boundedTo(QSize(width, bigHeight));
        block.m_items.append({images.first(), QRect(QPoint(0, 0), size), true, big ? 1024 : 256});
        y = size.height();
    } else if (!images.isEmpty()) {
        const int n = int(images.size());
        const int columns = (n == 2 || n == 4) ? 2 : 3;
        const int cell
            = std::max(minSide, std::min(gridCell, (width - (columns - 1) * gap) / columns));
        for (int k = 0; k < n; ++k) {
            const QRect rect((k % columns) * (cell + gap), (k / columns) * (cell + gap), cell,
                             cell);
            block.m_items.append({images.at(k), rect, true, 256});
            y = rect.bottom() + 1;
        }
    }
    if (!others.isEmpty()) {
        if (y > 0)
            y += gap;
        const int w = std::min(width, chipWidth);
        const int h = filechip::height(font);
        int x = 0;
        for (int i : others) {
            if (x > 0 && x + w > width) {
                x = 0;
                y += h + gap;
            }
            Item item {i, QRect(x, y, w, h), false, 0};
            const int top = item.rect.top() + (h - chipButton) / 2;
            item.save = QRect(item.rect.right() - 4 - chipButton + 1, top, chipButton, chipButton);
            item.open = item.save.translated(-chipButton - 2, 0);
            block.m_items.append(item);
            x += w + gap;
        }
        y += h;
    }
    block.m_height = y;
    return block;
}

std::pair<int, AttachmentBlock::Action> AttachmentBlock::at(const QPoint& pos) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        const Item& item = m_items.at(i);
        if (!item.rect.contains(pos))
            continue;
        if (item.image)
            return {i, Action::View};
        if (item.save.contains(pos))
            return {i, Action::SaveAs};
        // The chip opens the file, as its Open button does.
        return {i, Action::Open};
    }
    return {-1, Action::None};
}

void AttachmentBlock::paint(QPainter& painter, const QPoint& origin, const QList<ShownFile>& files,
                            const Thumbnails& thumbnails, const Look& look, int hoveredItem,
                            Action hoveredAction) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        const Item& item = m_items.at(i);
        if (item.file < 0 || item.file >= files.size())
            continue;
        const ShownFile& f = files.at(item.file);
        const QRect rect = item.rect.translated(origin);
        const bool hovered = i == hoveredItem;
        if (item.image) {
            const QPixmap pixmap = thumbnails ? thumbnails(f, item.thumbnail) : QPixmap();
            if (pixmap.isNull()) {
                cardstyle::paintFrame(painter, rect, radius, look.placeholder, look.chip.border);
                const int side = std::min({32, rect.width() / 2, rect.height() / 2});
                icons::icon(icons::Icon::Image, look.chip.secondary)
                    .paint(&painter,
                           QRect(rect.center() - QPoint(side / 2, side / 2), QSize(side, side)));
            } else {
                drawCover(painter, rect, pixmap);
                if (hovered) {
                    QColor shade = Qt::black;
                    shade.setAlpha(30);
                    cardstyle::paintFrame(painter, rect, radius, shade, QColor());
                }
            }
        } else {
            filechip::paint(painter, rect, QPixmap(), filechip::typeIcon(f.type), f.name,
                            filechip::detailText(f.type, f.name, f.size), look.chip,
                            2 * chipButton + 6, f.failed);
            const auto button = [&](const QRect& r, icons::Icon icon, Action action) {
                const QColor fill = hovered && hoveredAction == action ? look.hover : QColor();
                cardstyle::paintButton(painter, r.translated(origin),
                                       icons::icon(icon, look.chip.secondary), nullptr,
                                       look.chip.font, look.chip.secondary, fill);
            };
            button(item.open, icons::Icon::OpenExternal, Action::Open);
            button(item.save, icons::Icon::Download, Action::SaveAs);
        }
        if (f.failed) {
            cardstyle::paintFrame(painter, rect, radius, Qt::transparent, look.chip.danger, 2.0);
        } else if (f.progress >= 0 && f.progress < 1) {
            // An upload on its way: a thin bar along the bottom.
            const QRect track(rect.left() + 6, rect.bottom() - 7, rect.width() - 12, 4);
            cardstyle::paintFrame(painter, track, 2, look.placeholder, QColor());
            QRect done = track;
            done.setWidth(std::max(4, int(track.width() * f.progress)));
            cardstyle::paintFrame(painter, done, 2, look.progress, QColor());
        }
    }
}

} // namespace plein::app
