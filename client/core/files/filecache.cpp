#include "filecache.h"

#include "attachment.h"
#include "attachmentstore.h"
#include "chat/chatstore.h"
#include "feed/poststore.h"
#include "filecachestore.h"
#include "fileclient.h"
#include "store/cache.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimer>

namespace plein::client {

namespace {

const QString limitKey = QStringLiteral("files.cache_limit");
const QString partSuffix = QStringLiteral(".part");
const QString openFolder = QStringLiteral("open");
// A reply holds at most this much in memory: the rest waits in the socket.
constexpr qint64 readBufferBytes = 256 * 1024;
// A dropped download tries again this often before it says offline.
constexpr int maxAttempts = 4;
// Part files untouched for this long are not resumed any more.
constexpr qint64 partFileDays = 1;

// "bytes a-b/total" of a 206: {a, total}, or nullopt.
std::optional<std::pair<qint64, qint64>> contentRange(const QByteArray& header)
{
    static const QRegularExpression re(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+)$"));
    const auto m = re.match(QString::fromLatin1(header.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair {m.captured(1).toLongLong(), m.captured(3).toLongLong()};
}

// A name safe as the last part of a path on every system the app runs on.
QString cleanName(const QString& name, const QString& fallback)
{
    QString out;
    for (QChar c : name)
        out += (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c)) ? u'_' : c;
    while (out.startsWith(u'.') || out.startsWith(u' '))
        out.remove(0, 1);
    out = out.trimmed().left(200);
    return out.isEmpty() ? fallback : out;
}

bool replaceWithCopy(const QString& from, const QString& to, QString* error)
{
    const QString temp = to + partSuffix;
    QFile::remove(temp);
    QFile source(from);
    if (!source.copy(temp)) {
        *error = source.errorString();
        return false;
    }
    QFile::remove(to);
    if (!QFile::rename(temp, to)) {
        QFile::remove(temp);
        *error = FileCache::tr("cannot write %1").arg(to);
        return false;
    }
    return true;
}

} // namespace

struct FileCache::Transfer
{
    // Guarded: the replies belong to the FileClient's network manager, which may go first.
    QPointer<QNetworkReply> reply;
    QFile part;
    qint64 offset = 0; // where this request's body starts in the file
    qint64 total = -1; // the file's size, once an answer said it
    bool accepted = false; // a 200 or 206 whose body goes into the part file
    bool restarted = false; // once from the start after a 416
    int attempts = 0;
};

bool FileCache::isVariant(const QString& variant)
{
    return variant == original || variant == QLatin1StringView("64")
        || variant == QLatin1StringView("256") || variant == QLatin1StringView("1024");
}

FileCache::FileCache(Cache& cache, FileClient& client, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
{
    m_folder = folderFor(cache.filePath());
    cleanFolder();
    connect(&cache, &Cache::changed, this, &FileCache::onCacheChanged);
}

QString FileCache::folderFor(const QString& cacheFile)
{
    const QFileInfo db(cacheFile);
    return db.absolutePath() + u'/' + db.completeBaseName() + QStringLiteral(".files");
}

FileCache::~FileCache()
{
    for (auto& [key, t] : m_transfers) {
        if (t->reply) {
            t->reply->disconnect(this);
            t->reply->abort();
            t->reply->deleteLater();
        }
    }
}

QString FileCache::finalName(const Key& key) const
{
    return key.first + u'-' + key.second;
}

QString FileCache::partPath(const Key& key) const
{
    return m_folder + u'/' + finalName(key) + partSuffix;
}

qint64 FileCache::now()
{
    // Strictly increasing, so that two uses within a millisecond keep their order.
    m_lastStamp = std::max(QDateTime::currentMSecsSinceEpoch(), m_lastStamp + 1);
    return m_lastStamp;
}

qint64 FileCache::limitBytes() const
{
    bool ok = false;
    const qint64 stored = m_cache.meta(limitKey).toLongLong(&ok);
    return ok && stored > 0 ? stored : defaultLimitBytes;
}

bool FileCache::setLimitBytes(qint64 bytes)
{
    if (bytes <= 0 || !m_cache.setMeta(limitKey, QString::number(bytes)))
        return false;
    evict({});
    return true;
}

qint64 FileCache::usedBytes() const
{
    return FileCacheStore(m_cache).totalBytes();
}

QString FileCache::cachedPath(const QString& fileId, const QString& variant)
{
    FileCacheStore store(m_cache);
    const auto found = store.find(fileId, variant);
    if (!found)
        return {};
    // Served from disk only while something the user sees in the cache carries it.
    if (!isCarried(fileId)) {
        removeCopy(*found);
        return {};
    }
    const QString path = m_folder + u'/' + found->path;
    if (QFileInfo(path).size() != found->bytes) {
        removeCopy(*found);
        return {};
    }
    store.touch(fileId, variant, now());
    return path;
}

QString FileCache::fetch(const QString& fileId, const QString& variant)
{
    if (!Attachment::isFileId(fileId) || !isVariant(variant)) {
        failLater(fileId, variant, Failure::Error, tr("not a file id or variant"));
        return {};
    }
    if (const QString path = cachedPath(fileId, variant); !path.isEmpty())
        return path;
    const Key key {fileId, variant};
    if (m_transfers.count(key))
        return {};
    if (variant != original && m_noThumbnail.contains(fileId)) {
        failLater(fileId, variant, Failure::NoThumbnail, tr("no thumbnail for this file"));
        return {};
    }
    if (!m_client.available()) {
        failLater(fileId, variant, Failure::Offline, tr("not connected to the server"));
        return {};
    }
    auto t = std::make_unique<Transfer>();
    t->part.setFileName(partPath(key));
    m_transfers.emplace(key, std::move(t));
    start(key);
    return {};
}

void FileCache::start(const Key& key)
{
    Transfer& t = *m_transfers.at(key);
    ++t.attempts;
    if (!QDir().mkpath(m_folder) || !t.part.open(QIODevice::ReadWrite)) {
        fail(key, Failure::Error, tr("cannot write in %1").arg(m_folder));
        return;
    }
    t.offset = t.part.size();
    t.part.seek(t.offset);
    t.accepted = false;
    FileClient::Headers headers;
    if (t.offset > 0)
        headers.append({QByteArrayLiteral("Range"), "bytes=" + QByteArray::number(t.offset) + '-'});
    const QString path = key.second == original
        ? QStringLiteral("/files/%1").arg(key.first)
        : QStringLiteral("/files/%1/thumbnail?size=%2").arg(key.first, key.second);
    t.reply = m_client.get(path, headers);
    t.reply->setReadBufferSize(readBufferBytes);
    connect(t.reply.data(), &QNetworkReply::readyRead, this, [this, key]() {
        if (m_transfers.count(key))
            onReadyRead(key);
    });
    connect(t.reply.data(), &QNetworkReply::finished, this, [this, key]() { onFinished(key); });
}

void FileCache::onReadyRead(const Key& key)
{
    Transfer& t = *m_transfers.at(key);
    QNetworkReply* reply = t.reply;
    if (!t.accepted) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            // The whole file (a Range the server did not take): start the part afresh.
            t.part.resize(0);
            t.part.seek(0);
            t.offset = 0;
            t.total = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (!reply->hasRawHeader("Content-Length"))
                t.total = -1;
            t.accepted = true;
        } else if (status == 206) {
            const auto range = contentRange(reply->rawHeader("Content-Range"));
            if (!range || range->first != t.offset) {
                // Not where the part file stands: finished() starts afresh. abort() runs it at
                // once, and it may end the transfer (`t` gone): nothing of `t` after it.
                t.part.resize(0);
                reply->abort();
                return;
            }
            t.total = range->second;
            t.accepted = true;
        } else {
            return; // an error's body: read by finished()
        }
    }
    const QByteArray data = reply->readAll();
    if (!data.isEmpty() && t.part.write(data) != data.size()) {
        reply->abort();
        return;
    }
    Q_EMIT progress(key.first, key.second, t.part.size(), t.total);
}

void FileCache::onFinished(const Key& key)
{
    const auto it = m_transfers.find(key);
    if (it == m_transfers.end())
        return;
    Transfer& t = *it->second;
    QNetworkReply* reply = t.reply;
    t.reply = nullptr;
    reply->deleteLater();
    if (t.accepted) {
        const QByteArray rest = reply->readAll();
        if (!rest.isEmpty() && t.part.write(rest) != rest.size()) {
            t.part.close();
            fail(key, Failure::Error,
                 tr("cannot write %1: %2").arg(t.part.fileName(), t.part.errorString()));
            return;
        }
    }
    const qint64 have = t.part.size();
    t.part.close();
    std::optional<HttpFailure> failure = FileClient::failureOf(reply);
    if (!failure && (!t.accepted || (t.total >= 0 && have != t.total))) {
        // Cut short, or an answer that was not the file.
        failure = HttpFailure {};
        failure->transient = true;
        failure->error.message = tr("the download was cut short");
    }
    if (!failure) {
        complete(key);
        return;
    }
    if (failure->status == 404) {
        QFile::remove(t.part.fileName());
        forget(key.first);
        fail(key, Failure::Gone, failure->error.message);
        return;
    }
    if (failure->status == 416 && !t.restarted) {
        t.restarted = true;
        QFile::remove(t.part.fileName());
        start(key);
        return;
    }
    if (failure->status == 415 || failure->status == 422) {
        QFile::remove(t.part.fileName());
        m_noThumbnail.insert(key.first);
        fail(key, Failure::NoThumbnail, failure->error.message);
        return;
    }
    if (!failure->transient) {
        QFile::remove(t.part.fileName());
        fail(key, Failure::Error, failure->error.message);
        return;
    }
    // Dropped, or "not now": what arrived stays in the part file, and the next try asks for
    // the rest.
    if (t.attempts >= maxAttempts || !m_client.available()) {
        fail(key, Failure::Offline, failure->error.message);
        return;
    }
    const int delay = failure->retryAfterMs >= 0 ? std::max(failure->retryAfterMs, m_retryDelayMs)
                                                 : m_retryDelayMs * (1 << (t.attempts - 1));
    QTimer::singleShot(delay, this, [this, key]() {
        if (!m_transfers.count(key))
            return;
        if (!m_client.available()) {
            fail(key, Failure::Offline, tr("not connected to the server"));
            return;
        }
        start(key);
    });
}

void FileCache::complete(const Key& key)
{
    const QString part = partPath(key);
    const QString name = finalName(key);
    const QString path = m_folder + u'/' + name;
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        fail(key, Failure::Error, tr("cannot write %1").arg(path));
        return;
    }
    const CachedFile file {key.first, key.second, name, QFileInfo(path).size(), now()};
    if (!FileCacheStore(m_cache).record(file)) {
        QFile::remove(path);
        fail(key, Failure::Error, m_cache.lastError());
        return;
    }
    m_transfers.erase(key);
    evict(key);
    Q_EMIT ready(key.first, key.second, path);
    if (key.second == original)
        deliverSaves(key.first, path);
}

void FileCache::fail(const Key& key, Failure why, const QString& message)
{
    m_transfers.erase(key);
    Q_EMIT failed(key.first, key.second, why, message);
    if (key.second != original)
        return;
    const QStringList destinations = m_saves.values(key.first);
    m_saves.remove(key.first);
    for (const QString& dest : destinations)
        Q_EMIT saveFailed(key.first, dest, why, message);
}

void FileCache::failLater(const QString& fileId, const QString& variant, Failure why,
                          const QString& message)
{
    // Never from inside fetch(): the caller connects after asking, or reacts in a handler.
    QTimer::singleShot(0, this, [this, fileId, variant, why, message]() {
        // A download started meanwhile (online again) answers for itself.
        if (!m_transfers.count({fileId, variant}))
            fail({fileId, variant}, why, message);
    });
}

void FileCache::forget(const QString& fileId)
{
    for (const CachedFile& f : FileCacheStore(m_cache).variants(fileId))
        removeCopy(f);
    // What other downloads of it left behind, too (not those still running).
    for (const QString& variant :
         {QString(original), thumbnail(64), thumbnail(256), thumbnail(1024)}) {
        if (!m_transfers.count({fileId, variant}))
            QFile::remove(partPath({fileId, variant}));
    }
}

void FileCache::removeCopy(const CachedFile& file)
{
    QFile::remove(m_folder + u'/' + file.path);
    FileCacheStore(m_cache).remove(file.fileId, file.variant);
}

void FileCache::evict(const Key& keep)
{
    FileCacheStore store(m_cache);
    qint64 total = store.totalBytes();
    const qint64 limit = limitBytes();
    if (total <= limit)
        return;
    for (const CachedFile& f : store.byLastUse()) {
        if (total <= limit)
            break;
        if (f.fileId == keep.first && f.variant == keep.second)
            continue;
        removeCopy(f);
        total -= f.bytes;
    }
}

void FileCache::saveAs(const QString& fileId, const QString& destPath)
{
    m_saves.insert(fileId, destPath);
    if (const QString path = fetch(fileId, QString(original)); !path.isEmpty()) {
        // Answered like a download, after the caller returns.
        QTimer::singleShot(0, this, [this, fileId, path]() {
            if (QFileInfo::exists(path))
                deliverSaves(fileId, path);
            else
                fetch(fileId, QString(original));
        });
    }
}

QString FileCache::openPath(const QString& fileId, const QString& name) const
{
    return m_folder + u'/' + openFolder + u'/' + fileId + u'/' + cleanName(name, fileId);
}

QString FileCache::prepareOpen(const QString& fileId, const QString& name)
{
    const QString path = openPath(fileId, name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    saveAs(fileId, path);
    return path;
}

void FileCache::deliverSaves(const QString& fileId, const QString& path)
{
    const QStringList destinations = m_saves.values(fileId);
    m_saves.remove(fileId);
    for (const QString& dest : destinations) {
        QString error;
        if (replaceWithCopy(path, dest, &error))
            Q_EMIT saved(fileId, dest);
        else
            Q_EMIT saveFailed(fileId, dest, Failure::Error, error);
    }
}

void FileCache::addCarrier(Carrier carrier)
{
    m_carriers.append(std::move(carrier));
    queuePrune();
}

bool FileCache::isCarried(const QString& fileId) const
{
    if (AttachmentStore(m_cache).isAttached(fileId))
        return true;
    for (const Carrier& c : m_carriers) {
        QSqlQuery* q = m_cache.statements().run(c.isCarried, {fileId});
        if (q && q->next())
            return true;
    }
    return false;
}

void FileCache::prune()
{
    m_pruneQueued = false;
    QStringList others;
    for (const Carrier& c : std::as_const(m_carriers))
        others.append(c.allCarried);
    for (const CachedFile& f : FileCacheStore(m_cache).unattached(others))
        removeCopy(f);
}

bool FileCache::clear()
{
    for (const CachedFile& f : FileCacheStore(m_cache).all())
        removeCopy(f);
    QDir(m_folder + u'/' + openFolder).removeRecursively();
    // And what unfinished downloads left (those running now go on).
    QSet<QString> running;
    for (const auto& [key, t] : m_transfers)
        running.insert(partPath(key));
    for (const QFileInfo& info : QDir(m_folder).entryInfoList(QStringList {u'*' + partSuffix},
                                                              QDir::Files | QDir::Hidden)) {
        if (!running.contains(info.absoluteFilePath()))
            QFile::remove(info.absoluteFilePath());
    }
    return FileCacheStore(m_cache).totalBytes() == 0;
}

void FileCache::onCacheChanged(const CacheChanges& changes)
{
    bool touched = changes.touches(PostStore::postsArea) || changes.touches(PostStore::feedsArea)
        || changes.touches(ChatStore::messagesArea)
        || changes.touches(ChatStore::conversationsArea);
    for (const Carrier& c : std::as_const(m_carriers))
        touched = touched || changes.touches(c.area);
    if (touched)
        queuePrune();
}

void FileCache::queuePrune()
{
    if (m_pruneQueued)
        return;
    m_pruneQueued = true;
    QTimer::singleShot(0, this, &FileCache::prune);
}

void FileCache::cleanFolder()
{
    // What the table names and is there stays; a row whose file went is dropped; every other
    // file (a copy from before a salvaged cache, an old part file, files opened last time) goes.
    FileCacheStore store(m_cache);
    QSet<QString> known;
    for (const CachedFile& f : store.all()) {
        if (QFileInfo::exists(m_folder + u'/' + f.path))
            known.insert(f.path);
        else
            store.remove(f.fileId, f.variant);
    }
    QDir(m_folder + u'/' + openFolder).removeRecursively();
    const QDateTime stale = QDateTime::currentDateTimeUtc().addDays(-partFileDays);
    for (const QFileInfo& info : QDir(m_folder).entryInfoList(QDir::Files | QDir::Hidden)) {
        const bool resumable
            = info.fileName().endsWith(partSuffix) && info.lastModified().toUTC() > stale;
        if (!known.contains(info.fileName()) && !resumable)
            QFile::remove(info.absoluteFilePath());
    }
    prune();
}

} // namespace plein::client
