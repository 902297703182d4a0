#include "conversationlistmodel.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat.h"
#include "chatstore.h"
#include "jsonfields.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"

namespace plein::client {

ConversationListModel::ConversationListModel(Cache& cache, Chat& chat, QObject* parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_chat(chat)
{
    connect(&m_cache, &Cache::changed, this, &ConversationListModel::onChanged);
    refresh();
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ConversationRow& c = m_rows.at(index.row());
    const qint64 me = m_chat.me();
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return c.displayTitle(me);
    case Qt::ToolTipRole:
        return c.lastBody.isEmpty() ? c.displayTitle(me) : c.displayTitle(me) + u'\n' + c.lastBody;
    case IdRole:
        return c.id;
    case KindRole:
        return c.kind;
    case GroupIdRole:
        return c.groupId;
    case MemberCountRole:
        return c.memberCount;
    case OtherMemberRole:
        return c.isDirect() ? c.otherMember(me) : 0;
    case PreviewRole:
        if (c.lastBody.isEmpty())
            return QString();
        // "You: …" is the app's to translate; the core names the author.
        return c.lastAuthorId == me || c.isDirect()
            ? c.lastBody
            : QStringLiteral("%1: %2").arg(c.lastAuthorName, c.lastBody);
    case LastActivityRole:
        return c.lastActivityAt;
    case UnreadRole:
        return c.unread;
    case MutedRole:
        return c.muted;
    case MentionRole:
        return m_mentions.value(c.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {KindRole, "kind"},
                  {TitleRole, "title"},
                  {GroupIdRole, "groupId"},
                  {MemberCountRole, "memberCount"},
                  {OtherMemberRole, "otherMember"},
                  {PreviewRole, "preview"},
                  {LastActivityRole, "lastActivity"},
                  {UnreadRole, "unread"},
                  {MutedRole, "muted"},
                  {MentionRole, "mention"}});
    return names;
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conversationId)
            return i;
    }
    return -1;
}

void ConversationListModel::onChanged(const CacheChanges& changes)
{
    if (!changes.touches(ChatStore::conversationsArea) && !changes.touches(OutboxStore::area))
        return;
    // A message in one conversation changes its row: that row is read again, not the list.
    const QSet<qint64> ids = changes.ids(ChatStore::conversationsArea);
    if (!changes.touches(OutboxStore::area) && !ids.contains(CacheChanges::allRows)
        && ids.size() <= maxRowsOneByOne) {
        refresh(ids);
        return;
    }
    refresh();
}

void ConversationListModel::refresh()
{
    refresh(std::nullopt);
}

void ConversationListModel::refresh(const std::optional<QSet<qint64>>& only)
{
    if (!m_cache.isOpen())
        return;
    ChatStore store(m_cache);
    QList<ConversationRow> next;
    if (only) {
        next = m_rows;
        for (qint64 id : *only) {
            const auto row = store.conversation(id);
            const auto at = std::find_if(next.begin(), next.end(),
                                         [id](const ConversationRow& c) { return c.id == id; });
            if (row && at != next.end())
                *at = *row;
            else if (row)
                next.append(*row);
            else if (at != next.end())
                next.erase(at);
        }
        std::stable_sort(
            next.begin(), next.end(), [](const ConversationRow& a, const ConversationRow& b) {
                return a.lastActivityAt != b.lastActivityAt ? a.lastActivityAt > b.lastActivityAt
                                                            : a.id > b.id;
            });
    } else {
        next = store.conversations();
    }
    // A message waiting in the outbox makes its conversation active at the time it was written.
    QHash<qint64, QString> written;
    for (const OutboxEntry& e : OutboxStore(m_cache).entries({QString(protocol::chat::ChatSend)})) {
        const qint64 id = jsonNumber(e.payload, QLatin1StringView("conversationId"));
        written[id] = std::max(written.value(id), e.createdAt);
    }
    if (!written.isEmpty()) {
        for (ConversationRow& c : next)
            c.lastActivityAt = std::max(c.lastActivityAt, written.value(c.id));
        std::stable_sort(
            next.begin(), next.end(), [](const ConversationRow& a, const ConversationRow& b) {
                return a.lastActivityAt != b.lastActivityAt ? a.lastActivityAt > b.lastActivityAt
                                                            : a.id > b.id;
            });
    }
    QHash<qint64, bool> mentions = only ? m_mentions : QHash<qint64, bool>();
    for (const ConversationRow& c : std::as_const(next)) {
        if (only && !only->contains(c.id))
            continue;
        mentions.remove(c.id);
        if (c.unread > 0 && store.hasUnreadMention(c.id, c.readMessageId))
            mentions.insert(c.id, true);
    }

    // Removals first, then each row moved or inserted where it belongs, then changes in place:
    // the sidebar keeps its selection and scroll position through a reorder.
    QSet<qint64> wanted;
    for (const ConversationRow& c : std::as_const(next))
        wanted.insert(c.id);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(i).id))
            continue;
        beginRemoveRows(QModelIndex(), i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < next.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).id == next.at(i).id)
            continue;
        int from = -1;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (m_rows.at(j).id == next.at(i).id) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows(QModelIndex(), from, from, QModelIndex(), i);
            m_rows.move(from, i);
            endMoveRows();
        } else {
            beginInsertRows(QModelIndex(), i, i);
            m_rows.insert(i, next.at(i));
            endInsertRows();
        }
    }
    const QHash<qint64, bool> oldMentions = std::exchange(m_mentions, mentions);
    for (int i = 0; i < next.size(); ++i) {
        if (m_rows.at(i) == next.at(i)
            && oldMentions.value(next.at(i).id) == m_mentions.value(next.at(i).id))
            continue;
        m_rows[i] = next.at(i);
        Q_EMIT dataChanged(index(i), index(i));
    }
}

} // namespace plein::client
