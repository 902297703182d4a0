#pragma once

#include "outboxentry.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace plein::client {

// How a write that does not go as a WebSocket request (an upload) ended.
struct SendOutcome
{
    Result<QJsonObject> result;
    // The refusal's wire name when it is not the error code's ("quota_exceeded").
    QString code = {};
    // How long the server asked to wait before the next attempt, or -1.
    int retryAfterMs = -1;
};

// What a capability tells the outbox about one kind of write it queues.
struct WriteKind
{
    QString kind;
    // Applies the server's confirmation to the cache (inside the outbox's transaction), as if
    // its event had arrived. Only called for results newer than the sync cursor.
    std::function<bool(const OutboxEntry& entry, const QJsonObject& result)> applyResult;
    // A write that creates an object: the target later writes use for it ("post:991").
    std::function<QString(const QJsonObject& result)> createdTarget;
    // A write that targets an object an earlier write created: puts its id into the payload.
    std::function<void(QJsonObject& payload, const QString& target)> bindTarget;
    // The user changed the text of this write after it went out (it may have reached the
    // server, so it is not changed any more): the follow-up write that makes the change.
    std::function<std::optional<OutboxDraft>(const OutboxEntry& entry, const QString& text)>
        followUpEdit;
    // A write that does not go as a WebSocket request (an upload over the HTTP side): sends
    // it and calls `done` once with how it ended. Called again for the same entry after a
    // reconnect, possibly while an earlier call still runs: only the newest `done` counts.
    std::function<void(const OutboxEntry& entry, std::function<void(const SendOutcome&)> done)> send
        = {};
    // The earlier writes whose results this one carries, besides its target's creator (the
    // uploads whose file ids go into a post's `attachments`): it waits until each is
    // confirmed, is refused with them, retried with them and discarded with them.
    std::function<QStringList(const QJsonObject& payload)> carries = {};
    // One of them was confirmed and made `created` ("file:<id>"), or was discarded (empty):
    // puts its result into the payload, or leaves it out.
    std::function<void(QJsonObject& payload, const QString& clientId, const QString& created)>
        bindCarried = {};
    // The text the user typed, kept when the server refuses the write.
    QString textField = QStringLiteral("body");
};

} // namespace plein::client
