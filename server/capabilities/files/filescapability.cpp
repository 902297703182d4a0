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
    // The HTTP side owns the files folder: it is made ready, and what a crash left behind
    // removed, before the first request.
    if (auto e = m_blobs.prepare())
        qWarning("%s", qPrintable(*e));
    m_service.cleanUp();
    registerFileRoutes(routes, m_service, m_thumbnails);
}

} // namespace plein::server
