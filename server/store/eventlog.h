#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace plein::server {

class Database;

// Who may see an event.
struct Scope
{
    enum class Kind { All, Group, Users };
    Kind kind = Kind::All;
    qint64 groupId = 0; // Kind::Group
    QList<qint64> users; // Kind::Users

    static Scope everyone() { return {}; }
    static Scope group(qint64 id) { return Scope {Kind::Group, id, {}}; }
    static Scope usersOnly(QList<qint64> ids) { return Scope {Kind::Users, 0, std::move(ids)}; }
};

struct StoredEvent
{
    qint64 seq = 0;
    QString kind;
    qint64 actorId = 0;
    Scope scope;
    QJsonObject data; // parsed only where needed (live delivery); see rawData
    QByteArray rawData; // the stored JSON text of data, spliced as it is into sync pages
    QString at;
    qsizetype approxBytes = 0; // size on the wire, roughly: for cutting pages by size

    // The payload of an `event` push and of an entry in a sync.since page.
    QJsonObject toJson() const;
};

struct EventPage
{
    QList<StoredEvent> events;
    qint64 next = 0; // the cursor to ask with next time
    bool more = false; // another page is waiting
    bool resync = false; // the cursor is outside what the server keeps: rebuild from snapshots
    qint64 head = 0;
};

// The append-only log every change goes through. Sequence numbers are allocated from a
// one-row counter, so they are committed in order (see migration 001).
class EventLog
{
public:
    explicit EventLog(Database& db)
        : m_db(db)
    { }

    // Appends in the caller's transaction; returns the new sequence number.
    Result<qint64> append(const QString& kind, qint64 actorId, const Scope& scope,
                          const QJsonObject& data);
    qint64 head();
    // Events up to and including this sequence number have been pruned (0: none).
    qint64 prunedThrough();
    // The events after `cursor` that `userId` may see, oldest first.
    Result<EventPage> since(qint64 cursor, qint64 userId, const QList<qint64>& groups, int limit);
    // Every event after `seq`, with its scope, for live delivery.
    Result<QList<StoredEvent>> after(qint64 seq, int limit);
    // Drops events created before `cutoff` (ISO 8601 UTC); returns how many.
    Result<qint64> pruneBefore(const QString& cutoff);

private:
    Database& m_db;
};

} // namespace plein::server
