#include "chatwrites.h"

#include "capabilities/chat/chatprotocol.h"
#include "chatstore.h"
#include "files/attachmentfield.h"
#include "jsonfields.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "sync/syncengine.h"

namespace plein::client::chatwrites {

namespace chat = protocol::chat;
using L = QLatin1StringView;

namespace {

bool applyMessage(Cache& cache, SyncEngine& sync, const QJsonObject& result)
{
    const MessageRow m = MessageRow::fromJson(result.value(L("message")).toObject(), sync.userId());
    return ChatStore(cache).asOf(jsonNumber(result, L("seq"))).upsertMessage(m);
}

} // namespace

bool storeConversation(Cache& cache, qint64 me, const QJsonObject& o,
                       std::optional<qint64> stateSeq)
{
    const ConversationRow c = ConversationRow::fromJson(o);
    const bool member = c.isGroupChat()
        || std::any_of(c.members.cbegin(), c.members.cend(),
                       [me](const ChatMember& m) { return m.id == me; });
    if (!member)
        return ChatStore(cache).remove(c.id);
    ChatStore store(cache);
    if (!ConversationRow::hasUserState(o))
        stateSeq.reset();
    else if (!stateSeq && !store.conversation(c.id))
        stateSeq = 0; // new here: what the server says is all there is
    return store.upsert(c, stateSeq);
}

std::optional<bool> pendingMute(Cache& cache, qint64 conversationId)
{
    std::optional<bool> muted;
    for (const OutboxEntry& e : OutboxStore(cache).entries({QString(chat::ChatMute)})) {
        if (jsonNumber(e.payload, L("conversationId")) == conversationId && !e.failed)
            muted = e.payload.value(L("muted")).toBool();
    }
    return muted;
}

QString messageTarget(qint64 messageId)
{
    return QStringLiteral("chat-message:%1").arg(messageId);
}

QStringList changeKinds()
{
    return {QString(chat::ChatEdit), QString(chat::ChatDelete), QString(chat::ChatReact)};
}

QList<WriteKind> kinds(Cache& cache, SyncEngine& sync)
{
    const auto bindMessage = [](QJsonObject& payload, const QString& target) {
        payload.insert(QStringLiteral("messageId"), target.section(u':', 1).toLongLong());
    };

    WriteKind send;
    send.kind = QString(chat::ChatSend);
    send.applyResult = [&cache, &sync](const OutboxEntry&, const QJsonObject& result) {
        return applyMessage(cache, sync, result);
    };
    send.createdTarget = [](const QJsonObject& result) {
        const qint64 id = jsonNumber(result.value(L("message")).toObject(), L("id"));
        return id > 0 ? messageTarget(id) : QString();
    };
    // Files attached go first, as uploads in the same lane (files/attachmentfield.h).
    send.carries = attachmentfield::uploadsOf;
    send.bindCarried = attachmentfield::bind;
    // Text changed after the message went out: an edit of the message it becomes.
    send.followUpEdit = [](const OutboxEntry& entry, const QString& text) {
        return std::optional(OutboxDraft {QString(chat::ChatEdit), entry.lane,
                                          QStringLiteral("chat-message:@") + entry.clientId,
                                          QJsonObject {{QStringLiteral("body"), text}}});
    };

    WriteKind edit;
    edit.kind = QString(chat::ChatEdit);
    edit.applyResult = send.applyResult;
    edit.bindTarget = bindMessage;
    edit.followUpEdit = [](const OutboxEntry& entry, const QString& text) {
        QJsonObject payload = entry.payload;
        payload.remove(QStringLiteral("clientId"));
        payload.insert(QStringLiteral("body"), text);
        return std::optional(
            OutboxDraft {QString(chat::ChatEdit), entry.lane, entry.target, payload});
    };

    WriteKind remove;
    remove.kind = QString(chat::ChatDelete);
    remove.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return ChatStore(cache)
            .asOf(jsonNumber(result, L("seq")))
            .markDeleted(jsonNumber(result, L("messageId")),
                         jsonNumber(result, L("conversationId")));
    };
    remove.bindTarget = bindMessage;

    WriteKind react;
    react.kind = QString(chat::ChatReact);
    react.applyResult = [&cache, &sync](const OutboxEntry&, const QJsonObject& result) {
        if (jsonNumber(result, L("seq")) == 0)
            return true; // nothing changed
        return ChatStore(cache)
            .asOf(jsonNumber(result, L("seq")))
            .setReaction(jsonNumber(result, L("messageId")), result.value(L("reaction")).toString(),
                         sync.userId(), result.value(L("on")).toBool(),
                         result.value(L("count")).toInt(), sync.userId());
    };
    react.bindTarget = bindMessage;

    // Read positions and mutes: the answer carries the user's state.
    const auto applyState = [&cache](const OutboxEntry&, const QJsonObject& result) {
        const qint64 id = jsonNumber(result, L("conversationId"));
        const qint64 seq = jsonNumber(result, L("seq"));
        // Nothing changed (seq 0): the count in it is of no known moment.
        if (seq == 0)
            return true;
        return ChatStore(cache).setServerState(
            id, seq, jsonNumber(result, L("readMessageId")), result.value(L("unread")).toInt(),
            pendingMute(cache, id).value_or(result.value(L("muted")).toBool()));
    };
    WriteKind read;
    read.kind = QString(chat::ChatRead);
    read.applyResult = applyState;
    WriteKind mute;
    mute.kind = QString(chat::ChatMute);
    mute.applyResult = applyState;

    QList<WriteKind> out {send, edit, remove, react, read, mute};
    for (QLatin1StringView kind : {chat::ChatUpdate, chat::ChatAdd, chat::ChatRemove}) {
        WriteKind k;
        k.kind = QString(kind);
        k.applyResult = [&cache, &sync](const OutboxEntry&, const QJsonObject& result) {
            const qint64 seq = jsonNumber(result, L("seq"));
            return storeConversation(cache, sync.userId(),
                                     result.value(L("conversation")).toObject(),
                                     seq > 0 ? std::optional(seq) : std::nullopt);
        };
        k.textField = QStringLiteral("title");
        out.append(k);
    }
    WriteKind settings;
    settings.kind = QString(chat::ChatSettings);
    settings.applyResult = [&cache](const OutboxEntry&, const QJsonObject& result) {
        return cache.setMeta(QStringLiteral("chat.receipts"),
                             result.value(L("receipts")).toBool() ? QStringLiteral("1")
                                                                  : QStringLiteral("0"));
    };
    out.append(settings);
    return out;
}

} // namespace plein::client::chatwrites
