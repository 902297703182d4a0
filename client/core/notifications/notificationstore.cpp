#include "notifications/notificationstore.h"

#include "store/cache.h"

#include <QSqlQuery>

namespace plein::client {

namespace {

// Qt binds a null QString as NULL; the columns are NOT NULL.
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

bool NotificationStore::add(NotificationRow& row)
{
    if (!row.at.isValid())
        row.at = QDateTime::currentDateTimeUtc();
    return m_cache.transaction([&]() {
        auto& statements = m_cache.statements();
        QSqlQuery* q = statements.run(
            QStringLiteral("INSERT INTO notifications (kind, title, body, link, created_at, "
                           "is_read) VALUES (?, ?, ?, ?, ?, ?)"),
            {text(row.kind), text(row.title), text(row.body),
             text(row.link.toString(QUrl::FullyEncoded)), row.at.toMSecsSinceEpoch(), row.read});
        if (!q)
            return m_cache.fail(statements.lastError());
        row.id = q->lastInsertId().toLongLong();
        // Ids only grow, so the newest maxKept are the highest ids.
        if (!statements.run(QStringLiteral("DELETE FROM notifications WHERE id <= ?"),
                            {row.id - maxKept}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(area, row.id);
        return true;
    });
}

bool NotificationStore::markRead(qint64 id)
{
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("UPDATE notifications SET is_read = 1 WHERE id = ? AND is_read = 0"),
            {id}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(area, id);
    return true;
}

bool NotificationStore::markAllRead()
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE notifications SET is_read = 1 WHERE is_read = 0")))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(area);
    return true;
}

QList<NotificationRow> NotificationStore::newest(int limit) const
{
    QList<NotificationRow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT id, kind, title, body, link, created_at, is_read FROM notifications "
                       "ORDER BY id DESC LIMIT ?"),
        {limit});
    while (q && q->next()) {
        NotificationRow row;
        row.id = q->value(0).toLongLong();
        row.kind = q->value(1).toString();
        row.title = q->value(2).toString();
        row.body = q->value(3).toString();
        row.link = QUrl(q->value(4).toString(), QUrl::StrictMode);
        row.at = QDateTime::fromMSecsSinceEpoch(q->value(5).toLongLong(), Qt::UTC);
        row.read = q->value(6).toBool();
        out.append(row);
    }
    return out;
}

int NotificationStore::unreadCount() const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM notifications WHERE is_read = 0"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

} // namespace plein::client
