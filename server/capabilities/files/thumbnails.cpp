#include "capabilities/files/thumbnails.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <mutex>
// GLib names a member `signals`, which Qt defines as a macro.
#pragma push_macro("signals")
#undef signals
#include <vips/vips.h>
#pragma pop_macro("signals")

namespace plein::server {

using protocol::ErrorCode;

namespace {

void initVips()
{
    static std::once_flag once;
    std::call_once(once, []() {
        if (VIPS_INIT("plein-server") != 0)
            return;
        vips_block_untrusted_set(TRUE); // only the loaders fit for untrusted input
        vips_cache_set_max(0); // nothing of one image kept for the next
        vips_concurrency_set(1); // the HTTP thread's work, not the machine's
    });
}

QString vipsError()
{
    const QString e = QString::fromUtf8(vips_error_buffer()).trimmed();
    vips_error_clear();
    return e.section(QLatin1Char('\n'), 0, 0);
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

Result<QString> Thumbnails::thumbnail(const QString& source, const QString& sha256, int size)
{
    const QString target = QStringLiteral("%1/%2-%3.jpg").arg(m_folder, sha256).arg(size);
    if (QFileInfo::exists(target))
        return target;
    initVips();
    const QByteArray path = QFile::encodeName(source);
    // The header alone first: its size decides whether anything is decoded.
    ImagePtr header(
        vips_image_new_from_file(path.constData(), "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr));
    if (!header)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("the image cannot be decoded: %1").arg(vipsError()));
    const qint64 pixels
        = qint64(vips_image_get_width(header.get())) * qint64(vips_image_get_height(header.get()));
    if (pixels > m_maxPixels)
        return makeError(ErrorCode::TooLarge,
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
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("the image cannot be decoded: %1").arg(vipsError()));
    ImagePtr image(raw);
    if (vips_image_hasalpha(image.get())) {
        VipsImage* flat = nullptr;
        VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        const int failed = vips_flatten(image.get(), &flat, "background", white, nullptr);
        vips_area_unref(VIPS_AREA(white));
        if (failed != 0)
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("the image cannot be decoded: %1").arg(vipsError()));
        image.reset(flat);
    }
    if (!QDir().mkpath(m_folder))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot make %1").arg(m_folder));
    // Written under a temporary name: a half-written thumbnail is never served.
    const QString temporary = target + QStringLiteral(".tmp");
    // The decoding happens here, as the pixels are written: a truncated image fails now.
    if (vips_jpegsave(image.get(), QFile::encodeName(temporary).constData(), "Q", 80, "strip", TRUE,
                      nullptr)
        != 0) {
        QFile::remove(temporary);
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("the image cannot be decoded: %1").arg(vipsError()));
    }
    if (!QFile::rename(temporary, target) && !QFileInfo::exists(target)) {
        QFile::remove(temporary);
        return makeError(ErrorCode::Internal, QStringLiteral("cannot store the thumbnail"));
    }
    return target;
}

} // namespace plein::server
