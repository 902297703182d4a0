#include "capabilities/files/filestore.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QSqlQuery>
#include <QVariant>

namespace plein::server {

namespace {

constexpr QLatin1StringView area("files");

constexpr const char* fileColumns
    = "id, sha256, uploader_id, name, size, type, declared_type, width, height, created_at";

StoredFile readFile(const QSqlQuery& q)
{
    StoredFile f;
    f.id = q.value(0).toString();
    f.sha256 = q.value(1).toString();
    f.uploaderId = q.value(2).toLongLong();
    f.name = q.value(3).toString();
    f.size = q.value(4).toLongLong();
    f.type = q.value(5).toString();
    f.declaredType = q.value(6).toString();
    f.width = q.value(7).toInt();
    f.height = q.value(8).toInt();
    f.createdAt = q.value(9).toString();
    return f;
}

QVariant optionalInt(int v)
{
    return v > 0 ? QVariant(v) : sql::nullValue(QMetaType::Int);
}

} // namespace

QJsonObject StoredFile::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("type"), type},
                   {QStringLiteral("size"), size}};
    if (width > 0 && height > 0) {
        o.insert(QStringLiteral("width"), width);
        o.insert(QStringLiteral("height"), height);
    }
    return o;
}

Result<bool> FileStore::insertUpload(const Upload& u)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO file_uploads (id, user_id, name, size, declared_type, "
                           "received, hash_state, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"),
            {u.id, u.userId, u.name, u.size, u.declaredType, u.hashState, u.createdAt,
             u.createdAt}))
        return storeError(area, q);
    return true;
}

std::optional<Upload> FileStore::upload(const QString& id)
{
    return readUpload(id, false);
}

std::optional<Upload> FileStore::lockUpload(const QString& id)
{
    return readUpload(id, m_db.dialect().isPostgres());
}

std::optional<Upload> FileStore::readUpload(const QString& id, bool forUpdate)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT id, user_id, name, size, declared_type, received, "
                                 "hash_state, file_id, created_at FROM file_uploads WHERE id = ?")
                      + (forUpdate ? QStringLiteral(" FOR UPDATE") : QString()),
                  {id})
        || !q.next())
        return std::nullopt;
    Upload u;
    u.id = q.value(0).toString();
    u.userId = q.value(1).toLongLong();
    u.name = q.value(2).toString();
    u.size = q.value(3).toLongLong();
    u.declaredType = q.value(4).toString();
    u.received = q.value(5).toLongLong();
    u.hashState = q.value(6).toByteArray();
    u.fileId = q.value(7).toString();
    u.createdAt = q.value(8).toString();
    return u;
}

Result<bool> FileStore::advanceUpload(const QString& id, qint64 from, qint64 to,
                                      const QByteArray& hashState)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("UPDATE file_uploads SET received = ?, hash_state = ?, "
                           "updated_at = ? WHERE id = ? AND received = ? AND file_id IS NULL"),
            {to, hashState, nowUtc(), id, from}))
        return storeError(area, q);
    return q.numRowsAffected() == 1;
}

Result<bool> FileStore::setUploadFile(const QString& id, const QString& fileId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q, QStringLiteral("UPDATE file_uploads SET file_id = ?, updated_at = ? WHERE id = ?"),
            {fileId, nowUtc(), id}))
        return storeError(area, q);
    return true;
}

Result<bool> FileStore::deleteUpload(const QString& id)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("DELETE FROM file_uploads WHERE id = ?"), {id}))
        return storeError(area, q);
    return true;
}

QStringList FileStore::staleUploads(const QString& before, int limit)
{
    QStringList out;
    QSqlQuery q(m_db.db());
    if (sql::run(q, QStringLiteral("SELECT id FROM file_uploads WHERE updated_at < ? LIMIT ?"),
                 {before, limit})) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

QStringList FileStore::uploadIds()
{
    QStringList out;
    QSqlQuery q(m_db.db());
    if (sql::run(q, QStringLiteral("SELECT id FROM file_uploads WHERE file_id IS NULL"))) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

std::optional<QString> FileStore::idlestUpload(qint64 userId, const QString& before)
{
    QSqlQuery q(m_db.db());
    if (sql::run(q,
                 QStringLiteral("SELECT id FROM file_uploads WHERE user_id = ? AND file_id IS NULL "
                                "AND updated_at < ? ORDER BY updated_at LIMIT 1"),
                 {userId, before})
        && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

Result<bool> FileStore::deleteIdleUpload(const QString& id, const QString& before)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("DELETE FROM file_uploads WHERE id = ? AND file_id IS NULL AND "
                                 "updated_at < ?"),
                  {id, before}))
        return storeError(area, q);
    return q.numRowsAffected() == 1;
}

FileStore::OpenUploads FileStore::openUploads(qint64 userId)
{
    OpenUploads out;
    QSqlQuery q(m_db.db());
    if (sql::run(q,
                 QStringLiteral("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM file_uploads "
                                "WHERE user_id = ? AND file_id IS NULL"),
                 {userId})
        && q.next()) {
        out.count = q.value(0).toInt();
        out.bytes = q.value(1).toLongLong();
    }
    return out;
}

Result<bool> FileStore::insertBlob(const QString& sha256, qint64 size)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO file_blobs (sha256, size, created_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (sha256) DO NOTHING"),
            {sha256, size, nowUtc()}))
        return storeError(area, q);
    return true;
}

bool FileStore::blobKnown(const QString& sha256)
{
    QSqlQuery q(m_db.db());
    // On a failed query the blob counts as known: nothing is removed on doubt.
    if (!sql::run(q, QStringLiteral("SELECT 1 FROM file_blobs WHERE sha256 = ?"), {sha256}))
        return true;
    return q.next();
}

Result<bool> FileStore::insertFile(const StoredFile& f)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO files (id, sha256, uploader_id, name, size, type, "
                                 "declared_type, width, height, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {f.id, f.sha256, f.uploaderId, f.name, f.size, f.type, f.declaredType,
                   optionalInt(f.width), optionalInt(f.height), f.createdAt}))
        return storeError(area, q);
    return true;
}

std::optional<StoredFile> FileStore::file(const QString& id)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("SELECT %1 FROM files WHERE id = ?").arg(QLatin1StringView(fileColumns)),
            {id})
        || !q.next())
        return std::nullopt;
    return readFile(q);
}

QHash<QString, StoredFile> FileStore::files(const QStringList& ids)
{
    QHash<QString, StoredFile> out;
    for (const QString& id : ids) {
        if (auto f = file(id))
            out.insert(id, *f);
    }
    return out;
}

bool FileStore::userHasBlob(qint64 userId, const QString& sha256)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT 1 FROM files WHERE uploader_id = ? AND sha256 = ?"),
                  {userId, sha256}))
        return false;
    return q.next();
}

Result<QuotaRow> FileStore::lockQuota(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO file_quotas (user_id, used_bytes) VALUES (?, 0) "
                                 "ON CONFLICT (user_id) DO NOTHING"),
                  {userId}))
        return storeError(area, q);
    const QString lock = m_db.dialect().isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    if (!sql::run(
            q,
            QStringLiteral("SELECT quota_bytes, used_bytes FROM file_quotas WHERE user_id = ?")
                + lock,
            {userId}))
        return storeError(area, q);
    if (!q.next())
        return makeError(protocol::ErrorCode::Internal, QStringLiteral("files: no quota row"));
    QuotaRow r;
    if (!q.value(0).isNull())
        r.quota = q.value(0).toLongLong();
    r.used = q.value(1).toLongLong();
    return r;
}

std::optional<QuotaRow> FileStore::quota(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q, QStringLiteral("SELECT quota_bytes, used_bytes FROM file_quotas WHERE user_id = ?"),
            {userId})
        || !q.next())
        return std::nullopt;
    QuotaRow r;
    if (!q.value(0).isNull())
        r.quota = q.value(0).toLongLong();
    r.used = q.value(1).toLongLong();
    return r;
}

Result<bool> FileStore::addUsed(qint64 userId, qint64 bytes)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("UPDATE file_quotas SET used_bytes = used_bytes + ? WHERE user_id = ?"),
            {bytes, userId}))
        return storeError(area, q);
    return true;
}

Result<bool> FileStore::setQuota(qint64 userId, qint64 bytes)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO file_quotas (user_id, quota_bytes, used_bytes) "
                                 "VALUES (?, ?, 0) ON CONFLICT (user_id) DO UPDATE SET "
                                 "quota_bytes = excluded.quota_bytes"),
                  {userId, bytes}))
        return storeError(area, q);
    return true;
}

QList<QPair<QString, qint64>> FileStore::owners(const QString& fileId)
{
    QList<QPair<QString, qint64>> out;
    QSqlQuery q(m_db.db());
    if (sql::run(
            q,
            QStringLiteral("SELECT owner_kind, owner_id FROM file_attachments WHERE file_id = ?"),
            {fileId})) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toLongLong()});
    }
    return out;
}

Result<bool> FileStore::attach(const QString& fileId, const QString& kind, qint64 ownerId,
                               int position)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO file_attachments (file_id, owner_kind, owner_id, "
                                 "position, created_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {fileId, kind, ownerId, position, nowUtc()}))
        return storeError(area, q);
    return true;
}

Result<bool> FileStore::detachAll(const QString& kind, qint64 ownerId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q, QStringLiteral("DELETE FROM file_attachments WHERE owner_kind = ? AND owner_id = ?"),
            {kind, ownerId}))
        return storeError(area, q);
    return true;
}

QHash<qint64, QJsonArray> FileStore::attachmentsOf(const QString& kind,
                                                   const QList<qint64>& ownerIds)
{
    QHash<qint64, QJsonArray> out;
    if (ownerIds.isEmpty())
        return out;
    QStringList ids;
    for (qint64 id : ownerIds)
        ids.append(QString::number(id)); // numbers only: safe inline
    QSqlQuery q(m_db.db());
    const QString statement
        = QStringLiteral("SELECT a.owner_id, f.id, f.sha256, f.uploader_id, f.name, f.size, "
                         "f.type, f.declared_type, f.width, f.height, f.created_at "
                         "FROM file_attachments a JOIN files f ON f.id = a.file_id "
                         "WHERE a.owner_kind = ? AND a.owner_id IN (%1) "
                         "ORDER BY a.owner_id, a.position")
              .arg(ids.join(QLatin1Char(',')));
    if (!sql::run(q, statement, {kind}))
        return out;
    while (q.next()) {
        StoredFile f;
        f.id = q.value(1).toString();
        f.name = q.value(4).toString();
        f.size = q.value(5).toLongLong();
        f.type = q.value(6).toString();
        f.width = q.value(8).toInt();
        f.height = q.value(9).toInt();
        out[q.value(0).toLongLong()].append(f.toJson());
    }
    return out;
}

} // namespace plein::server
