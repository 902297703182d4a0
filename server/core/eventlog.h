#pragma once

#include "core/audience.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace plein::server {

class Database;

// Who may see an event: everyone, the members of a group (and, for a membership change, the
// user concerned besides them), or a list of users.
struct Scope
{
    enum class Kind { All, Group, Users };
    Kind kind = Kind::All;
    qint64 groupId = 0; // Kind::Group
    QList<qint64> users; // Kind::Users; with Kind::Group, users who receive it besides members
    // Kind::Users: the members of these groups receive it too (an audience of several groups,
    // a YamJam's). Such an event stands on its own (no origin), so the groups' history rules
    // do not apply to it: whoever is a member when it is read or delivered receives it.
    QList<qint64> groups;

    static Scope everyone() { return {}; }
    static Scope group(qint64 id, QList<qint64> alsoUsers = {})
    {
        return Scope {Kind::Group, id, std::move(alsoUsers), {}};
    }
    static Scope usersOnly(QList<qint64> ids) { return Scope {Kind::Users, 0, std::move(ids), {}}; }
    static Scope groupsAndUsers(QList<qint64> groupIds, QList<qint64> userIds)
    {
        return Scope {Kind::Users, 0, std::move(userIds), std::move(groupIds)};
    }

    // The `audience` object of the wire format (the list of users is never sent).
    QJsonObject toJson() const;
};

struct StoredEvent
{
    qint64 seq = 0;
    QString kind;
    qint64 actorId = 0; // who made the change (0: the server or its command line)
    qint64 subjectId = 0; // whom or what it is about, when the kind says (0: none)
    // The event that created what this one is about (a post's post.created for its edits,
    // likes and replies), for a group's history rule (0: the event stands on its own).
    qint64 originSeq = 0;
    Scope scope;
    QJsonObject data; // parsed only where needed (live delivery); see rawData
    QByteArray rawData; // the stored JSON text of data, spliced as it is into sync pages
    QString at;
    qsizetype approxBytes = 0; // size on the wire, roughly: for cutting pages by size

    // The payload of an `event` push and of an entry in a sync.since page; `audience` and
    // `subject` go to clients that agreed on the feature of that name.
    QJsonObject toJson(bool withAudience) const;
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
                          const QJsonObject& data, qint64 subjectId = 0, qint64 originSeq = 0);
    // The same in two steps, for a change that stores its event's sequence number in its own
    // rows: the number first, then, in the same transaction, the event with it (exactly once).
    Result<qint64> nextSeq();
    Result<qint64> appendAt(qint64 seq, const QString& kind, qint64 actorId, const Scope& scope,
                            const QJsonObject& data, qint64 subjectId = 0, qint64 originSeq = 0);
    qint64 head();

    // Group commit (WriteBatch). beginBatch() reads the counter once in the batch's
    // transaction, taking its row lock on PostgreSQL (SQLite's transaction holds the write
    // lock already): it is the batch's first statement, so every transaction that appends
    // events waits for the counter before it locks anything else, and batches of two nodes
    // never hold rows the other waits for. Until endBatch() the numbers come from memory, and
    // finishBatch() writes the counter once, just before the commit. Updating the counter's
    // row in each write's savepoint instead would cost a statement per write, and on
    // PostgreSQL a row locked by the transaction and updated by its subtransactions becomes a
    // multixact that grows with every write.
    Result<bool> beginBatch();
    // The last number handed out, to go back to when a write's savepoint is rolled back.
    qint64 batchMark() const { return m_batchLast; }
    void rewindBatch(qint64 mark) { m_batchLast = mark; }
    Result<bool> finishBatch();
    void endBatch() { m_inBatch = false; }
    // Events up to and including this sequence number have been pruned (0: none).
    qint64 prunedThrough();
    // The events after `cursor` that `reader` may see, oldest first. Each audience is read
    // through its own index range (events_audience, event_recipients_user), so the cost
    // follows what the reader receives, not the size of the log.
    // Reads no further than `upTo` (0: the head): what comes after is for live delivery.
    Result<EventPage> since(qint64 cursor, const Reader& reader, int limit, qint64 upTo = 0);
    // Every event after `seq`, with its scope and recipients, for live delivery; `data` is
    // left unparsed (rawData holds it).
    Result<QList<StoredEvent>> after(qint64 seq, int limit);
    // Drops events created before `cutoff` (ISO 8601 UTC); returns how many.
    Result<qint64> pruneBefore(const QString& cutoff);

private:
    Database& m_db;
    bool m_inBatch = false;
    qint64 m_batchFirst = 0; // the counter as the batch found it
    qint64 m_batchLast = 0;
};

} // namespace plein::server
