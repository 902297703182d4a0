#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// A conversation in the list: its picture, title (bold while unread), when it was last active,
// the last message's first line, and the unread count in a pill ("@" when it mentions the
// user); a muted conversation is dimmed.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace plein::app
