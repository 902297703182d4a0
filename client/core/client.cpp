#include "client.h"

#include "feed/feed.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"
#include "sync/snapshot.h"
#include "sync/syncengine.h"

#include <QStandardPaths>

namespace plein::client {

Client::Client(QObject* parent)
    : QObject(parent)
    , m_cache(new Cache(this))
    , m_session(new Session(this))
    , m_connection(new Connection(*m_session, this))
{ }

Client::~Client()
{
    // The engine and the outbox answer the session's last callbacks; stop it first.
    m_connection->stop();
}

QString Client::defaultProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

std::optional<QString> Client::open(const QUrl& server, const QString& username,
                                    const QString& profileDir)
{
    if (m_sync)
        return tr("this client is open already");
    if (auto err = m_cache->open(Cache::fileFor(profileDir, server, username)))
        return err;
    m_connection->setServer(server);
    m_sync = new SyncEngine(*m_session, *m_connection, *m_cache, this);
    m_outbox = new Outbox(*m_session, *m_connection, *m_cache, this);
    installCapabilities();
    // Events kept by an older build that this one knows how to apply.
    if (!m_sync->applyKeptEvents())
        qWarning("plein: cannot apply the kept events: %s", qPrintable(m_cache->lastError()));
    // Pages of groups looked into last time were not kept up to date since.
    m_feed->forgetGroupsNotMine();
    return std::nullopt;
}

} // namespace plein::client
