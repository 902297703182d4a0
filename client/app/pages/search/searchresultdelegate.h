#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// A hit of the local search (SearchModel): the kind's icon, the title with the words found in
// bold and when it was, what kind it is and where ("Post · Dijkbeheer"), and the snippet with
// its words in bold. Titles and snippets are the model's safe rich text (escaped, then marked),
// never the user's own HTML.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // "Post", "Message", ... and the kind's icon.
    static QString kindName(const QString& kind);
    static QIcon kindIcon(const QString& kind);
};

} // namespace plein::app
