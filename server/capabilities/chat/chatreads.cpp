#include "capabilities/chat/chatreads.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/files/fileservice.h"
#include "core/eventlog.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <QJsonArray>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;
namespace chat = protocol::chat;

namespace {

// chat.list stops a page at about this size (conversations of 500 members are large), far
// below the largest server frame; `more` says there is more.
constexpr qsizetype listPageBytes = 1024 * 1024;

// A conversation on the wire, roughly: a direct or people conversation lists its members.
qsizetype approxBytes(const Conversation& c)
{
    return 600 + (c.isGroupChat() ? 0 : 120 * qsizetype(c.memberCount));
}

// A message on the wire, roughly (UTF-8 up to 3 bytes a character, JSON escapes, its quote).
qsizetype approxBytes(const ChatMessage& m)
{
    return 800 + 3 * m.body.size();
}

// chat.history stops a page at about this size, so that 200 long messages still fit in a frame.
constexpr qsizetype historyPageBytes = 1024 * 1024;

} // namespace

QHash<qint64, ChatMessage> ChatReads::quotedBy(const QList<ChatMessage>& messages,
                                               qint64 quotesAfter)
{
    QList<qint64> ids;
    for (const ChatMessage& m : messages) {
        if (m.replyToId && !ids.contains(m.replyToId))
            ids << m.replyToId;
    }
    QHash<qint64, ChatMessage> out = m_messages.byIds(ids);
    out.removeIf([quotesAfter](const QHash<qint64, ChatMessage>::iterator it) {
        return it->seq <= quotesAfter;
    });
    return out;
}

void ChatReads::fillFiles(QList<ChatMessage>& messages, QHash<qint64, ChatMessage>& quoted)
{
    QList<qint64> ids;
    for (const ChatMessage& m : messages)
        ids.append(m.id);
    for (auto it = quoted.cbegin(); it != quoted.cend(); ++it)
        ids.append(it.key());
    const QHash<qint64, QJsonArray> files
        = m_files.attachmentsOf(QStringLiteral("chat-message"), ids);
    for (ChatMessage& m : messages)
        m.attachments = files.value(m.id);
    for (auto it = quoted.begin(); it != quoted.end(); ++it)
        it->attachments = files.value(it.key());
}

QJsonArray ChatReads::messagesJson(QList<ChatMessage> messages, qint64 quotesAfter)
{
    m_messages.fillReactions(messages);
    QHash<qint64, ChatMessage> quoted = quotedBy(messages, quotesAfter);
    fillFiles(messages, quoted);
    QJsonArray out;
    for (const ChatMessage& m : messages) {
        const auto q = quoted.constFind(m.replyToId);
        out.append(
            messageJson(m, q == quoted.constEnd() ? std::nullopt : std::optional<ChatMessage>(*q)));
    }
    return out;
}

Result<bool> ChatReads::attach(const User& user, const QJsonObject& payload, qint64 messageId)
{
    const QJsonArray fileIds = payload.value(QLatin1StringView("attachments")).toArray();
    if (fileIds.isEmpty())
        return true;
    QStringList ids;
    for (const auto& v : fileIds)
        ids.append(v.toString());
    auto attached = m_files.attach(user, ids, QStringLiteral("chat-message"), messageId);
    if (!attached)
        return attached.error();
    return true;
}

bool ChatReads::maySee(const User& user, qint64 messageId)
{
    const auto found = m_access.message(user, messageId);
    return found && !found->message.deleted;
}

bool ChatReads::hasFiles(qint64 messageId)
{
    return m_files.hasAttachments(QStringLiteral("chat-message"), messageId);
}

QJsonObject ChatReads::messageData(const ChatMessage& message, qint64 quotesAfter)
{
    return messagesJson({message}, quotesAfter).first().toObject();
}

QJsonObject ChatReads::conversationData(const Conversation& conversation, qint64 visibleFrom)
{
    Conversation c = conversation;
    if (!c.isGroupChat())
        c.members = m_conversations.members(c.id);
    std::optional<ChatMessage> last;
    std::optional<ChatMessage> quoted;
    if (c.lastMessageId) {
        last = m_messages.find(c.lastMessageId);
        if (last && last->seq <= visibleFrom)
            last.reset();
    }
    if (last) {
        QList<ChatMessage> one {*last};
        m_messages.fillReactions(one);
        QHash<qint64, ChatMessage> quotes = quotedBy(one, visibleFrom);
        fillFiles(one, quotes);
        last = one.first();
        if (const auto q = quotes.constFind(last->replyToId); q != quotes.constEnd())
            quoted = *q;
    }
    return conversationJson(c, last, quoted);
}

QJsonObject ChatReads::conversationFor(const User& user, const ConversationAccess& a)
{
    QJsonObject o = conversationData(*a.conversation, a.visibleFrom());
    m_conversations.state(*a.conversation, user.id, a.visibleFrom()).addTo(o);
    return o;
}

Result<QJsonObject> ChatReads::list(const User& user, const QJsonObject& payload)
{
    const int offset = payload.value(QLatin1StringView("offset")).toInt(0);
    const int limit = payload.value(QLatin1StringView("limit")).toInt(protocol::defaultFeedPage);
    // The head first: a client that stores this list and syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    auto rows = m_conversations.listFor(user.id, offset, limit + 1);
    if (!rows)
        return rows.error();
    bool more = rows->size() > limit;
    if (more)
        rows->removeLast();
    // The newest messages first, for the page's size; then the page is cut, and only its
    // conversations have their members, unread counts, reactions and quotes read, each in one
    // statement whatever the page's length.
    QList<qint64> lastIds;
    for (const ListedConversation& l : rows.value()) {
        if (l.conversation.lastMessageId)
            lastIds << l.conversation.lastMessageId;
    }
    const QHash<qint64, ChatMessage> lastById = m_messages.byIds(lastIds);
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < rows->size(); ++i) {
        const Conversation& c = rows->at(i).conversation;
        const auto lastOne = lastById.constFind(c.lastMessageId);
        const qsizetype size
            = approxBytes(c) + (lastOne != lastById.constEnd() ? approxBytes(*lastOne) : 0);
        if (i > 0 && bytes + size > listPageBytes) {
            rows->resize(i);
            more = true;
            break;
        }
        bytes += size;
    }

    QList<qint64> withMembers;
    QList<ChatMessage> lasts;
    for (const ListedConversation& l : rows.value()) {
        if (!l.conversation.isGroupChat())
            withMembers << l.conversation.id;
        if (const auto m = lastById.constFind(l.conversation.lastMessageId);
            m != lastById.constEnd() && m->seq > l.visibleFrom)
            lasts << *m;
    }
    const QHash<qint64, QList<ChatPerson>> members = m_conversations.membersOf(withMembers);
    const QHash<qint64, int> unread = m_conversations.unreadCounts(user.id, rows.value());
    m_messages.fillReactions(lasts);
    QHash<qint64, ChatMessage> quoted = quotedBy(lasts, 0);
    fillFiles(lasts, quoted);
    QHash<qint64, ChatMessage> shown;
    for (const ChatMessage& m : lasts)
        shown.insert(m.id, m);

    QJsonArray out;
    for (const ListedConversation& l : rows.value()) {
        Conversation c = l.conversation;
        c.members = members.value(c.id);
        std::optional<ChatMessage> last;
        std::optional<ChatMessage> quote;
        if (const auto m = shown.constFind(c.lastMessageId); m != shown.constEnd()) {
            last = *m;
            if (const auto q = quoted.constFind(m->replyToId);
                q != quoted.constEnd() && q->seq > l.visibleFrom)
                quote = *q;
        }
        QJsonObject o = conversationJson(c, last, quote);
        ConversationState {l.readMessageId, unread.value(c.id), l.muted}.addTo(o);
        out.append(o);
    }
    return QJsonObject {
        {QStringLiteral("conversations"), out},
        {QStringLiteral("more"), more},
        {QStringLiteral("settings"),
         QJsonObject {{QStringLiteral("receipts"), m_conversations.receipts(user.id)}}},
        {QStringLiteral("head"), head},
    };
}

Result<QJsonObject> ChatReads::get(const User& user, const QJsonObject& payload)
{
    const qint64 id = idField(payload, QLatin1StringView("conversationId"));
    const qint64 head = m_events.head();
    const ConversationAccess a = m_access.conversation(user, id);
    if (!a)
        return ChatAccess::conversationNotFound(id);
    // Receipts: in small conversations, between the members who share them.
    QJsonArray readers;
    if (a->memberCount <= chat::maxReceiptMembers && m_conversations.receipts(user.id)) {
        for (const auto& [userId, messageId] : m_conversations.readers(*a.conversation))
            readers.append(QJsonObject {{QStringLiteral("userId"), userId},
                                        {QStringLiteral("messageId"), messageId}});
    }
    return QJsonObject {{QStringLiteral("conversation"), conversationFor(user, a)},
                        {QStringLiteral("readers"), readers},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> ChatReads::history(const User& user, const QJsonObject& payload)
{
    const qint64 id = idField(payload, QLatin1StringView("conversationId"));
    const qint64 head = m_events.head();
    const ConversationAccess a = m_access.conversation(user, id);
    if (!a)
        return ChatAccess::conversationNotFound(id);
    const bool hasAfter = payload.contains(QLatin1StringView("after"))
        && !payload.value(QLatin1StringView("after")).isNull();
    const qint64 before = idField(payload, QLatin1StringView("before"));
    if (hasAfter && before > 0)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("give 'before' or 'after', not both"));
    const qint64 after = hasAfter ? idField(payload, QLatin1StringView("after")) : -1;
    const int limit = payload.value(QLatin1StringView("limit")).toInt(chat::defaultHistoryPage);
    auto page = m_messages.page(id, before, after, limit + 1, a.visibleFrom());
    if (!page)
        return page.error();
    bool more = page->size() > limit;
    if (more)
        page->removeLast();
    // Long messages: the page stops early (at least one message), `more` says there is more.
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < page->size(); ++i) {
        bytes += approxBytes(page->at(i));
        if (i > 0 && bytes > historyPageBytes) {
            page->resize(i);
            more = true;
            break;
        }
    }
    return QJsonObject {{QStringLiteral("messages"), messagesJson(page.value(), a.visibleFrom())},
                        {QStringLiteral("more"), more},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> ChatReads::reactors(const User& user, const QJsonObject& payload)
{
    const qint64 id = idField(payload, QLatin1StringView("messageId"));
    const auto found = m_access.message(user, id);
    if (!found || found->message.deleted)
        return ChatAccess::messageNotFound(id);
    auto all = m_messages.reactors(id, chat::maxReactionUsers);
    if (!all)
        return all.error();
    QJsonArray reactions;
    for (const Reactors& r : all.value()) {
        QJsonArray users;
        for (const ChatPerson& p : r.people)
            users.append(p.toShortJson());
        reactions.append(QJsonObject {{QStringLiteral("reaction"), r.reaction},
                                      {QStringLiteral("count"), r.count},
                                      {QStringLiteral("users"), users}});
    }
    return QJsonObject {{QStringLiteral("messageId"), id},
                        {QStringLiteral("reactions"), reactions}};
}

} // namespace plein::server
