#include "capabilities/chat/chatmessagestore.h"

#include "capabilities/chat/chatprotocol.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace plein::server {

namespace chat = protocol::chat;

namespace {

constexpr QLatin1StringView area("chat");

const QString messageColumns = QStringLiteral(
    "m.id, m.conversation_id, u.id, u.username, u.display_name, u.department, m.body, "
    "m.reply_to, m.mentions, m.created_at, m.edited_at, m.deleted, m.seq");

ChatMessage readMessage(const QSqlQuery& q)
{
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.author = ChatPerson {q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString(),
                           q.value(5).toString()};
    m.body = q.value(6).toString();
    m.replyToId = q.value(7).toLongLong();
    for (const auto& v : QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array())
        m.mentions.append(qint64(v.toDouble()));
    m.createdAt = q.value(9).toString();
    m.editedAt = q.value(10).toString();
    m.deleted = q.value(11).toInt() != 0;
    m.seq = q.value(12).toLongLong();
    return m;
}

QString mentionsText(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString idList(const QList<qint64>& ids)
{
    QStringList out;
    for (qint64 id : ids)
        out << QString::number(id);
    return out.join(u',');
}

// The position of a reaction in the fixed set, which is the order answers list them in.
int reactionOrder(const QString& name)
{
    for (std::size_t i = 0; i < chat::reactions.size(); ++i) {
        if (chat::reactions[i].name == name)
            return int(i);
    }
    return int(chat::reactions.size());
}

} // namespace

Result<QList<ChatMessage>> ChatMessageStore::select(const QString& where,
                                                    std::initializer_list<QVariant> values)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM chat_messages m JOIN users u ON u.id = "
                                 "m.author_id WHERE %2")
                      .arg(messageColumns, where),
                  values))
        return storeError(area, q);
    QList<ChatMessage> out;
    while (q.next())
        out.append(readMessage(q));
    return out;
}

Result<ChatMessage> ChatMessageStore::insert(qint64 conversationId, qint64 authorId,
                                             const QString& body, qint64 replyTo,
                                             const QList<qint64>& mentions,
                                             const QString& createdAt)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO chat_messages (conversation_id, author_id, body, "
                                 "reply_to, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                                 "RETURNING id"),
                  {conversationId, authorId, body,
                   replyTo ? QVariant(replyTo) : sql::nullValue(QMetaType::LongLong),
                   mentionsText(mentions), createdAt})
        || !q.next())
        return storeError(area, q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    auto message = find(id);
    if (!message)
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("the new message %1 cannot be read back").arg(id));
    return *message;
}

Result<bool> ChatMessageStore::setSeq(qint64 messageId, qint64 seq)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE chat_messages SET seq = ? WHERE id = ?"),
                  {seq, messageId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> ChatMessageStore::edit(qint64 messageId, const QString& body,
                                    const QList<qint64>& mentions)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE chat_messages SET body = ?, mentions = ?, edited_at = ? "
                                 "WHERE id = ? AND deleted = 0"),
                  {body, mentionsText(mentions), nowUtc(), messageId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> ChatMessageStore::markDeleted(qint64 messageId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE chat_messages SET deleted = 1, body = '', mentions = "
                                 "'[]', edited_at = ? WHERE id = ? AND deleted = 0"),
                  {nowUtc(), messageId}))
        return storeError(area, q);
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    if (changed
        && !sql::run(q, QStringLiteral("DELETE FROM chat_reactions WHERE message_id = ?"),
                     {messageId}))
        return storeError(area, q);
    return changed;
}

std::optional<ChatMessage> ChatMessageStore::find(qint64 messageId)
{
    auto found = select(QStringLiteral("m.id = ?"), {messageId});
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->first();
}

QHash<qint64, ChatMessage> ChatMessageStore::byIds(const QList<qint64>& messageIds)
{
    QHash<qint64, ChatMessage> out;
    if (messageIds.isEmpty())
        return out;
    auto found = select(QStringLiteral("m.id IN (%1)").arg(idList(messageIds)), {});
    if (found) {
        for (const ChatMessage& m : found.value())
            out.insert(m.id, m);
    }
    return out;
}

QString ChatMessageStore::visibleAfterSql(qint64 conversationId, qint64 visibleFrom)
{
    return QStringLiteral("COALESCE((SELECT b.id FROM chat_messages b WHERE b.conversation_id = %1 "
                          "AND b.seq <= %2 ORDER BY b.seq DESC LIMIT 1), 0)")
        .arg(conversationId)
        .arg(visibleFrom);
}

qint64 ChatMessageStore::visibleAfter(qint64 conversationId, qint64 visibleFrom)
{
    if (visibleFrom <= 0)
        return 0;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT ") + visibleAfterSql(conversationId, visibleFrom))
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<QList<ChatMessage>> ChatMessageStore::page(qint64 conversationId, qint64 before,
                                                  qint64 after, int limit, qint64 visibleFrom)
{
    // The id range starts after what the member may not see ('joined' group chats), so a
    // newcomer's pages stop where their history starts instead of reading all that came before.
    // The bound is written into the statement as a number, so that both planners see how much
    // of the range is left; `+m.seq` keeps them from reading through the seq index instead
    // (all since the join, sorted).
    const qint64 from = visibleAfter(conversationId, visibleFrom);
    if (after >= 0)
        return select(QStringLiteral("m.conversation_id = ? AND m.id > %1 AND +m.seq > ? ORDER BY "
                                     "m.id LIMIT ?")
                          .arg(std::max(after, from)),
                      {conversationId, visibleFrom, limit});
    if (before > 0)
        return select(QStringLiteral("m.conversation_id = ? AND m.id < ? AND m.id > %1 AND +m.seq "
                                     "> ? ORDER BY m.id DESC LIMIT ?")
                          .arg(from),
                      {conversationId, before, visibleFrom, limit});
    return select(QStringLiteral("m.conversation_id = ? AND m.id > %1 AND +m.seq > ? ORDER BY "
                                 "m.id DESC LIMIT ?")
                      .arg(from),
                  {conversationId, visibleFrom, limit});
}

void ChatMessageStore::fillReactions(QList<ChatMessage>& messages)
{
    QList<qint64> ids;
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (!messages[i].deleted) {
            ids << messages[i].id;
            at.insert(messages[i].id, i);
        }
    }
    if (ids.isEmpty())
        return;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT message_id, reaction, user_id FROM chat_reactions WHERE "
                               "message_id IN (%1) ORDER BY message_id, reaction, created_at "
                               "DESC, user_id")
                    .arg(idList(ids))))
        return;
    while (q.next()) {
        ChatMessage& m = messages[at.value(q.value(0).toLongLong())];
        const QString reaction = q.value(1).toString();
        if (m.reactions.isEmpty() || m.reactions.last().reaction != reaction)
            m.reactions.append(ReactionCount {reaction, 0, {}});
        ReactionCount& r = m.reactions.last();
        ++r.count;
        if (r.users.size() < chat::maxReactionUsers)
            r.users.append(q.value(2).toLongLong());
    }
    for (ChatMessage& m : messages)
        std::stable_sort(m.reactions.begin(), m.reactions.end(),
                         [](const ReactionCount& a, const ReactionCount& b) {
                             return reactionOrder(a.reaction) < reactionOrder(b.reaction);
                         });
}

Result<bool> ChatMessageStore::setReaction(qint64 messageId, qint64 userId, const QString& reaction,
                                           bool on)
{
    QSqlQuery q(m_db.db());
    const bool ok = on
        ? sql::run(q,
                   QStringLiteral("INSERT INTO chat_reactions (message_id, reaction, user_id, "
                                  "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                   {messageId, reaction, userId, nowUtc()})
        : sql::run(q,
                   QStringLiteral("DELETE FROM chat_reactions WHERE message_id = ? AND reaction "
                                  "= ? AND user_id = ?"),
                   {messageId, reaction, userId});
    if (!ok)
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

int ChatMessageStore::reactionCount(qint64 messageId, const QString& reaction)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT COUNT(*) FROM chat_reactions WHERE message_id = ? AND "
                                 "reaction = ?"),
                  {messageId, reaction})
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<QList<Reactors>> ChatMessageStore::reactors(qint64 messageId, int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT r.reaction, u.id, u.username, u.display_name, "
                                 "u.department FROM chat_reactions r JOIN users u ON u.id = "
                                 "r.user_id WHERE r.message_id = ? ORDER BY r.reaction, "
                                 "r.created_at DESC, u.id"),
                  {messageId}))
        return storeError(area, q);
    QList<Reactors> out;
    while (q.next()) {
        const QString reaction = q.value(0).toString();
        if (out.isEmpty() || out.last().reaction != reaction)
            out.append(Reactors {reaction, 0, {}});
        Reactors& r = out.last();
        ++r.count;
        if (r.people.size() < limit)
            r.people.append(ChatPerson {q.value(1).toLongLong(), q.value(2).toString(),
                                        q.value(3).toString(), q.value(4).toString()});
    }
    std::stable_sort(out.begin(), out.end(), [](const Reactors& a, const Reactors& b) {
        return reactionOrder(a.reaction) < reactionOrder(b.reaction);
    });
    return out;
}

} // namespace plein::server
