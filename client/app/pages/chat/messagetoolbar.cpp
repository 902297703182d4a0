#include "pages/chat/messagetoolbar.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat/messagelistmodel.h"
#include "pages/chat/chattexts.h"
#include "pages/feed/cardstyle.h"
#include "ui/emoji.h"
#include "ui/icons.h"

#include <QModelIndex>
#include <QPainter>
#include <QPalette>

namespace plein::app {

using client::MessageListModel;
using Action = MessageToolbar::Action;

namespace {

constexpr int button = 28;
constexpr int pad = 3;
// Below this width the quick reactions give their room to the text.
constexpr int quickReactionsWidth = 520;
constexpr std::array quickReactions {0, 1, 2}; // thumbs up, heart, laughing

// A smiling face with a plus: "add a reaction", drawn so that it follows the palette.
void paintReactIcon(QPainter& painter, const QRect& rect, const QColor& colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1.4));
    painter.setBrush(Qt::NoBrush);
    const QRectF face = QRectF(rect).adjusted(1, 1, -5, -5);
    painter.drawEllipse(face);
    const qreal eye = face.width() / 12.0;
    painter.setBrush(colour);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(
        QPointF(face.left() + face.width() * 0.34, face.top() + face.height() * 0.38), eye, eye);
    painter.drawEllipse(
        QPointF(face.left() + face.width() * 0.66, face.top() + face.height() * 0.38), eye, eye);
    painter.setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    const QRectF mouth = face.adjusted(face.width() * 0.25, face.height() * 0.3,
                                       -face.width() * 0.25, -face.height() * 0.22);
    painter.drawArc(mouth, 200 * 16, 140 * 16);
    // The plus at the lower right.
    const QPointF plus(rect.right() - 3.0, rect.bottom() - 3.0);
    painter.drawLine(plus - QPointF(3, 0), plus + QPointF(3, 0));
    painter.drawLine(plus - QPointF(0, 3), plus + QPointF(0, 3));
    painter.restore();
}

} // namespace

MessageToolbar MessageToolbar::forMessage(const QModelIndex& index, const QRect& message, int width,
                                          bool separated)
{
    MessageToolbar bar;
    if (!index.isValid() || index.data(MessageListModel::DeletedRole).toBool())
        return bar;
    const bool confirmed = index.data(MessageListModel::IdRole).toLongLong() > 0;
    const bool mine = index.data(MessageListModel::MineRole).toBool();
    if (confirmed) {
        if (width >= quickReactionsWidth) {
            for (int i : quickReactions) {
                const auto& r = protocol::chat::reactions.at(i);
                bar.items.append(
                    {Action::QuickReaction, QString(r.name), QString::fromUtf8(r.emoji), {}});
            }
        }
        bar.items.append({Action::React, {}, {}, {}});
        bar.items.append({Action::Reply, {}, {}, {}});
    }
    if (mine) {
        bar.items.append({Action::Edit, {}, {}, {}});
        if (confirmed)
            bar.items.append({Action::Delete, {}, {}, {}});
    }
    bar.items.append({Action::More, {}, {}, {}});
    const int w = int(bar.items.size()) * button + 2 * pad;
    const int h = button + 2 * pad;
    const int side = width < 480 ? 10 : 16;
    // Over the top edge of the message, into the space above it, as Slack places it; below a
    // separator, inside the message.
    const int top = separated ? message.top() + 2 : message.top() - h / 2;
    bar.rect = QRect(width - side - w, std::max(2, top), w, h);
    int x = bar.rect.left() + pad;
    for (Item& item : bar.items) {
        item.rect = QRect(x, bar.rect.top() + pad, button, button);
        x += button;
    }
    return bar;
}

void MessageToolbar::paint(QPainter& painter, const QPalette& palette, int hovered,
                           int pressed) const
{
    if (items.isEmpty())
        return;
    const auto colours = cardstyle::colours(palette, true, false, false);
    painter.save();
    // A soft shadow under the bar, so it reads as lifted above the messages.
    QColor shadow = Qt::black;
    shadow.setAlphaF(colours.background.lightness() < 128 ? 0.5 : 0.10);
    cardstyle::paintFrame(painter, rect.translated(0, 1).adjusted(-1, 0, 1, 1), 8, shadow,
                          QColor());
    cardstyle::paintFrame(painter, rect, 8, colours.background, colours.border);
    for (int i = 0; i < items.size(); ++i) {
        const Item& item = items.at(i);
        if (i == pressed)
            cardstyle::paintFrame(painter, item.rect, 6, colours.pressed, QColor());
        else if (i == hovered)
            cardstyle::paintFrame(painter, item.rect, 6, colours.hover, QColor());
        const QColor ink = colours.secondary;
        const QRect icon(item.rect.center().x() - 8 + 1, item.rect.center().y() - 8 + 1, 16, 16);
        switch (item.action) {
        case Action::QuickReaction: {
            painter.setPen(colours.text);
            emoji::paint(painter, item.rect, item.emoji, 17);
            break;
        }
        case Action::React:
            paintReactIcon(painter, icon.adjusted(-1, -1, 1, 1), ink);
            break;
        case Action::Reply:
            icons::icon(icons::Icon::Reply, ink).paint(&painter, icon);
            break;
        case Action::Edit:
            icons::icon(icons::Icon::Edit, ink).paint(&painter, icon);
            break;
        case Action::Delete:
            icons::icon(icons::Icon::Delete, ink).paint(&painter, icon);
            break;
        case Action::More:
            icons::icon(icons::Icon::More, ink).paint(&painter, icon);
            break;
        }
    }
    painter.restore();
}

int MessageToolbar::itemAt(const QPoint& pos) const
{
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).rect.contains(pos))
            return i;
    }
    return -1;
}

QString MessageToolbar::toolTip(const Item& item)
{
    switch (item.action) {
    case Action::QuickReaction:
        return tr("React with %1").arg(ChatTexts::reactionName(item.reaction));
    case Action::React:
        return tr("Add a reaction");
    case Action::Reply:
        return tr("Reply (R)");
    case Action::Edit:
        return tr("Edit (E)");
    case Action::Delete:
        return tr("Delete");
    case Action::More:
        return tr("More actions");
    }
    return QString();
}

} // namespace plein::app
