#include "store/eventlog.h"

#include "protocol/limits.h"
#include "sql/query.h"
#include "sql/sqlerror.h"
#include "store/database.h"
#include "store/storeerror.h"

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
    = QStringLiteral("e.seq, e.kind, e.actor_id, e.scope, e.scope_id, e.data, e.created_at");

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
    e.approxBytes = e.rawData.size() + 120;
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

QJsonObject StoredEvent::toJson() const
{
    return QJsonObject {
        {QStringLiteral("kind"), kind},
        {QStringLiteral("at"), at},
        {QStringLiteral("actor"), actorId},
        {QStringLiteral("data"), data},
    };
}

Result<qint64> EventLog::append(const QString& kind, qint64 actorId, const Scope& scope,
                                const QJsonObject& data)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral(
                "UPDATE event_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq"))
        || !q.next())
        return storeError(area, q);
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    const QVariant scopeId = scope.kind == Scope::Kind::Group ? QVariant(scope.groupId)
                                                              : sql::nullValue(QMetaType::LongLong);
    if (!sql::run(q,
                  QStringLiteral(
                      "INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {seq, kind, actorId, scopeName(scope.kind), scopeId,
                   QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)),
                   nowUtc()}))
        return storeError(area, q);
    if (scope.kind == Scope::Kind::Users) {
        q.prepare(QStringLiteral(
            "INSERT INTO event_recipients (seq, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
        for (qint64 user : scope.users) {
            q.addBindValue(seq);
            q.addBindValue(user);
            if (!q.exec())
                return storeError(area, q);
        }
    }
    return seq;
}

qint64 EventLog::head()
{
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

Result<EventPage> EventLog::since(qint64 cursor, qint64 userId, const QList<qint64>& groups,
                                  int limit)
{
    EventPage page;
    page.head = head();
    if (cursor < prunedThrough() || cursor > page.head) {
        page.resync = true;
        page.next = page.head;
        return page;
    }
    QString groupList;
    for (qint64 g : groups)
        groupList += (groupList.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(g);
    // Group ids are numbers from our own table, so inlining them is safe and keeps one query.
    const QString groupClause = groupList.isEmpty()
        ? QString()
        : QStringLiteral(" OR (e.scope = 'group' AND e.scope_id IN (%1))").arg(groupList);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT %1 FROM events e WHERE e.seq > ? AND e.seq <= ? AND (e.scope = 'all'%2 "
                "OR (e.scope = 'users' AND EXISTS (SELECT 1 FROM event_recipients r "
                "WHERE r.seq = e.seq AND r.user_id = ?))) ORDER BY e.seq LIMIT ?")
                .arg(eventColumns, groupClause),
            {cursor, page.head, userId, limit + 1}))
        return storeError(area, q);
    qint64 bytes = 0;
    while (q.next()) {
        if (page.events.size() == limit
            || (!page.events.isEmpty() && bytes > protocol::maxSyncPageBytes)) {
            page.more = true;
            break;
        }
        page.events.append(readEvent(q, false));
        bytes += page.events.last().approxBytes;
    }
    page.next = page.more ? page.events.last().seq : page.head;
    return page;
}

Result<QList<StoredEvent>> EventLog::after(qint64 seq, int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM events e WHERE e.seq > ? ORDER BY e.seq LIMIT ?")
                      .arg(eventColumns),
                  {seq, limit}))
        return storeError(area, q);
    QList<StoredEvent> events;
    while (q.next())
        events.append(readEvent(q, true));
    q.finish();
    for (auto& e : events) {
        if (e.scope.kind != Scope::Kind::Users)
            continue;
        if (!sql::run(q, QStringLiteral("SELECT user_id FROM event_recipients WHERE seq = ?"),
                      {e.seq}))
            return storeError(area, q);
        while (q.next())
            e.scope.users.append(q.value(0).toLongLong());
    }
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
