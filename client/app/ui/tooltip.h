#pragma once

#include <QString>

namespace plein::app {

// A tooltip that shows `text` as it is. Qt reads a tooltip as rich text when a tag appears
// anywhere in its first line (Qt::mightBeRichText), and would then load what an <img> names:
// a group called "<img src=/dev/zero>" must not hang whoever hovers it. Every tooltip that
// carries user or server text goes through this.
inline QString plainToolTip(const QString& text)
{
    return text.isEmpty() ? QString()
                          : QStringLiteral("<qt>") + text.toHtmlEscaped() + QStringLiteral("</qt>");
}

// The text of a button that shows `text` as it is: a QPushButton reads '&' as the mark of a
// shortcut letter, so a tag "R&D" would show "RD" and make Alt+D press it.
inline QString plainButtonText(QString text)
{
    return text.replace(u'&', QStringLiteral("&&"));
}

} // namespace plein::app
