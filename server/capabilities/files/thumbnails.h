#pragma once

#include "protocol/result.h"

#include <QString>

namespace plein::server {

// Thumbnails of images made with libvips (its C API: no Qt Gui in the server), cached on disk
// as JPEG next to the blobs (<files_path>/thumbs/<file id>-<size>.jpg: by file, not by content,
// so that how fast a thumbnail comes tells nobody whether someone else stored the same bytes;
// a failure as <file id>-<size>.failed, answered at once the next time). Decoding is limited:
// the header is read first and an image of more than `maxPixels` is refused before a pixel is
// decoded (decompression bombs), a truncated or damaged image fails instead of giving a
// half-grey picture, and only libvips' trusted loaders of PNG, JPEG, GIF and WebP run.
class Thumbnails
{
public:
    Thumbnails(QString folder, qint64 maxPixels)
        : m_folder(std::move(folder))
        , m_maxPixels(maxPixels)
    { }

    static bool isImageType(const QString& type);
    static bool isSize(int size) { return size == 64 || size == 256 || size == 1024; }

    // The path of the thumbnail of at most `size` x `size` pixels for the image at `source`
    // (file `fileId`); too_large for an image over the pixel limit, bad_request for one that
    // cannot be decoded (both remembered), unavailable when libvips did not start.
    Result<QString> thumbnail(const QString& source, const QString& fileId, int size);

private:
    QString m_folder;
    qint64 m_maxPixels = 0;
};

} // namespace plein::server
