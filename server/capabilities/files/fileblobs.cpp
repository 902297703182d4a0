#include "capabilities/files/fileblobs.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFiles, "plein.files")

namespace plein::server {

bool fsyncPath(const QString& path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::optional<QString> FileBlobs::prepare()
{
    if (!QDir().mkpath(QDir(m_root).filePath(QStringLiteral("uploads"))))
        return QStringLiteral("cannot make the files folder %1").arg(m_root);
    return std::nullopt;
}

QString FileBlobs::blobPath(const QString& sha256) const
{
    return QStringLiteral("%1/%2/%3/%4").arg(m_root, sha256.left(2), sha256.mid(2, 2), sha256);
}

QString FileBlobs::partPath(const QString& uploadId) const
{
    return QStringLiteral("%1/uploads/%2.part").arg(m_root, uploadId);
}

std::optional<QString> FileBlobs::createPart(const QString& uploadId)
{
    QFile f(partPath(uploadId));
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return QStringLiteral("cannot create %1: %2").arg(f.fileName(), f.errorString());
    f.close();
    return std::nullopt;
}

std::optional<QString> FileBlobs::append(const QString& uploadId, qint64 offset,
                                         const QByteArray& data, bool* lost)
{
    QFile f(partPath(uploadId));
    // Never made here: a part file missing on this node means the nodes do not share the
    // files folder, and appending to a new one would store a file with a hole.
    if (!f.exists())
        return QStringLiteral("the upload's bytes are not in %1 (with several nodes, files_path "
                              "must be one folder they share)")
            .arg(m_root);
    if (!f.open(QIODevice::ReadWrite))
        return QStringLiteral("cannot open %1: %2").arg(f.fileName(), f.errorString());
    if (f.size() < offset) {
        if (lost)
            *lost = true;
        return QStringLiteral("%1 holds %2 bytes, fewer than the %3 received")
            .arg(f.fileName())
            .arg(f.size())
            .arg(offset);
    }
    if (f.size() > offset && !f.resize(offset))
        return QStringLiteral("cannot cut %1: %2").arg(f.fileName(), f.errorString());
    if (!f.seek(offset) || f.write(data) != data.size() || !f.flush())
        return QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
#ifdef SYNC_FILE_RANGE_WRITE
    // The disk starts on it now, while the next chunk arrives; store()'s sync has less left.
    // A process crash loses nothing written (the page cache stays); a power cut may, and the
    // upload then begins again (see FileService::append).
    ::sync_file_range(f.handle(), offset, data.size(), SYNC_FILE_RANGE_WRITE);
#endif
    return std::nullopt;
}

std::optional<QString> FileBlobs::syncPart(const QString& uploadId, qint64 size, bool* lost)
{
    // The chunks were only written: their bytes reach the disk here, all of them, before a
    // name or a row points at them.
    QFile part(partPath(uploadId));
    if (!part.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open %1: %2").arg(part.fileName(), part.errorString());
    if (part.size() != size) {
        if (lost)
            *lost = part.size() < size;
        return QStringLiteral("%1 holds %2 bytes, not %3")
            .arg(part.fileName())
            .arg(part.size())
            .arg(size);
    }
    if (::fdatasync(part.handle()) != 0)
        return QStringLiteral("cannot sync %1: %2")
            .arg(part.fileName(), QString::fromLocal8Bit(std::strerror(errno)));
    return std::nullopt;
}

std::optional<QString> FileBlobs::sha256Of(const QString& uploadId) const
{
    QFile part(partPath(uploadId));
    if (!part.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&part))
        return std::nullopt;
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<QString> FileBlobs::store(const QString& uploadId, const QString& sha256, qint64 size,
                                        bool* created)
{
    *created = false;
    const QString target = blobPath(sha256);
    const QFileInfo info(target);
    const QString dir = info.absolutePath();
    const QString parent = QFileInfo(dir).absolutePath();
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot make %1").arg(dir);
    const QByteArray targetName = QFile::encodeName(target);
    if (::link(QFile::encodeName(partPath(uploadId)).constData(), targetName.constData()) == 0) {
        *created = true;
        // Touched too (its time is the part file's, perhaps old when this finish is retried).
        ::utimensat(AT_FDCWD, targetName.constData(), nullptr, 0);
    } else if (errno != EEXIST) {
        return QStringLiteral("cannot store %1: %2")
            .arg(target, QString::fromLocal8Bit(std::strerror(errno)));
    } else {
        // The stored one serves, if it is whole; touched so that it counts as new for the
        // orphan cleanup (of any node) until the rows naming it are committed.
        struct stat st;
        if (::stat(targetName.constData(), &st) != 0 || st.st_size != size)
            return QStringLiteral("the stored %1 is not %2 bytes long").arg(target).arg(size);
        if (::utimensat(AT_FDCWD, targetName.constData(), nullptr, 0) != 0)
            return QStringLiteral("cannot touch %1: %2")
                .arg(target, QString::fromLocal8Bit(std::strerror(errno)));
    }
    // The new names must survive a power cut before a row names them.
    if (!fsyncPath(dir, true) || !fsyncPath(parent, true) || !fsyncPath(m_root, true))
        return QStringLiteral("cannot sync %1").arg(dir);
    return std::nullopt;
}

void FileBlobs::removePart(const QString& uploadId)
{
    QFile::remove(partPath(uploadId));
}

void FileBlobs::removeBlob(const QString& sha256)
{
    QFile::remove(blobPath(sha256));
}

void FileBlobs::removeOrphanParts(const std::function<bool(const QString&)>& uploadInProgress,
                                  qint64 minAgeSeconds)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minAgeSeconds);
    int removed = 0;
    QDirIterator parts(QDir(m_root).filePath(QStringLiteral("uploads")), {QStringLiteral("*.part")},
                       QDir::Files);
    while (parts.hasNext()) {
        parts.next();
        const QString id = parts.fileInfo().completeBaseName();
        if (parts.fileInfo().lastModified() < cutoff && !uploadInProgress(id))
            removed += QFile::remove(parts.filePath()) ? 1 : 0;
    }
    if (removed > 0)
        qCInfo(lcFiles) << "removed" << removed << "orphaned part files from" << m_root;
}

void FileBlobs::removeOrphanBlobs(const QString& prefix,
                                  const std::function<bool(const QString&)>& blobKnown,
                                  qint64 minAgeSeconds)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minAgeSeconds);
    int removed = 0;
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QDirIterator blobs(QDir(m_root).filePath(prefix), QDir::Files, QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        blobs.next();
        const QFileInfo fi = blobs.fileInfo();
        if (!hex.match(fi.fileName()).hasMatch() || fi.lastModified() >= cutoff)
            continue;
        if (blobKnown(fi.fileName()))
            continue;
        // Looked at again after the question: a finish (on any node) that found this blob
        // touched it before committing the row that names it.
        if (QFileInfo(fi.filePath()).lastModified() < cutoff)
            removed += QFile::remove(fi.filePath()) ? 1 : 0;
    }
    if (removed > 0)
        qCInfo(lcFiles) << "removed" << removed << "orphaned blobs from" << m_root << prefix;
}

} // namespace plein::server
