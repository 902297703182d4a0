#include "outboxstore.h"

#include "store/cache.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace plein::client {

namespace {

const QString columns = QStringLiteral(
    "seq, client_id, kind, lane, target, payload, state, error_code, error_message, created_at, "
    "sent");

OutboxEntry readEntry(const QSqlQuery& q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.clientId = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.lane = q.value(3).toString();
    e.target = q.value(4).toString();
    e.payload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    e.failed = q.value(6).toString() == QLatin1StringView("failed");
    e.errorCode = q.value(7).toString();
    e.errorMessage = q.value(8).toString();
    e.createdAt = q.value(9).toString();
    e.sent = q.value(10).toInt() != 0;
    return e;
}

QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

QList<OutboxEntry> OutboxStore::select(const QString& where,
                                       std::initializer_list<QVariant> values) const
{
    QList<OutboxEntry> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM outbox %2 ORDER BY seq").arg(columns, where), values);
    if (!q)
        return out;
    while (q->next())
        out.append(readEntry(*q));
    return out;
}

bool OutboxStore::add(const OutboxEntry& e)
{
    if (!m_cache.statements().run(
            QStringLiteral("INSERT INTO outbox (client_id, kind, lane, target, payload, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
            {e.clientId, e.kind, e.lane.isEmpty() ? QStringLiteral("feed") : e.lane,
             textOrNull(e.target), compactJson(e.payload),
             e.createdAt.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                                   : e.createdAt}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

QList<OutboxEntry> OutboxStore::entries() const
{
    return select(QString(), {});
}

QList<OutboxEntry> OutboxStore::pending() const
{
    return select(QStringLiteral("WHERE state = 'pending'"), {});
}

QList<OutboxEntry> OutboxStore::entries(const QStringList& kinds) const
{
    QStringList quoted;
    for (const QString& kind : kinds)
        quoted.append(QStringLiteral("'%1'").arg(QString(kind).remove(u'\'')));
    return select(QStringLiteral("WHERE kind IN (%1)").arg(quoted.join(u',')), {});
}

std::optional<OutboxEntry> OutboxStore::entry(const QString& clientId) const
{
    const auto found = select(QStringLiteral("WHERE client_id = ?"), {clientId});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

int OutboxStore::count() const
{
    QSqlQuery* q = m_cache.statements().run(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    if (!q || !q->next())
        return 0;
    return q->value(0).toInt();
}

int OutboxStore::failedCount() const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"));
    if (!q || !q->next())
        return 0;
    return q->value(0).toInt();
}

bool OutboxStore::remove(const QString& clientId)
{
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"),
                                  {clientId}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

bool OutboxStore::setFailed(const QString& clientId, const QString& code, const QString& message)
{
    if (!m_cache.statements().run(
            QStringLiteral("UPDATE outbox SET state = 'failed', error_code = ?, error_message = ? "
                           "WHERE client_id = ?"),
            {code, message, clientId}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

bool OutboxStore::setSent(const QString& clientId)
{
    if (!m_cache.statements().run(QStringLiteral("UPDATE outbox SET sent = 1 WHERE client_id = ?"),
                                  {clientId}))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

bool OutboxStore::setPending(const QString& clientId, const QJsonObject& payload)
{
    if (!m_cache.statements().run(
            QStringLiteral("UPDATE outbox SET state = 'pending', error_code = NULL, "
                           "error_message = NULL, payload = ? WHERE client_id = ?"),
            {compactJson(payload), clientId}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

bool OutboxStore::setPayload(const QString& clientId, const QJsonObject& payload)
{
    if (!m_cache.statements().run(
            QStringLiteral("UPDATE outbox SET payload = ? WHERE client_id = ?"),
            {compactJson(payload), clientId}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

bool OutboxStore::resolve(const QString& clientId, const QString& target,
                          const std::function<void(OutboxEntry&)>& bind)
{
    const QList<OutboxEntry> waiting
        = select(QStringLiteral("WHERE target LIKE ?"), {QStringLiteral("%@") + clientId});
    for (OutboxEntry e : waiting) {
        if (e.waitsFor() != clientId)
            continue;
        bind(e);
        if (!m_cache.statements().run(
                QStringLiteral("UPDATE outbox SET target = ?, payload = ? WHERE client_id = ?"),
                {target, compactJson(e.payload), e.clientId}))
            return m_cache.fail(m_cache.statements().lastError());
        m_cache.noteChange(area);
    }
    return true;
}

} // namespace plein::client
