#include "chatstore.h"

#include "capabilities/chat/chatprotocol.h"
#include "files/attachmentstore.h"
#include "jsonfields.h"
#include "store/cache.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace plein::client {

namespace {

using L = QLatin1StringView;

// Qt binds a null QString as NULL; these columns are NOT NULL.
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

ChatMember memberFromJson(const QJsonObject& o)
{
    return ChatMember {jsonNumber(o, L("id")), o.value(L("username")).toString(),
                       o.value(L("displayName")).toString(), o.value(L("department")).toString()};
}

QJsonObject memberToJson(const ChatMember& m)
{
    return QJsonObject {{QStringLiteral("id"), m.id},
                        {QStringLiteral("username"), m.username},
                        {QStringLiteral("displayName"), m.displayName},
                        {QStringLiteral("department"), m.department}};
}

QString membersJson(const QList<ChatMember>& members)
{
    QJsonArray a;
    for (const ChatMember& m : members)
        a.append(memberToJson(m));
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<ChatMember> membersFrom(const QString& json)
{
    QList<ChatMember> out;
    for (const auto& v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(memberFromJson(v.toObject()));
    return out;
}

QString reactionsJson(const QList<ChatReaction>& reactions)
{
    QJsonArray a;
    for (const ChatReaction& r : reactions) {
        QJsonArray users;
        for (qint64 u : r.users)
            users.append(u);
        a.append(QJsonObject {{QStringLiteral("reaction"), r.reaction},
                              {QStringLiteral("count"), r.count},
                              {QStringLiteral("mine"), r.mine},
                              {QStringLiteral("users"), users}});
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Reactions in the fixed order of the protocol; unknown names and empty ones left out.
void order(QList<ChatReaction>& reactions)
{
    const auto rank = [](const QString& name) {
        for (qsizetype i = 0; i < qsizetype(protocol::chat::reactions.size()); ++i) {
            if (protocol::chat::reactions[i].name == name)
                return i;
        }
        return qsizetype(-1);
    };
    reactions.removeIf([&](const ChatReaction& r) { return r.count <= 0 || rank(r.reaction) < 0; });
    std::stable_sort(reactions.begin(), reactions.end(),
                     [&](const ChatReaction& a, const ChatReaction& b) {
                         return rank(a.reaction) < rank(b.reaction);
                     });
}

// `me`: whether the user gave a reaction is read from its users (a server's message);
// without it, from `mine` (the cache's own).
QList<ChatReaction> reactionsFrom(const QJsonArray& array, std::optional<qint64> me)
{
    QList<ChatReaction> out;
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        ChatReaction r;
        r.reaction = o.value(L("reaction")).toString();
        r.count = o.value(L("count")).toInt();
        for (const auto& u : o.value(L("users")).toArray())
            r.users.append(qint64(u.toDouble()));
        r.mine = me ? r.users.contains(*me) : o.value(L("mine")).toBool();
        if (std::none_of(out.cbegin(), out.cend(),
                         [&](const ChatReaction& known) { return known.reaction == r.reaction; }))
            out.append(r);
    }
    order(out);
    return out;
}

const QString conversationColumns = QStringLiteral(
    "id, kind, title, group_id, members_by, created_by, member_count, members, created_at, "
    "last_activity_at, last_message_id, last_author_id, last_author_name, last_body, "
    "read_message_id, unread, muted, history_loaded, older_on_server, state_seq");

ConversationRow readConversation(const QSqlQuery& q)
{
    ConversationRow c;
    c.id = q.value(0).toLongLong();
    c.kind = q.value(1).toString();
    c.title = q.value(2).toString();
    c.groupId = q.value(3).toLongLong();
    c.membersBy = q.value(4).toString();
    c.createdBy = q.value(5).toLongLong();
    c.memberCount = q.value(6).toInt();
    c.members = membersFrom(q.value(7).toString());
    c.createdAt = q.value(8).toString();
    c.lastActivityAt = q.value(9).toString();
    c.lastMessageId = q.value(10).toLongLong();
    c.lastAuthorId = q.value(11).toLongLong();
    c.lastAuthorName = q.value(12).toString();
    c.lastBody = q.value(13).toString();
    c.readMessageId = q.value(14).toLongLong();
    c.unread = q.value(15).toInt();
    c.muted = q.value(16).toBool();
    c.historyLoaded = q.value(17).toBool();
    c.olderOnServer = q.value(18).toBool();
    c.stateSeq = q.value(19).toLongLong();
    return c;
}

const QString messageColumns
    = QStringLiteral(
          "id, conversation_id, author_id, author_username, author_name, author_department, body, "
          "reply_to, reply_author_name, reply_body, mentions_me, created_at, edited_at, deleted, "
          "reactions, seq, ")
    + AttachmentStore::jsonColumn(AttachmentStore::messageKind,
                                  QLatin1StringView("chat_messages.id"));

MessageRow readMessage(const QSqlQuery& q)
{
    MessageRow m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.authorId = q.value(2).toLongLong();
    m.authorUsername = q.value(3).toString();
    m.authorName = q.value(4).toString();
    m.authorDepartment = q.value(5).toString();
    m.body = q.value(6).toString();
    m.replyToId = q.value(7).toLongLong();
    m.replyAuthorName = q.value(8).toString();
    m.replyBody = q.value(9).toString();
    m.mentionsMe = q.value(10).toBool();
    m.createdAt = q.value(11).toString();
    m.editedAt = q.value(12).toString();
    m.deleted = q.value(13).toBool();
    m.reactions
        = reactionsFrom(QJsonDocument::fromJson(q.value(14).toString().toUtf8()).array(), {});
    m.attachments = AttachmentStore::fromColumn(q.value(16));
    return m;
}

// U+1F4CE PAPERCLIP and a space.
const QString paperclip = QString::fromUcs4(U"\U0001F4CE ");

// "rapport.pdf and 2 more" (a function of its own, where lupdate finds the text).
QString andMore(const QString& first, int others)
{
    return QCoreApplication::translate("plein::client::ChatStore", "%1 and %n more", nullptr,
                                       others)
        .arg(first);
}

// The preview of a message in the conversation list: its first line, plain; for a message of
// files alone, the first file's name.
QString previewOf(const QString& body, const QString& firstFile = {}, int files = 0)
{
    QString line = body.section(u'\n', 0, 0).simplified();
    if (line.isEmpty() && files > 0)
        line = paperclip + (files == 1 ? firstFile : andMore(firstFile, files - 1));
    if (line.size() > 160)
        line = line.left(159) + QChar(0x2026);
    return line;
}

} // namespace

QString MessageRow::quoteText() const
{
    if (deleted)
        return {};
    if (!body.trimmed().isEmpty() || attachments.isEmpty())
        return body.left(protocol::chat::maxQuoteChars);
    return previewOf(body, attachments.first().name, int(attachments.size()));
}

QString ConversationRow::displayTitle(qint64 me) const
{
    if (!title.isEmpty())
        return title;
    QStringList names;
    for (const ChatMember& m : members) {
        if (m.id != me)
            names << m.name();
    }
    if (names.isEmpty() && !members.isEmpty())
        return members.first().name(); // a conversation with oneself
    return names.join(QStringLiteral(", "));
}

qint64 ConversationRow::otherMember(qint64 me) const
{
    for (const ChatMember& m : members) {
        if (m.id != me)
            return m.id;
    }
    return 0;
}

ConversationRow ConversationRow::fromJson(const QJsonObject& o)
{
    ConversationRow c;
    c.id = jsonNumber(o, L("id"));
    c.kind = o.value(L("kind")).toString();
    c.title = o.value(L("title")).toString();
    c.groupId = jsonNumber(o, L("groupId"));
    c.membersBy = o.value(L("membersBy")).toString(QStringLiteral("anyone"));
    c.createdBy = jsonNumber(o, L("createdBy"));
    c.memberCount = o.value(L("memberCount")).toInt();
    for (const auto& m : o.value(L("members")).toArray())
        c.members.append(memberFromJson(m.toObject()));
    c.createdAt = o.value(L("createdAt")).toString();
    c.lastActivityAt = o.value(L("lastActivityAt")).toString(c.createdAt);
    const QJsonObject last = o.value(L("lastMessage")).toObject();
    if (!last.isEmpty()) {
        const MessageRow m = MessageRow::fromJson(last, 0);
        c.lastMessageId = m.id;
        c.lastAuthorId = m.authorId;
        c.lastAuthorName = m.name();
        c.lastBody = previewOf(m.body, m.attachments.value(0).name, int(m.attachments.size()));
    }
    c.readMessageId = jsonNumber(o, L("readMessageId"));
    c.unread = o.value(L("unread")).toInt();
    c.muted = o.value(L("muted")).toBool();
    return c;
}

bool ConversationRow::hasUserState(const QJsonObject& o)
{
    return o.contains(L("readMessageId")) || o.contains(L("unread"));
}

MessageRow MessageRow::fromJson(const QJsonObject& o, qint64 me)
{
    MessageRow m;
    m.id = jsonNumber(o, L("id"));
    m.conversationId = jsonNumber(o, L("conversationId"));
    const QJsonObject author = o.value(L("author")).toObject();
    m.authorId = jsonNumber(author, L("id"));
    m.authorUsername = author.value(L("username")).toString();
    m.authorName = author.value(L("displayName")).toString();
    m.authorDepartment = author.value(L("department")).toString();
    m.body = o.value(L("body")).toString();
    const QJsonObject reply = o.value(L("replyTo")).toObject();
    if (!reply.isEmpty()) {
        m.replyToId = jsonNumber(reply, L("id"));
        const ChatMember who = memberFromJson(reply.value(L("author")).toObject());
        m.replyAuthorName = who.name();
        MessageRow quoted;
        quoted.body = reply.value(L("body")).toString();
        quoted.attachments = Attachment::listFromJson(reply.value(L("attachments")).toArray());
        m.replyBody = quoted.quoteText();
    }
    for (const auto& id : o.value(L("mentions")).toArray())
        m.mentionsMe = m.mentionsMe || (me > 0 && qint64(id.toDouble()) == me);
    m.createdAt = o.value(L("createdAt")).toString();
    m.editedAt = o.value(L("editedAt")).toString();
    m.deleted = o.value(L("deleted")).toBool();
    m.reactions = reactionsFrom(o.value(L("reactions")).toArray(), me);
    if (!m.deleted)
        m.attachments = Attachment::listFromJson(o.value(L("attachments")).toArray());
    return m;
}

QList<ConversationRow> ChatStore::conversations() const
{
    QList<ConversationRow> out;
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM chat_conversations ORDER BY last_activity_at DESC, id DESC")
            .arg(conversationColumns));
    while (q && q->next())
        out.append(readConversation(*q));
    return out;
}

std::optional<ConversationRow> ChatStore::conversation(qint64 id) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM chat_conversations WHERE id = ?").arg(conversationColumns),
        {id});
    if (q && q->next())
        return readConversation(*q);
    return std::nullopt;
}

std::optional<qint64> ChatStore::directWith(qint64 me, qint64 userId) const
{
    for (const ConversationRow& c : conversations()) {
        if (!c.isDirect())
            continue;
        const qint64 other = c.otherMember(me);
        if (other == userId || (other == 0 && userId == me))
            return c.id;
    }
    return std::nullopt;
}

std::optional<qint64> ChatStore::chatOfGroup(qint64 groupId) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT id FROM chat_conversations WHERE group_id = ? AND kind = 'group'"),
        {groupId});
    if (q && q->next())
        return q->value(0).toLongLong();
    return std::nullopt;
}

QList<qint64> ChatStore::conversationIds() const
{
    QList<qint64> out;
    auto* q = m_cache.statements().run(QStringLiteral("SELECT id FROM chat_conversations"));
    while (q && q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

bool ChatStore::upsert(const ConversationRow& c, std::optional<qint64> stateSeq)
{
    if (c.id <= 0)
        return m_cache.fail(QStringLiteral("a conversation without an id"));
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO chat_conversations (id, kind, title, group_id, members_by, "
                "created_by, member_count, members, created_at, last_activity_at) VALUES (?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                "title = excluded.title, group_id = excluded.group_id, members_by = "
                "excluded.members_by, created_by = excluded.created_by, member_count = "
                "excluded.member_count, members = excluded.members, created_at = "
                "excluded.created_at, last_activity_at = MAX(last_activity_at, "
                "excluded.last_activity_at)"),
            {c.id, text(c.kind), text(c.title), c.groupId, text(c.membersBy), c.createdBy,
             c.memberCount, membersJson(c.members), text(c.createdAt), text(c.lastActivityAt)}))
        return m_cache.fail(statements.lastError());
    if (c.lastMessageId > 0
        && !statements.run(
            QStringLiteral("UPDATE chat_conversations SET last_message_id = ?, last_author_id = "
                           "?, last_author_name = ?, last_body = ? WHERE id = ? AND "
                           "last_message_id <= ?"),
            {c.lastMessageId, c.lastAuthorId, text(c.lastAuthorName), text(c.lastBody), c.id,
             c.lastMessageId}))
        return m_cache.fail(statements.lastError());
    if (stateSeq && !setServerState(c.id, *stateSeq, c.readMessageId, c.unread, c.muted))
        return false;
    m_cache.noteChange(conversationsArea, c.id);
    return true;
}

bool ChatStore::remove(qint64 id)
{
    auto& statements = m_cache.statements();
    for (const QString& statement :
         {QStringLiteral("DELETE FROM chat_messages WHERE conversation_id = ?"),
          QStringLiteral("DELETE FROM chat_readers WHERE conversation_id = ?"),
          QStringLiteral("DELETE FROM chat_conversations WHERE id = ?")}) {
        if (!statements.run(statement, {id}))
            return m_cache.fail(statements.lastError());
    }
    m_cache.noteChange(conversationsArea, id);
    m_cache.noteChange(messagesArea, id);
    return true;
}

bool ChatStore::setServerState(qint64 id, qint64 seq, qint64 readMessageId, int unread, bool muted)
{
    const auto c = conversation(id);
    if (!c)
        return true;
    // Older than what the cache knows (a snapshot's head below the last chat.state, say).
    if (seq > 0 && seq < c->stateSeq)
        return true;
    // A position the server has not heard of yet (a chat.read on its way) stays; the count
    // is then the cache's own, which the answer to that chat.read sets right.
    const bool behind = readMessageId < c->readMessageId;
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE chat_conversations SET read_message_id = ?, "
                                       "unread = ?, muted = ?, state_seq = MAX(state_seq, ?) "
                                       "WHERE id = ?"),
                        {behind ? c->readMessageId : readMessageId,
                         behind ? c->unread : std::max(0, unread), muted, seq, id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(conversationsArea, id);
    // The unread divider and receipts are drawn from it.
    m_cache.noteChange(messagesArea, id);
    return true;
}

bool ChatStore::setLocalState(qint64 id, qint64 readMessageId, int unread, bool muted)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE chat_conversations SET read_message_id = "
                                       "MAX(read_message_id, ?), unread = ?, muted = ? WHERE id "
                                       "= ?"),
                        {readMessageId, std::max(0, unread), muted, id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(conversationsArea, id);
    m_cache.noteChange(messagesArea, id);
    return true;
}

bool ChatStore::addUnread(qint64 id, int delta)
{
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral(
                "UPDATE chat_conversations SET unread = MAX(0, unread + ?) WHERE id = ?"),
            {delta, id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(conversationsArea, id);
    return true;
}

bool ChatStore::clearMessages(qint64 id)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM chat_messages WHERE conversation_id = ?"), {id})
        || !statements.run(QStringLiteral("UPDATE chat_conversations SET history_loaded = 0, "
                                          "older_on_server = 1 WHERE id = ?"),
                           {id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, id);
    return true;
}

bool ChatStore::setHistoryFlags(qint64 id, bool loaded, bool olderOnServer)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE chat_conversations SET history_loaded = ?, "
                                       "older_on_server = ? WHERE id = ?"),
                        {loaded, olderOnServer, id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, id);
    return true;
}

int ChatStore::unreadTotal() const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT COALESCE(SUM(unread), 0) FROM chat_conversations WHERE muted = 0"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

bool ChatStore::upsertMessage(const MessageRow& m, bool* isNew)
{
    if (m.id <= 0 || m.conversationId <= 0)
        return m_cache.fail(QStringLiteral("a message without an id or conversation"));
    auto& statements = m_cache.statements();
    bool existed = false;
    QList<ChatReaction> reactions = m.reactions;
    // A group chat's events name the message a reply quotes by id alone (a newcomer may not
    // see it): the quote comes from the cache, where the user could read it.
    QString replyAuthor = m.replyAuthorName;
    QString replyBody = m.replyBody;
    if (m.replyToId > 0 && replyAuthor.isEmpty()) {
        if (const auto quoted = message(m.replyToId)) {
            replyAuthor = quoted->name();
            replyBody = quoted->quoteText();
        }
    }
    if (auto* q = statements.run(
            QStringLiteral("SELECT seq, reactions FROM chat_messages WHERE id = ?"), {m.id});
        q && q->next()) {
        existed = true;
        // A later event or answer already wrote this message.
        if (m_asOf > 0 && q->value(0).toLongLong() > m_asOf) {
            if (isNew)
                *isNew = false;
            return true;
        }
        // The server names at most maxReactionUsers people per reaction: whether the user
        // gave one that more gave is what the cache knew.
        const QList<ChatReaction> known = reactionsFrom(
            QJsonDocument::fromJson(q->value(1).toString().toUtf8()).array(), std::nullopt);
        for (ChatReaction& r : reactions) {
            if (r.mine || r.users.size() >= r.count)
                continue;
            for (const ChatReaction& k : known)
                r.mine = r.mine || (k.reaction == r.reaction && k.mine);
        }
    }
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO chat_messages (id, conversation_id, author_id, author_username, "
                "author_name, author_department, body, reply_to, reply_author_name, reply_body, "
                "mentions_me, created_at, edited_at, deleted, reactions, seq) VALUES (?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "author_username = excluded.author_username, author_name = excluded.author_name, "
                "author_department = excluded.author_department, body = excluded.body, "
                "reply_to = excluded.reply_to, reply_body = CASE WHEN "
                "excluded.reply_author_name = '' THEN reply_body ELSE excluded.reply_body END, "
                "reply_author_name = CASE WHEN excluded.reply_author_name = '' THEN "
                "reply_author_name ELSE excluded.reply_author_name END, "
                "mentions_me = excluded.mentions_me, "
                "edited_at = excluded.edited_at, deleted = excluded.deleted, reactions = "
                "excluded.reactions, seq = MAX(seq, excluded.seq)"),
            {m.id, m.conversationId, m.authorId, text(m.authorUsername), text(m.authorName),
             text(m.authorDepartment), text(m.body), m.replyToId, text(replyAuthor),
             text(replyBody), m.mentionsMe, text(m.createdAt), text(m.editedAt), m.deleted,
             reactionsJson(reactions), m_asOf}))
        return m_cache.fail(statements.lastError());
    if (!AttachmentStore(m_cache).replace(AttachmentStore::messageKind, m.id,
                                          m.deleted ? QList<Attachment>() : m.attachments,
                                          !existed))
        return false;
    if (isNew)
        *isNew = !existed;
    if (!statements.run(QStringLiteral("UPDATE chat_conversations SET last_activity_at = ? "
                                       "WHERE id = ? AND last_activity_at < ?"),
                        {text(m.createdAt), m.conversationId, text(m.createdAt)}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, m.conversationId);
    return refreshPreview(m.conversationId);
}

bool ChatStore::markDeleted(qint64 messageId, qint64 conversationId)
{
    const auto m = message(messageId);
    const qint64 conversation = m ? m->conversationId : conversationId;
    auto& statements = m_cache.statements();
    if ((m
         && !statements.run(QStringLiteral("UPDATE chat_messages SET deleted = 1, body = '', "
                                           "reactions = '[]', seq = MAX(seq, ?) WHERE id = ?"),
                            {m_asOf, messageId}))
        || !statements.run(
            QStringLiteral("UPDATE chat_messages SET reply_body = '' WHERE reply_to = ?"),
            {messageId}))
        return m_cache.fail(statements.lastError());
    if (conversation <= 0)
        return true;
    // The preview may show it although the cache never held it (chat.list's lastMessage).
    if (!m
        && !statements.run(
            QStringLiteral("UPDATE chat_conversations SET last_message_id = 0, last_author_id = "
                           "0, last_author_name = '', last_body = '' WHERE id = ? AND "
                           "last_message_id = ?"),
            {conversation, messageId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, conversation);
    return refreshPreview(conversation);
}

bool ChatStore::setReaction(qint64 messageId, const QString& reaction, qint64 userId, bool on,
                            int count, qint64 me)
{
    auto& statements = m_cache.statements();
    auto* q = statements.run(
        QStringLiteral("SELECT conversation_id, reactions, seq FROM chat_messages WHERE id = ?"),
        {messageId});
    if (!q || !q->next())
        return true; // not cached: the next history page has it
    const qint64 conversationId = q->value(0).toLongLong();
    const QString json = q->value(1).toString();
    const qint64 seq = q->value(2).toLongLong();
    q->finish();
    if (m_asOf > 0 && seq >= m_asOf)
        return true; // what the cache holds is as new as this or newer
    QList<ChatReaction> reactions
        = reactionsFrom(QJsonDocument::fromJson(json.toUtf8()).array(), std::nullopt);
    auto it = std::find_if(reactions.begin(), reactions.end(),
                           [&](const ChatReaction& r) { return r.reaction == reaction; });
    if (it == reactions.end()) {
        reactions.append(ChatReaction {reaction, 0, false, {}});
        it = reactions.end() - 1;
    }
    it->count = std::max(0, count);
    if (on && !it->users.contains(userId) && it->users.size() < protocol::chat::maxReactionUsers)
        it->users.append(userId);
    if (!on)
        it->users.removeAll(userId);
    if (userId == me)
        it->mine = on;
    order(reactions);
    if (!statements.run(
            QStringLiteral(
                "UPDATE chat_messages SET reactions = ?, seq = MAX(seq, ?) WHERE id = ?"),
            {reactionsJson(reactions), m_asOf, messageId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, conversationId);
    return true;
}

std::optional<MessageRow> ChatStore::message(qint64 id) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM chat_messages WHERE id = ?").arg(messageColumns), {id});
    if (q && q->next())
        return readMessage(*q);
    return std::nullopt;
}

QList<MessageRow> ChatStore::newest(qint64 conversationId, int limit) const
{
    QList<MessageRow> out;
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM chat_messages WHERE conversation_id = ? ORDER BY id DESC "
                       "LIMIT ?")
            .arg(messageColumns),
        {conversationId, limit});
    while (q && q->next())
        out.append(readMessage(*q));
    std::reverse(out.begin(), out.end());
    return out;
}

int ChatStore::messageCount(qint64 conversationId) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ?"),
        {conversationId});
    return q && q->next() ? q->value(0).toInt() : 0;
}

int ChatStore::countFrom(qint64 conversationId, qint64 messageId) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ? AND id >= ?"),
        {conversationId, messageId});
    return q && q->next() ? q->value(0).toInt() : 0;
}

qint64 ChatStore::oldestMessageId(qint64 conversationId) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT MIN(id) FROM chat_messages WHERE conversation_id = ?"),
        {conversationId});
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

qint64 ChatStore::newestMessageId(qint64 conversationId) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT MAX(id) FROM chat_messages WHERE conversation_id = ?"),
        {conversationId});
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

QList<MessageRow> ChatStore::from(qint64 conversationId, qint64 fromId) const
{
    QList<MessageRow> out;
    auto* q = m_cache.statements().run(
        QStringLiteral(
            "SELECT %1 FROM chat_messages WHERE conversation_id = ? AND id >= ? ORDER BY id")
            .arg(messageColumns),
        {conversationId, fromId});
    while (q && q->next())
        out.append(readMessage(*q));
    return out;
}

QList<MessageRow> ChatStore::between(qint64 conversationId, qint64 fromId, qint64 beforeId) const
{
    QList<MessageRow> out;
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM chat_messages WHERE conversation_id = ? AND id >= ? AND "
                       "id < ? ORDER BY id")
            .arg(messageColumns),
        {conversationId, fromId, beforeId});
    while (q && q->next())
        out.append(readMessage(*q));
    return out;
}

qint64 ChatStore::idBefore(qint64 conversationId, qint64 messageId, int count) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT MIN(id) FROM (SELECT id FROM chat_messages WHERE conversation_id "
                       "= ? AND id < ? ORDER BY id DESC LIMIT ?)"),
        {conversationId, messageId, count});
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

bool ChatStore::hasUnreadMention(qint64 conversationId, qint64 after) const
{
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT 1 FROM chat_messages WHERE conversation_id = ? AND id > ? AND "
                       "mentions_me = 1 AND deleted = 0 LIMIT 1"),
        {conversationId, after});
    return q && q->next();
}

QHash<qint64, qint64> ChatStore::readers(qint64 conversationId) const
{
    QHash<qint64, qint64> out;
    auto* q = m_cache.statements().run(
        QStringLiteral("SELECT user_id, message_id FROM chat_readers WHERE conversation_id = ?"),
        {conversationId});
    while (q && q->next())
        out.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
    return out;
}

bool ChatStore::setReader(qint64 conversationId, qint64 userId, qint64 messageId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("INSERT INTO chat_readers (conversation_id, user_id, message_id) "
                           "VALUES (?, ?, ?) ON CONFLICT (conversation_id, user_id) DO UPDATE "
                           "SET message_id = MAX(message_id, excluded.message_id)"),
            {conversationId, userId, messageId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(messagesArea, conversationId);
    return true;
}

bool ChatStore::replaceReaders(qint64 conversationId, const QHash<qint64, qint64>& readers)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM chat_readers WHERE conversation_id = ?"),
                        {conversationId}))
        return m_cache.fail(statements.lastError());
    for (auto it = readers.cbegin(); it != readers.cend(); ++it) {
        if (!setReader(conversationId, it.key(), it.value()))
            return false;
    }
    m_cache.noteChange(messagesArea, conversationId);
    return true;
}

bool ChatStore::refreshPreview(qint64 conversationId)
{
    auto& statements = m_cache.statements();
    auto* q = statements.run(
        QStringLiteral("SELECT m.id, m.author_id, m.author_name, m.author_username, m.body, "
                       "(SELECT a.name FROM attachments a WHERE a.owner_kind = 'chat-message' AND "
                       "a.owner_id = m.id ORDER BY a.position LIMIT 1), (SELECT COUNT(*) FROM "
                       "attachments a WHERE a.owner_kind = 'chat-message' AND a.owner_id = m.id) "
                       "FROM chat_messages m WHERE m.conversation_id = ? AND m.deleted = 0 ORDER "
                       "BY m.id DESC LIMIT 1"),
        {conversationId});
    if (!q)
        return m_cache.fail(statements.lastError());
    if (!q->next()) {
        q->finish();
        // Nothing left to show: the preview is cleared when the message it showed is gone.
        if (!statements.run(
                QStringLiteral("UPDATE chat_conversations SET last_message_id = 0, "
                               "last_author_id = 0, last_author_name = '', last_body = '' WHERE "
                               "id = ? AND EXISTS (SELECT 1 FROM chat_messages d WHERE "
                               "d.id = last_message_id AND d.deleted = 1)"),
                {conversationId}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(conversationsArea, conversationId);
        return true;
    }
    const qint64 id = q->value(0).toLongLong();
    const qint64 author = q->value(1).toLongLong();
    const QString name
        = q->value(2).toString().isEmpty() ? q->value(3).toString() : q->value(2).toString();
    const QString body
        = previewOf(q->value(4).toString(), q->value(5).toString(), q->value(6).toInt());
    q->finish();
    // The newest the cache has, unless the server named a newer one (the cache may not hold
    // it), or the one it named was deleted.
    if (!statements.run(
            QStringLiteral("UPDATE chat_conversations SET last_message_id = ?, last_author_id = "
                           "?, last_author_name = ?, last_body = ? WHERE id = ? AND "
                           "(last_message_id <= ? OR EXISTS (SELECT 1 FROM chat_messages d WHERE "
                           "d.id = last_message_id AND d.deleted = 1))"),
            {id, author, text(name), text(body), conversationId, id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(conversationsArea, conversationId);
    return true;
}

} // namespace plein::client
