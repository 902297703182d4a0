#include "keptevents.h"

#include "store/cache.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace plein::client {

SyncEvent SyncEvent::fromJson(qint64 seq, const QJsonObject& event)
{
    SyncEvent e;
    e.seq = seq > 0 ? seq : qint64(event.value(QLatin1StringView("seq")).toDouble());
    e.kind = event.value(QLatin1StringView("kind")).toString();
    e.at = event.value(QLatin1StringView("at")).toString();
    e.actor = qint64(event.value(QLatin1StringView("actor")).toDouble());
    e.subject = qint64(event.value(QLatin1StringView("subject")).toDouble());
    e.audience = event.value(QLatin1StringView("audience")).toObject();
    e.data = event.value(QLatin1StringView("data")).toObject();
    e.json = event;
    return e;
}

bool KeptEvents::keep(const SyncEvent& event)
{
    QJsonObject json = event.json;
    json.insert(QStringLiteral("seq"), event.seq);
    const qint64 groupId
        = event.audience.value(QLatin1StringView("scope")).toString() == QLatin1StringView("group")
        ? qint64(event.audience.value(QLatin1StringView("id")).toDouble())
        : 0;
    if (!m_cache.statements().run(
            QStringLiteral("INSERT INTO kept_events (seq, kind, event, group_id) VALUES (?, ?, ?, "
                           "NULLIF(?, 0)) ON CONFLICT (seq) DO NOTHING"),
            {event.seq, event.kind,
             QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), groupId}))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

QList<SyncEvent> KeptEvents::ofKinds(const QStringList& kinds) const
{
    QList<SyncEvent> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT seq, kind, event FROM kept_events ORDER BY seq"));
    if (!q)
        return out;
    while (q->next()) {
        if (!kinds.contains(q->value(1).toString()))
            continue;
        out.append(
            SyncEvent::fromJson(q->value(0).toLongLong(),
                                QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object()));
    }
    return out;
}

bool KeptEvents::forget(qint64 seq)
{
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM kept_events WHERE seq = ?"), {seq}))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

bool KeptEvents::forgetGroup(qint64 groupId)
{
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM kept_events WHERE group_id = ?"),
                                  {groupId}))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

QStringList KeptEvents::kinds() const
{
    QStringList out;
    QSqlQuery* q
        = m_cache.statements().run(QStringLiteral("SELECT DISTINCT kind FROM kept_events"));
    while (q && q->next())
        out.append(q->value(0).toString());
    return out;
}

int KeptEvents::count() const
{
    QSqlQuery* q = m_cache.statements().run(QStringLiteral("SELECT COUNT(*) FROM kept_events"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

bool KeptEvents::clear()
{
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM kept_events")))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

} // namespace plein::client
