#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::client {

// One event of the server's log, from a sync page or a live push.
struct SyncEvent
{
    qint64 seq = 0;
    QString kind;
    QString at;
    qint64 actor = 0; // who made the change (0: the server)
    qint64 subject = 0; // whom or what it is about (kind-specific; 0 when not said)
    QJsonObject audience; // {"scope":"all"}, {"scope":"group","id":12}, {"scope":"users"}
    QJsonObject data;
    QJsonObject json; // as it came, to keep it when no applier knows the kind

    static SyncEvent fromJson(qint64 seq, const QJsonObject& event);
};

// Applies one kind of event to the cache, inside the sync engine's transaction (a page, or one
// live push, with its new cursor). False rolls the transaction back: the events are read again.
using EventApplier = std::function<bool(const SyncEvent& event)>;

} // namespace plein::client
