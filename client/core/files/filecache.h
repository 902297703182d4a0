#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>
#include <memory>

namespace plein::client {

class Cache;
class CacheChanges;
class FileClient;
struct CachedFile;

// Downloads of files and their thumbnails, kept on disk in the account's files folder beside
// its cache database (`<cache>.files/`), recorded in the cache (`file_cache`) and bounded by
// a size the user sets, least recently used going first.
//
// fetch() answers at once from disk or starts one download per file and variant however
// often it is asked; ready() or failed() follow. A download streams into a `.part` file that
// becomes the cached file only once complete (rename), and goes on with a Range request
// after a dropped connection. The server checks the right to see on every download: a 404
// removes every cached copy of the file, and a copy is served from disk only while some
// post, reply or message in the cache still carries the file (or another carrier, such as a
// person whose photo it is) — what is deleted, or gone with a group left or a conversation
// forgotten, is removed from disk.
class FileCache : public QObject
{
    Q_OBJECT

public:
    // The variants: the file itself, or a JPEG thumbnail of at most N x N pixels.
    static constexpr QLatin1StringView original {"original"};
    static QString thumbnail(int size) { return QString::number(size); }
    static bool isVariant(const QString& variant);

    static constexpr qint64 defaultLimitBytes = 500LL * 1024 * 1024;

    enum class Failure {
        Gone, // the server says the file does not exist or is not for this user (404)
        Offline, // not connected, or the connection kept dropping; try again later
        NoThumbnail, // the file is not an image the server makes thumbnails of (415, 422)
        Error, // anything else: a refusal, a full disk; the message says
    };
    Q_ENUM(Failure)

    FileCache(Cache& cache, FileClient& client, QObject* parent = nullptr);
    ~FileCache() override;

    // The folder of the downloads of the cache database `cacheFile`.
    static QString folderFor(const QString& cacheFile);

    // What else in the cache carries files besides the attachments of posts and messages (a
    // person's photo): `isCarried` a query with one bound file id that answers a row while it
    // is carried, `allCarried` a query of every file id carried, and the cache area whose
    // changes may let some go.
    struct Carrier
    {
        QLatin1StringView area;
        QString isCarried;
        QString allCarried;
    };
    void addCarrier(Carrier carrier);

    // The folder the downloads live in.
    QString folder() const { return m_folder; }

    // The bound, stored in the cache (meta `files.cache_limit`); setting it evicts at once.
    qint64 limitBytes() const;
    bool setLimitBytes(qint64 bytes);
    qint64 usedBytes() const;

    // The path of the cached copy (and it counts as used now), or empty when it is not on
    // disk or may not be served from it.
    QString cachedPath(const QString& fileId, const QString& variant = QString(original));
    // The path at once when cached. Otherwise empty, and the download starts (or the one
    // running is joined); ready() or failed() follow, once per download.
    QString fetch(const QString& fileId, const QString& variant = QString(original));
    // Downloads in flight.
    int downloads() const { return int(m_transfers.size()); }

    // Copies the original to `destPath` (a file the user chose; replaced), downloading it first
    // when needed; saved() or saveFailed() follow.
    void saveAs(const QString& fileId, const QString& destPath);
    // Where prepareOpen() puts a file for opening in another program: a folder of its own per
    // file, under the file's name (cleaned), so that the program sees the name and type.
    QString openPath(const QString& fileId, const QString& name) const;
    // saveAs(fileId, openPath(fileId, name)), answering that path: the app opens it with
    // QDesktopServices when saved() names it.
    QString prepareOpen(const QString& fileId, const QString& name);

    // Removes the copies nothing in the cache carries any more (run on cache changes too).
    void prune();
    // Removes everything this cache keeps on disk.
    bool clear();

    // Test hook: the pause before a dropped download tries again.
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

Q_SIGNALS:
    void ready(const QString& fileId, const QString& variant, const QString& path);
    void failed(const QString& fileId, const QString& variant,
                plein::client::FileCache::Failure why, const QString& message);
    // Bytes of a download so far and in all (total -1 while not known).
    void progress(const QString& fileId, const QString& variant, qint64 received, qint64 total);
    void saved(const QString& fileId, const QString& destPath);
    void saveFailed(const QString& fileId, const QString& destPath,
                    plein::client::FileCache::Failure why, const QString& message);

private:
    struct Transfer;
    using Key = std::pair<QString, QString>; // file id, variant

    void start(const Key& key);
    void onReadyRead(const Key& key);
    void onFinished(const Key& key);
    void complete(const Key& key);
    void fail(const Key& key, Failure why, const QString& message);
    void failLater(const QString& fileId, const QString& variant, Failure why,
                   const QString& message);
    void forget(const QString& fileId);
    void removeCopy(const CachedFile& file);
    void evict(const Key& keep);
    void deliverSaves(const QString& fileId, const QString& path);
    void cleanFolder();
    void onCacheChanged(const CacheChanges& changes);
    bool isCarried(const QString& fileId) const;
    void queuePrune();
    qint64 now();
    QString finalName(const Key& key) const;
    QString partPath(const Key& key) const;

    Cache& m_cache;
    FileClient& m_client;
    QString m_folder;
    QList<Carrier> m_carriers;
    std::map<Key, std::unique_ptr<Transfer>> m_transfers;
    QSet<QString> m_noThumbnail; // files the server makes no thumbnails of (asked once a run)
    QMultiHash<QString, QString> m_saves; // file id -> destination paths waiting for it
    qint64 m_lastStamp = 0;
    int m_retryDelayMs = 1000;
    bool m_pruneQueued = false;
};

} // namespace plein::client
