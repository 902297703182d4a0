#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// A row of the notification centre: the kind's icon, the title (bold while unread, with a dot),
// when it came, and up to two lines of the body.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // When it came, as the list says it ("5 min", "yesterday 14:02").
    static QString when(const QDateTime& at);
};

} // namespace plein::app
