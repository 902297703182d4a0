#include "shell/notificationdelegate.h"

#include "shell/notificationkinds.h"
#include "shell/notificationmodel.h"
#include "ui/relativetime.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QTextLayout>

namespace plein::app {

namespace {

constexpr int padding = 10;
constexpr int iconSize = 20;
constexpr int gap = 10;
constexpr int dotSize = 8;
constexpr int bodyLines = 2;

QFont titleFont(const QFont& base, bool unread)
{
    QFont font = base;
    font.setBold(unread);
    return font;
}

QFont timeFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

// The body in at most `bodyLines` lines of `width`, the last one elided.
QStringList wrap(const QString& text, const QFont& font, int width)
{
    QStringList lines;
    if (text.isEmpty() || width <= 0)
        return lines;
    QString flat = text;
    flat.replace(u'\n', u' ');
    QTextLayout layout(flat, font);
    layout.beginLayout();
    while (lines.size() < bodyLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        const bool last = lines.size() == bodyLines - 1;
        const QString piece
            = last ? flat.mid(line.textStart()) : flat.mid(line.textStart(), line.textLength());
        lines.append(last ? QFontMetrics(font).elidedText(piece, Qt::ElideRight, width)
                          : piece.trimmed());
    }
    layout.endLayout();
    return lines;
}

} // namespace

QString NotificationDelegate::when(const QDateTime& at)
{
    return relativetime::shortText(at.toLocalTime(), QDateTime::currentDateTime());
}

void NotificationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The model's font is bold while unread, which is for the title alone.
    opt.font = option.font;
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool unread = !index.data(NotificationModel::ReadRole).toBool();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& palette = opt.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor quiet = selected ? text : palette.color(QPalette::PlaceholderText);
    const QRect area = opt.rect.adjusted(padding, padding, -padding, -padding);

    painter->save();
    const QIcon icon
        = icons::icon(NotificationKinds::iconOf(index.data(NotificationModel::KindRole).toString()),
                      selected ? text : QColor());
    icon.paint(painter, QRect(area.left(), area.top(), iconSize, iconSize));

    const int left = area.left() + iconSize + gap;
    const QFont timeF = timeFont(opt.font);
    const QString time = when(index.data(NotificationModel::TimeRole).toDateTime());
    const int timeWidth = QFontMetrics(timeF).horizontalAdvance(time);
    const int dotSpace = unread ? dotSize + gap / 2 : 0;
    const QFont titleF = titleFont(opt.font, unread);
    const QFontMetrics titleMetrics(titleF);
    const int titleWidth = area.right() - left - timeWidth - dotSpace - gap;
    painter->setFont(titleF);
    painter->setPen(text);
    painter->drawText(QRect(left, area.top(), titleWidth, titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(index.data(NotificationModel::TitleRole).toString(),
                                              Qt::ElideRight, titleWidth));
    painter->setFont(timeF);
    painter->setPen(quiet);
    const QRect timeRect(area.right() - dotSpace - timeWidth, area.top(), timeWidth,
                         titleMetrics.height());
    painter->drawText(timeRect, Qt::AlignRight | Qt::AlignVCenter, time);
    if (unread) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? text : palette.color(QPalette::Highlight));
        painter->drawEllipse(QRect(area.right() - dotSize, timeRect.center().y() - dotSize / 2 + 1,
                                   dotSize, dotSize));
    }

    const QFontMetrics bodyMetrics(opt.font);
    painter->setFont(opt.font);
    painter->setPen(selected ? text : palette.color(QPalette::Text));
    int y = area.top() + titleMetrics.height() + 2;
    for (const QString& line :
         wrap(index.data(NotificationModel::BodyRole).toString(), opt.font, area.right() - left)) {
        painter->drawText(QRect(left, y, area.right() - left, bodyMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += bodyMetrics.height();
    }
    // A hairline between rows, as lists of messages have.
    painter->setPen(palette.color(QPalette::Mid));
    painter->setOpacity(0.4);
    painter->drawLine(opt.rect.left() + padding, opt.rect.bottom(), opt.rect.right() - padding,
                      opt.rect.bottom());
    painter->restore();
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    // The view's width, which the body wraps to (the option's rect is not set here).
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int width = view        ? view->viewport()->width()
        : option.rect.width() > 0 ? option.rect.width()
                                  : 400;
    const int textWidth = width - 2 * padding - iconSize - gap;
    const QFontMetrics titleMetrics(titleFont(option.font, true));
    const int lines = int(
        wrap(index.data(NotificationModel::BodyRole).toString(), option.font, textWidth).size());
    const int height = 2 * padding + std::max(iconSize, titleMetrics.height())
        + (lines > 0 ? 2 + lines * QFontMetrics(option.font).height() : 0);
    return QSize(width, height);
}

} // namespace plein::app
