#pragma once

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace plein::app {

// What the sidebar lists: one entry per capability (Home, Groups, Notifications, later Chat...),
// each with a link the Navigator opens and, optionally, rows below it taken from one of the
// capability's own models (the user's groups with their unread counts), followed by fixed rows
// ("Browse groups"). Capabilities add their entry when they are installed; the shell never
// names them. A two-level tree: entries at the top, their rows below.
class SidebarModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        LinkRole = Qt::UserRole + 1,
        // A count shown beside the row (unread posts, unread notifications); 0 shows nothing.
        BadgeRole,
        // Whether the row is an entry (top level) rather than one of its rows.
        EntryRole,
    };
    Q_ENUM(Role)

    struct Fixed
    {
        QString title;
        QUrl link;
        QIcon icon = {};
    };

    struct Entry
    {
        QString title;
        QUrl link;
        // The rows below the entry, from a model of the capability (not owned).
        QAbstractItemModel* rows = nullptr;
        int rowTitleRole = Qt::DisplayRole;
        int rowBadgeRole = -1;
        std::function<QUrl(const QModelIndex&)> rowLink = {};
        // Shown after the rows.
        QList<Fixed> fixed = {};
        // Beside the entry's title (Qt::DecorationRole). Rows of a model show the model's own
        // Qt::DecorationRole (a person's avatar) and Qt::ForegroundRole (dimmed) when it has
        // them; without a decoration the sidebar draws their initial.
        QIcon icon = {};
        // Routes whose pages belong under this entry (the Blogs entry for "article", "write",
        // "history"): marked when neither the entry nor a row is the page's link itself.
        QStringList alsoFor = {};
    };

    explicit SidebarModel(QObject* parent = nullptr);

    // Adds an entry at the end; returns its number for setBadge().
    int addEntry(Entry entry);
    void setBadge(int entry, int count);
    // The row that opens `link`, or an invalid index.
    QModelIndex indexFor(const QUrl& link) const;

    QModelIndex index(int row, int column,
                      const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Section
    {
        Entry entry;
        int badge = 0;
    };

    int sourceRows(int section) const;
    void follow(int section);

    QList<Section> m_sections;
};

} // namespace plein::app
