#include "capabilities/files/fileservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/files/filenames.h"
#include "capabilities/files/filesprotocol.h"
#include "capabilities/files/imagesize.h"
#include "capabilities/files/thumbnails.h"
#include "core/database.h"

#include <QDateTime>
#include <QFile>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent>

// SHA256_CTX and its functions: see HashState below.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sodium.h>

namespace plein::server {

using protocol::ErrorCode;

namespace {

// The SHA-256 of an upload goes on from chunk to chunk, on whichever node takes the next one,
// so its state is stored with the upload. OpenSSL's SHA256_CTX is a plain struct that can be
// (its low-level API, deprecated in OpenSSL 3 for new code, is the only one whose state can be
// kept; EVP's cannot), and it hashes with the CPU's SHA instructions: about 5 times libsodium's
// portable code here, which took three quarters of an upload's time. A state of another
// size (an upload begun by an older build) is not read: that upload begins again.
using HashState = SHA256_CTX;

QByteArray stateBytes(const HashState& state)
{
    return QByteArray(reinterpret_cast<const char*>(&state), sizeof state);
}

bool readState(const QByteArray& bytes, HashState& state)
{
    if (bytes.size() != qsizetype(sizeof state))
        return false;
    std::memcpy(&state, bytes.constData(), sizeof state);
    // A damaged row must not make the hash write past its buffer.
    return state.num < SHA_CBLOCK && state.md_len == SHA256_DIGEST_LENGTH;
}

bool validId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{22}$"));
    return re.match(id).hasMatch();
}

// The type from the bytes (magic numbers), never from the name or what the client said. Only
// plain text, which has no magic of its own, takes the name's kind of text when that is text
// too and nothing a browser would render or run: a .csv is text/csv, a .md text/markdown, a
// .py text/x-python, but a .html, .svg or .js of plain text stays text/plain.
QString sniffedType(const QByteArray& head, const QString& name)
{
    const QMimeDatabase db;
    const QMimeType byBytes = db.mimeTypeForData(head);
    if (!byBytes.isValid())
        return QStringLiteral("application/octet-stream");
    if (byBytes.name() != u"text/plain")
        return byBytes.name();
    const QMimeType byName = db.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    static const QRegularExpression rendered(
        QStringLiteral("html|xml|svg|javascript|ecmascript|css"),
        QRegularExpression::CaseInsensitiveOption);
    if (byName.isValid() && byName.name().startsWith(u"text/")
        && byName.inherits(QStringLiteral("text/plain"))
        && !rendered.match(byName.name()).hasMatch())
        return byName.name();
    return byBytes.name();
}

protocol::Error uploadNotFound()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such upload"));
}

} // namespace

QString newFileId()
{
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Upload> FileService::createUpload(const User& user, const QString& rawName, qint64 size,
                                         const QString& declaredType)
{
    const QString name = cleanFileName(rawName);
    if (name.isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("the file needs a name"));
    if (size < 1)
        return makeError(ErrorCode::BadRequest, QStringLiteral("the file is empty"));
    if (size > m_limits.maxFileBytes)
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("a file may hold at most %1 bytes").arg(m_limits.maxFileBytes));
    Upload u;
    u.id = newFileId();
    u.userId = user.id;
    u.name = name;
    u.size = size;
    u.declaredType = declaredType.isEmpty() ? QStringLiteral("") : declaredType.left(127);
    HashState state;
    SHA256_Init(&state);
    u.hashState = stateBytes(state);
    u.createdAt = nowUtc();
    if (auto e = m_blobs.createPart(u.id))
        return makeError(ErrorCode::Internal, *e);
    const auto refused = [&](protocol::Error e) -> Result<Upload> {
        m_blobs.removePart(u.id);
        return e;
    };
    // Under the user's quota lock: the quota counts finished files and the sizes unfinished
    // uploads declared (so a hopeless upload is not sent at all, and unfinished ones cannot
    // hold more than the quota); it is checked again when the upload finishes.
    Transaction tx(m_db);
    if (!tx.isActive())
        return refused(makeError(ErrorCode::Unavailable, tx.error()));
    auto quota = m_store.lockQuota(user.id);
    if (!quota)
        return refused(quota.error());
    auto open = m_store.openUploads(user.id);
    const qint64 allowed = quota->quota ? *quota->quota : m_limits.defaultQuotaBytes;
    // At the limit of unfinished uploads, or of the quota they count against, uploads left
    // alone for an hour make room, the idlest first (a laptop that was closed begins such
    // one again from 0 if it comes back): an app that crashed, lost its cache or gave an
    // upload up while offline never locks its user out of uploading for the week the cleanup
    // waits.
    QStringList evicted;
    const QString hourAgo
        = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
    while (open.count >= m_limits.maxOpenUploads || quota->used + open.bytes + size > allowed) {
        const auto idle = m_store.idlestUpload(user.id, hourAgo);
        if (!idle)
            break;
        const auto deleted = m_store.deleteIdleUpload(*idle, hourAgo);
        if (!deleted)
            return refused(deleted.error());
        if (!deleted.value())
            break; // a chunk came for it meanwhile (another node): it is not idle
        evicted << *idle;
        open = m_store.openUploads(user.id);
    }
    if (open.count >= m_limits.maxOpenUploads)
        return refused(makeError(
            ErrorCode::RateLimited,
            QStringLiteral("at most %1 unfinished uploads at once").arg(m_limits.maxOpenUploads)));
    if (quota->used + open.bytes + size > allowed)
        return refused(makeError(ErrorCode::Forbidden, QStringLiteral("quota exceeded")));
    if (auto inserted = m_store.insertUpload(u); !inserted)
        return refused(inserted.error());
    if (!tx.commit())
        return refused(makeError(ErrorCode::Unavailable, tx.error()));
    for (const QString& id : std::as_const(evicted)) {
        m_blobs.removePart(id);
        m_wholeHere.remove(id);
    }
    return u;
}

std::optional<Upload> FileService::upload(const User& user, const QString& uploadId)
{
    if (!validId(uploadId))
        return std::nullopt;
    auto u = m_store.upload(uploadId);
    if (!u || u->userId != user.id)
        return std::nullopt;
    return u;
}

Result<Upload> FileService::append(const User& user, const QString& uploadId, qint64 offset,
                                   const QByteArray& chunk)
{
    if (!upload(user, uploadId))
        return uploadNotFound();
    // On PostgreSQL the upload's row stays locked while its chunk is written, so two nodes
    // never write one part file at once. SQLite has one node, whose HTTP thread handles one
    // request at a time: no transaction there, which would hold the database's write lock
    // during the disk write.
    std::optional<Transaction> tx;
    if (m_db.dialect().isPostgres()) {
        tx.emplace(m_db);
        if (!tx->isActive())
            return makeError(ErrorCode::Unavailable, tx->error());
    }
    auto u = m_store.lockUpload(uploadId);
    if (!u || u->userId != user.id)
        return uploadNotFound();
    if (!u->fileId.isEmpty()) {
        if (chunk.isEmpty())
            return *u; // asked again after it finished
        return makeError(ErrorCode::Conflict, QStringLiteral("the upload is finished"));
    }
    if (offset != u->received)
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("the upload stands at %1, not %2").arg(u->received).arg(offset));
    if (offset + chunk.size() > u->size)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("the chunk goes past the file's size"));
    if (!chunk.isEmpty()) {
        HashState state;
        if (!readState(u->hashState, state))
            return giveUpLost(*u, QStringLiteral("begun by a server build of another hash"), tx);
        // The chunk is hashed on another core while this thread writes it (both only read
        // it): a 4 MiB chunk takes about 4 ms to hash and 2 ms to write here. The hash is
        // waited for before anything else, since it uses what lives here. (Hashing the
        // pieces as they arrive instead was slower on two cores: the client sending takes
        // the other one then.)
        QFuture<void> hashed = QtConcurrent::run(&m_hashing, [&state, &chunk]() {
            SHA256_Update(&state, chunk.constData(), size_t(chunk.size()));
        });
        bool lost = false;
        const auto written = m_blobs.append(u->id, offset, chunk, &lost);
        hashed.waitForFinished();
        if (written) {
            if (lost)
                return giveUpLost(*u, *written, tx);
            return makeError(ErrorCode::Unavailable, *written);
        }
        const QByteArray after = stateBytes(state);
        auto moved = m_store.advanceUpload(u->id, offset, offset + chunk.size(), after);
        if (!moved)
            return moved.error();
        if (!moved.value())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("another request moved the upload"));
        u->received = offset + chunk.size();
        u->hashState = after;
        // Whether every byte so far came through this process (see finish()).
        if (offset == 0 || m_wholeHere.value(u->id, -1) == offset)
            m_wholeHere.insert(u->id, u->received);
        else
            m_wholeHere.remove(u->id);
    }
    if (tx && !tx->commit())
        return makeError(ErrorCode::Unavailable, tx->error());
    tx.reset();
    if (u->received < u->size)
        return *u;
    // The last chunk, or an empty PUT at the end: a finish that failed before, once more.
    return finish(user, std::move(*u));
}

Result<Upload> FileService::giveUpLost(const Upload& u, const QString& why,
                                       std::optional<Transaction>& tx)
{
    // Bytes the offset counted are gone from the disk (a power cut before they were synced):
    // the upload cannot go on from there. It is given up, so the client hears "no such
    // upload" and begins again from 0, rather than a refusal that would last for a week.
    qWarning("plein.files: upload %s given up: %s", qPrintable(u.id), qPrintable(why));
    if (!tx) {
        tx.emplace(m_db);
        if (!tx->isActive())
            return makeError(ErrorCode::Unavailable, tx->error());
    }
    if (auto r = m_store.deleteUpload(u.id); !r)
        return r.error();
    if (!tx->commit())
        return makeError(ErrorCode::Unavailable, tx->error());
    tx.reset();
    m_blobs.removePart(u.id);
    m_wholeHere.remove(u.id);
    return uploadNotFound();
}

Result<Upload> FileService::giveUpLost(const Upload& u, const QString& why)
{
    std::optional<Transaction> none;
    return giveUpLost(u, why, none);
}

Result<bool> FileService::cancelUpload(const User& user, const QString& uploadId)
{
    if (!upload(user, uploadId))
        return uploadNotFound();
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(ErrorCode::Unavailable, tx.error());
    const auto u = m_store.lockUpload(uploadId);
    if (!u || u->userId != user.id)
        return uploadNotFound();
    if (!u->fileId.isEmpty())
        return false;
    if (auto r = m_store.deleteUpload(u->id); !r)
        return r.error();
    if (!tx.commit())
        return makeError(ErrorCode::Unavailable, tx.error());
    m_blobs.removePart(u->id);
    m_wholeHere.remove(u->id);
    return true;
}

Result<Upload> FileService::finish(const User& user, Upload u)
{
    HashState state;
    if (!readState(u.hashState, state))
        return giveUpLost(u, QStringLiteral("begun by a server build of another hash"));
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Final(digest, &state);
    const QString sha = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), sizeof digest).toHex());

    // The bytes on disk, synced outside any transaction (no lock is held while 100 MiB reach
    // the disk). The hash was carried over the chunks as they arrived; when some of them
    // came before this process started (a restart, a power cut, another node), what is on
    // disk may not be what was hashed, and it is hashed again from the disk to be sure.
    {
        bool lost = false;
        if (auto e = m_blobs.syncPart(u.id, u.size, &lost))
            return lost ? giveUpLost(u, *e) : makeError(ErrorCode::Unavailable, *e);
        const auto seen = m_wholeHere.constFind(u.id);
        if (seen == m_wholeHere.constEnd() || *seen != u.size) {
            const auto onDisk = m_blobs.sha256Of(u.id);
            if (!onDisk)
                return makeError(ErrorCode::Unavailable,
                                 QStringLiteral("the upload's bytes cannot be read"));
            if (*onDisk != sha)
                return giveUpLost(u, QStringLiteral("its bytes on disk are not the ones received"));
        }
        m_wholeHere.remove(u.id);
    }

    QFile part(m_blobs.partPath(u.id));
    if (!part.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("the upload's bytes are gone"));
    const QByteArray head = part.read(64 * 1024);
    part.close();
    const QString type = sniffedType(head, u.name);
    const ImageSize image = imageSize(head);

    StoredFile f;
    f.id = newFileId();
    f.sha256 = sha;
    f.uploaderId = user.id;
    f.name = u.name;
    f.size = u.size;
    f.type = type;
    f.declaredType = u.declaredType.isEmpty() ? QStringLiteral("") : u.declaredType;
    f.width = image.width;
    f.height = image.height;
    f.createdAt = nowUtc();
    // The quota is checked under its lock before the blob is made, so a refused finish leaves
    // no blob; a blob this finish made is removed again when the rows that name it are not
    // committed.
    bool created = false;
    const auto failed = [&](protocol::Error e) -> Result<Upload> {
        if (created && !m_store.blobKnown(sha))
            m_blobs.removeBlob(sha);
        return e;
    };
    {
        std::optional<Transaction> tx;
        tx.emplace(m_db);
        if (!tx->isActive())
            return makeError(ErrorCode::Unavailable, tx->error());
        // Finished meanwhile by another request (on another node): that file it is.
        const auto current = m_store.lockUpload(u.id);
        if (!current)
            return uploadNotFound();
        if (!current->fileId.isEmpty())
            return *current;
        auto quota = m_store.lockQuota(user.id);
        if (!quota)
            return quota.error();
        const qint64 allowed = quota->quota ? *quota->quota : m_limits.defaultQuotaBytes;
        // Content the user stored before counts once.
        const bool counted = m_store.userHasBlob(user.id, sha);
        if (!counted && quota->used + f.size > allowed) {
            if (auto r = m_store.deleteUpload(u.id); !r)
                return r.error();
            if (!tx->commit())
                return makeError(ErrorCode::Unavailable, tx->error());
            m_blobs.removePart(u.id);
            return makeError(ErrorCode::Forbidden, QStringLiteral("quota exceeded"));
        }
        if (auto e = m_blobs.store(u.id, sha, u.size, &created)) {
            tx.reset();
            return failed(makeError(ErrorCode::Unavailable, *e));
        }
        for (auto r : {m_store.insertBlob(sha, f.size), m_store.insertFile(f),
                       counted ? Result<bool>(true) : m_store.addUsed(user.id, f.size),
                       m_store.setUploadFile(u.id, f.id)}) {
            if (!r) {
                tx.reset(); // rolled back before the blob's fate is decided
                return failed(r.error());
            }
        }
        if (!tx->commit()) {
            const QString why = tx->error();
            tx.reset();
            return failed(makeError(ErrorCode::Unavailable, why));
        }
    }
    m_blobs.removePart(u.id);
    u.fileId = f.id;
    return u;
}

Result<StoredFile> FileService::storeBytes(const User& user, const QString& name,
                                           const QByteArray& content, const QString& declaredType)
{
    if (auto e = m_blobs.prepare())
        return makeError(ErrorCode::Internal, *e);
    auto started = createUpload(user, name, content.size(), declaredType);
    if (!started)
        return started.error();
    auto done = append(user, started->id, 0, content);
    if (!done)
        return done.error();
    auto f = m_store.file(done->fileId);
    if (!f)
        return makeError(ErrorCode::Internal, QStringLiteral("the stored file is gone"));
    return *f;
}

std::optional<StoredFile> FileService::visibleFile(const User& user, const QString& fileId)
{
    if (!validId(fileId))
        return std::nullopt;
    auto f = m_store.file(fileId);
    if (!f)
        return std::nullopt;
    const auto owners = m_store.owners(fileId);
    if (owners.isEmpty())
        return f->uploaderId == user.id ? f : std::nullopt;
    for (const auto& [kind, id] : owners) {
        if (m_owners.maySee(user, kind, id))
            return f;
    }
    return std::nullopt;
}

Result<bool> FileService::setImage(const User& user, const QString& kind, qint64 ownerId,
                                   const QString& fileId, const QString& what)
{
    std::optional<StoredFile> f;
    if (!fileId.isEmpty()) {
        f = visibleFile(user, fileId);
        if (!f)
            return makeError(ErrorCode::NotFound, QStringLiteral("file %1 not found").arg(fileId));
        if (!Thumbnails::isImageType(f->type))
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("%1 is a PNG, JPEG, GIF or WebP image; this file is %2")
                                 .arg(what, f->type));
    }
    // The image before is no longer seen through this owner (it may be through what else it
    // is attached to). The one checked above is attached as it is: once detached it may be
    // seen through nothing (the same image set again by a co-author who did not upload it).
    if (auto detached = detachAll(kind, ownerId); !detached)
        return detached.error();
    if (!f)
        return true;
    if (auto r = m_store.attach(f->id, kind, ownerId, 0); !r)
        return r.error();
    return true;
}

Result<QJsonArray> FileService::attach(const User& user, const QStringList& fileIds,
                                       const QString& kind, qint64 ownerId)
{
    if (fileIds.size() > protocol::files::maxAttachments)
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("at most %1 attachments").arg(protocol::files::maxAttachments));
    QJsonArray out;
    QSet<QString> seen;
    int position = 0;
    for (const QString& id : fileIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto f = visibleFile(user, id);
        if (!f)
            return makeError(ErrorCode::NotFound, QStringLiteral("file %1 not found").arg(id));
        if (auto r = m_store.attach(f->id, kind, ownerId, position++); !r)
            return r.error();
        out.append(f->toJson());
    }
    return out;
}

void FileService::cleanUpStep()
{
    constexpr int batch = 200;
    constexpr qint64 minAgeSeconds = 3600;
    if (m_cleanStep == 0) {
        const QString weekAgo
            = QDateTime::currentDateTimeUtc().addDays(-7).toString(Qt::ISODateWithMs);
        const QStringList stale = m_store.staleUploads(weekAgo, batch);
        for (const QString& id : stale) {
            if (m_store.deleteUpload(id))
                m_blobs.removePart(id);
            m_wholeHere.remove(id);
        }
        if (stale.size() == batch)
            return; // more next time
    } else if (m_cleanStep == 1) {
        const QStringList inProgress = m_store.uploadIds();
        const QSet<QString> uploads(inProgress.begin(), inProgress.end());
        m_blobs.removeOrphanParts([&](const QString& id) { return uploads.contains(id); },
                                  minAgeSeconds);
    } else {
        const QString prefix = QStringLiteral("%1").arg(m_cleanStep - 2, 2, 16, QLatin1Char('0'));
        m_blobs.removeOrphanBlobs(
            prefix, [this](const QString& sha) { return m_store.blobKnown(sha); }, minAgeSeconds);
    }
    m_cleanStep = (m_cleanStep + 1) % cleanUpSteps;
}

} // namespace plein::server
