#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QRect;

namespace plein::app::avatar {

// A person's picture until profiles have photos: their initials on a colour derived from who
// they are, so the same person has the same colour on every screen and every computer.

// One or two letters: the first letters of the first and last word of the name ("Anna de
// Vries" -> "AV"), the first letter of a one-word name, or "?" for an empty name.
QString initials(const QString& displayName);

// A colour from a fixed palette of 16, chosen by `key` (the username, which never changes),
// dark enough for white text in light and dark themes alike.
QColor colourFor(const QString& key);

// Paints the avatar as a circle filling `rect` (the smaller side), antialiased.
void paint(QPainter& painter, const QRect& rect, const QString& displayName, const QString& key);

} // namespace plein::app::avatar
