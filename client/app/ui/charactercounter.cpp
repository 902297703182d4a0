#include "ui/charactercounter.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPalette>

namespace plein::app::charactercounter {

namespace {

QColor warningColour(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xc0, 0x1c, 0x28);
}

} // namespace

void update(QLabel& counter, int left, int threshold, const QPalette& palette)
{
    // Far from the limit the count is noise; near it, the person wants to know.
    counter.setVisible(left <= threshold);
    QPalette shown = counter.palette();
    if (left < 0) {
        // tr() fills %n only for counts of zero or more: the count over the limit has its own.
        counter.setText(QCoreApplication::translate("plein::app::CharacterCounter",
                                                    "%n character(s) too many", nullptr, -left));
        shown.setColor(QPalette::WindowText, warningColour(palette));
    } else {
        counter.setText(QCoreApplication::translate("plein::app::CharacterCounter",
                                                    "%n character(s) left", nullptr, left));
        shown.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    }
    counter.setPalette(shown);
}

} // namespace plein::app::charactercounter
