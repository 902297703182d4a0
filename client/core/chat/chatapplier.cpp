#include "chatapplier.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat.h"
#include "chatstore.h"
#include "chatwrites.h"
#include "groups/groups.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "protocol/limits.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QSet>

namespace plein::client {

namespace chat = protocol::chat;
using L = QLatin1StringView;

ChatApplier::ChatApplier(Session& session, Cache& cache, Chat& chat, Groups& groups,
                         SyncEngine& sync)
    : m_session(session)
    , m_cache(cache)
    , m_chat(chat)
    , m_groups(groups)
    , m_sync(sync)
{
    // Leaving a group (by any path: an event, a write's answer, group.get) ends its chat.
    QObject::connect(&m_groups, &Groups::membershipChanged, &m_chat,
                     [this](qint64 groupId, const QString& state) {
                         if (state == QLatin1StringView("member"))
                             return;
                         ChatStore store(m_cache);
                         if (const auto id = store.chatOfGroup(groupId))
                             m_cache.transaction([&]() { return store.remove(*id); });
                     });
}

void ChatApplier::registerWith(SyncEngine& sync, Outbox& outbox)
{
    sync.registerApplier(QString(chat::ChatConversation), [this](const SyncEvent& e) {
        return chatwrites::storeConversation(
            m_cache, m_sync.userId(), e.data.value(L("conversation")).toObject(), std::nullopt);
    });
    sync.registerApplier(QString(chat::ChatMessage), [this](const SyncEvent& e) {
        const qint64 me = m_sync.userId();
        const MessageRow m = MessageRow::fromJson(e.data.value(L("message")).toObject(), me);
        ChatStore store(m_cache);
        const auto c = store.conversation(m.conversationId);
        if (!c) {
            // Heard of before its conversation (a group chat made while this cache was not
            // syncing chat, say): read the conversation, whose state counts this message; its
            // history follows when it is opened.
            const qint64 id = m.conversationId;
            m_cache.afterCommit([this, id]() { m_chat.fetchConversation(id); });
            return true;
        }
        if (!store.asOf(e.seq).upsertMessage(m))
            return false;
        // Counted once: by the server's count as of stateSeq, or here for what came after it
        // (whether or not a history page stored the message first).
        const bool unread
            = e.seq > c->stateSeq && m.authorId != me && m.id > c->readMessageId && !m.deleted;
        if (unread && !store.addUnread(c->id, 1))
            return false;
        m_chat.noteArrived(m, e.actor, unread);
        return true;
    });
    sync.registerApplier(QString(chat::ChatEdited), [this](const SyncEvent& e) {
        const MessageRow m
            = MessageRow::fromJson(e.data.value(L("message")).toObject(), m_sync.userId());
        // Only what the cache holds: an edit of a message never read changes nothing here.
        if (!ChatStore(m_cache).message(m.id))
            return true;
        return ChatStore(m_cache).asOf(e.seq).upsertMessage(m);
    });
    sync.registerApplier(QString(chat::ChatDeleted), [this](const SyncEvent& e) {
        ChatStore store(m_cache);
        const qint64 messageId = jsonNumber(e.data, L("messageId"));
        const qint64 conversationId = jsonNumber(e.data, L("conversationId"));
        const auto m = store.message(messageId);
        const auto c = store.conversation(conversationId);
        // A message counted as unread (by the server or here) that goes counts no more. One the
        // cache never held is left to the next chat.state.
        if (c && m && !m->deleted && e.seq > c->stateSeq && m->authorId != m_sync.userId()
            && m->id > c->readMessageId && !store.addUnread(c->id, -1))
            return false;
        return store.asOf(e.seq).markDeleted(messageId, conversationId);
    });
    sync.registerApplier(QString(chat::ChatReacted), [this](const SyncEvent& e) {
        return ChatStore(m_cache).asOf(e.seq).setReaction(
            jsonNumber(e.data, L("messageId")), e.data.value(L("reaction")).toString(),
            jsonNumber(e.data, L("userId")), e.data.value(L("on")).toBool(),
            e.data.value(L("count")).toInt(), m_sync.userId());
    });
    sync.registerApplier(QString(chat::ChatState), [this](const SyncEvent& e) {
        const qint64 id = jsonNumber(e.data, L("conversationId"));
        // A mute still on its way stays what the screen shows.
        return ChatStore(m_cache).setServerState(
            id, e.seq, jsonNumber(e.data, L("readMessageId")), e.data.value(L("unread")).toInt(),
            chatwrites::pendingMute(m_cache, id).value_or(e.data.value(L("muted")).toBool()));
    });
    sync.registerApplier(QString(chat::ChatSeen), [this](const SyncEvent& e) {
        const qint64 id = jsonNumber(e.data, L("conversationId"));
        const qint64 user = jsonNumber(e.data, L("userId"));
        if (user == m_sync.userId() || !ChatStore(m_cache).conversation(id))
            return true;
        if (!ChatStore(m_cache).setReader(id, user, jsonNumber(e.data, L("messageId"))))
            return false;
        m_cache.afterCommit([this, id]() { Q_EMIT m_chat.readersChanged(id); });
        return true;
    });
    sync.registerApplier(QString(chat::ChatUserSettings), [this](const SyncEvent& e) {
        return m_cache.setMeta(QStringLiteral("chat.receipts"),
                               e.data.value(L("receipts")).toBool() ? QStringLiteral("1")
                                                                    : QStringLiteral("0"));
    });
    for (const WriteKind& kind : chatwrites::kinds(m_cache, m_sync))
        outbox.registerKind(kind);
}

struct ChatApplier::Reading
{
    QList<std::pair<QJsonObject, qint64>> conversations; // with the head of their page
    int pages = 0;
    bool receipts = true;
    int offset = 0;
    qint64 lowestHead = std::numeric_limits<qint64>::max();
    std::function<void(const Result<qint64>&)> done;
};

void ChatApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    auto reading = std::make_shared<Reading>();
    reading->done = std::move(done);
    readList(reading);
}

void ChatApplier::readList(std::shared_ptr<Reading> reading)
{
    m_session.request(
        chat::ChatList,
        QJsonObject {{QStringLiteral("offset"), reading->offset},
                     {QStringLiteral("limit"), protocol::maxFeedPage}},
        &m_chat, [this, reading](const Result<QJsonObject>& r) {
            if (!r) {
                reading->done(r.error());
                return;
            }
            const qint64 head = jsonNumber(r.value(), L("head"));
            reading->lowestHead = std::min(reading->lowestHead, head);
            ++reading->pages;
            reading->receipts
                = r->value(L("settings")).toObject().value(L("receipts")).toBool(true);
            const QJsonArray page = r->value(L("conversations")).toArray();
            for (const auto& c : page)
                reading->conversations.append({c.toObject(), head});
            reading->offset += int(page.size());
            if (r->value(L("more")).toBool() && !page.isEmpty())
                readList(reading);
            else
                store(reading);
        });
}

void ChatApplier::store(std::shared_ptr<Reading> reading)
{
    ChatStore store(m_cache);
    QList<qint64> reread;
    QList<qint64> unlisted;
    const bool ok = m_cache.transaction([&]() {
        QSet<qint64> listed;
        for (const auto& [o, head] : std::as_const(reading->conversations)) {
            const qint64 id = jsonNumber(o, L("id"));
            listed.insert(id);
            // What the cache held of its history may have gaps now and edits it never heard
            // of: it is read again from the newest page.
            if (const auto known = store.conversation(id); known && known->historyLoaded) {
                if (!store.clearMessages(id))
                    return false;
                reread.append(id);
            }
            if (!chatwrites::storeConversation(m_cache, m_sync.userId(), o, head))
                return false;
        }
        for (qint64 id : store.conversationIds()) {
            if (listed.contains(id))
                continue;
            // Listed in one page: gone. Read in several, a conversation that moved between
            // two pages may be on neither: asked about before it is forgotten.
            if (reading->pages > 1)
                unlisted.append(id);
            else if (!store.remove(id))
                return false;
        }
        return m_cache.setMeta(QStringLiteral("chat.receipts"),
                               reading->receipts ? QStringLiteral("1") : QStringLiteral("0"));
    });
    if (!ok) {
        reading->done(makeError(
            protocol::ErrorCode::Internal,
            QStringLiteral("cannot store the conversations: %1").arg(m_cache.lastError())));
        return;
    }
    for (qint64 id : std::as_const(reread))
        m_chat.fetchNewest(id);
    // chat.get forgets one that is not the user's any more.
    for (qint64 id : std::as_const(unlisted))
        m_chat.fetchConversation(id);
    reading->done(reading->lowestHead);
}

} // namespace plein::client
