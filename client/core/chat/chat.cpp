#include "chat.h"

#include "capabilities/chat/chatprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "chatstore.h"
#include "chatwrites.h"
#include "files/uploads.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QJsonArray>

namespace plein::client {

namespace chat = protocol::chat;
using L = QLatin1StringView;

namespace {

const QString receiptsKey = QStringLiteral("chat.receipts");

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

} // namespace

Chat::Chat(Session& session, Cache& cache, Outbox& outbox, SyncEngine& sync, Uploads& uploads,
           QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
    , m_sync(sync)
    , m_uploads(uploads)
{
    connect(&m_session, &Session::ephemeral, this, &Chat::onEphemeral);
    m_typingExpiry.setSingleShot(true);
    connect(&m_typingExpiry, &QTimer::timeout, this, &Chat::expireTyping);
    // A person who stops typing without sending: "stopped" after a quiet spell.
    m_ownTypingIdle.setInterval(typingResendMs + 1000);
    connect(&m_ownTypingIdle, &QTimer::timeout, this, [this]() {
        bool anyActive = false;
        for (auto it = m_ownTyping.begin(); it != m_ownTyping.end(); ++it) {
            if (it->active && it->sent.elapsed() > typingResendMs)
                noteTyping(it.key(), false);
            anyActive = anyActive || it->active;
        }
        if (!anyActive)
            m_ownTypingIdle.stop();
    });
    connect(&m_cache, &Cache::changed, this, [this](const CacheChanges& changes) {
        if (changes.touches(ChatStore::conversationsArea))
            checkUnreadTotal();
    });
    // A closed connection loses every typing signal: nobody is shown typing from before.
    connect(&m_session, &Session::closed, this, [this]() {
        const QList<qint64> ids = m_typing.keys();
        m_typing.clear();
        for (qint64 id : ids)
            Q_EMIT typingChanged(id);
        for (auto& own : m_ownTyping)
            own.active = false;
    });
}

qint64 Chat::me() const
{
    return m_sync.userId();
}

QString Chat::laneOf(qint64 conversationId)
{
    return QStringLiteral("chat:%1").arg(conversationId);
}

QString Chat::stateLaneOf(qint64 conversationId)
{
    return QStringLiteral("chat-state:%1").arg(conversationId);
}

QString Chat::channelOf(qint64 conversationId)
{
    return QStringLiteral("%1:%2").arg(QString(chat::ChannelPrefix)).arg(conversationId);
}

std::optional<ConversationRow> Chat::conversation(qint64 id) const
{
    return ChatStore(m_cache).conversation(id);
}

std::optional<qint64> Chat::directWith(qint64 userId) const
{
    return ChatStore(m_cache).directWith(me(), userId);
}

std::optional<qint64> Chat::chatOfGroup(qint64 groupId) const
{
    return ChatStore(m_cache).chatOfGroup(groupId);
}

int Chat::unreadTotal() const
{
    return m_cache.isOpen() ? ChatStore(m_cache).unreadTotal() : 0;
}

void Chat::checkUnreadTotal()
{
    const int total = unreadTotal();
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    Q_EMIT unreadTotalChanged(total);
}

void Chat::requestConversation(QLatin1StringView kind, QJsonObject payload, QObject* context,
                               std::function<void(const Result<qint64>&)> reply)
{
    payload.insert(QStringLiteral("clientId"), Outbox::newClientId());
    m_session.request(kind, payload, context, [this, reply](const Result<QJsonObject>& r) {
        if (!r) {
            reply(r.error());
            return;
        }
        const QJsonObject o = r->value(L("conversation")).toObject();
        const qint64 id = jsonNumber(o, L("id"));
        if (id <= 0) {
            reply(protocol::Error {protocol::ErrorCode::Internal,
                                   QStringLiteral("the server named no conversation")});
            return;
        }
        const qint64 seq = jsonNumber(r.value(), L("seq"));
        const bool stored = m_cache.transaction([&]() {
            return chatwrites::storeConversation(m_cache, me(), o,
                                                 seq > 0 ? std::optional(seq) : std::nullopt);
        });
        if (!stored) {
            reply(protocol::Error {protocol::ErrorCode::Internal, m_cache.lastError()});
            return;
        }
        reply(id);
    });
}

void Chat::openDirect(qint64 userId, QObject* context,
                      std::function<void(const Result<qint64>&)> reply)
{
    if (const auto known = directWith(userId)) {
        reply(*known);
        return;
    }
    requestConversation(chat::ChatOpen, QJsonObject {{QStringLiteral("userId"), userId}}, context,
                        std::move(reply));
}

void Chat::openGroupChat(qint64 groupId, QObject* context,
                         std::function<void(const Result<qint64>&)> reply)
{
    if (const auto known = chatOfGroup(groupId)) {
        reply(*known);
        return;
    }
    requestConversation(chat::ChatOpen, QJsonObject {{QStringLiteral("groupId"), groupId}}, context,
                        std::move(reply));
}

void Chat::create(const QString& title, const QList<qint64>& userIds, const QString& membersBy,
                  QObject* context, std::function<void(const Result<qint64>&)> reply)
{
    QJsonObject payload {{QStringLiteral("userIds"), idArray(userIds)}};
    if (!title.trimmed().isEmpty())
        payload.insert(QStringLiteral("title"), title.trimmed());
    if (!membersBy.isEmpty())
        payload.insert(QStringLiteral("membersBy"), membersBy);
    requestConversation(chat::ChatCreate, payload, context, std::move(reply));
}

void Chat::fetchNewest(qint64 conversationId)
{
    fetchHistory(conversationId, 0);
}

void Chat::fetchOlder(qint64 conversationId)
{
    const qint64 oldest = ChatStore(m_cache).oldestMessageId(conversationId);
    if (oldest <= 0) {
        fetchHistory(conversationId, 0);
        return;
    }
    fetchHistory(conversationId, oldest);
}

void Chat::fetchHistory(qint64 conversationId, qint64 before)
{
    if (m_fetching.contains(conversationId))
        return;
    m_fetching.insert(conversationId, before);
    QJsonObject payload {{QStringLiteral("conversationId"), conversationId},
                         {QStringLiteral("limit"), chat::defaultHistoryPage}};
    if (before > 0)
        payload.insert(QStringLiteral("before"), before);
    m_session.request(
        chat::ChatHistory, payload, this,
        [this, conversationId, before](const Result<QJsonObject>& r) {
            m_fetching.remove(conversationId);
            if (!r) {
                Q_EMIT historyFailed(conversationId, r.error().message,
                                     protocol::errorCodeName(r.error().code));
                // Gone, or never ours to read: the cache forgets it.
                if (r.error().code == protocol::ErrorCode::NotFound)
                    m_cache.transaction(
                        [&]() { return ChatStore(m_cache).remove(conversationId); });
                return;
            }
            const QJsonArray messages = r->value(L("messages")).toArray();
            const bool more = r->value(L("more")).toBool();
            const qint64 head = jsonNumber(r.value(), L("head"));
            ChatStore store(m_cache);
            const bool stored = m_cache.transaction([&]() {
                if (!store.conversation(conversationId))
                    return true; // forgotten meanwhile (left, removed)
                store.asOf(head);
                for (const auto& m : messages) {
                    if (!store.upsertMessage(MessageRow::fromJson(m.toObject(), me())))
                        return false;
                }
                // Older messages exist on the server while it says so; a newest page read
                // again leaves what was known of older ones as it was.
                const auto c = store.conversation(conversationId);
                const bool older = before > 0 || !c->historyLoaded ? more : c->olderOnServer;
                return store.setHistoryFlags(conversationId, true, older);
            });
            if (!stored) {
                Q_EMIT historyFailed(conversationId, m_cache.lastError(), QString());
                return;
            }
            Q_EMIT historyLoaded(conversationId);
        });
}

void Chat::fetchConversation(qint64 conversationId)
{
    // Many events of one unknown conversation ask once.
    if (m_fetchingConversations.contains(conversationId))
        return;
    m_fetchingConversations.insert(conversationId);
    m_session.request(
        chat::ChatGet, QJsonObject {{QStringLiteral("conversationId"), conversationId}}, this,
        [this, conversationId](const Result<QJsonObject>& r) {
            m_fetchingConversations.remove(conversationId);
            if (!r) {
                if (r.error().code == protocol::ErrorCode::NotFound)
                    m_cache.transaction(
                        [&]() { return ChatStore(m_cache).remove(conversationId); });
                Q_EMIT conversationFetchFailed(conversationId, r.error().message,
                                               protocol::errorCodeName(r.error().code));
                return;
            }
            QHash<qint64, qint64> readers;
            for (const auto& v : r->value(L("readers")).toArray()) {
                const QJsonObject o = v.toObject();
                if (jsonNumber(o, L("userId")) != me())
                    readers.insert(jsonNumber(o, L("userId")), jsonNumber(o, L("messageId")));
            }
            const bool stored = m_cache.transaction([&]() {
                return chatwrites::storeConversation(m_cache, me(),
                                                     r->value(L("conversation")).toObject(),
                                                     jsonNumber(r.value(), L("head")))
                    && (!ChatStore(m_cache).conversation(conversationId)
                        || ChatStore(m_cache).replaceReaders(conversationId, readers));
            });
            if (!stored) {
                Q_EMIT conversationFetchFailed(conversationId, m_cache.lastError(), QString());
                return;
            }
            Q_EMIT conversationFetched(conversationId);
            Q_EMIT readersChanged(conversationId);
        });
}

QHash<qint64, qint64> Chat::readers(qint64 conversationId) const
{
    return ChatStore(m_cache).readers(conversationId);
}

void Chat::requestReactors(qint64 messageId, QObject* context,
                           std::function<void(const Result<QJsonObject>&)> reply)
{
    m_session.request(chat::ChatReactors, QJsonObject {{QStringLiteral("messageId"), messageId}},
                      context, std::move(reply));
}

QString Chat::write(QLatin1StringView kind, const QString& lane, const QString& target,
                    QJsonObject payload, const QStringList& attachments)
{
    const OutboxDraft draft {QString(kind), lane, target, payload};
    if (attachments.isEmpty())
        return m_outbox.add(draft);
    const Result<QString> added = m_uploads.add(draft, attachments);
    return added ? added.value() : QString();
}

QString Chat::send(qint64 conversationId, const QString& body, qint64 replyTo,
                   const QStringList& attachments)
{
    QJsonObject payload {{QStringLiteral("conversationId"), conversationId},
                         {QStringLiteral("body"), body}};
    if (replyTo > 0)
        payload.insert(QStringLiteral("replyTo"), replyTo);
    noteTyping(conversationId, false);
    const QString clientId
        = write(chat::ChatSend, laneOf(conversationId), QString(), payload, attachments);
    // Writing in a conversation reads it.
    if (!clientId.isEmpty())
        markRead(conversationId);
    return clientId;
}

namespace {

// A write about a message goes in its conversation's lane.
qint64 conversationOfMessage(Cache& cache, qint64 messageId)
{
    const auto m = ChatStore(cache).message(messageId);
    return m ? m->conversationId : 0;
}

} // namespace

QString Chat::edit(qint64 messageId, const QString& body)
{
    if (conversationOfMessage(m_cache, messageId) == 0)
        return QString(); // not a message this cache knows: no lane to put it in
    return write(chat::ChatEdit, laneOf(conversationOfMessage(m_cache, messageId)),
                 chatwrites::messageTarget(messageId),
                 {{QStringLiteral("messageId"), messageId}, {QStringLiteral("body"), body}});
}

QString Chat::remove(qint64 messageId)
{
    if (conversationOfMessage(m_cache, messageId) == 0)
        return QString();
    return write(chat::ChatDelete, laneOf(conversationOfMessage(m_cache, messageId)),
                 chatwrites::messageTarget(messageId), {{QStringLiteral("messageId"), messageId}});
}

QString Chat::react(qint64 messageId, const QString& reaction, bool on)
{
    if (conversationOfMessage(m_cache, messageId) == 0)
        return QString();
    return write(chat::ChatReact, laneOf(conversationOfMessage(m_cache, messageId)),
                 chatwrites::messageTarget(messageId),
                 {{QStringLiteral("messageId"), messageId},
                  {QStringLiteral("reaction"), reaction},
                  {QStringLiteral("on"), on}});
}

QString Chat::markRead(qint64 conversationId)
{
    ChatStore store(m_cache);
    const auto c = store.conversation(conversationId);
    const qint64 newest = store.newestMessageId(conversationId);
    if (!c || newest <= c->readMessageId) {
        // Nothing newer to read; a stale unread count (from the server) is still cleared.
        if (c && c->unread > 0 && newest > 0 && newest == c->readMessageId)
            m_cache.transaction([&]() {
                return store.setLocalState(conversationId, c->readMessageId, 0, c->muted);
            });
        return QString();
    }
    // At once in the cache, so every count drops now, offline too; the server's answer and
    // its chat.state event confirm it on every device.
    if (!m_cache.transaction(
            [&]() { return store.setLocalState(conversationId, newest, 0, c->muted); }))
        return QString();
    return write(chat::ChatRead, stateLaneOf(conversationId), QString(),
                 {{QStringLiteral("conversationId"), conversationId},
                  {QStringLiteral("messageId"), newest}});
}

QString Chat::setMuted(qint64 conversationId, bool muted)
{
    ChatStore store(m_cache);
    const auto c = store.conversation(conversationId);
    if (!c)
        return QString();
    if (!m_cache.transaction([&]() {
            return store.setLocalState(conversationId, c->readMessageId, c->unread, muted);
        }))
        return QString();
    return write(
        chat::ChatMute, stateLaneOf(conversationId), QString(),
        {{QStringLiteral("conversationId"), conversationId}, {QStringLiteral("muted"), muted}});
}

QString Chat::update(qint64 conversationId, const QString& title, const QString& membersBy)
{
    QJsonObject payload {{QStringLiteral("conversationId"), conversationId}};
    if (!title.isNull())
        payload.insert(QStringLiteral("title"), title.trimmed());
    if (!membersBy.isEmpty())
        payload.insert(QStringLiteral("membersBy"), membersBy);
    return write(chat::ChatUpdate, laneOf(conversationId), QString(), payload);
}

QString Chat::addMembers(qint64 conversationId, const QList<qint64>& userIds)
{
    return write(chat::ChatAdd, laneOf(conversationId), QString(),
                 {{QStringLiteral("conversationId"), conversationId},
                  {QStringLiteral("userIds"), idArray(userIds)}});
}

QString Chat::removeMember(qint64 conversationId, qint64 userId)
{
    return write(
        chat::ChatRemove, laneOf(conversationId), QString(),
        {{QStringLiteral("conversationId"), conversationId}, {QStringLiteral("userId"), userId}});
}

QString Chat::leave(qint64 conversationId)
{
    return removeMember(conversationId, me());
}

bool Chat::receipts() const
{
    return m_cache.meta(receiptsKey) != QLatin1StringView("0");
}

QString Chat::setReceipts(bool on)
{
    m_cache.setMeta(receiptsKey, on ? QStringLiteral("1") : QStringLiteral("0"));
    return write(chat::ChatSettings, QStringLiteral("chat-settings"), QString(),
                 {{QStringLiteral("receipts"), on}});
}

void Chat::noteTyping(qint64 conversationId, bool typing)
{
    OwnTyping& own = m_ownTyping[conversationId];
    const auto signal = [&](QLatin1StringView what) {
        if (!m_sendTyping || !m_session.isOpen())
            return;
        const auto c = conversation(conversationId);
        if (!c || c->memberCount > chat::maxTypingMembers)
            return;
        m_session.request(protocol::session::EphemeralSend,
                          QJsonObject {{QStringLiteral("channel"), channelOf(conversationId)},
                                       {QStringLiteral("signal"), QString(what)}},
                          this, [](const Result<QJsonObject>&) {
                              // A lost or refused signal is harmless: typing is a hint.
                          });
    };
    if (typing) {
        if (own.active && own.sent.isValid() && own.sent.elapsed() < typingResendMs)
            return;
        own.active = true;
        own.sent.start();
        signal(L("typing"));
        m_ownTypingIdle.start();
        return;
    }
    if (!own.active)
        return;
    own.active = false;
    signal(L("stopped"));
}

void Chat::setSendTyping(bool on)
{
    if (!on) {
        for (auto it = m_ownTyping.cbegin(); it != m_ownTyping.cend(); ++it) {
            if (it->active)
                noteTyping(it.key(), false);
        }
    }
    m_sendTyping = on;
}

QList<qint64> Chat::typing(qint64 conversationId) const
{
    QList<qint64> out;
    const auto it = m_typing.constFind(conversationId);
    if (it == m_typing.cend())
        return out;
    for (auto u = it->cbegin(); u != it->cend(); ++u) {
        if (u.value().elapsed() < typingShownMs)
            out.append(u.key());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void Chat::onEphemeral(const QString& channel, const QString& signal, qint64 from)
{
    const QString prefix = QString(chat::ChannelPrefix) + u':';
    if (!channel.startsWith(prefix) || from == me())
        return;
    bool ok = false;
    const qint64 id = channel.mid(prefix.size()).toLongLong(&ok);
    if (!ok || id <= 0 || !conversation(id))
        return;
    auto& users = m_typing[id];
    if (signal == QLatin1StringView("typing")) {
        users[from].start();
        if (!m_typingExpiry.isActive())
            m_typingExpiry.start(typingShownMs);
    } else if (signal == QLatin1StringView("stopped")) {
        users.remove(from);
    } else {
        return;
    }
    Q_EMIT typingChanged(id);
}

void Chat::expireTyping()
{
    int soonest = -1;
    for (auto it = m_typing.begin(); it != m_typing.end(); ++it) {
        bool changed = false;
        for (auto u = it->begin(); u != it->end();) {
            const qint64 age = u.value().elapsed();
            if (age >= typingShownMs) {
                u = it->erase(u);
                changed = true;
            } else {
                const int left = int(typingShownMs - age);
                soonest = soonest < 0 ? left : std::min(soonest, left);
                ++u;
            }
        }
        if (changed)
            Q_EMIT typingChanged(it.key());
    }
    if (soonest >= 0)
        m_typingExpiry.start(soonest + 10);
}

void Chat::noteArrived(const MessageRow& message, qint64 actor, bool unread)
{
    // A message from someone else also stops them typing.
    if (auto it = m_typing.find(message.conversationId);
        it != m_typing.end() && it->remove(actor) > 0) {
        const qint64 id = message.conversationId;
        m_cache.afterCommit([this, id]() { Q_EMIT typingChanged(id); });
    }
    if (!unread || actor == me() || message.deleted)
        return;
    const auto c = conversation(message.conversationId);
    if (!c)
        return;
    bool isReply = false;
    if (message.replyToId > 0) {
        const auto original = ChatStore(m_cache).message(message.replyToId);
        isReply = original && original->authorId == me();
    }
    const bool isDirect = c->isDirect();
    const bool isMention = message.mentionsMe;
    if (!isDirect && !isMention && !isReply)
        return;
    // Muted: only a mention still concerns the user.
    if (c->muted && !isMention)
        return;
    m_cache.afterCommit([this, message, isDirect, isMention, isReply]() {
        Q_EMIT concernsMe(message, isDirect, isMention, isReply);
    });
}

} // namespace plein::client
