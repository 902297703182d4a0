#pragma once

#include "postrow.h"
#include "store/cachechanges.h"

#include <QAbstractListModel>
#include <QList>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;

// A window onto posts in the cache: it holds the rows loaded so far (a page at first, one
// more per fetchMore), plus the matching posts still waiting in the outbox, and follows the
// cache as it changes with row inserts, removals and dataChanged, never a reset.
class PostListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ParentIdRole,
        AuthorIdRole,
        AuthorUsernameRole,
        AuthorNameRole,
        BodyRole,
        CreatedAtRole,
        EditedAtRole,
        DeletedRole,
        LikesRole,
        RepliesRole,
        LikedByMeRole,
        MentionsMeRole,
        PendingRole,
        FailedRole,
        ErrorRole,
        ClientIdRole,
        // A waiting edit, delete or like of a confirmed post (see PostRow::changeClientId).
        ChangePendingRole,
        ChangeKindRole,
        ChangeFailedRole,
        ChangeErrorRole,
        ChangeClientIdRole,
        GroupIdRole,
        GroupNameRole,
        PinnedRole,
        // New roles go last, so that the others keep their values.
        AuthorDepartmentRole,
        // The protocol's error codes of a refused post or change (ErrorRole and
        // ChangeErrorRole hold the server's message, which is for the logs).
        ErrorCodeRole,
        ChangeErrorCodeRole,
        // QVariantList of QVariantMap {id, name, type, size, width, height, image}
        // (Attachment::toVariantMap), in the order the author gave; empty once deleted.
        AttachmentsRole,
    };
    Q_ENUM(Role)

    explicit PostListModel(Cache& cache, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    PostRow rowAt(int row) const { return m_rows.value(row); }
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }

    // Re-reads the window from the cache and reports the difference to views.
    void refresh();

protected:
    // Whether a committed change concerns this list (default: posts or the outbox changed).
    virtual bool affectedBy(const CacheChanges& changes) const;
    // The rows to show with at most `limit` confirmed posts, in display order.
    virtual QList<PostRow> load(int limit) const = 0;
    // How many confirmed posts the cache holds for this list.
    virtual int available() const = 0;
    // The `count` confirmed rows that follow `last` in display order, read by key rather than
    // by re-reading every row shown; nullopt when the list cannot page that way.
    virtual std::optional<QList<PostRow>> loadAfter(const PostRow& last, int count) const
    {
        Q_UNUSED(last);
        Q_UNUSED(count);
        return std::nullopt;
    }

    // The user's posts still in the outbox whose parent (0: top-level) and group (0: company)
    // `wanted` accepts, oldest first.
    QList<PostRow>
    pendingPosts(const std::function<bool(qint64 parentId, qint64 groupId)>& wanted) const;

    Cache& m_cache;

private:
    void reload();
    // Applies `next` when it only adds rows at the end or changes rows in place; false when
    // rows were removed, inserted or moved.
    bool updateInPlace(const QList<PostRow>& next);
    // Shows the effect of waiting edits, deletes, likes and pins on the rows they change.
    void overlayChanges(QList<PostRow>& rows) const;

    QList<PostRow> m_rows;
    int m_pageSize = 50;
    int m_limit = 0;
    int m_available = 0;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace plein::client
