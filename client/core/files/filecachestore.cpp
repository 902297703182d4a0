#include "filecachestore.h"

#include "store/cache.h"

#include <QSqlQuery>

namespace plein::client {

QList<CachedFile> FileCacheStore::select(const QString& where,
                                         std::initializer_list<QVariant> values) const
{
    QList<CachedFile> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT file_id, variant, path, bytes, last_used FROM file_cache %1")
            .arg(where),
        values);
    while (q && q->next())
        out.append(CachedFile {q->value(0).toString(), q->value(1).toString(),
                               q->value(2).toString(), q->value(3).toLongLong(),
                               q->value(4).toLongLong()});
    return out;
}

std::optional<CachedFile> FileCacheStore::find(const QString& fileId, const QString& variant) const
{
    const auto rows
        = select(QStringLiteral("WHERE file_id = ? AND variant = ?"), {fileId, variant});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

bool FileCacheStore::record(const CachedFile& f)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("INSERT INTO file_cache (file_id, variant, path, bytes, "
                                       "last_used) VALUES (?, ?, ?, ?, ?) ON CONFLICT (file_id, "
                                       "variant) DO UPDATE SET path = excluded.path, bytes = "
                                       "excluded.bytes, last_used = excluded.last_used"),
                        {f.fileId, f.variant, f.path, f.bytes, f.lastUsed}))
        return m_cache.fail(statements.lastError());
    return true;
}

bool FileCacheStore::touch(const QString& fileId, const QString& variant, qint64 lastUsed)
{
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("UPDATE file_cache SET last_used = ? WHERE file_id = ? AND variant = ?"),
            {lastUsed, fileId, variant}))
        return m_cache.fail(statements.lastError());
    return true;
}

bool FileCacheStore::remove(const QString& fileId, const QString& variant)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM file_cache WHERE file_id = ? AND variant = ?"),
                        {fileId, variant}))
        return m_cache.fail(statements.lastError());
    return true;
}

QList<CachedFile> FileCacheStore::variants(const QString& fileId) const
{
    return select(QStringLiteral("WHERE file_id = ?"), {fileId});
}

bool FileCacheStore::removeAll(const QString& fileId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM file_cache WHERE file_id = ?"), {fileId}))
        return m_cache.fail(statements.lastError());
    return true;
}

qint64 FileCacheStore::totalBytes() const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM file_cache"));
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

QList<CachedFile> FileCacheStore::byLastUse() const
{
    return select(QStringLiteral("ORDER BY last_used, file_id, variant"), {});
}

QList<CachedFile> FileCacheStore::unattached(const QStringList& otherCarriers) const
{
    QString carried = QStringLiteral("SELECT file_id FROM attachments");
    for (const QString& other : otherCarriers)
        carried += QStringLiteral(" UNION ") + other;
    return select(QStringLiteral("WHERE file_id NOT IN (%1)").arg(carried), {});
}

QList<CachedFile> FileCacheStore::all() const
{
    return select(QString(), {});
}

} // namespace plein::client
