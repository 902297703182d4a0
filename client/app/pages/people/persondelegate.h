#pragma once

#include <QStyledItemDelegate>

namespace plein::app {

// One person of the directory as a card: avatar, name, job title and department, where they
// work, and their tags (expertise first) as chips on one line.
class PersonDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // "Dijkinspecteur · Beheer en Onderhoud": what the second line says.
    static QString summary(const QString& jobTitle, const QString& department);
};

} // namespace plein::app
