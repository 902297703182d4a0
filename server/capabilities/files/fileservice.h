#pragma once

#include "capabilities/files/fileblobs.h"
#include "capabilities/files/fileowners.h"
#include "capabilities/files/filestore.h"
#include "protocol/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QThreadPool>

#include <optional>

namespace plein::server {

class Transaction;

class Database;
struct User;

struct FileLimits
{
    qint64 maxFileBytes = 100LL * 1024 * 1024;
    qint64 defaultQuotaBytes = 10LL * 1024 * 1024 * 1024;
    int maxOpenUploads = 16; // unfinished uploads per user
};

// The files' rules: uploads in chunks with the hash carried from chunk to chunk, finishing
// (type sniffed from the content, blob stored once, quota counted under a lock), who may see a
// file (FileOwners), and attaching files to what other capabilities write.
class FileService
{
public:
    FileService(Database& db, FileStore& store, FileBlobs& blobs, FileOwners& owners,
                FileLimits limits)
        : m_db(db)
        , m_store(store)
        , m_blobs(blobs)
        , m_owners(owners)
        , m_limits(limits)
    {
        m_hashing.setMaxThreadCount(1);
        m_hashing.setObjectName(QStringLiteral("plein-hash"));
    }

    const FileLimits& limits() const { return m_limits; }

    // A new upload of `size` bytes; answers the upload (its id) or why not.
    Result<Upload> createUpload(const User& user, const QString& name, qint64 size,
                                const QString& declaredType);
    // The user's upload (nothing for someone else's: alike for every id).
    std::optional<Upload> upload(const User& user, const QString& uploadId);
    // Appends a chunk at `offset` (which must be where the upload stands); the last chunk
    // finishes it. Answers the upload after it (with `fileId` once finished).
    Result<Upload> append(const User& user, const QString& uploadId, qint64 offset,
                          const QByteArray& chunk);
    // Gives an unfinished upload up: its row and part file go, and it no longer counts
    // against the user's unfinished uploads or quota. A finished one is left as it is (its
    // file stays); someone else's, or an unknown id, is not found.
    Result<bool> cancelUpload(const User& user, const QString& uploadId);

    // The file if the user may see it (else nothing, as for a missing one).
    std::optional<StoredFile> visibleFile(const User& user, const QString& fileId);
    QString blobPath(const StoredFile& file) const { return m_blobs.blobPath(file.sha256); }

    // Attaches files to an object of `kind` in the caller's transaction: at most
    // protocol::files::maxAttachments distinct finished files the user uploaded or may see.
    // Answers their metadata in the order given.
    Result<QJsonArray> attach(const User& user, const QStringList& fileIds, const QString& kind,
                              qint64 ownerId);
    // The one image an object shows (a profile's photo, an article's cover) set to `fileId`,
    // in the caller's transaction: a PNG, JPEG, GIF or WebP file the user may see, or "" for
    // none. The image before is no longer seen through that object. `what` names it in the
    // errors ("a photo").
    Result<bool> setImage(const User& user, const QString& kind, qint64 ownerId,
                          const QString& fileId, const QString& what);
    // Takes every attachment of the owner away (when it no longer carries those files).
    Result<bool> detachAll(const QString& kind, qint64 ownerId)
    {
        return m_store.detachAll(kind, ownerId);
    }
    QHash<qint64, QJsonArray> attachmentsOf(const QString& kind, const QList<qint64>& ownerIds)
    {
        return m_store.attachmentsOf(kind, ownerIds);
    }
    // Whether files are attached to that one (an edit may then empty its text).
    bool hasAttachments(const QString& kind, qint64 ownerId)
    {
        return !attachmentsOf(kind, {ownerId}).value(ownerId).isEmpty();
    }

    // Stores `content` as a file of `user` named `name`, as an upload in one chunk would (the
    // type sniffed, the quota counted, the content stored once): what the server's own
    // commands use to make files (the demo's pictures), never SQL by hand.
    Result<StoredFile> storeBytes(const User& user, const QString& name, const QByteArray& content,
                                  const QString& declaredType = {});

    Result<bool> setQuota(qint64 userId, qint64 bytes) { return m_store.setQuota(userId, bytes); }

    // One batch of the cleanup, which the capability runs every few seconds so that a round
    // takes about an hour (cleanUpSteps batches): uploads idle for a week (finished or not,
    // with their part files; a few hundred a batch), then part files no upload names, then
    // blobs no row names, one <files_path>/<ab> folder a batch; files touched in the last
    // hour are left alone.
    void cleanUpStep();
    static constexpr int cleanUpSteps = 2 + 256;

private:
    Result<Upload> finish(const User& user, Upload upload);
    Result<Upload> giveUpLost(const Upload& upload, const QString& why,
                              std::optional<Transaction>& tx);
    // The same outside a transaction of the caller's.
    Result<Upload> giveUpLost(const Upload& upload, const QString& why);

    Database& m_db;
    FileStore& m_store;
    FileBlobs& m_blobs;
    FileOwners& m_owners;
    FileLimits m_limits;
    int m_cleanStep = 0;
    // Uploads whose every chunk since 0 this process received, by how far: their hash is of
    // what it wrote itself, so finishing trusts it without reading the file again.
    QHash<QString, qint64> m_wholeHere;
    // One thread that hashes a chunk while the request's thread writes it (see append()).
    QThreadPool m_hashing;
};

QString newFileId();

} // namespace plein::server
