#include "client.h"

#include "feed/feed.h"
#include "files/filecache.h"
#include "notifications/notificationstore.h"
#include "outbox/outbox.h"
#include "people/peoplemodel.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"
#include "sync/snapshot.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QFileInfo>
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

void Client::removeCreated(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (QFileInfo(path).isDir()) {
            // Only if empty: another account may have put its cache there meanwhile.
            QDir().rmdir(path);
            continue;
        }
        // The file and what SQLite keeps beside it, by their exact names: a copy set aside
        // after damage ("….broken-…") or anything else the person keeps there stays.
        for (const char* suffix : {"", "-wal", "-shm", "-journal", ".damaged"})
            QFile::remove(path + QLatin1StringView(suffix));
        // And the files downloaded beside it (FileCache's folder of this cache).
        QDir(FileCache::folderFor(path)).removeRecursively();
    }
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
    const QString file = Cache::fileFor(profileDir, server, username);
    QStringList created;
    if (!QFileInfo::exists(file)) {
        created.append(file);
        for (QDir dir = QFileInfo(file).absoluteDir(); !dir.exists() && !dir.isRoot();
             dir.setPath(QFileInfo(dir.absolutePath()).absolutePath()))
            created.append(dir.absolutePath());
    }
    if (auto err = m_cache->open(file)) {
        removeCreated(created);
        return err;
    }
    m_createdPaths = created;
    m_username = username;
    m_connection->setServer(server);
    m_sync = new SyncEngine(*m_session, *m_connection, *m_cache, this);
    m_outbox = new Outbox(*m_session, *m_connection, *m_cache, this);
    installCapabilities();
    m_people = new PeopleModel(*this, this);
    // Events kept by an older build that this one knows how to apply.
    if (!m_sync->applyKeptEvents())
        qWarning("plein: cannot apply the kept events: %s", qPrintable(m_cache->lastError()));
    // Pages of groups looked into last time were not kept up to date since.
    m_feed->forgetGroupsNotMine();
    return std::nullopt;
}

NotificationStore Client::notifications()
{
    return NotificationStore(*m_cache);
}

} // namespace plein::client
