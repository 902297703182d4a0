#pragma once

#include <QColor>
#include <QPalette>

class QFont;
class QIcon;
class QPainter;
class QRect;
class QStaticText;
class QString;
class QStyleOptionViewItem;

namespace plein::app::cardstyle {

// The colours of a post's card, derived from the palette so that light and dark desktops both
// work: a card is QPalette::Base on the list's QPalette::Window, with a subtle border; a selected
// card keeps its text colours and shows the selection as a Highlight border and a light
// Highlight tint, so grey text and links stay readable on it (never text on full Highlight).
struct Colours
{
    QColor background; // what the text is drawn on
    QColor border;
    QColor text;
    QColor secondary; // times, counts, "edited": readable on `background` (4.5:1 or better)
    QColor chip; // a chip's fill
    QColor danger; // refused writes
    QColor dangerChip;
    QColor accent; // a liked heart
    QColor hover; // a button under the pointer
    QColor pressed;
};

// `card`: a top-level post's card (on Base); otherwise a reply, drawn on the list's Window.
Colours colours(const QPalette& palette, bool card, bool selected, bool hovered);

// WCAG contrast ratio of two colours, 1 to 21.
double contrast(const QColor& a, const QColor& b);
// `colour`, moved toward `toward` until it reads on `background` at `ratio`.
QColor readable(const QColor& colour, const QColor& background, const QColor& toward,
                double ratio = 4.5);
QColor mix(const QColor& a, const QColor& b, double bAmount);

// A rounded rectangle filled with `fill` and outlined with `border` (no outline when invalid),
// from a cached nine-patch pixmap: an antialiased path for every card of every frame costs
// more than the rest of the card.
void paintFrame(QPainter& painter, const QRect& rect, int radius, const QColor& fill,
                const QColor& border, qreal borderWidth = 1.0);

// A row of a plain list (conversations, search hits) as the pointer and the selection show it:
// a tinted rounded rectangle when selected (outlined in Highlight when `outlineSelected`), the
// hover colour under the pointer, nothing otherwise. Returns the row's rectangle, inset from
// the item's.
QRect paintListRow(QPainter& painter, const QStyleOptionViewItem& option, const Colours& colours,
                   bool outlineSelected);

// A small rounded label in the header ("Pinned", a group's name, "Not sent"), its text laid
// out in `font` beforehand.
void paintChip(QPainter& painter, const QRect& rect, const QStaticText& label, const QFont& font,
               const QColor& fill, const QColor& textColour);
// A flat button on the card: icon and label (none when null), with a fill when hovered or
// pressed (none when invalid).
void paintButton(QPainter& painter, const QRect& rect, const QIcon& icon, const QStaticText* label,
                 const QFont& font, const QColor& textColour, const QColor& fill);

// The size of the button paintButton() draws for `text` (with an icon when `withIcon`).
int buttonWidth(const QString& text, const QFont& font, bool withIcon);

constexpr int buttonIcon = 16;
constexpr int buttonPadding = 8;
constexpr int chipPadding = 7;

} // namespace plein::app::cardstyle
