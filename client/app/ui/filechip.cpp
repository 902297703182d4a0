#include "ui/filechip.h"

#include "pages/feed/cardstyle.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
#include <QPainterPath>

namespace plein::app::filechip {

namespace {

QFont smallFont(const QFont& font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 9);
    return small;
}

constexpr int padding = 6;

} // namespace

QString sizeText(qint64 bytes)
{
    // kB, MB as people read them (powers of 1000), in the language of the app.
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString typeText(const QString& mimeType, const QString& name)
{
    const QMimeDatabase db;
    QMimeType type = db.mimeTypeForName(mimeType);
    if (!type.isValid() || type.isDefault())
        type = db.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    if (type.isValid() && !type.isDefault() && !type.comment().isEmpty())
        return type.comment();
    const QString suffix = QFileInfo(name).suffix();
    return suffix.isEmpty()
        ? QCoreApplication::translate("plein::app::filechip", "File")
        : QCoreApplication::translate("plein::app::filechip", "%1 file").arg(suffix.toUpper());
}

QString detailText(const QString& mimeType, const QString& name, qint64 bytes)
{
    return QStringLiteral("%1 · %2").arg(typeText(mimeType, name), sizeText(bytes));
}

bool isImage(const QString& mimeType)
{
    return mimeType.startsWith(QLatin1StringView("image/"));
}

icons::Icon typeIcon(const QString& mimeType)
{
    return isImage(mimeType) ? icons::Icon::Image : icons::Icon::File;
}

int height(const QFont& font)
{
    const int lines = QFontMetrics(font).height() + QFontMetrics(smallFont(font)).height();
    return std::max(thumbnailSize, lines) + 2 * padding;
}

void paint(QPainter& painter, const QRect& rect, const QPixmap& thumbnail, icons::Icon icon,
           const QString& name, const QString& detail, const Look& look, int rightReserve,
           bool failed)
{
    painter.save();
    cardstyle::paintFrame(painter, rect, 6, look.fill, look.border);
    const QRect picture(rect.left() + padding, rect.top() + (rect.height() - thumbnailSize) / 2,
                        thumbnailSize, thumbnailSize);
    if (!thumbnail.isNull()) {
        // The thumbnail fills its square, cut to it, with rounded corners.
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        QPainterPath clip;
        clip.addRoundedRect(QRectF(picture), 4, 4);
        painter.setClipPath(clip, Qt::IntersectClip);
        const QSizeF size = QSizeF(thumbnail.size()) / thumbnail.devicePixelRatio();
        const qreal scale
            = std::max(picture.width() / size.width(), picture.height() / size.height());
        const QSizeF drawn = size * scale;
        painter.drawPixmap(QRectF(picture.center().x() + 0.5 - drawn.width() / 2,
                                  picture.center().y() + 0.5 - drawn.height() / 2, drawn.width(),
                                  drawn.height()),
                           thumbnail, QRectF(thumbnail.rect()));
        painter.setClipping(false);
    } else {
        const int inset = 4;
        icons::icon(icon, look.text)
            .paint(&painter, picture.adjusted(inset, inset, -inset, -inset));
    }
    const int textLeft = picture.right() + 1 + padding + 2;
    const int textWidth = std::max(0, rect.right() - padding - rightReserve - textLeft);
    const QFont small = smallFont(look.font);
    const QFontMetrics nameMetrics(look.font);
    const QFontMetrics detailMetrics(small);
    const int textHeight = nameMetrics.height() + detailMetrics.height();
    const int top = rect.top() + (rect.height() - textHeight) / 2;
    painter.setFont(look.font);
    painter.setPen(look.text);
    painter.drawText(QRect(textLeft, top, textWidth, nameMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(name, Qt::ElideMiddle, textWidth));
    painter.setFont(small);
    painter.setPen(failed ? look.danger : look.secondary);
    painter.drawText(QRect(textLeft, top + nameMetrics.height(), textWidth, detailMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     detailMetrics.elidedText(detail, Qt::ElideRight, textWidth));
    painter.restore();
}

} // namespace plein::app::filechip
