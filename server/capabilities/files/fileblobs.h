#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace plein::server {

// The files folder on disk (files_path): blobs at <root>/ab/cd/<sha256>, uploads in progress
// at <root>/uploads/<id>.part. With several nodes it is a folder they all reach.
//
// The order that loses nothing: an upload's bytes are fsynced in its .part file; finishing
// hard-links the .part file to the blob's name (atomic, and refused when the blob exists:
// then the stored one serves), fsyncs the blob's folder, and only then commits the rows; the
// .part file goes after the commit. A failed commit leaves the upload as it was (it can be
// finished again) and at worst a blob no row names, which the periodic cleanup
// (removeOrphanBlobs()) finds.
class FileBlobs
{
public:
    explicit FileBlobs(QString root)
        : m_root(std::move(root))
    { }

    QString root() const { return m_root; }
    std::optional<QString> prepare(); // makes the folders
    QString blobPath(const QString& sha256) const;
    QString partPath(const QString& uploadId) const;

    // Appends `data` at `offset` of the upload's part file (cutting off what a crash may have
    // left after it) and starts writing it back to the disk, without waiting for it: the part
    // is made durable once, by store(). An error says why not, also when the part file is
    // shorter than `offset` (bytes the hash counted are missing, as after a power cut: never
    // filled with zeros; `*lost` is set then).
    std::optional<QString> append(const QString& uploadId, qint64 offset, const QByteArray& data,
                                  bool* lost = nullptr);
    std::optional<QString> createPart(const QString& uploadId);
    // Syncs the part file's bytes to the disk (the chunks were only written), which must be
    // `size` (`*lost` set when fewer are there). Before anything names them, and outside any
    // transaction: 100 MiB take about half a second.
    std::optional<QString> syncPart(const QString& uploadId, qint64 size, bool* lost);
    // The SHA-256 (hex) of the part file as it is on disk, or nothing when it cannot be read.
    std::optional<QString> sha256Of(const QString& uploadId) const;
    // Makes the part file (synced) the blob (unless the blob is there already: then it must be
    // `size` bytes long, and its time is refreshed so that no orphan cleanup takes it before
    // the rows naming it are committed), durably. `created`: whether this call made the blob.
    std::optional<QString> store(const QString& uploadId, const QString& sha256, qint64 size,
                                 bool* created);
    void removePart(const QString& uploadId);
    void removeBlob(const QString& sha256);

    // Part files of no upload in progress, and (below) blobs in the folder <root>/<prefix>
    // that no row knows; both only when untouched for `minAgeSeconds` (another node may be
    // about to commit a new upload or blob). Each a batch of the periodic cleanup.
    void removeOrphanParts(const std::function<bool(const QString& uploadId)>& uploadInProgress,
                           qint64 minAgeSeconds);
    void removeOrphanBlobs(const QString& prefix,
                           const std::function<bool(const QString& sha256)>& blobKnown,
                           qint64 minAgeSeconds);

private:
    QString m_root;
};

bool fsyncPath(const QString& path, bool directory);

} // namespace plein::server
