#include "core/eventlog.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "protocol/limits.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace plein::server {

namespace {
constexpr QLatin1StringView area("event log");
} // namespace

using protocol::ErrorCode;

namespace {

QString scopeName(Scope::Kind kind)
{
    switch (kind) {
    case Scope::Kind::All:
        return QStringLiteral("all");
    case Scope::Kind::Group:
        return QStringLiteral("group");
    case Scope::Kind::Users:
        return QStringLiteral("users");
    }
    return QStringLiteral("users");
}

Scope::Kind scopeFromName(const QString& name)
{
    if (name == QLatin1StringView("all"))
        return Scope::Kind::All;
    if (name == QLatin1StringView("group"))
        return Scope::Kind::Group;
    return Scope::Kind::Users;
}

const QString eventColumns
    = QStringLiteral("e.seq, e.kind, e.actor_id, e.scope, e.scope_id, e.data, e.created_at, "
                     "e.subject_id, e.origin_seq");

StoredEvent readEvent(const QSqlQuery& q, bool parseData)
{
    StoredEvent e;
    e.seq = q.value(0).toLongLong();
    e.kind = q.value(1).toString();
    e.actorId = q.value(2).toLongLong();
    e.scope.kind = scopeFromName(q.value(3).toString());
    e.scope.groupId = q.value(4).toLongLong();
    e.rawData = q.value(5).toString().toUtf8();
    if (parseData)
        e.data = QJsonDocument::fromJson(e.rawData).object();
    e.at = q.value(6).toString();
    e.subjectId = q.value(7).toLongLong();
    e.originSeq = q.value(8).toLongLong();
    e.approxBytes = e.rawData.size() + 160;
    return e;
}

qint64 singleNumber(QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace

QJsonObject Scope::toJson() const
{
    QJsonObject o {{QStringLiteral("scope"), scopeName(kind)}};
    if (kind == Kind::Group)
        o.insert(QStringLiteral("id"), groupId);
    return o;
}

QJsonObject StoredEvent::toJson(bool withAudience) const
{
    QJsonObject o {
        {QStringLiteral("kind"), kind},
        {QStringLiteral("at"), at},
        {QStringLiteral("actor"), actorId},
        {QStringLiteral("data"), data},
    };
    if (withAudience) {
        o.insert(QStringLiteral("audience"), scope.toJson());
        if (subjectId)
            o.insert(QStringLiteral("subject"), subjectId);
    }
    return o;
}

Result<qint64> EventLog::append(const QString& kind, qint64 actorId, const Scope& scope,
                                const QJsonObject& data, qint64 subjectId, qint64 originSeq)
{
    const auto seq = nextSeq();
    if (!seq)
        return seq;
    return appendAt(seq.value(), kind, actorId, scope, data, subjectId, originSeq);
}

Result<qint64> EventLog::nextSeq()
{
    if (m_inBatch)
        return ++m_batchLast;
    sql::PreparedStatements& statements = m_db.statements();
    QSqlQuery* q = statements.run(QStringLiteral(
        "UPDATE event_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq"));
    if (!q || !q->next())
        return storeError(area, statements);
    const qint64 seq = q->value(0).toLongLong();
    q->finish();
    return seq;
}

Result<qint64> EventLog::appendAt(qint64 seq, const QString& kind, qint64 actorId,
                                  const Scope& scope, const QJsonObject& data, qint64 subjectId,
                                  qint64 originSeq)
{
    sql::PreparedStatements& statements = m_db.statements();
    const QVariant scopeId = scope.kind == Scope::Kind::Group ? QVariant(scope.groupId)
                                                              : sql::nullValue(QMetaType::LongLong);
    const QVariant subject = subjectId ? QVariant(subjectId) : sql::nullValue(QMetaType::LongLong);
    const QVariant origin = originSeq ? QVariant(originSeq) : sql::nullValue(QMetaType::LongLong);
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, "
                "created_at, subject_id, origin_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {seq, kind, actorId, scopeName(scope.kind), scopeId,
             QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), nowUtc(),
             subject, origin}))
        return storeError(area, statements);
    if (scope.kind != Scope::Kind::All) {
        for (qint64 user : scope.users) {
            if (!statements.run(QStringLiteral("INSERT INTO event_recipients (seq, user_id) "
                                               "VALUES (?, ?) ON CONFLICT DO NOTHING"),
                                {seq, user}))
                return storeError(area, statements);
        }
    }
    if (scope.kind == Scope::Kind::Users) {
        Q_ASSERT_X(scope.groups.isEmpty() || !originSeq, "EventLog::append",
                   "an event for several groups stands on its own");
        for (qint64 group : scope.groups) {
            if (!statements.run(QStringLiteral("INSERT INTO event_groups (seq, group_id) "
                                               "VALUES (?, ?) ON CONFLICT DO NOTHING"),
                                {seq, group}))
                return storeError(area, statements);
        }
    }
    return seq;
}

Result<bool> EventLog::beginBatch()
{
    sql::PreparedStatements& statements = m_db.statements();
    QSqlQuery* q = statements.run(
        m_db.dialect().isPostgres()
            ? QStringLiteral("SELECT last_seq FROM event_counter WHERE id = 1 FOR UPDATE")
            : QStringLiteral("SELECT last_seq FROM event_counter WHERE id = 1"));
    if (!q || !q->next())
        return storeError(area, statements);
    m_batchFirst = q->value(0).toLongLong();
    m_batchLast = m_batchFirst;
    q->finish();
    m_inBatch = true;
    return true;
}

Result<bool> EventLog::finishBatch()
{
    Q_ASSERT(m_inBatch);
    if (m_batchLast == m_batchFirst)
        return true;
    sql::PreparedStatements& statements = m_db.statements();
    QSqlQuery* q = statements.run(
        QStringLiteral("UPDATE event_counter SET last_seq = ? WHERE id = 1"), {m_batchLast});
    if (!q)
        return storeError(area, statements);
    if (q->numRowsAffected() != 1)
        return protocol::Error {ErrorCode::Internal,
                                QStringLiteral("event log: the counter row is missing")};
    return true;
}

qint64 EventLog::head()
{
    if (m_inBatch)
        return m_batchLast;
    return singleNumber(m_db.db(),
                        QStringLiteral("SELECT last_seq FROM event_counter WHERE id = 1"));
}

qint64 EventLog::prunedThrough()
{
    return singleNumber(
        m_db.db(),
        QStringLiteral(
            "SELECT CAST(value AS BIGINT) FROM server_meta WHERE key = 'events_pruned_through'"));
}

Result<EventPage> EventLog::since(qint64 cursor, const Reader& reader, int limit, qint64 upTo)
{
    EventPage page;
    page.head = head();
    const qint64 last = upTo > 0 ? std::max(cursor, std::min(upTo, page.head)) : page.head;
    if (cursor < prunedThrough() || cursor > page.head) {
        page.resync = true;
        page.next = page.head;
        return page;
    }
    // The reader's audiences: company-wide events, their own (event_recipients) and each of
    // their groups from the first event they may see. Every number and kind below is ours (ids
    // from our tables, kinds from the protocol registry), so they are written into the
    // statement, which stays one statement whatever the number of groups.
    QString kindFilter;
    const QStringList excluded = reader.excludedKinds();
    if (!excluded.isEmpty())
        kindFilter
            = QStringLiteral(" AND kind NOT IN ('%1')").arg(excluded.join(QStringLiteral("', '")));
    // Groups whose members see the whole history are one IN list; a group whose members see
    // only what came after they joined gets a range of its own.
    QStringList wholeHistory;
    QStringList allGroups;
    QList<GroupReach> sinceJoining;
    for (const GroupReach& g : reader.groups) {
        if (g.visibleFrom > 0)
            sinceJoining.append(g);
        else
            wholeHistory << QString::number(g.groupId);
        allGroups << QString::number(g.groupId);
    }
    const QString user = QString::number(reader.userId);
    // One window of sequence numbers at a time, each audience read through its own index
    // range within it (events_audience, event_recipients_user): the cost follows what the
    // reader receives in the window, not the size of the log. The window grows until a page
    // is full, so a reader who receives little still needs few statements.
    const auto statement = [&](qint64 from, qint64 to, int rows) {
        const auto range = [&](QLatin1StringView column, qint64 after) {
            return QStringLiteral("%1 > %2 AND %1 <= %3")
                .arg(column)
                .arg(std::max(from, after))
                .arg(to);
        };
        const QLatin1StringView seq("seq");
        QStringList branches;
        branches << QStringLiteral("SELECT seq FROM events WHERE scope = 'all' AND scope_id IS "
                                   "NULL AND %1%2")
                        .arg(range(seq, 0), kindFilter);
        branches << (kindFilter.isEmpty()
                         ? QStringLiteral("SELECT seq FROM event_recipients WHERE user_id = %1 "
                                          "AND %2")
                               .arg(user, range(seq, 0))
                         : QStringLiteral("SELECT r.seq FROM event_recipients r JOIN events e ON "
                                          "e.seq = r.seq WHERE r.user_id = %1 AND %2%3")
                               .arg(user, range(QLatin1StringView("r.seq"), 0), kindFilter));
        if (!wholeHistory.isEmpty())
            branches << QStringLiteral("SELECT seq FROM events WHERE scope = 'group' AND scope_id "
                                       "IN (%1) AND %2%3")
                            .arg(wholeHistory.join(u','), range(seq, 0), kindFilter);
        // What these members may see: events after they joined, about nothing older.
        for (const GroupReach& g : sinceJoining)
            branches << QStringLiteral("SELECT seq FROM events WHERE scope = 'group' AND scope_id "
                                       "= %1 AND %2 AND (origin_seq IS NULL OR origin_seq > %3)%4")
                            .arg(QString::number(g.groupId), range(seq, g.visibleFrom))
                            .arg(g.visibleFrom)
                            .arg(kindFilter);
        // Events for several groups (event_groups) stand on their own: every member reads
        // them. One event for two of the reader's groups is one row of the page (IN below).
        if (!allGroups.isEmpty())
            branches << (kindFilter.isEmpty()
                             ? QStringLiteral("SELECT seq FROM event_groups WHERE group_id IN "
                                              "(%1) AND %2")
                                   .arg(allGroups.join(u','), range(seq, 0))
                             : QStringLiteral("SELECT g.seq FROM event_groups g JOIN events e ON "
                                              "e.seq = g.seq WHERE g.group_id IN (%1) AND %2%3")
                                   .arg(allGroups.join(u','), range(QLatin1StringView("g.seq"), 0),
                                        kindFilter));
        // Each branch stops at the page's size: the first `rows` of the union are then the
        // first `rows` of everything in the window, without collecting the whole window.
        QStringList limited;
        for (qsizetype b = 0; b < branches.size(); ++b)
            limited << QStringLiteral("SELECT seq FROM (%1 ORDER BY 1 LIMIT %2) b%3")
                           .arg(branches[b])
                           .arg(rows)
                           .arg(b);
        return QStringLiteral("SELECT %1 FROM events e WHERE e.seq IN (%2) ORDER BY e.seq LIMIT %3")
            .arg(eventColumns, limited.join(QStringLiteral(" UNION ALL ")))
            .arg(rows);
    };
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    qint64 bytes = 0;
    qint64 from = cursor;
    qint64 window = 32LL * limit;
    while (from < last && !page.more) {
        const qint64 to = std::min(last, from + window);
        if (!sql::run(q, statement(from, to, limit + 1 - int(page.events.size()))))
            return storeError(area, q);
        while (q.next()) {
            if (page.events.size() == limit
                || (!page.events.isEmpty() && bytes > protocol::maxSyncPageBytes)) {
                page.more = true;
                break;
            }
            page.events.append(readEvent(q, false));
            bytes += page.events.last().approxBytes;
        }
        q.finish();
        from = to;
        window *= 8;
    }
    page.next = page.more ? page.events.last().seq : last;
    return page;
}

Result<QList<StoredEvent>> EventLog::after(qint64 seq, int limit)
{
    sql::PreparedStatements& statements = m_db.statements();
    QSqlQuery* q = statements.run(
        QStringLiteral("SELECT %1 FROM events e WHERE e.seq > ? ORDER BY e.seq LIMIT ?")
            .arg(eventColumns),
        {seq, limit});
    if (!q)
        return storeError(area, statements);
    QList<StoredEvent> events;
    while (q->next())
        events.append(readEvent(*q, false));
    q->finish();
    if (events.isEmpty())
        return events;
    // The recipients of the whole batch in one read.
    QHash<qint64, qsizetype> position;
    for (qsizetype i = 0; i < events.size(); ++i)
        position.insert(events[i].seq, i);
    q = statements.run(QStringLiteral("SELECT seq, user_id FROM event_recipients WHERE seq > ? "
                                      "AND seq <= ? ORDER BY seq"),
                       {seq, events.last().seq});
    if (!q)
        return storeError(area, statements);
    while (q->next()) {
        const auto at = position.constFind(q->value(0).toLongLong());
        if (at != position.constEnd())
            events[*at].scope.users.append(q->value(1).toLongLong());
    }
    q->finish();
    q = statements.run(QStringLiteral("SELECT seq, group_id FROM event_groups WHERE seq > ? AND "
                                      "seq <= ? ORDER BY seq"),
                       {seq, events.last().seq});
    if (!q)
        return storeError(area, statements);
    while (q->next()) {
        const auto at = position.constFind(q->value(0).toLongLong());
        if (at != position.constEnd())
            events[*at].scope.groups.append(q->value(1).toLongLong());
    }
    q->finish();
    return events;
}

Result<qint64> EventLog::pruneBefore(const QString& cutoff)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT MAX(seq) FROM events WHERE created_at < ?"), {cutoff})
        || !q.next())
        return storeError(area, q);
    const qint64 through = q.value(0).toLongLong();
    q.finish();
    if (through <= prunedThrough())
        return qint64(0);
    if (!sql::run(q, QStringLiteral("DELETE FROM events WHERE seq <= ?"), {through}))
        return storeError(area, q);
    const qint64 removed = q.numRowsAffected();
    if (!sql::run(q,
                  QStringLiteral(
                      "INSERT INTO server_meta (key, value) VALUES ('events_pruned_through', ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                  {QString::number(through)}))
        return storeError(area, q);
    return removed;
}

} // namespace plein::server
