#include "pages/people/persondelegate.h"

#include "pages/feed/cardstyle.h"
#include "people/peopledirectorymodel.h"
#include "ui/avatar.h"

#include <QPainter>

namespace plein::app {

using client::PeopleDirectoryModel;

namespace {

constexpr int margin = 4; // around the card
constexpr int padding = 12; // inside it
constexpr int avatarSize = 44;
constexpr int chipPadding = 7;

QFont boldFont(const QFont& base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.88);
    return f;
}

} // namespace

QString PersonDelegate::summary(const QString& jobTitle, const QString& department)
{
    QStringList parts;
    for (const QString& p : {jobTitle, department}) {
        if (!p.isEmpty())
            parts << p;
    }
    return parts.join(QStringLiteral(" · "));
}

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics base(option.font);
    const QFontMetrics small(smallFont(option.font));
    const int text
        = QFontMetrics(boldFont(option.font)).height() + base.height() + small.height() + 8 + 6;
    return QSize(320, std::max(avatarSize, text) + 2 * padding + 2 * margin);
}

void PersonDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const
{
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const cardstyle::Colours c = cardstyle::colours(option.palette, true, selected, hovered);
    const QRect card = option.rect.adjusted(margin, margin, -margin, -margin);
    painter->save();
    cardstyle::paintFrame(*painter, card, 8, c.background, c.border);

    const QString name = index.data(PeopleDirectoryModel::DisplayNameRole).toString();
    const QString username = index.data(PeopleDirectoryModel::UsernameRole).toString();
    const QRect inner = card.adjusted(padding, padding, -padding, -padding);
    avatar::paint(*painter, QRect(inner.topLeft(), QSize(avatarSize, avatarSize)), name, username);

    const int x = inner.left() + avatarSize + padding;
    const int width = inner.right() - x;
    const QFont bold = boldFont(option.font);
    const QFont small = smallFont(option.font);
    int y = inner.top();
    painter->setFont(bold);
    painter->setPen(c.text);
    const QFontMetrics boldMetrics(bold);
    painter->drawText(QRect(x, y, width, boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(name, Qt::ElideRight, width));
    y += boldMetrics.height();

    QString second = summary(index.data(PeopleDirectoryModel::JobTitleRole).toString(),
                             index.data(PeopleDirectoryModel::DepartmentRole).toString());
    const QString location = index.data(PeopleDirectoryModel::LocationRole).toString();
    if (!location.isEmpty())
        second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + location;
    painter->setFont(option.font);
    painter->setPen(c.secondary);
    const QFontMetrics baseMetrics(option.font);
    painter->drawText(QRect(x, y, width, baseMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      baseMetrics.elidedText(second, Qt::ElideRight, width));
    y += baseMetrics.height() + 8;

    // Tags as chips, as many as fit.
    const QStringList tags = index.data(PeopleDirectoryModel::ExpertiseRole).toStringList()
        + index.data(PeopleDirectoryModel::InterestsRole).toStringList();
    const QFontMetrics smallMetrics(small);
    painter->setFont(small);
    painter->setRenderHint(QPainter::Antialiasing);
    int chipX = x;
    const int chipHeight = smallMetrics.height() + 4;
    for (const QString& tag : tags) {
        const int w = smallMetrics.horizontalAdvance(tag) + 2 * chipPadding;
        if (chipX + w > x + width)
            break;
        const QRect chip(chipX, y, w, chipHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.chip);
        painter->drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);
        painter->setPen(c.text);
        painter->drawText(chip, Qt::AlignCenter, tag);
        chipX += w + 6;
    }
    painter->restore();
}

} // namespace plein::app
