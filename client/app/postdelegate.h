#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// Paints one post: author, time and state on a line, the body as safe Markdown below, then
// likes and replies. A click on a link in the body asks for it to be opened (linkActivated),
// http, https and mailto only.
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // The link target under `pos` (viewport coordinates) of the post painted in `option.rect`,
    // or an empty string.
    static QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                            const QPoint& pos);

    static QString headerText(const QModelIndex& index);
    static QString footerText(const QModelIndex& index);

Q_SIGNALS:
    void linkActivated(const QUrl& url);
};

} // namespace plein::app
