#include "capabilities/files/thumbnails.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSaveFile>

#include <mutex>
// GLib names a member `signals`, which Qt defines as a macro.
#pragma push_macro("signals")
#undef signals
#include <vips/vips.h>
#pragma pop_macro("signals")

Q_LOGGING_CATEGORY(lcThumbnails, "plein.files.thumbnails")

namespace plein::server {

using protocol::ErrorCode;

namespace {

// Whether libvips is ready (a failure is logged once).
bool initVips()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, []() {
        if (VIPS_INIT("plein-server") != 0) {
            qWarning("files: libvips did not start, no thumbnails: %s", vips_error_buffer());
            vips_error_clear();
            return;
        }
        vips_block_untrusted_set(TRUE); // only the loaders fit for untrusted input
        // And of those only the four kinds thumbnails are made of (libvips 8.14 class names;
        // blocking a class blocks its file, buffer and source loaders).
        vips_operation_block_set("VipsForeignLoad", TRUE);
        for (const char* allowed : {"VipsForeignLoadPng", "VipsForeignLoadJpeg",
                                    "VipsForeignLoadNsgif", "VipsForeignLoadWebp"})
            vips_operation_block_set(allowed, FALSE);
        vips_cache_set_max(0); // nothing of one image kept for the next
        vips_concurrency_set(1); // one worker thread's work, not the machine's
        ready = true;
    });
    return ready;
}

// libvips' error text is one buffer for the whole process, which two worker threads share,
// and it may name the blob's path (its content hash): it goes to the log, never to a client.
void logVipsError(const QString& fileId)
{
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    const QString e = QString::fromUtf8(vips_error_buffer()).trimmed();
    vips_error_clear();
    qCInfo(lcThumbnails).noquote() << "file" << fileId << "not decoded:" << e.section(u'\n', 0, 0);
}

struct Unref
{
    void operator()(VipsImage* image) const
    {
        if (image)
            g_object_unref(image);
    }
};
using ImagePtr = std::unique_ptr<VipsImage, Unref>;

} // namespace

bool Thumbnails::isImageType(const QString& type)
{
    return type == QLatin1StringView("image/png") || type == QLatin1StringView("image/jpeg")
        || type == QLatin1StringView("image/gif") || type == QLatin1StringView("image/webp");
}

Result<QString> Thumbnails::thumbnail(const QString& source, const QString& fileId, int size)
{
    const QString base = QStringLiteral("%1/%2-%3").arg(m_folder, fileId).arg(size);
    const QString target = base + QStringLiteral(".jpg");
    if (QFileInfo::exists(target))
        return target;
    // A failure is remembered: the same image is not decoded again to fail again.
    const QString failedMarker = base + QStringLiteral(".failed");
    {
        QFile marker(failedMarker);
        if (marker.open(QIODevice::ReadOnly)) {
            const QByteArray text = marker.read(4096);
            const bool tooLarge = text.startsWith("too_large\n");
            return makeError(tooLarge ? ErrorCode::TooLarge : ErrorCode::BadRequest,
                             QString::fromUtf8(text.mid(text.indexOf('\n') + 1)));
        }
    }
    if (!initVips())
        return makeError(ErrorCode::Unavailable, QStringLiteral("thumbnails cannot be made now"));
    if (!QDir().mkpath(m_folder))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot make %1").arg(m_folder));
    const auto failed = [&](ErrorCode code, const QString& message) -> Result<QString> {
        QSaveFile marker(failedMarker);
        if (marker.open(QIODevice::WriteOnly)) {
            marker.write((code == ErrorCode::TooLarge ? "too_large\n" : "bad_request\n")
                         + message.toUtf8());
            marker.commit();
        }
        return makeError(code, message);
    };
    const auto undecodable = [&]() {
        logVipsError(fileId);
        return failed(ErrorCode::BadRequest,
                      QStringLiteral("the image cannot be decoded (damaged, cut short or not "
                                     "what its header says)"));
    };
    const QByteArray path = QFile::encodeName(source);
    // The header alone first: its size decides whether anything is decoded.
    ImagePtr header(
        vips_image_new_from_file(path.constData(), "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr));
    if (!header)
        return undecodable();
    const qint64 pixels
        = qint64(vips_image_get_width(header.get())) * qint64(vips_image_get_height(header.get()));
    if (pixels > m_maxPixels)
        return failed(ErrorCode::TooLarge,
                      QStringLiteral("the image has %1 x %2 pixels, more than the %3 a "
                                     "thumbnail is made of")
                          .arg(vips_image_get_width(header.get()))
                          .arg(vips_image_get_height(header.get()))
                          .arg(m_maxPixels));
    header.reset();

    VipsImage* raw = nullptr;
    if (vips_thumbnail(path.constData(), &raw, size, "height", size, "size", VIPS_SIZE_DOWN,
                       "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr)
        != 0)
        return undecodable();
    ImagePtr image(raw);
    if (vips_image_hasalpha(image.get())) {
        VipsImage* flat = nullptr;
        VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        const int flattened = vips_flatten(image.get(), &flat, "background", white, nullptr);
        vips_area_unref(VIPS_AREA(white));
        if (flattened != 0)
            return undecodable();
        image.reset(flat);
    }
    // The decoding happens here, as the pixels are written: a truncated image fails now.
    void* bytes = nullptr;
    size_t length = 0;
    if (vips_jpegsave_buffer(image.get(), &bytes, &length, "Q", 80, "strip", TRUE, nullptr) != 0)
        return undecodable();
    const QByteArray jpeg(static_cast<const char*>(bytes), qsizetype(length));
    g_free(bytes);
    // Written under a unique temporary name: a half-written thumbnail is never served.
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(jpeg) != jpeg.size() || !out.commit())
        return makeError(ErrorCode::Internal, QStringLiteral("cannot store the thumbnail"));
    return target;
}

} // namespace plein::server
