#include "postdelegate.h"

#include "markdown.h"
#include "postlistmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>

namespace plein::app {

using client::PostListModel;

namespace {

constexpr int margin = 6;

void layoutBody(QTextDocument& doc, const QModelIndex& index, int width)
{
    if (index.data(PostListModel::DeletedRole).toBool())
        doc.setPlainText(
            QCoreApplication::translate("plein::app::PostDelegate", "This post was deleted."));
    else
        setSafeMarkdown(doc, index.data(PostListModel::BodyRole).toString());
    doc.setTextWidth(std::max(50, width - 2 * margin));
}

} // namespace

QString PostDelegate::headerText(const QModelIndex& index)
{
    if (index.data(PostListModel::PendingRole).toBool()) {
        if (index.data(PostListModel::FailedRole).toBool())
            return tr("Not sent: %1").arg(index.data(PostListModel::ErrorRole).toString());
        return tr("Waiting to be sent");
    }
    const QDateTime at = index.data(PostListModel::CreatedAtRole).toDateTime().toLocalTime();
    QString header = tr("%1 · %2").arg(index.data(PostListModel::AuthorNameRole).toString(),
                                       QLocale().toString(at, QLocale::ShortFormat));
    if (index.data(PostListModel::EditedAtRole).isValid())
        header += tr(" · edited");
    return header;
}

QString PostDelegate::footerText(const QModelIndex& index)
{
    if (index.data(PostListModel::PendingRole).toBool())
        return QString();
    const int likes = index.data(PostListModel::LikesRole).toInt();
    const int replies = index.data(PostListModel::RepliesRole).toInt();
    QString footer = tr("%n like(s)", nullptr, likes);
    if (index.data(PostListModel::LikedByMeRole).toBool())
        footer += tr(" (you)");
    if (index.data(PostListModel::ParentIdRole).toLongLong() == 0)
        footer += tr(" · %n repl(y/ies)", nullptr, replies);
    return footer;
}

void PostDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const QFontMetrics fm(opt.font);
    QRect r = opt.rect.adjusted(margin, margin, -margin, -margin);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(opt.palette.color(index.data(PostListModel::PendingRole).toBool()
                                          ? QPalette::PlaceholderText
                                          : QPalette::Text));
    painter->drawText(r.topLeft() + QPoint(0, fm.ascent()), headerText(index));
    painter->setFont(opt.font);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    layoutBody(doc, index, opt.rect.width());
    painter->translate(r.left() - doc.documentMargin(), r.top() + fm.height());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    doc.documentLayout()->draw(painter, ctx);
    painter->translate(0, doc.size().height());
    painter->setPen(opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(QPoint(int(doc.documentMargin()), fm.ascent()), footerText(index));
    painter->restore();
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    const int width = option.rect.width() > 0 ? option.rect.width() : 400;
    layoutBody(doc, index, width);
    return QSize(width, int(doc.size().height()) + 2 * fm.height() + 2 * margin);
}

} // namespace plein::app
