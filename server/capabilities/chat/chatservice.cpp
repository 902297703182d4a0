#include "capabilities/chat/chatservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/feed/mentions.h"
#include "core/eventlog.h"
#include "protocol/fields.h"

#include <QDateTime>
#include <QJsonArray>

#include <limits>

namespace plein::server {

using protocol::idField;

using protocol::ErrorCode;
namespace chat = protocol::chat;

namespace {

// What an event of a conversation may quote: it goes to every member, and in a group's chat a
// newcomer may not see what came before they joined, so a group chat's events quote nothing
// but the id (clients show the quote from what they hold, reads quote what the reader may see).
qint64 quoteLimit(const Conversation& c)
{
    return c.isGroupChat() ? std::numeric_limits<qint64>::max() : 0;
}

bool has(const QJsonObject& payload, QLatin1StringView name)
{
    return payload.contains(name) && !payload.value(name).isNull();
}

QList<qint64> idsField(const QJsonObject& payload, QLatin1StringView name)
{
    QList<qint64> ids;
    for (const auto& v : payload.value(name).toArray())
        ids.append(qint64(v.toDouble()));
    return ids;
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

protocol::Error forbidden(const QString& why)
{
    return protocol::Error {ErrorCode::Forbidden, why};
}

protocol::Error userNotFound(qint64 userId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("user %1 does not exist").arg(userId)};
}

protocol::Error readOnly(const ConversationAccess& a)
{
    return forbidden(
        QStringLiteral("the group '%1' is archived and read-only").arg(a.group.group->name));
}

// Members change, and the name, by every member or by the creator only (membersBy).
bool mayChangeMembers(const User& user, const Conversation& c)
{
    return !c.creatorAddsMembers || c.createdBy == user.id;
}

// The key that makes a pair's direct conversation unique, whoever opens it.
QString directKey(qint64 a, qint64 b)
{
    return QStringLiteral("%1:%2").arg(std::min(a, b)).arg(std::max(a, b));
}

} // namespace

ChatService::ChatService(WriteService& writes, ChatStore& conversations, ChatMessageStore& messages,
                         ChatAccess& access, ChatReads& reads, EventLog& events,
                         AccountStore& accounts, Options options)
    : m_writes(writes)
    , m_conversations(conversations)
    , m_messages(messages)
    , m_access(access)
    , m_reads(reads)
    , m_events(events)
    , m_accounts(accounts)
    , m_options(options)
{ }

bool ChatService::admit(Buckets& buckets, const Rate& rate, qint64 userId)
{
    auto it = buckets.find(userId);
    if (it == buckets.end()) {
        it = buckets.insert(userId, Bucket {rate.burst, {}});
        it->refill.start();
    }
    it->tokens
        = std::min(rate.burst, it->tokens + rate.perSecond * double(it->refill.restart()) / 1000.0);
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    return true;
}

Result<qint64> ChatService::announce(qint64 actorId, const Conversation& c, QList<qint64> alsoUsers)
{
    return m_events.append(
        QString(chat::ChatConversation), actorId, m_access.scopeOf(c, std::move(alsoUsers)),
        QJsonObject {{QStringLiteral("conversation"), m_reads.conversationData(c, quoteLimit(c))}},
        c.id);
}

Result<QJsonObject> ChatService::conversationAnswer(const User& user, qint64 conversationId,
                                                    qint64 seq)
{
    ConversationAccess a;
    a.conversation = m_conversations.find(conversationId);
    if (!a.conversation)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("conversation %1 cannot be read back").arg(conversationId));
    if (a->isGroupChat())
        a.group = m_access.group(user, a->groupId);
    return QJsonObject {{QStringLiteral("conversation"), m_reads.conversationFor(user, a)},
                        {QStringLiteral("seq"), seq}};
}

Result<ConversationAccess> ChatService::writable(const User& user, qint64 conversationId,
                                                 bool peopleOnly)
{
    if (!m_conversations.lock(conversationId))
        return makeError(ErrorCode::Unavailable, QStringLiteral("the conversation is busy"));
    ConversationAccess a = m_access.conversation(user, conversationId);
    if (!a)
        return ChatAccess::conversationNotFound(conversationId);
    if (peopleOnly && a->kind != ConversationKind::People)
        return makeError(ErrorCode::BadRequest,
                         a->isGroupChat()
                             ? QStringLiteral("a group's chat has the group's members and name")
                             : QStringLiteral("a direct conversation keeps its two people"));
    return a;
}

Result<ChatService::Outcome> ChatService::open(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatOpen), payload, [&]() -> Result<QJsonObject> {
        const qint64 userId = idField(payload, QLatin1StringView("userId"));
        const qint64 groupId = idField(payload, QLatin1StringView("groupId"));
        if ((userId > 0) == (groupId > 0))
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("name either 'userId' or 'groupId'"));
        Conversation c;
        c.createdBy = user.id;
        QString key;
        std::optional<qint64> existing;
        if (userId) {
            if (!m_conversations.activePeople({userId}).contains(userId))
                return userNotFound(userId);
            c.kind = ConversationKind::Direct;
            key = directKey(user.id, userId);
            existing = m_conversations.findDirect(key);
        } else {
            const GroupAccess g = m_access.group(user, groupId);
            if (!g.isMember())
                return GroupService::notFound(groupId);
            c.kind = ConversationKind::Group;
            c.groupId = groupId;
            c.title = g.group->name;
            existing = m_conversations.findGroupChat(groupId);
        }
        if (!existing) {
            auto inserted = m_conversations.insert(c, key);
            if (!inserted)
                return inserted.error();
            if (inserted.value()) {
                c.id = *inserted.value();
                if (c.kind == ConversationKind::Direct) {
                    QList<qint64> pair {user.id};
                    if (userId != user.id)
                        pair << userId;
                    if (auto r = m_conversations.addMembers(c.id, pair); !r)
                        return r.error();
                }
                const auto made = m_conversations.find(c.id);
                auto seq = announce(user.id, made.value_or(c));
                if (!seq)
                    return seq.error();
                return conversationAnswer(user, c.id, seq.value());
            }
            // Made at this very moment elsewhere: that one it is.
            existing
                = userId ? m_conversations.findDirect(key) : m_conversations.findGroupChat(groupId);
            if (!existing)
                return makeError(ErrorCode::Unavailable,
                                 QStringLiteral("the conversation is being made elsewhere"));
        }
        return conversationAnswer(user, *existing, 0);
    });
}

Result<ChatService::Outcome> ChatService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatCreate), payload, [&]() -> Result<QJsonObject> {
        QList<qint64> members {user.id};
        const QList<qint64> named = idsField(payload, QLatin1StringView("userIds"));
        const auto people = m_conversations.activePeople(named);
        for (qint64 id : named) {
            if (!people.contains(id))
                return userNotFound(id);
            if (!members.contains(id))
                members << id;
        }
        if (members.size() < 2)
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("a conversation needs someone besides you"));
        if (members.size() > chat::maxConversationMembers)
            return makeError(ErrorCode::TooLarge,
                             QStringLiteral("a conversation has at most %1 members")
                                 .arg(chat::maxConversationMembers));
        Conversation c;
        c.kind = ConversationKind::People;
        c.title = payload.value(QLatin1StringView("title")).toString().simplified();
        c.creatorAddsMembers = payload.value(QLatin1StringView("membersBy")).toString()
            == QLatin1StringView("creator");
        c.createdBy = user.id;
        auto inserted = m_conversations.insert(c, QString());
        if (!inserted)
            return inserted.error();
        if (!inserted.value())
            return makeError(ErrorCode::Internal, QStringLiteral("the conversation was not made"));
        c.id = *inserted.value();
        if (auto r = m_conversations.addMembers(c.id, members); !r)
            return r.error();
        auto seq = announce(user.id, m_conversations.find(c.id).value_or(c));
        if (!seq)
            return seq.error();
        return conversationAnswer(user, c.id, seq.value());
    });
}

Result<ChatService::Outcome> ChatService::update(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatUpdate), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        auto a = writable(user, id, true);
        if (!a)
            return a.error();
        const Conversation& c = *a->conversation;
        QString title = c.title;
        bool creatorOnly = c.creatorAddsMembers;
        if (has(payload, QLatin1StringView("title"))) {
            if (!mayChangeMembers(user, c))
                return forbidden(QStringLiteral("only the creator names this conversation"));
            title = payload.value(QLatin1StringView("title")).toString().simplified();
        }
        if (has(payload, QLatin1StringView("membersBy"))) {
            creatorOnly = payload.value(QLatin1StringView("membersBy")).toString()
                == QLatin1StringView("creator");
            if (creatorOnly != c.creatorAddsMembers && c.createdBy != user.id)
                return forbidden(
                    QStringLiteral("only the creator decides who adds and removes members"));
        }
        if (title == c.title && creatorOnly == c.creatorAddsMembers)
            return conversationAnswer(user, id, 0);
        if (auto r = m_conversations.update(id, title, creatorOnly); !r)
            return r.error();
        auto seq = announce(user.id, m_conversations.find(id).value_or(c));
        if (!seq)
            return seq.error();
        return conversationAnswer(user, id, seq.value());
    });
}

Result<ChatService::Outcome> ChatService::add(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatAdd), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        auto a = writable(user, id, true);
        if (!a)
            return a.error();
        const Conversation& c = *a->conversation;
        if (!mayChangeMembers(user, c))
            return forbidden(QStringLiteral("only the creator adds members to this conversation"));
        const QList<qint64> named = idsField(payload, QLatin1StringView("userIds"));
        const QList<qint64> current = m_conversations.memberIds(id);
        QList<qint64> added;
        for (qint64 u : named) {
            if (!current.contains(u))
                added << u;
        }
        // The cap first: a list that cannot fit is refused without looking anyone up.
        if (current.size() + added.size() > chat::maxConversationMembers)
            return makeError(ErrorCode::TooLarge,
                             QStringLiteral("a conversation has at most %1 members")
                                 .arg(chat::maxConversationMembers));
        const auto people = m_conversations.activePeople(named);
        for (qint64 u : named) {
            if (!people.contains(u))
                return userNotFound(u);
        }
        if (added.isEmpty())
            return conversationAnswer(user, id, 0);
        if (auto r = m_conversations.addMembers(id, added); !r)
            return r.error();
        auto seq = announce(user.id, m_conversations.find(id).value_or(c));
        if (!seq)
            return seq.error();
        return conversationAnswer(user, id, seq.value());
    });
}

Result<ChatService::Outcome> ChatService::remove(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatRemove), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        const qint64 userId = idField(payload, QLatin1StringView("userId"));
        auto a = writable(user, id, true);
        if (!a)
            return a.error();
        const Conversation& c = *a->conversation;
        // Anyone may leave; removing someone else follows the conversation's rule.
        if (userId != user.id && !mayChangeMembers(user, c))
            return forbidden(
                QStringLiteral("only the creator removes members from this conversation"));
        auto removed = m_conversations.removeMember(id, userId);
        if (!removed)
            return removed.error();
        if (!removed.value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("user %1 is not in the conversation").arg(userId));
        // The one removed hears of it too, so their client can let the conversation go.
        auto seq = announce(user.id, m_conversations.find(id).value_or(c), {userId});
        if (!seq)
            return seq.error();
        return conversationAnswer(user, id, seq.value());
    });
}

QList<qint64> ChatService::mentionsIn(const Conversation& c, const QString& body)
{
    const QStringList names = protocol::mentionedUsernames(body);
    if (names.isEmpty())
        return {};
    const QList<qint64> named = m_accounts.idsForUsernames(names);
    if (c.isGroupChat())
        return m_conversations.groupMembersAmong(c.groupId, named);
    const QList<qint64> members = m_conversations.memberIds(c.id);
    QList<qint64> out;
    for (qint64 id : named) {
        if (members.contains(id))
            out << id;
    }
    return out;
}

Result<ChatService::Outcome> ChatService::send(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatSend), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        // Locks the conversation first, so that message ids are taken in commit order across
        // nodes and a member removed meanwhile cannot post.
        auto writableAccess = writable(user, id, false);
        if (!writableAccess)
            return writableAccess.error();
        const ConversationAccess a = writableAccess.value();
        if (a.archived())
            return readOnly(a);
        const QString body = payload.value(QLatin1StringView("body")).toString();
        if (body.trimmed().isEmpty()
            && payload.value(QLatin1StringView("attachments")).toArray().isEmpty())
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("a message needs some text or a file"));
        const qint64 replyTo = idField(payload, QLatin1StringView("replyTo"));
        if (replyTo) {
            const auto quoted = m_access.message(user, replyTo);
            if (!quoted || quoted->message.conversationId != id)
                return ChatAccess::messageNotFound(replyTo);
        }
        // Only writes that would be applied count: a replay is answered whatever the rate.
        if (!admit(m_sends, m_options.sends, user.id))
            return makeError(ErrorCode::RateLimited,
                             QStringLiteral("too many messages; try again in 1 s"));
        const QList<qint64> mentions = mentionsIn(*a.conversation, body);
        const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
        auto message = m_messages.insert(id, user.id, body, replyTo, mentions,
                                         now.toUTC().toString(Qt::ISODateWithMs));
        if (!message)
            return message.error();
        if (auto r = m_conversations.noteMessage(id, message->id, message->createdAt); !r)
            return r.error();
        if (auto r = m_reads.attach(user, payload, message->id); !r)
            return r.error();
        const QJsonObject data = m_reads.messageData(message.value(), quoteLimit(*a.conversation));
        auto seq = m_events.append(QString(chat::ChatMessage), user.id,
                                   m_access.scopeOf(*a.conversation),
                                   QJsonObject {{QStringLiteral("message"), data},
                                                {QStringLiteral("mentions"), idArray(mentions)}},
                                   message->id);
        if (!seq)
            return seq.error();
        if (auto r = m_messages.setSeq(message->id, seq.value()); !r)
            return r.error();
        return QJsonObject {{QStringLiteral("message"), data},
                            {QStringLiteral("seq"), seq.value()}};
    });
}

Result<ChatService::Outcome> ChatService::edit(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatEdit), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("messageId"));
        const auto found = m_access.message(user, id);
        if (!found || found->message.deleted)
            return ChatAccess::messageNotFound(id);
        const ChatMessage& m = found->message;
        if (m.author.id != user.id)
            return forbidden(QStringLiteral("only its author edits a message"));
        if (found->access.archived())
            return readOnly(found->access);
        if (m_options.editMinutes > 0) {
            const QDateTime sent = QDateTime::fromString(m.createdAt, Qt::ISODateWithMs);
            const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
            if (sent.addSecs(qint64(m_options.editMinutes) * 60) < now)
                return forbidden(QStringLiteral("a message can be edited for %1 minutes after "
                                                "it was sent")
                                     .arg(m_options.editMinutes));
        }
        const QString body = payload.value(QLatin1StringView("body")).toString();
        // As when it was sent: its files may stand alone.
        if (body.trimmed().isEmpty() && !m_reads.hasFiles(id))
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("a message needs some text or a file"));
        if (!admit(m_edits, m_options.edits, user.id))
            return makeError(ErrorCode::RateLimited,
                             QStringLiteral("too many edits; try again in 1 s"));
        const QList<qint64> mentions = mentionsIn(*found->access.conversation, body);
        if (auto r = m_messages.edit(id, body, mentions); !r)
            return r.error();
        const auto updated = m_messages.find(id);
        if (!updated)
            return ChatAccess::messageNotFound(id);
        const QJsonObject data
            = m_reads.messageData(*updated, quoteLimit(*found->access.conversation));
        auto seq = m_events.append(QString(chat::ChatEdited), user.id,
                                   m_access.scopeOf(*found->access.conversation),
                                   QJsonObject {{QStringLiteral("message"), data}}, id, m.seq);
        if (!seq)
            return seq.error();
        return QJsonObject {{QStringLiteral("message"), data},
                            {QStringLiteral("seq"), seq.value()}};
    });
}

Result<ChatService::Outcome> ChatService::deleteMessage(const User& user,
                                                        const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatDelete), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("messageId"));
        const auto found = m_access.message(user, id);
        if (!found || found->message.deleted)
            return ChatAccess::messageNotFound(id);
        const ChatMessage& m = found->message;
        if (m.author.id != user.id)
            return forbidden(QStringLiteral("only its author deletes a message"));
        if (found->access.archived())
            return readOnly(found->access);
        if (auto r = m_messages.markDeleted(id); !r)
            return r.error();
        if (found->access->lastMessageId == id) {
            if (auto r = m_conversations.refreshLastMessage(m.conversationId); !r)
                return r.error();
        }
        QJsonObject data {{QStringLiteral("conversationId"), m.conversationId},
                          {QStringLiteral("messageId"), id}};
        auto seq = m_events.append(QString(chat::ChatDeleted), user.id,
                                   m_access.scopeOf(*found->access.conversation), data, id, m.seq);
        if (!seq)
            return seq.error();
        data.insert(QStringLiteral("seq"), seq.value());
        return data;
    });
}

Result<ChatService::Outcome> ChatService::react(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatReact), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("messageId"));
        const QString reaction = payload.value(QLatin1StringView("reaction")).toString();
        const bool on = payload.value(QLatin1StringView("on")).toBool();
        const auto found = m_access.message(user, id);
        if (!found || found->message.deleted)
            return ChatAccess::messageNotFound(id);
        if (found->access.archived())
            return readOnly(found->access);
        if (!admit(m_reactions, m_options.reactions, user.id))
            return makeError(ErrorCode::RateLimited,
                             QStringLiteral("too many reactions; try again in 1 s"));
        const ChatMessage& m = found->message;
        auto changed = m_messages.setReaction(id, user.id, reaction, on);
        if (!changed)
            return changed.error();
        QJsonObject data {{QStringLiteral("conversationId"), m.conversationId},
                          {QStringLiteral("messageId"), id},
                          {QStringLiteral("userId"), user.id},
                          {QStringLiteral("reaction"), reaction},
                          {QStringLiteral("on"), on},
                          {QStringLiteral("count"), m_messages.reactionCount(id, reaction)}};
        qint64 seq = 0;
        // Giving what one gave already changes nothing and appends no event.
        if (changed.value()) {
            auto appended
                = m_events.append(QString(chat::ChatReacted), user.id,
                                  m_access.scopeOf(*found->access.conversation), data, id, m.seq);
            if (!appended)
                return appended.error();
            seq = appended.value();
        }
        data.remove(QStringLiteral("userId"));
        data.insert(QStringLiteral("seq"), seq);
        return data;
    });
}

Result<QJsonObject> ChatService::stateAnswer(const User& user, const ConversationAccess& a,
                                             bool changed)
{
    const ConversationState s = m_conversations.state(*a.conversation, user.id, a.visibleFrom());
    QJsonObject data = s.toJson(a->id);
    qint64 seq = 0;
    if (changed) {
        auto appended = m_events.append(QString(chat::ChatState), user.id,
                                        Scope::usersOnly({user.id}), data, a->id);
        if (!appended)
            return appended.error();
        seq = appended.value();
    }
    data.insert(QStringLiteral("seq"), seq);
    return data;
}

Result<ChatService::Outcome> ChatService::read(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatRead), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        const qint64 messageId = idField(payload, QLatin1StringView("messageId"));
        const ConversationAccess a = m_access.conversation(user, id);
        if (!a)
            return ChatAccess::conversationNotFound(id);
        const auto found = m_access.message(user, messageId);
        if (!found || found->message.conversationId != id)
            return ChatAccess::messageNotFound(messageId);
        auto moved = m_conversations.moveRead(id, user.id, messageId);
        if (!moved)
            return moved.error();
        auto answer = stateAnswer(user, a, moved.value());
        if (!answer || !moved.value())
            return answer;
        // Receipts: in small conversations, a member who shares them tells the others who do.
        if (a->memberCount <= chat::maxReceiptMembers && m_conversations.receipts(user.id)) {
            const QList<qint64> to = m_conversations.receiptSharers(*a.conversation, user.id);
            if (!to.isEmpty()) {
                auto seen = m_events.append(QString(chat::ChatSeen), user.id, Scope::usersOnly(to),
                                            QJsonObject {{QStringLiteral("conversationId"), id},
                                                         {QStringLiteral("userId"), user.id},
                                                         {QStringLiteral("messageId"), messageId}},
                                            id);
                if (!seen)
                    return seen.error();
            }
        }
        return answer;
    });
}

Result<ChatService::Outcome> ChatService::mute(const User& user, const QJsonObject& payload)
{
    return m_writes.run(user.id, QString(chat::ChatMute), payload, [&]() -> Result<QJsonObject> {
        const qint64 id = idField(payload, QLatin1StringView("conversationId"));
        const bool muted = payload.value(QLatin1StringView("muted")).toBool();
        const ConversationAccess a = m_access.conversation(user, id);
        if (!a)
            return ChatAccess::conversationNotFound(id);
        const bool was = m_conversations.state(*a.conversation, user.id, 0).muted;
        if (was != muted) {
            if (auto r = m_conversations.setMuted(id, user.id, muted); !r)
                return r.error();
        }
        return stateAnswer(user, a, was != muted);
    });
}

Result<ChatService::Outcome> ChatService::settings(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(chat::ChatSettings), payload, [&]() -> Result<QJsonObject> {
            const bool receipts = payload.value(QLatin1StringView("receipts")).toBool();
            QJsonObject data {{QStringLiteral("receipts"), receipts}};
            qint64 seq = 0;
            if (m_conversations.receipts(user.id) != receipts) {
                if (auto r = m_conversations.setReceipts(user.id, receipts); !r)
                    return r.error();
                auto appended = m_events.append(QString(chat::ChatUserSettings), user.id,
                                                Scope::usersOnly({user.id}), data, user.id);
                if (!appended)
                    return appended.error();
                seq = appended.value();
            }
            data.insert(QStringLiteral("seq"), seq);
            return data;
        });
}

} // namespace plein::server
