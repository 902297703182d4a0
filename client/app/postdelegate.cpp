#include "postdelegate.h"

#include "markdown.h"
#include "postlistmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QUrl>

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
    if (index.data(PostListModel::ChangeFailedRole).toBool())
        return tr("%1 · not saved: %2")
            .arg(header, index.data(PostListModel::ChangeErrorRole).toString());
    if (index.data(PostListModel::ChangePendingRole).toBool()) {
        const QString kind = index.data(PostListModel::ChangeKindRole).toString();
        if (kind == QLatin1StringView("post.edit"))
            header += tr(" · edit waiting to be sent");
        else if (kind == QLatin1StringView("post.delete"))
            header += tr(" · deletion waiting to be sent");
        else
            header += tr(" · like waiting to be sent");
    }
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
    const bool waiting = index.data(PostListModel::PendingRole).toBool()
        || index.data(PostListModel::ChangePendingRole).toBool();
    const bool refused = index.data(PostListModel::FailedRole).toBool()
        || index.data(PostListModel::ChangeFailedRole).toBool();
    // Refused writes stand out: the person has to decide to retry or discard them.
    if (refused)
        painter->setPen(QColor(0xb0, 0x20, 0x20));
    else
        painter->setPen(opt.palette.color(waiting ? QPalette::PlaceholderText : QPalette::Text));
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

QString PostDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                               const QPoint& pos)
{
    // The same geometry as paint(): header line, then the body document.
    const QFontMetrics fm(option.font);
    const QRect r = option.rect.adjusted(margin, margin, -margin, -margin);
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    layoutBody(doc, index, option.rect.width());
    const QPointF origin(r.left() - doc.documentMargin(), r.top() + fm.height());
    return doc.documentLayout()->anchorAt(QPointF(pos) - origin);
}

bool PostDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                               const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const auto type = event->type();
    if (type == QEvent::MouseMove || type == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QString anchor = anchorAt(option, index, mouse->position().toPoint());
        const QUrl url(anchor);
        const bool openable = !anchor.isEmpty() && isOpenableLink(url);
        if (auto* view = qobject_cast<QAbstractItemView*>(parent()))
            view->viewport()->setCursor(openable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (type == QEvent::MouseButtonRelease && mouse->button() == Qt::LeftButton && openable) {
            Q_EMIT linkActivated(url);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace plein::app
