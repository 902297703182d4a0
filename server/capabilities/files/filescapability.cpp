#include "capabilities/files/filescapability.h"

#include "capabilities/files/fileshttp.h"
#include "core/servercore.h"

#include <QLoggingCategory>

namespace plein::server {

namespace {

FileLimits limitsFrom(const QVariantHash& settings)
{
    FileLimits l;
    if (settings.contains(QStringLiteral("max_file_bytes")))
        l.maxFileBytes = settings.value(QStringLiteral("max_file_bytes")).toLongLong();
    if (settings.contains(QStringLiteral("default_quota_bytes")))
        l.defaultQuotaBytes = settings.value(QStringLiteral("default_quota_bytes")).toLongLong();
    if (settings.contains(QStringLiteral("max_open_uploads")))
        l.maxOpenUploads = settings.value(QStringLiteral("max_open_uploads")).toInt();
    return l;
}

} // namespace

FilesCapability::FilesCapability(ServerCore& core)
    : m_store(core.db)
    , m_blobs(core.settings.value(QStringLiteral("files_path")).toString())
    , m_service(core.db, m_store, m_blobs, m_owners, limitsFrom(core.settings))
    , m_thumbnails(
          m_blobs.root() + QStringLiteral("/thumbs"),
          core.settings.value(QStringLiteral("thumbnail_max_pixels"), 50000000).toLongLong())
{ }

void FilesCapability::registerHttpRoutes(HttpRoutes& routes)
{
    // The HTTP side owns the files folder: it is made ready before the first request, and
    // what a crash or an abandoned upload left behind is removed in small batches on this
    // thread, a round about every hour (the first batch right after start).
    if (auto e = m_blobs.prepare())
        qWarning("%s", qPrintable(*e));
    m_cleanUp.setInterval(3600 * 1000 / FileService::cleanUpSteps);
    QObject::connect(&m_cleanUp, &QTimer::timeout, [this]() { m_service.cleanUpStep(); });
    m_cleanUp.start();
    QTimer::singleShot(0, &m_cleanUp, [this]() { m_service.cleanUpStep(); });
    registerFileRoutes(routes, m_service, m_thumbnails);
}

} // namespace plein::server
