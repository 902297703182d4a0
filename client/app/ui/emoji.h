#pragma once

#include <QString>

class QPainter;
class QRect;

namespace plein::app::emoji {

// Paints an emoji centred in `rect`, `pixelSize` high, from a pixmap made once per emoji, size
// and device pixel ratio. Colour emoji fonts keep their glyphs as PNG images that the text
// engine decodes and scales again on every paint; the reaction chips and the message toolbar
// paint several in every frame of a scrolling conversation.
void paint(QPainter& painter, const QRect& rect, const QString& emoji, int pixelSize);

} // namespace plein::app::emoji
