#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRect>
#include <QString>

class QModelIndex;
class QPainter;
class QPalette;

namespace plein::app {

// The small bar of actions over the message under the pointer, as in Slack, Teams or Element:
// a few quick reactions, the reaction picker, Reply, Edit and Delete for one's own, and "…"
// for the rest. The message view paints it over the rows and hands its clicks on.
struct MessageToolbar
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::MessageToolbar)

public:
    enum class Action { QuickReaction, React, Reply, Edit, Delete, More };
    struct Item
    {
        Action action = Action::More;
        QString reaction; // QuickReaction
        QString emoji;
        QRect rect;
    };

    // The bar for the message at `index`, whose message area is `message` (viewport
    // coordinates), in a viewport `width` wide. Empty for a deleted message. `separated`: a
    // day separator or the unread divider is right above the message, which the bar must not
    // cover.
    static MessageToolbar forMessage(const QModelIndex& index, const QRect& message, int width,
                                     bool separated = false);

    void paint(QPainter& painter, const QPalette& palette, int hovered, int pressed) const;
    // The item under `pos`, or -1.
    int itemAt(const QPoint& pos) const;
    static QString toolTip(const Item& item);
    bool isEmpty() const { return items.isEmpty(); }

    QRect rect;
    QList<Item> items;
};

} // namespace plein::app
