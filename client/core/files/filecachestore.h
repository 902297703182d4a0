#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::client {

class Cache;

// One download kept on disk: a file's original or one of its thumbnails.
struct CachedFile
{
    QString fileId;
    QString variant; // FileCache::original, or a thumbnail's size ("64", "256", "1024")
    QString path; // relative to the account's files folder
    qint64 bytes = 0;
    qint64 lastUsed = 0; // milliseconds since the epoch
};

// The `file_cache` table (client migration 018): which downloads are on disk, how large, and
// when each was last asked for. Only complete files are recorded.
class FileCacheStore
{
public:
    explicit FileCacheStore(Cache& cache)
        : m_cache(cache)
    { }

    std::optional<CachedFile> find(const QString& fileId, const QString& variant) const;
    bool record(const CachedFile& file);
    bool touch(const QString& fileId, const QString& variant, qint64 lastUsed);
    bool remove(const QString& fileId, const QString& variant);
    // Every variant of a file.
    QList<CachedFile> variants(const QString& fileId) const;
    bool removeAll(const QString& fileId);
    qint64 totalBytes() const;
    // Oldest first.
    QList<CachedFile> byLastUse() const;
    // Downloads of files that no post, reply or message in the cache carries any more, nor
    // any of `otherCarriers` (queries of the file ids they carry).
    QList<CachedFile> unattached(const QStringList& otherCarriers = {}) const;
    QList<CachedFile> all() const;

private:
    QList<CachedFile> select(const QString& where, std::initializer_list<QVariant> values) const;

    Cache& m_cache;
};

} // namespace plein::client
