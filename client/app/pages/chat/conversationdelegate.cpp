#include "pages/chat/conversationdelegate.h"

#include "chat/conversationlistmodel.h"
#include "pages/chat/conversationrows.h"
#include "pages/feed/cardstyle.h"
#include "ui/relativetime.h"

#include <QPainter>

namespace plein::app {

using client::ConversationListModel;

namespace {

constexpr int avatarSide = 36;
constexpr int padX = 12;

} // namespace

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, std::max(avatarSide + 16, 2 * fm.lineSpacing() + 18));
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const auto colours = cardstyle::colours(pal, true, false, false);
    const QRect row = cardstyle::paintListRow(*painter, option, colours, false);
    const bool muted = index.data(ConversationListModel::MutedRole).toBool();
    const int badge = index.data(ConversationRows::BadgeRole).toInt();
    const bool mention = index.data(ConversationListModel::MentionRole).toBool();
    if (muted)
        painter->setOpacity(0.6);

    const QRect avatar(row.left() + padX - 6, row.top() + (row.height() - avatarSide) / 2,
                       avatarSide, avatarSide);
    index.data(Qt::DecorationRole).value<QIcon>().paint(painter, avatar);

    const int left = avatar.right() + 1 + 10;
    const int right = row.right() - padX + 6;
    QFont titleFont = option.font;
    titleFont.setBold(badge > 0);
    const QFontMetrics tm(titleFont);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics sm(small);
    const QFontMetrics bm(option.font);
    const int lines = tm.height() + 2 + bm.height();
    const int top = row.top() + (row.height() - lines) / 2;

    const QDateTime at = QDateTime::fromString(
        index.data(ConversationListModel::LastActivityRole).toString(), Qt::ISODate);
    const QString when
        = at.isValid() ? relativetime::shortText(at, QDateTime::currentDateTimeUtc()) : QString();
    const int whenWidth = sm.horizontalAdvance(when);
    painter->setFont(small);
    painter->setPen(colours.secondary);
    painter->drawText(QRect(right - whenWidth, top, whenWidth, tm.height()),
                      Qt::AlignRight | Qt::AlignVCenter, when);

    const QString title = index.data(ConversationListModel::TitleRole).toString();
    painter->setFont(titleFont);
    painter->setPen(colours.text);
    const QRect titleRect(left, top, std::max(0, right - whenWidth - 8 - left), tm.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      tm.elidedText(title, Qt::ElideRight, titleRect.width()));

    int previewRight = right;
    if (badge > 0 || mention) {
        const QString text = mention ? QStringLiteral("@")
            : badge > 99             ? QStringLiteral("99+")
                                     : QString::number(badge);
        QFont badgeFont = small;
        badgeFont.setBold(true);
        const QFontMetrics fm(badgeFont);
        const int h = fm.height() + 2;
        const int w = std::max(h, fm.horizontalAdvance(text) + h / 2 + 2);
        const QRect box(right - w, top + tm.height() + 2 + (bm.height() - h) / 2, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawRoundedRect(box, h / 2.0, h / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(pal.color(QPalette::HighlightedText));
        painter->drawText(box, Qt::AlignCenter, text);
        previewRight = box.left() - 8;
    }
    const QString preview = index.data(ConversationRows::PreviewTextRole).toString().simplified();
    painter->setFont(option.font);
    painter->setPen(badge > 0 ? colours.text : colours.secondary);
    const QRect previewRect(left, top + tm.height() + 2, std::max(0, previewRight - left),
                            bm.height());
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
                      bm.elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace plein::app
