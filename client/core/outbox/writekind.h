#pragma once

#include "outboxentry.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace plein::client {

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
    // The text the user typed, kept when the server refuses the write.
    QString textField = QStringLiteral("body");
};

} // namespace plein::client
