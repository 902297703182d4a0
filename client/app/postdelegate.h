#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// Paints one post: author, time and state on a line, the body as safe Markdown below, then
// likes and replies.
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString headerText(const QModelIndex& index);
    static QString footerText(const QModelIndex& index);
};

} // namespace plein::app
