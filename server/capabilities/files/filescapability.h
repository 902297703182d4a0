#pragma once

#include "capabilities/files/fileblobs.h"
#include "capabilities/files/fileowners.h"
#include "capabilities/files/fileservice.h"
#include "capabilities/files/filestore.h"
#include "capabilities/files/thumbnails.h"
#include "core/capability.h"

#include <QTimer>

namespace plein::server {

struct ServerCore;

// Files: resumable uploads and downloads on the HTTP side, content stored once, quotas, and
// attachments. Created before the capabilities whose objects carry files: they register an
// owner kind in owners() and attach through service().
class FilesCapability : public Capability
{
public:
    explicit FilesCapability(ServerCore& core);

    QLatin1StringView name() const override { return QLatin1StringView("files"); }
    void registerHandlers(HandlerRegistry& registry) override { Q_UNUSED(registry); }
    void registerHttpRoutes(HttpRoutes& routes) override;

    FileOwners& owners() { return m_owners; }
    FileService& service() { return m_service; }
    FileStore& store() { return m_store; }

private:
    FileStore m_store;
    FileBlobs m_blobs;
    FileOwners m_owners;
    FileService m_service;
    Thumbnails m_thumbnails;
    QTimer m_cleanUp; // on the HTTP thread
};

} // namespace plein::server
