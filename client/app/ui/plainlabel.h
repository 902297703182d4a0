#pragma once

#include <QLabel>

namespace plein::app {

// A label for what people wrote (a title, a name, a comment): always plain text, never
// markup, wrapped, and selectable so it can be copied.
inline QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace plein::app
