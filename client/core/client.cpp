#include "client.h"

#include "cache.h"
#include "connection.h"
#include "outbox.h"
#include "session.h"
#include "syncengine.h"

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
    m_outbox = new Outbox(*m_session, *m_connection, *m_cache, *m_sync, this);
    return std::nullopt;
}

} // namespace plein::client
