#include "postlistmodel.h"

#include "feedwrites.h"
#include "files/uploadstore.h"
#include "outbox/outboxstore.h"
#include "poststore.h"
#include "store/cache.h"
#include "store/rowdiff.h"

#include <QDateTime>
#include <QSet>

namespace plein::client {

namespace {

// PostRow::key() without building a string: compared for every row on every refresh.
struct RowKey
{
    qint64 id = 0;
    QString clientId;
    bool pending = false;

    bool operator==(const RowKey&) const = default;
};

size_t qHash(const RowKey& key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.id, key.clientId, key.pending);
}

RowKey rowKey(const PostRow& row)
{
    return row.pending ? RowKey {0, row.clientId, true} : RowKey {row.id, QString(), false};
}

} // namespace

PostListModel::PostListModel(Cache& cache, QObject* parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &Cache::changed, this, [this](const CacheChanges& changes) {
        if (affectedBy(changes))
            refresh();
        // An upload moved on: the posts waiting for their files show how far.
        if (changes.touches(UploadStore::area)) {
            for (int row = 0; row < m_rows.size(); ++row) {
                if (m_rows[row].pending)
                    Q_EMIT dataChanged(index(row), index(row), {AttachmentsRole});
            }
        }
    });
}

bool PostListModel::affectedBy(const CacheChanges& changes) const
{
    return changes.touches(PostStore::postsArea) || changes.touches(OutboxStore::area);
}

int PostListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PostListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PostRow& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return p.body;
    case IdRole:
        return p.id;
    case ParentIdRole:
        return p.parentId;
    case AuthorIdRole:
        return p.authorId;
    case AuthorUsernameRole:
        return p.authorUsername;
    case AuthorNameRole:
        return p.authorName.isEmpty() ? p.authorUsername : p.authorName;
    case CreatedAtRole:
        return QDateTime::fromString(p.createdAt, Qt::ISODateWithMs);
    case EditedAtRole:
        return p.editedAt.isEmpty()
            ? QVariant()
            : QVariant(QDateTime::fromString(p.editedAt, Qt::ISODateWithMs));
    case DeletedRole:
        return p.deleted;
    case LikesRole:
        return p.likes;
    case RepliesRole:
        return p.replies;
    case LikedByMeRole:
        return p.likedByMe;
    case MentionsMeRole:
        return p.mentionsMe;
    case PendingRole:
        return p.pending;
    case FailedRole:
        return p.failed;
    case ErrorRole:
        return p.error;
    case ClientIdRole:
        return p.clientId;
    case ChangePendingRole:
        return p.hasPendingChange();
    case ChangeKindRole:
        return p.changeKind;
    case ChangeFailedRole:
        return p.changeFailed;
    case ChangeErrorRole:
        return p.changeError;
    case ChangeClientIdRole:
        return p.changeClientId;
    case GroupIdRole:
        return p.groupId;
    case GroupNameRole:
        return p.groupName;
    case PinnedRole:
        return p.pinned;
    case AuthorDepartmentRole:
        return p.authorDepartment;
    case ErrorCodeRole:
        return p.errorCode;
    case ChangeErrorCodeRole:
        return p.changeErrorCode;
    case AttachmentsRole:
        // A post still in the outbox shows the files it waits for, as they upload.
        if (p.pending && p.attachments.isEmpty())
            return UploadStore(m_cache).pendingAttachments(p.clientId);
        return Attachment::toVariantList(p.attachments);
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> PostListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {ParentIdRole, "parentId"},
                  {AuthorIdRole, "authorId"},
                  {AuthorUsernameRole, "authorUsername"},
                  {AuthorNameRole, "authorName"},
                  {BodyRole, "body"},
                  {CreatedAtRole, "createdAt"},
                  {EditedAtRole, "editedAt"},
                  {DeletedRole, "deleted"},
                  {LikesRole, "likes"},
                  {RepliesRole, "replies"},
                  {LikedByMeRole, "likedByMe"},
                  {MentionsMeRole, "mentionsMe"},
                  {PendingRole, "pending"},
                  {FailedRole, "failed"},
                  {ErrorRole, "error"},
                  {ClientIdRole, "clientId"},
                  {ChangePendingRole, "changePending"},
                  {ChangeKindRole, "changeKind"},
                  {ChangeFailedRole, "changeFailed"},
                  {ChangeErrorRole, "changeError"},
                  {ChangeClientIdRole, "changeClientId"},
                  {GroupIdRole, "groupId"},
                  {GroupNameRole, "groupName"},
                  {PinnedRole, "pinned"},
                  {AuthorDepartmentRole, "authorDepartment"},
                  {ErrorCodeRole, "errorCode"},
                  {ChangeErrorCodeRole, "changeErrorCode"},
                  {AttachmentsRole, "attachments"}});
    return names;
}

bool PostListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && (m_limit == 0 || m_limit < m_available);
}

void PostListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    m_limit += m_pageSize;
    // Scrolling down: read only the next page, by key, and append it. Re-reading every row
    // shown grew with the rows loaded (25 ms at 9,000) and made those frames stutter.
    if (!m_refreshing && !m_rows.isEmpty() && m_cache.isOpen()) {
        if (auto page = loadAfter(m_rows.constLast(), m_pageSize)) {
            overlayChanges(*page);
            m_available = available();
            if (!page->isEmpty()) {
                beginInsertRows(QModelIndex(), int(m_rows.size()),
                                int(m_rows.size() + page->size()) - 1);
                m_rows.append(*page);
                endInsertRows();
            }
            return;
        }
    }
    refresh();
}

void PostListModel::refresh()
{
    // Views (and the model tester) may call fetchMore() from inside our own change signals.
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    do {
        m_refreshAgain = false;
        reload();
    } while (m_refreshAgain);
    m_refreshing = false;
}

QList<PostRow> PostListModel::pendingPosts(
    const std::function<bool(qint64 parentId, qint64 groupId)>& wanted) const
{
    QList<PostRow> out;
    const auto group = [](const QJsonObject& payload) {
        return qint64(payload.value(QLatin1StringView("groupId")).toDouble());
    };
    const PostStore posts(m_cache);
    for (const OutboxEntry& e : OutboxStore(m_cache).entries({QStringLiteral("post.create")})) {
        PostRow p;
        p.parentId = qint64(e.payload.value(QLatin1StringView("parentId")).toDouble());
        // A reply belongs to its parent's group.
        const auto parent = p.parentId ? posts.post(p.parentId) : std::nullopt;
        p.groupId = parent ? parent->groupId : group(e.payload);
        if (!wanted(p.parentId, p.groupId))
            continue;
        p.pending = true;
        p.clientId = e.clientId;
        p.body = e.payload.value(QLatin1StringView("body")).toString();
        p.createdAt = e.createdAt;
        p.failed = e.failed;
        p.error = e.errorMessage;
        p.errorCode = e.errorCode;
        out.append(p);
    }
    return out;
}

void PostListModel::overlayChanges(QList<PostRow>& rows) const
{
    const QList<OutboxEntry> changes = OutboxStore(m_cache).entries(feedwrites::changeKinds());
    if (changes.isEmpty())
        return;
    // By the row they change: a confirmed post by id, a waiting one by the clientId of the
    // post.create it waits for (an edit made after that had gone out).
    QHash<QString, QList<OutboxEntry>> byRow;
    for (const OutboxEntry& e : changes)
        byRow[e.waitsFor().isEmpty()
                  ? QString::number(qint64(e.payload.value(QLatin1StringView("postId")).toDouble()))
                  : e.waitsFor()]
            .append(e);
    for (PostRow& row : rows) {
        const auto it = byRow.constFind(row.pending ? row.clientId : QString::number(row.id));
        if (it == byRow.cend())
            continue;
        // In the order they were made, as the server will apply them.
        for (const OutboxEntry& e : *it) {
            if (e.kind == QLatin1StringView("post.edit")) {
                row.body = e.payload.value(QLatin1StringView("body")).toString();
            } else if (e.kind == QLatin1StringView("post.delete")) {
                row.deleted = true;
            } else if (e.kind == QLatin1StringView("post.like")) {
                const bool liked = e.payload.value(QLatin1StringView("liked")).toBool();
                if (liked != row.likedByMe)
                    row.likes = std::max(0, row.likes + (liked ? 1 : -1));
                row.likedByMe = liked;
            } else if (e.kind == QLatin1StringView("post.pin")) {
                row.pinned = e.payload.value(QLatin1StringView("pinned")).toBool();
            }
            // A waiting post shows its own state; a refused change is the one the person has
            // to act on, so it stays in front.
            if (!row.pending && !row.changeFailed) {
                row.changeClientId = e.clientId;
                row.changeKind = e.kind;
                row.changeFailed = e.failed;
                row.changeError = e.errorMessage;
                row.changeErrorCode = e.errorCode;
            }
        }
    }
}

void PostListModel::reload()
{
    if (!m_cache.isOpen())
        return;
    const int limit = std::max(m_limit, m_pageSize);
    m_limit = limit;
    m_available = available();
    QList<PostRow> next = load(limit);
    overlayChanges(next);

    if (updateInPlace(next))
        return;

    const RowDiff diff = syncRows(*this, m_rows, next, rowKey);
    for (int row : diff.changed)
        Q_EMIT dataChanged(index(row), index(row));
}

bool PostListModel::updateInPlace(const QList<PostRow>& next)
{
    // The usual refresh: a page more (fetchMore), or posts changed where they are. The rows
    // shown so far are still the first ones, so the new page goes in at the end as one insert;
    // a view then lays out only because rows were added, never because all rows moved.
    const qsizetype shown = m_rows.size();
    if (next.size() < shown)
        return false;
    for (qsizetype i = 0; i < shown; ++i) {
        const PostRow& a = m_rows.at(i);
        const PostRow& b = next.at(i);
        if (a.id != b.id || a.pending != b.pending || a.clientId != b.clientId)
            return false;
    }
    for (qsizetype i = 0; i < shown;) {
        if (m_rows.at(i) == next.at(i)) {
            ++i;
            continue;
        }
        qsizetype last = i;
        while (last + 1 < shown && !(m_rows.at(last + 1) == next.at(last + 1)))
            ++last;
        for (qsizetype j = i; j <= last; ++j)
            m_rows[j] = next.at(j);
        Q_EMIT dataChanged(index(int(i)), index(int(last)));
        i = last + 1;
    }
    if (next.size() > shown) {
        beginInsertRows(QModelIndex(), int(shown), int(next.size()) - 1);
        m_rows.append(next.sliced(shown));
        endInsertRows();
    }
    return true;
}

} // namespace plein::client
