#include "messagelistmodel.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat.h"
#include "chatstore.h"
#include "chatwrites.h"
#include "files/uploadstore.h"
#include "jsonfields.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "store/rowdiff.h"

#include <QDateTime>
#include <QSet>
#include <QVariantMap>

namespace plein::client {

namespace chat = protocol::chat;
using L = QLatin1StringView;

namespace {

// Rows are confirmed messages by id, then the user's waiting ones by their clientId.
QString keyOf(const MessageRow& m)
{
    return m.pending ? QStringLiteral("c:") + m.clientId : QString::number(m.id);
}

QDate localDay(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime().date();
}

QString emojiOf(const QString& reaction)
{
    for (const auto& r : chat::reactions) {
        if (r.name == reaction)
            return QString::fromUtf8(r.emoji);
    }
    return QString();
}

} // namespace

MessageListModel::MessageListModel(Cache& cache, Chat& chat, qint64 conversationId, QObject* parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_chat(chat)
    , m_conversationId(conversationId)
{
    if (const auto c = ChatStore(m_cache).conversation(conversationId); c && c->unread > 0)
        m_unreadAfter = c->readMessageId;
    connect(&m_cache, &Cache::changed, this, &MessageListModel::onChanged);
    // An upload moved on: the messages waiting for their files show how far.
    connect(&m_cache, &Cache::changed, this, [this](const CacheChanges& changes) {
        if (!changes.touches(UploadStore::area))
            return;
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows[row].pending)
                Q_EMIT dataChanged(index(row), index(row), {AttachmentsRole});
        }
    });
    connect(&m_chat, &Chat::historyLoaded, this, [this](qint64 id) {
        if (id != m_conversationId)
            return;
        Q_EMIT fetchingChanged(false);
        // An older page arrived for this view: the window reaches down to it.
        if (std::exchange(m_wantOlder, false) && m_fromId > 0) {
            if (const qint64 older
                = ChatStore(m_cache).idBefore(m_conversationId, m_fromId, m_pageSize);
                older > 0)
                prependOlder(older);
        }
        if (m_waitingFor > 0) {
            const qint64 wanted = std::exchange(m_waitingFor, 0);
            const int row = ensureLoaded(wanted);
            if (row >= 0)
                Q_EMIT messageLoaded(wanted, row);
        }
    });
    connect(&m_chat, &Chat::historyFailed, this, [this](qint64 id) {
        if (id == m_conversationId) {
            m_waitingFor = 0;
            m_wantOlder = false;
            Q_EMIT fetchingChanged(false);
        }
    });
    connect(&m_chat, &Chat::readersChanged, this, [this](qint64 id) {
        if (id == m_conversationId)
            refresh();
    });
    refresh();
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int row = index.row();
    const MessageRow& m = m_rows.at(row);
    const MessageRow* above = row > 0 ? &m_rows.at(row - 1) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case IdRole:
        return m.id;
    case AuthorIdRole:
        return m.authorId;
    case AuthorUsernameRole:
        return m.authorUsername;
    case AuthorNameRole:
        return m.name();
    case AuthorDepartmentRole:
        return m.authorDepartment;
    case CreatedAtRole:
        return m.createdAt;
    case EditedAtRole:
        return m.editedAt;
    case DeletedRole:
        return m.deleted;
    case ReplyToIdRole:
        return m.replyToId;
    case ReplyAuthorNameRole:
        return m.replyAuthorName;
    case ReplyBodyRole:
        return m.replyBody;
    case MentionsMeRole:
        return m.mentionsMe;
    case ReactionsRole: {
        QVariantList out;
        for (const ChatReaction& r : m.reactions)
            out.append(QVariantMap {{QStringLiteral("reaction"), r.reaction},
                                    {QStringLiteral("emoji"), emojiOf(r.reaction)},
                                    {QStringLiteral("count"), r.count},
                                    {QStringLiteral("mine"), r.mine}});
        return out;
    }
    case MineRole:
        return m.pending || m.authorId == m_chat.me();
    case PendingRole:
        return m.pending;
    case FailedRole:
        return m.failed;
    case ErrorRole:
        return m.error;
    case ErrorCodeRole:
        return m.errorCode;
    case ClientIdRole:
        return m.clientId;
    case ChangePendingRole:
        return m.hasPendingChange();
    case ChangeKindRole:
        return m.changeKind;
    case ChangeFailedRole:
        return m.changeFailed;
    case ChangeErrorCodeRole:
        return m.changeErrorCode;
    case ChangeClientIdRole:
        return m.changeClientId;
    case DayBreakRole:
        return !above || localDay(above->createdAt) != localDay(m.createdAt);
    case UnreadDividerRole:
        return row == m_firstUnread;
    case ContinuesGroupRole: {
        if (!above || above->deleted || m.replyToId > 0 || row == m_firstUnread)
            return false;
        const bool sameAuthor
            = above->pending == m.pending && (m.pending || above->authorId == m.authorId);
        const QDateTime a = QDateTime::fromString(above->createdAt, Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(m.createdAt, Qt::ISODateWithMs);
        return sameAuthor && localDay(above->createdAt) == localDay(m.createdAt)
            && a.secsTo(b) < groupMinutes * 60;
    }
    case SeenByRole:
        return m_seenBy.value(m.id);
    case AttachmentsRole:
        if (m.pending && m.attachments.isEmpty())
            return UploadStore(m_cache).pendingAttachments(m.clientId);
        return Attachment::toVariantList(m.attachments);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {AuthorIdRole, "authorId"},
                  {AuthorUsernameRole, "authorUsername"},
                  {AuthorNameRole, "authorName"},
                  {AuthorDepartmentRole, "authorDepartment"},
                  {BodyRole, "body"},
                  {CreatedAtRole, "createdAt"},
                  {EditedAtRole, "editedAt"},
                  {DeletedRole, "deleted"},
                  {ReplyToIdRole, "replyToId"},
                  {ReplyAuthorNameRole, "replyAuthorName"},
                  {ReplyBodyRole, "replyBody"},
                  {MentionsMeRole, "mentionsMe"},
                  {ReactionsRole, "reactions"},
                  {MineRole, "mine"},
                  {PendingRole, "pending"},
                  {FailedRole, "failed"},
                  {ErrorRole, "error"},
                  {ErrorCodeRole, "errorCode"},
                  {ClientIdRole, "clientId"},
                  {ChangePendingRole, "changePending"},
                  {ChangeKindRole, "changeKind"},
                  {ChangeFailedRole, "changeFailed"},
                  {ChangeErrorCodeRole, "changeErrorCode"},
                  {ChangeClientIdRole, "changeClientId"},
                  {DayBreakRole, "dayBreak"},
                  {UnreadDividerRole, "unreadDivider"},
                  {ContinuesGroupRole, "continuesGroup"},
                  {SeenByRole, "seenBy"},
                  {AttachmentsRole, "attachments"}});
    return names;
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_cache.isOpen())
        return false;
    ChatStore store(m_cache);
    if (m_fromId > 0 && store.idBefore(m_conversationId, m_fromId, 1) > 0)
        return true;
    const auto c = store.conversation(m_conversationId);
    return c && c->historyLoaded && c->olderOnServer;
}

void MessageListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || !m_cache.isOpen())
        return;
    ChatStore store(m_cache);
    if (m_fromId > 0) {
        if (const qint64 older
            = store.idBefore(m_conversationId, m_fromId, std::min(m_pageSize, olderPageRows));
            older > 0) {
            prependOlder(older);
            return;
        }
    }
    // The cache has no older ones: the server's arrive through the cache, and the window
    // reaches down to them when they are in (historyLoaded).
    m_wantOlder = true;
    if (!m_chat.isFetching(m_conversationId)) {
        m_chat.fetchOlder(m_conversationId);
        Q_EMIT fetchingChanged(true);
    }
}

void MessageListModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    m_fromId = 0;
    refresh();
}

bool MessageListModel::isFetching() const
{
    return m_chat.isFetching(m_conversationId);
}

int MessageListModel::rowOf(qint64 messageId) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!m_rows.at(i).pending && m_rows.at(i).id == messageId)
            return i;
    }
    return -1;
}

int MessageListModel::firstUnreadRow() const
{
    return m_firstUnread;
}

int MessageListModel::findFirstUnread() const
{
    if (m_unreadAfter < 0)
        return -1;
    const qint64 me = m_chat.me();
    for (int i = 0; i < m_rows.size(); ++i) {
        const MessageRow& m = m_rows.at(i);
        if (!m.pending && m.id > m_unreadAfter && m.authorId != me && !m.deleted)
            return i;
    }
    return -1;
}

int MessageListModel::ensureLoaded(qint64 messageId)
{
    if (const int row = rowOf(messageId); row >= 0)
        return row;
    ChatStore store(m_cache);
    const auto m = store.message(messageId);
    if (m && m->conversationId == m_conversationId) {
        // Widen the window to reach it, and a little beyond for context.
        const qint64 before = store.idBefore(m_conversationId, messageId, 5);
        m_fromId = std::min(m_fromId > 0 ? m_fromId : messageId, before > 0 ? before : messageId);
        refresh();
        return rowOf(messageId);
    }
    const auto c = store.conversation(m_conversationId);
    const qint64 oldest = store.oldestMessageId(m_conversationId);
    if (!c || !c->olderOnServer || (oldest > 0 && messageId > oldest))
        return -1; // not in this conversation, or gone
    m_waitingFor = messageId;
    m_wantOlder = true;
    m_chat.fetchOlder(m_conversationId);
    Q_EMIT fetchingChanged(true);
    return -1;
}

void MessageListModel::clearUnreadDivider()
{
    const int row = m_firstUnread;
    m_unreadAfter = -1;
    m_firstUnread = -1;
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

void MessageListModel::onChanged(const CacheChanges& changes)
{
    if (changes.touches(ChatStore::messagesArea, m_conversationId)
        || changes.touches(OutboxStore::area))
        refresh();
}

QList<MessageRow> MessageListModel::load() const
{
    ChatStore store(m_cache);
    // The window: the newest page when the view opens, then everything from its oldest row on,
    // so a new message never pushes one out at the top under the reader's eyes.
    QList<MessageRow> rows = m_fromId > 0 ? store.from(m_conversationId, m_fromId)
                                          : store.newest(m_conversationId, m_pageSize);

    for (const OutboxEntry& e : OutboxStore(m_cache).entries({QString(chat::ChatSend)})) {
        if (jsonNumber(e.payload, L("conversationId")) != m_conversationId)
            continue;
        MessageRow m;
        m.pending = true;
        m.conversationId = m_conversationId;
        m.clientId = e.clientId;
        m.authorId = m_chat.me();
        m.body = e.payload.value(L("body")).toString();
        m.replyToId = jsonNumber(e.payload, L("replyTo"));
        if (m.replyToId > 0) {
            if (const auto original = store.message(m.replyToId)) {
                m.replyAuthorName = original->name();
                m.replyBody = original->quoteText();
            }
        }
        m.createdAt = e.createdAt;
        m.failed = e.failed;
        m.error = e.errorMessage;
        m.errorCode = e.errorCode;
        rows.append(m);
    }
    overlayChanges(rows);
    return rows;
}

void MessageListModel::overlayChanges(QList<MessageRow>& rows) const
{
    const QList<OutboxEntry> changes = OutboxStore(m_cache).entries(chatwrites::changeKinds());
    if (changes.isEmpty())
        return;
    // By the row they change: a confirmed message by id, a waiting one by the clientId of the
    // chat.send it waits for.
    QHash<QString, QList<OutboxEntry>> byRow;
    for (const OutboxEntry& e : changes)
        byRow[e.waitsFor().isEmpty() ? QString::number(jsonNumber(e.payload, L("messageId")))
                                     : QStringLiteral("c:") + e.waitsFor()]
            .append(e);
    const qint64 me = m_chat.me();
    for (MessageRow& row : rows) {
        const auto it = byRow.constFind(keyOf(row));
        if (it == byRow.cend())
            continue;
        for (const OutboxEntry& e : *it) {
            // A message deleted on the server takes no edit or reaction any more; what still
            // waits is shown as refused by the server soon enough, not over the deletion.
            if (row.deleted && !row.pending && e.kind != chat::ChatDelete)
                continue;
            if (e.kind == chat::ChatEdit) {
                row.body = e.payload.value(L("body")).toString();
            } else if (e.kind == chat::ChatDelete) {
                row.deleted = true;
                row.body.clear();
            } else if (e.kind == chat::ChatReact) {
                const QString reaction = e.payload.value(L("reaction")).toString();
                const bool on = e.payload.value(L("on")).toBool();
                auto r
                    = std::find_if(row.reactions.begin(), row.reactions.end(),
                                   [&](const ChatReaction& x) { return x.reaction == reaction; });
                if (r == row.reactions.end() && on) {
                    row.reactions.append(ChatReaction {reaction, 0, false, {}});
                    r = row.reactions.end() - 1;
                }
                if (r != row.reactions.end() && r->mine != on) {
                    r->count = std::max(0, r->count + (on ? 1 : -1));
                    r->mine = on;
                    if (on)
                        r->users.append(me);
                    else
                        r->users.removeAll(me);
                }
                row.reactions.removeIf([](const ChatReaction& x) { return x.count <= 0; });
            }
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

void MessageListModel::refresh()
{
    if (!m_cache.isOpen())
        return;
    QList<MessageRow> next = load();
    if (m_fromId == 0 && !next.isEmpty() && !next.constFirst().pending)
        m_fromId = next.constFirst().id;
    apply(std::move(next));
}

QHash<qint64, QStringList> MessageListModel::placeSeenBy(const QList<MessageRow>& rows) const
{
    QHash<qint64, QStringList> seenBy;
    const ChatStore store(m_cache);
    const auto c = store.conversation(m_conversationId);
    if (!c || !m_chat.receipts() || c->memberCount > chat::maxReceiptMembers)
        return seenBy;
    const QHash<qint64, qint64> readers = store.readers(m_conversationId);
    for (auto it = readers.cbegin(); it != readers.cend(); ++it) {
        const qint64 reader = it.key();
        QString name;
        for (const ChatMember& member : c->members) {
            if (member.id == reader)
                name = member.name();
        }
        if (name.isEmpty())
            continue;
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            const MessageRow& m = rows.at(i);
            if (!m.pending && m.id <= it.value() && m.authorId != reader) {
                seenBy[m.id].append(name);
                break;
            }
        }
    }
    for (QStringList& names : seenBy)
        names.sort(Qt::CaseInsensitive);
    return seenBy;
}

QList<int> MessageListModel::seenByChanged(const QHash<qint64, QStringList>& before) const
{
    QSet<qint64> ids;
    for (auto it = m_seenBy.cbegin(); it != m_seenBy.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            ids.insert(it.key());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!m_seenBy.contains(it.key()))
            ids.insert(it.key());
    }
    QList<int> rows;
    for (qint64 id : std::as_const(ids))
        rows.append(rowOf(id));
    return rows;
}

void MessageListModel::moveDivider(QList<int>& changed)
{
    const int divider = std::exchange(m_firstUnread, findFirstUnread());
    if (divider != m_firstUnread) {
        changed.append(divider);
        changed.append(m_firstUnread);
    }
}

void MessageListModel::prependOlder(qint64 olderId)
{
    QList<MessageRow> page = ChatStore(m_cache).between(m_conversationId, olderId, m_fromId);
    m_fromId = olderId;
    if (page.isEmpty())
        return;
    overlayChanges(page);
    const int added = int(page.size());
    beginInsertRows(QModelIndex(), 0, added - 1);
    page.append(std::move(m_rows));
    m_rows = std::move(page);
    // The divider and the receipts are where they belong before the views measure the new
    // rows: adding them there afterwards would push the rows being read down. (A reader whose
    // position was above the window has a row now.)
    const int divider = m_firstUnread >= 0 ? m_firstUnread + added : -1;
    m_firstUnread = findFirstUnread();
    const QHash<qint64, QStringList> oldSeenBy = std::exchange(m_seenBy, placeSeenBy(m_rows));
    endInsertRows();
    // The row that was first may now continue the page's last group, or lose its day break.
    QList<int> changed {added};
    if (divider != m_firstUnread)
        changed.append(divider);
    changed.append(seenByChanged(oldSeenBy));
    QSet<int> rows(changed.cbegin(), changed.cend());
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < m_rows.size())
            Q_EMIT dataChanged(index(row), index(row));
    }
}

void MessageListModel::apply(QList<MessageRow> next)
{
    // Receipts: each reader's name under the newest message shown that they read.
    const QHash<qint64, QStringList> seenBy = placeSeenBy(next);
    const QHash<qint64, QStringList> oldSeenBy = std::exchange(m_seenBy, seenBy);
    const RowDiff diff = syncRows(*this, m_rows, next, keyOf);
    QList<int> changed = diff.changed;
    // The rows below inserted ones may now continue their group, or not.
    changed.append(diff.belowInserted);
    changed.append(seenByChanged(oldSeenBy));
    // The divider may have moved (rows came or went above it); the rows under a change lay
    // out again too (whether they continue a group depends on the row above).
    moveDivider(changed);
    changed.append(diff.removedAt);
    QSet<int> rows;
    for (int row : std::as_const(changed)) {
        rows.insert(row);
        rows.insert(row + 1);
    }
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < m_rows.size())
            Q_EMIT dataChanged(index(row), index(row));
    }
}

} // namespace plein::client
