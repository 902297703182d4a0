#include "shell/sidebar.h"

#include "shell/navigator.h"
#include "shell/sidebarmodel.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace plein::app {

namespace {

// The row's title with its badge, a count in a rounded box at the right.
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(SidebarModel::EntryRole).toBool())
            option->font.setBold(true);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        const int badge = index.data(SidebarModel::BadgeRole).toInt();
        if (badge <= 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const QString text = badge > 99 ? QStringLiteral("99+") : QString::number(badge);
        const QFontMetrics fm(option.font);
        const int height = fm.height();
        const int width = std::max(height, fm.horizontalAdvance(text) + height / 2);
        const QRect box(option.rect.right() - width - 4,
                        option.rect.top() + (option.rect.height() - height) / 2, width, height);
        QStyleOptionViewItem rest = option;
        rest.rect.setRight(box.left() - 4);
        QStyledItemDelegate::paint(painter, rest, index);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Highlight));
        painter->drawRoundedRect(box, height / 2.0, height / 2.0);
        painter->setPen(option.palette.color(QPalette::HighlightedText));
        painter->drawText(box, Qt::AlignCenter, text);
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
