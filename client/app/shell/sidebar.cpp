#include "shell/sidebar.h"

#include "shell/navigator.h"
#include "shell/sidebarmodel.h"
#include "ui/avatar.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace plein::app {

namespace {

constexpr int entryHeight = 34;
constexpr int rowHeight = 30;
constexpr int iconSide = 18;
constexpr int rowIndent = 14;
constexpr int sideMargin = 6;

// An entry (Home, Groups) with its icon in bold; a row below it (a group) with its initial on
// the group's colour; a count in a pill at the right. The chosen row is a rounded highlight in
// the palette's selection colours, hovering tints the row.
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const bool entry = index.data(SidebarModel::EntryRole).toBool();
        const int text = QFontMetrics(option.font).height();
        return QSize(100, std::max(entry ? entryHeight : rowHeight, text + 12));
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool entry = index.data(SidebarModel::EntryRole).toBool();
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
        const QPalette& pal = option.palette;
        const QRect row = option.rect.adjusted(sideMargin, 1, -sideMargin, -1);
        if (selected || hovered) {
            QColor fill = pal.color(QPalette::Highlight);
            if (!selected)
                fill.setAlphaF(0.12);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(row, 6, 6);
        }
        const QVariant foreground = index.data(Qt::ForegroundRole);
        const QColor textColour = selected ? pal.color(QPalette::HighlightedText)
            : foreground.isValid()         ? foreground.value<QBrush>().color()
                                           : pal.color(QPalette::WindowText);

        int x = row.left() + 8 + (entry ? 0 : rowIndent);
        const QRect iconRect(x, row.top() + (row.height() - iconSide) / 2, iconSide, iconSide);
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        const QString title = index.data(Qt::DisplayRole).toString();
        if (!icon.isNull()) {
            icon.paint(painter, iconRect, Qt::AlignCenter,
                       selected ? QIcon::Selected : QIcon::Normal);
        } else if (!entry) {
            // A group's initial on its own colour, the same as everywhere else it shows.
            painter->setPen(Qt::NoPen);
            painter->setBrush(avatar::colourFor(title));
            painter->drawRoundedRect(iconRect, 4, 4);
            QFont small = option.font;
            small.setBold(true);
            small.setPixelSize(iconSide * 11 / 18);
            painter->setFont(small);
            painter->setPen(Qt::white);
            painter->drawText(iconRect, Qt::AlignCenter, avatar::initials(title).left(1));
        }
        if (!icon.isNull() || !entry)
            x = iconRect.right() + 10;

        const int badge = index.data(SidebarModel::BadgeRole).toInt();
        QFont font = option.font;
        font.setBold(entry || badge > 0); // unread rows stand out, as in every chat app
        painter->setFont(font);
        const QFontMetrics fm(font);
        int right = row.right() - 8;
        if (badge > 0) {
            const QString text = badge > 99 ? QStringLiteral("99+") : QString::number(badge);
            QFont badgeFont = option.font;
            badgeFont.setBold(true);
            badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
            const QFontMetrics bm(badgeFont);
            const int height = bm.height() + 2;
            const int width = std::max(height, bm.horizontalAdvance(text) + height / 2 + 2);
            const QRect box(right - width, row.top() + (row.height() - height) / 2, width, height);
            painter->setPen(Qt::NoPen);
            painter->setBrush(selected ? pal.color(QPalette::HighlightedText)
                                       : pal.color(QPalette::Highlight));
            painter->drawRoundedRect(box, height / 2.0, height / 2.0);
            painter->setFont(badgeFont);
            painter->setPen(selected ? pal.color(QPalette::Highlight)
                                     : pal.color(QPalette::HighlightedText));
            painter->drawText(box, Qt::AlignCenter, text);
            painter->setFont(font);
            right = box.left() - 6;
        }
        painter->setPen(textColour);
        const QRect textRect(x, row.top(), std::max(0, right - x), row.height());
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(title, Qt::ElideRight, textRect.width()));
        painter->restore();
    }
};

} // namespace

Sidebar::Sidebar(SidebarModel& model, Navigator& navigator, QWidget* parent)
    : QTreeView(parent)
    , m_model(model)
    , m_navigator(navigator)
{
    setObjectName(QStringLiteral("sidebar"));
    setModel(&model);
    setItemDelegate(new SidebarDelegate(this));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setExpandsOnDoubleClick(false);
    setUniformRowHeights(true);
    setEditTriggers(NoEditTriggers);
    setSelectionMode(SingleSelection);
    setIndentation(0); // the delegate indents the rows itself
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true); // for the hover tint
    setAttribute(Qt::WA_Hover);
    // The sidebar is part of the window, not a white list in it.
    viewport()->setBackgroundRole(QPalette::Window);
    setAutoFillBackground(false);
    expandAll();
    // Entries added later, or a reset of the rows below one, must stay open too.
    connect(&model, &QAbstractItemModel::rowsInserted, this, [this]() { expandAll(); });
    connect(&model, &QAbstractItemModel::modelReset, this, [this]() {
        expandAll();
        select(m_selected);
    });
    connect(this, &QTreeView::clicked, this, &Sidebar::choose);
    connect(this, &QTreeView::activated, this, &Sidebar::choose);
}

void Sidebar::choose(const QModelIndex& index)
{
    const QUrl link = index.data(SidebarModel::LinkRole).toUrl();
    if (link.isEmpty())
        return;
    m_navigator.open(link);
    Q_EMIT chosen();
}

void Sidebar::step(int delta)
{
    // The rows in the order they are shown, entries and their rows alike.
    QList<QModelIndex> rows;
    for (int entry = 0; entry < m_model.rowCount(); ++entry) {
        const QModelIndex top = m_model.index(entry, 0);
        rows.append(top);
        for (int row = 0; row < m_model.rowCount(top); ++row)
            rows.append(m_model.index(row, 0, top));
    }
    if (rows.isEmpty())
        return;
    qsizetype at = rows.indexOf(currentIndex());
    for (qsizetype tried = 0; tried < rows.size(); ++tried) {
        at = at < 0 ? (delta > 0 ? 0 : rows.size() - 1) : (at + delta + rows.size()) % rows.size();
        if (!rows.at(at).data(SidebarModel::LinkRole).toUrl().isEmpty()) {
            choose(rows.at(at));
            return;
        }
    }
}

void Sidebar::select(const QUrl& link)
{
    m_selected = link;
    const QModelIndex index = m_model.indexFor(link);
    if (index.isValid())
        setCurrentIndex(index);
    else
        clearSelection();
}

} // namespace plein::app
