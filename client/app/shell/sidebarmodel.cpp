#include "shell/sidebarmodel.h"

namespace plein::app {

namespace {
// Entries are top-level rows with internal id 0; the rows of entry N have internal id N + 1.
constexpr quintptr topLevel = 0;
} // namespace

SidebarModel::SidebarModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

int SidebarModel::addEntry(Entry entry)
{
    const int section = int(m_sections.size());
    beginInsertRows(QModelIndex(), section, section);
    m_sections.append(Section {std::move(entry), 0});
    endInsertRows();
    follow(section);
    return section;
}

void SidebarModel::setBadge(int entry, int count)
{
    if (entry < 0 || entry >= m_sections.size() || m_sections[entry].badge == count)
        return;
    m_sections[entry].badge = count;
    const QModelIndex changed = index(entry, 0);
    Q_EMIT dataChanged(changed, changed, {BadgeRole});
}

int SidebarModel::sourceRows(int section) const
{
    const auto* rows = m_sections.at(section).entry.rows;
    return rows ? rows->rowCount() : 0;
}

// The rows below an entry mirror a flat list model, so its row signals translate one to one.
void SidebarModel::follow(int section)
{
    QAbstractItemModel* rows = m_sections.at(section).entry.rows;
    if (!rows)
        return;
    const auto parentOf = [this, section]() { return index(section, 0); };
    connect(rows, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, parentOf](const QModelIndex& parent, int first, int last) {
                if (!parent.isValid())
                    beginInsertRows(parentOf(), first, last);
            });
    connect(rows, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent) {
        if (!parent.isValid())
            endInsertRows();
    });
    connect(rows, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, parentOf](const QModelIndex& parent, int first, int last) {
                if (!parent.isValid())
                    beginRemoveRows(parentOf(), first, last);
            });
    connect(rows, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex& parent) {
        if (!parent.isValid())
            endRemoveRows();
    });
    connect(rows, &QAbstractItemModel::rowsAboutToBeMoved, this,
            [this, parentOf](const QModelIndex&, int first, int last, const QModelIndex&,
                             int destination) {
                beginMoveRows(parentOf(), first, last, parentOf(), destination);
            });
    connect(rows, &QAbstractItemModel::rowsMoved, this, [this]() { endMoveRows(); });
    connect(rows, &QAbstractItemModel::dataChanged, this,
            [this, section](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                if (topLeft.parent().isValid())
                    return;
                const QModelIndex parent = index(section, 0);
                Q_EMIT dataChanged(index(topLeft.row(), 0, parent),
                                   index(bottomRight.row(), 0, parent));
            });
    // A reset or a new order of the source's rows: the simplest correct answer is a reset.
    const auto begin = [this]() { beginResetModel(); };
    const auto end = [this]() { endResetModel(); };
    connect(rows, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    connect(rows, &QAbstractItemModel::modelReset, this, end);
    connect(rows, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(rows, &QAbstractItemModel::layoutChanged, this, end);
    connect(rows, &QObject::destroyed, this, [this, section]() {
        beginResetModel();
        m_sections[section].entry.rows = nullptr;
        endResetModel();
    });
}

QModelIndex SidebarModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_sections.size() ? createIndex(row, 0, topLevel) : QModelIndex();
    if (parent.internalId() != topLevel || row >= rowCount(parent))
        return QModelIndex();
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex SidebarModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == topLevel)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, topLevel);
}

int SidebarModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.internalId() != topLevel || parent.column() != 0)
        return 0;
    return sourceRows(parent.row()) + int(m_sections.at(parent.row()).entry.fixed.size());
}

int SidebarModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent);
    return 1;
}

QVariant SidebarModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    if (index.internalId() == topLevel) {
        const Section& section = m_sections.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return section.entry.title;
        case LinkRole:
            return section.entry.link;
        case BadgeRole:
            return section.badge;
        case EntryRole:
            return true;
        case Qt::DecorationRole:
            return section.entry.icon.isNull() ? QVariant() : QVariant(section.entry.icon);
        default:
            return QVariant();
        }
    }
    const Entry& entry = m_sections.at(int(index.internalId() - 1)).entry;
    if (role == EntryRole)
        return false;
    const int sourceCount = entry.rows ? entry.rows->rowCount() : 0;
    if (index.row() >= sourceCount) {
        const Fixed& fixed = entry.fixed.at(index.row() - sourceCount);
        if (role == Qt::DisplayRole)
            return fixed.title;
        if (role == LinkRole)
            return fixed.link;
        if (role == Qt::DecorationRole)
            return fixed.icon.isNull() ? QVariant() : QVariant(fixed.icon);
        return role == BadgeRole ? QVariant(0) : QVariant();
    }
    const QModelIndex source = entry.rows->index(index.row(), 0);
    switch (role) {
    case Qt::DisplayRole:
        return source.data(entry.rowTitleRole);
    case LinkRole:
        return entry.rowLink ? entry.rowLink(source) : QUrl();
    case BadgeRole:
        return entry.rowBadgeRole >= 0 ? source.data(entry.rowBadgeRole).toInt() : 0;
    // A row's own picture (a person's avatar) and colour (a muted conversation, dimmed).
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        return source.data(role);
    default:
        return QVariant();
    }
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.internalId() == topLevel ? flags : flags | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> SidebarModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(LinkRole, "link");
    names.insert(BadgeRole, "badge");
    names.insert(EntryRole, "entry");
    return names;
}

QModelIndex SidebarModel::indexFor(const QUrl& link) const
{
    if (link.isEmpty())
        return QModelIndex();
    for (int section = 0; section < m_sections.size(); ++section) {
        const QModelIndex entry = index(section, 0);
        if (entry.data(LinkRole).toUrl() == link)
            return entry;
        for (int row = 0; row < rowCount(entry); ++row) {
            const QModelIndex child = index(row, 0, entry);
            if (child.data(LinkRole).toUrl() == link)
                return child;
        }
    }
    // A page of a route an entry takes in (plein:/article/5 under Blogs).
    const QString route = link.path().section(u'/', 1, 1);
    for (int section = 0; section < m_sections.size(); ++section) {
        if (!route.isEmpty() && m_sections.at(section).entry.alsoFor.contains(route))
            return index(section, 0);
    }
    return QModelIndex();
}

} // namespace plein::app
