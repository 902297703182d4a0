#include "capabilities/chat/chatstore.h"

#include "capabilities/chat/chatmessagestore.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QSqlQuery>

#include <algorithm>

namespace plein::server {

namespace {

constexpr QLatin1StringView area("chat");

// A group chat's title and member count are its group's now.
const QString conversationColumns = QStringLiteral(
    "c.id, c.kind, COALESCE(g.title, c.title), c.group_id, c.members_by, c.created_by, "
    "c.created_at, c.last_activity_at, c.last_message_id, CASE WHEN c.kind = 'group' THEN "
    "COALESCE(g.member_count, 0) ELSE c.member_count END");
const QString conversationFrom
    = QStringLiteral("conversations c LEFT JOIN user_groups g ON g.id = c.group_id");
constexpr int conversationColumnCount = 10;

Conversation readConversation(const QSqlQuery& q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.kind = conversationKindFromName(q.value(1).toString());
    c.title = q.value(2).toString();
    c.groupId = q.value(3).toLongLong();
    c.creatorAddsMembers = q.value(4).toString() == QLatin1StringView("creator");
    c.createdBy = q.value(5).toLongLong();
    c.createdAt = q.value(6).toString();
    c.lastActivityAt = q.value(7).toString();
    c.lastMessageId = q.value(8).toLongLong();
    c.memberCount = q.value(9).toInt();
    return c;
}

ChatPerson readPerson(const QSqlQuery& q, int at)
{
    return ChatPerson {q.value(at).toLongLong(), q.value(at + 1).toString(),
                       q.value(at + 2).toString(), q.value(at + 3).toString()};
}

// Ids are ours (from our tables or checked as positive whole numbers): written into the
// statement, so that one statement serves any number of them.
QString idList(const QList<qint64>& ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out << QString::number(id);
    return out.join(u',');
}

// Who a conversation's members are: its rows, or its group's members.
QString memberQuery(const Conversation& c)
{
    return c.isGroupChat()
        ? QStringLiteral("SELECT user_id FROM group_members WHERE group_id = %1 AND state = "
                         "'member'")
              .arg(c.groupId)
        : QStringLiteral("SELECT user_id FROM conversation_members WHERE conversation_id = %1")
              .arg(c.id);
}

} // namespace

std::optional<Conversation> ChatStore::find(qint64 conversationId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM %2 WHERE c.id = ?")
                      .arg(conversationColumns, conversationFrom),
                  {conversationId})
        || !q.next())
        return std::nullopt;
    return readConversation(q);
}

int ChatStore::count()
{
    QSqlQuery q(m_db.db());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM conversations")) && q.next()
        ? q.value(0).toInt()
        : 0;
}

std::optional<qint64> ChatStore::findDirect(const QString& directKey)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT id FROM conversations WHERE direct_key = ?"),
                  {directKey})
        || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<qint64> ChatStore::findGroupChat(qint64 groupId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT id FROM conversations WHERE group_id = ?"), {groupId})
        || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

Result<std::optional<qint64>> ChatStore::insert(const Conversation& c, const QString& directKey)
{
    QSqlQuery q(m_db.db());
    const QString now = nowUtc();
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO conversations (kind, title, group_id, direct_key, "
                                 "members_by, created_by, created_at, last_activity_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"),
                  {conversationKindName(c.kind), c.title.isNull() ? QStringLiteral("") : c.title,
                   c.groupId ? QVariant(c.groupId) : sql::nullValue(QMetaType::LongLong),
                   directKey.isEmpty() ? sql::nullValue(QMetaType::QString) : QVariant(directKey),
                   c.creatorAddsMembers ? QStringLiteral("creator") : QStringLiteral("anyone"),
                   c.createdBy, now, now}))
        return storeError(area, q);
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

bool ChatStore::lock(qint64 conversationId)
{
    // SQLite's writers hold the database lock from the start of their transaction already.
    if (!m_db.dialect().isPostgres())
        return true;
    QSqlQuery q(m_db.db());
    return sql::run(q, QStringLiteral("SELECT id FROM conversations WHERE id = ? FOR UPDATE"),
                    {conversationId});
}

Result<bool> ChatStore::update(qint64 conversationId, const QString& title, bool creatorAddsMembers)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE conversations SET title = ?, members_by = ? WHERE id = ?"),
                  {title.isNull() ? QStringLiteral("") : title,
                   creatorAddsMembers ? QStringLiteral("creator") : QStringLiteral("anyone"),
                   conversationId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<int> ChatStore::addMembers(qint64 conversationId, const QList<qint64>& userIds)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO conversation_members (conversation_id, user_id, since) "
                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    const QString now = nowUtc();
    int added = 0;
    for (qint64 user : userIds) {
        q.addBindValue(conversationId);
        q.addBindValue(user);
        q.addBindValue(now);
        if (!q.exec())
            return storeError(area, q);
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    q.finish();
    if (added > 0
        && !sql::run(q,
                     QStringLiteral("UPDATE conversations SET member_count = member_count + ? "
                                    "WHERE id = ?"),
                     {added, conversationId}))
        return storeError(area, q);
    return added;
}

Result<bool> ChatStore::removeMember(qint64 conversationId, qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("DELETE FROM conversation_members WHERE conversation_id = ? AND "
                                 "user_id = ?"),
                  {conversationId, userId}))
        return storeError(area, q);
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (removed
        && !sql::run(q,
                     QStringLiteral("UPDATE conversations SET member_count = member_count - 1 "
                                    "WHERE id = ?"),
                     {conversationId}))
        return storeError(area, q);
    return removed;
}

bool ChatStore::isMember(qint64 conversationId, qint64 userId)
{
    QSqlQuery q(m_db.db());
    return sql::run(q,
                    QStringLiteral("SELECT 1 FROM conversation_members WHERE conversation_id = ? "
                                   "AND user_id = ?"),
                    {conversationId, userId})
        && q.next();
}

QHash<qint64, QList<ChatPerson>> ChatStore::membersOf(const QList<qint64>& conversationIds)
{
    QHash<qint64, QList<ChatPerson>> out;
    if (conversationIds.isEmpty())
        return out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT m.conversation_id, u.id, u.username, u.display_name, "
                                 "u.department FROM conversation_members m JOIN users u ON "
                                 "u.id = m.user_id WHERE m.conversation_id IN (%1) ORDER BY "
                                 "m.conversation_id, u.id")
                      .arg(idList(conversationIds))))
        return out;
    while (q.next())
        out[q.value(0).toLongLong()].append(readPerson(q, 1));
    return out;
}

QList<ChatPerson> ChatStore::members(qint64 conversationId)
{
    return membersOf({conversationId}).value(conversationId);
}

QList<qint64> ChatStore::memberIds(qint64 conversationId)
{
    QList<qint64> out;
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT user_id FROM conversation_members WHERE conversation_id "
                                 "= ? ORDER BY user_id"),
                  {conversationId}))
        return out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

QList<qint64> ChatStore::groupMembersAmong(qint64 groupId, const QList<qint64>& userIds)
{
    QList<qint64> out;
    if (userIds.isEmpty())
        return out;
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT user_id FROM group_members WHERE group_id = ? AND "
                                 "state = 'member' AND user_id IN (%1)")
                      .arg(idList(userIds)),
                  {groupId}))
        return out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

QHash<qint64, ChatPerson> ChatStore::activePeople(const QList<qint64>& userIds)
{
    QHash<qint64, ChatPerson> out;
    if (userIds.isEmpty())
        return out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT id, username, display_name, department FROM users "
                                 "WHERE active = 1 AND id IN (%1)")
                      .arg(idList(userIds))))
        return out;
    while (q.next()) {
        const ChatPerson p = readPerson(q, 0);
        out.insert(p.id, p);
    }
    return out;
}

Result<bool> ChatStore::noteMessage(qint64 conversationId, qint64 messageId, const QString& at)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE conversations SET last_message_id = ?, last_activity_at "
                                 "= ? WHERE id = ?"),
                  {messageId, at, conversationId}))
        return storeError(area, q);
    return true;
}

Result<bool> ChatStore::refreshLastMessage(qint64 conversationId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE conversations SET last_message_id = COALESCE((SELECT "
                                 "MAX(id) FROM chat_messages WHERE conversation_id = ? AND "
                                 "deleted = 0), 0) WHERE id = ?"),
                  {conversationId, conversationId}))
        return storeError(area, q);
    return true;
}

Result<QList<ListedConversation>> ChatStore::listFor(qint64 userId, int offset, int limit)
{
    // The user's own conversations and their groups' chats, each through its index. The user's
    // state and group membership (history rule) of each row are scalar subqueries, one index
    // step each, rather than joins: with ANALYZE's statistics SQLite plans such a join with a
    // Bloom filter built over all of conversation_state (every user's rows), 3 ms becoming
    // 150 ms at 50,000 users; a correlated subquery is never planned that way.
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT %1, (SELECT s.read_message_id FROM conversation_state s WHERE "
                "s.conversation_id = c.id AND s.user_id = ?), (SELECT s.muted FROM "
                "conversation_state s WHERE s.conversation_id = c.id AND s.user_id = ?), (SELECT "
                "gm.visible_from FROM group_members gm WHERE gm.group_id = c.group_id AND "
                "gm.user_id = ?) FROM %2 JOIN (SELECT conversation_id AS id FROM "
                "conversation_members WHERE user_id = ? UNION SELECT x.id FROM conversations x "
                "JOIN group_members m ON m.group_id = x.group_id WHERE m.user_id = ? AND m.state "
                "= 'member') mine ON mine.id = c.id ORDER BY c.last_activity_at DESC, c.id DESC "
                "LIMIT ? OFFSET ?")
                .arg(conversationColumns, conversationFrom),
            {userId, userId, userId, userId, userId, limit, offset}))
        return storeError(area, q);
    QList<ListedConversation> out;
    while (q.next()) {
        ListedConversation l;
        l.conversation = readConversation(q);
        l.readMessageId = q.value(conversationColumnCount).toLongLong();
        l.muted = q.value(conversationColumnCount + 1).toInt() != 0;
        l.visibleFrom = q.value(conversationColumnCount + 2).toLongLong();
        out.append(l);
    }
    return out;
}

QHash<qint64, int> ChatStore::unreadCounts(qint64 userId, const QList<ListedConversation>& listed)
{
    // One range of the (conversation_id, id) index per conversation with something after the
    // read position, starting after the read position or, in a 'joined' group chat, after the
    // member's history starts if that is later, and stopping at the cap: the cost follows the
    // count shown, not the history. Where histories start is read first (one statement for all
    // such chats), so that the ranges are numbers the planners can weigh; `+seq` keeps them
    // from the seq index, which would read all since the join, read or not.
    QList<const ListedConversation*> counted;
    QStringList starts;
    for (const ListedConversation& l : listed) {
        if (l.conversation.lastMessageId <= l.readMessageId)
            continue;
        counted << &l;
        if (l.visibleFrom > 0)
            starts << QStringLiteral("SELECT %1 AS c, %2 AS b")
                          .arg(l.conversation.id)
                          .arg(ChatMessageStore::visibleAfterSql(l.conversation.id, l.visibleFrom));
    }
    QHash<qint64, int> out;
    if (counted.isEmpty())
        return out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    QHash<qint64, qint64> visibleAfter;
    if (!starts.isEmpty()) {
        if (!q.exec(starts.join(QStringLiteral(" UNION ALL "))))
            return out;
        while (q.next())
            visibleAfter.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    QStringList branches;
    for (const ListedConversation* l : std::as_const(counted)) {
        const qint64 id = l->conversation.id;
        branches << QStringLiteral("SELECT %1 AS c, COUNT(*) AS n FROM (SELECT 1 FROM "
                                   "chat_messages WHERE conversation_id = %1 AND id > %2 AND "
                                   "author_id <> %3 AND deleted = 0 AND +seq > %4 LIMIT %5) u")
                        .arg(id)
                        .arg(std::max(l->readMessageId, visibleAfter.value(id)))
                        .arg(userId)
                        .arg(l->visibleFrom)
                        .arg(unreadCap);
    }
    if (!q.exec(branches.join(QStringLiteral(" UNION ALL "))))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

ConversationState ChatStore::state(const Conversation& c, qint64 userId, qint64 visibleFrom)
{
    ConversationState s;
    QSqlQuery q(m_db.db());
    if (sql::run(q,
                 QStringLiteral("SELECT read_message_id, muted FROM conversation_state WHERE "
                                "conversation_id = ? AND user_id = ?"),
                 {c.id, userId})
        && q.next()) {
        s.readMessageId = q.value(0).toLongLong();
        s.muted = q.value(1).toInt() != 0;
    }
    ListedConversation l {c, s.readMessageId, s.muted, visibleFrom};
    s.unread = unreadCounts(userId, {l}).value(c.id);
    return s;
}

Result<bool> ChatStore::moveRead(qint64 conversationId, qint64 userId, qint64 messageId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO conversation_state (conversation_id, user_id, "
                           "read_message_id) VALUES (?, ?, ?) ON CONFLICT (conversation_id, "
                           "user_id) DO UPDATE SET read_message_id = excluded.read_message_id "
                           "WHERE conversation_state.read_message_id < "
                           "excluded.read_message_id"),
            {conversationId, userId, messageId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> ChatStore::setMuted(qint64 conversationId, qint64 userId, bool muted)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO conversation_state (conversation_id, user_id, muted) "
                                 "VALUES (?, ?, ?) ON CONFLICT (conversation_id, user_id) DO "
                                 "UPDATE SET muted = excluded.muted WHERE conversation_state.muted "
                                 "<> excluded.muted"),
                  {conversationId, userId, muted ? 1 : 0}))
        return storeError(area, q);
    // A new row that is not muted changed nothing anyone sees.
    return q.numRowsAffected() > 0;
}

bool ChatStore::receipts(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT receipts FROM chat_settings WHERE user_id = ?"),
                  {userId})
        || !q.next())
        return true;
    return q.value(0).toInt() != 0;
}

Result<bool> ChatStore::setReceipts(qint64 userId, bool on)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO chat_settings (user_id, receipts) VALUES (?, ?) ON "
                                 "CONFLICT (user_id) DO UPDATE SET receipts = excluded.receipts"),
                  {userId, on ? 1 : 0}))
        return storeError(area, q);
    return true;
}

QList<qint64> ChatStore::receiptSharers(const Conversation& c, qint64 exceptUserId)
{
    QList<qint64> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT m.user_id FROM (%1) m LEFT JOIN chat_settings st ON "
                               "st.user_id = m.user_id WHERE COALESCE(st.receipts, 1) = 1 AND "
                               "m.user_id <> %2 ORDER BY m.user_id")
                    .arg(memberQuery(c))
                    .arg(exceptUserId)))
        return out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

QList<std::pair<qint64, qint64>> ChatStore::readers(const Conversation& c)
{
    QList<std::pair<qint64, qint64>> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT m.user_id, s.read_message_id FROM (%1) m JOIN "
                               "conversation_state s ON s.conversation_id = %2 AND s.user_id = "
                               "m.user_id LEFT JOIN chat_settings st ON st.user_id = m.user_id "
                               "WHERE COALESCE(st.receipts, 1) = 1 AND s.read_message_id > 0 "
                               "ORDER BY m.user_id")
                    .arg(memberQuery(c))
                    .arg(c.id)))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

} // namespace plein::server
