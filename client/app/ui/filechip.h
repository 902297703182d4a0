#pragma once

#include "ui/icons.h"

#include <QColor>
#include <QFont>
#include <QPixmap>
#include <QString>

class QPainter;
class QRect;

namespace plein::app::filechip {

// How a file is named to the person, the same in the composer's tray, on posts and in chat:
// "48 kB" in the language of the app, "PNG image" from the desktop's MIME database (in its
// language), and the icon of its kind.
QString sizeText(qint64 bytes);
QString typeText(const QString& mimeType, const QString& name);
// "PNG image · 48 kB"
QString detailText(const QString& mimeType, const QString& name, qint64 bytes);
icons::Icon typeIcon(const QString& mimeType);
bool isImage(const QString& mimeType);

// One file as a chip: a rounded box with the thumbnail (or the icon of its kind) at the left,
// the name elided on the first line and `detail` under it. `rightReserve`: pixels kept free at
// the right edge for buttons drawn over the chip. Colours as the card's.
struct Look
{
    QFont font;
    QColor fill;
    QColor border;
    QColor text;
    QColor secondary;
    QColor danger; // the detail line when `failed`
};
void paint(QPainter& painter, const QRect& rect, const QPixmap& thumbnail, icons::Icon icon,
           const QString& name, const QString& detail, const Look& look, int rightReserve = 0,
           bool failed = false);
// The height paint() wants for `font`; the width is the caller's.
int height(const QFont& font);
constexpr int preferredWidth = 240;
constexpr int thumbnailSize = 32;

} // namespace plein::app::filechip
