#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// An upload in progress (or done: `fileId` set).
struct Upload
{
    QString id;
    qint64 userId = 0;
    QString name;
    qint64 size = 0;
    QString declaredType;
    qint64 received = 0;
    QByteArray hashState;
    QString fileId;
    QString createdAt;
};

// A finished file: one upload of a blob, with its own id and name.
struct StoredFile
{
    QString id;
    QString sha256;
    qint64 uploaderId = 0;
    QString name;
    qint64 size = 0;
    QString type; // sniffed from the content
    QString declaredType;
    int width = 0; // images, when known (0: unknown)
    int height = 0;
    QString createdAt;

    // What posts, messages and the HTTP answers carry: id, name, type, size (width, height).
    QJsonObject toJson() const;
};

struct QuotaRow
{
    std::optional<qint64> quota; // none: the server's default
    qint64 used = 0;
};

// The files capability's tables (SQL only, no rules). Methods run in the caller's transaction
// when there is one.
class FileStore
{
public:
    explicit FileStore(Database& db)
        : m_db(db)
    { }

    Result<bool> insertUpload(const Upload& upload);
    std::optional<Upload> upload(const QString& id);
    // The same, locked until the transaction ends on PostgreSQL (two nodes never write one
    // upload's part file at once); on SQLite one node's HTTP thread does everything in turn.
    std::optional<Upload> lockUpload(const QString& id);
    // Moves an upload from `from` to `to` bytes with the hash state after them; false when
    // another request moved it first.
    Result<bool> advanceUpload(const QString& id, qint64 from, qint64 to,
                               const QByteArray& hashState);
    Result<bool> setUploadFile(const QString& id, const QString& fileId);
    Result<bool> deleteUpload(const QString& id);
    // Uploads not touched since `before` (at most `limit`), and every unfinished upload's id.
    QStringList staleUploads(const QString& before, int limit);
    QStringList uploadIds();
    // The user's unfinished uploads: how many, and the bytes they declared.
    struct OpenUploads
    {
        int count = 0;
        qint64 bytes = 0;
    };
    OpenUploads openUploads(qint64 userId);
    // The user's unfinished upload touched longest ago, if that was before `before`.
    std::optional<QString> idlestUpload(qint64 userId, const QString& before);
    // Deletes that upload if it is still unfinished and untouched since `before` (a chunk may
    // have come meanwhile, on another node); whether it did.
    Result<bool> deleteIdleUpload(const QString& id, const QString& before);

    Result<bool> insertBlob(const QString& sha256, qint64 size);
    bool blobKnown(const QString& sha256);
    Result<bool> insertFile(const StoredFile& file);
    std::optional<StoredFile> file(const QString& id);
    QHash<QString, StoredFile> files(const QStringList& ids);
    // Whether the user finished a file of this content before (it is counted once).
    bool userHasBlob(qint64 userId, const QString& sha256);

    // The user's quota row, made when missing, and locked until the transaction ends (on
    // PostgreSQL: other nodes finishing uploads of the same user wait here).
    Result<QuotaRow> lockQuota(qint64 userId);
    std::optional<QuotaRow> quota(qint64 userId);
    Result<bool> addUsed(qint64 userId, qint64 bytes);
    Result<bool> setQuota(qint64 userId, qint64 bytes);

    // What a file is attached to: (kind, owner id) pairs.
    QList<QPair<QString, qint64>> owners(const QString& fileId);
    Result<bool> attach(const QString& fileId, const QString& kind, qint64 ownerId, int position);
    // Removes every attachment of the owner (its files stay, visible through their other owners).
    Result<bool> detachAll(const QString& kind, qint64 ownerId);
    // The attachments of these owners of one kind, each a list of StoredFile::toJson().
    QHash<qint64, QJsonArray> attachmentsOf(const QString& kind, const QList<qint64>& ownerIds);

private:
    std::optional<Upload> readUpload(const QString& id, bool forUpdate);

    Database& m_db;
};

} // namespace plein::server
