#pragma once

#include <QObject>
#include <QUrl>

#include <optional>

namespace plein::client {

class Cache;
class Connection;
class Outbox;
class Session;
class SyncEngine;

// Everything one account on one server needs, wired together: the cache, the session and its
// connection, the sync engine and the outbox. The desktop app holds one; tests hold several.
class Client : public QObject
{
    Q_OBJECT

public:
    explicit Client(QObject* parent = nullptr);
    ~Client() override;

    // Where caches live when no profile folder is given.
    static QString defaultProfileDir();

    // Opens the cache of `username` on `server` below `profileDir` and sets up the rest.
    // Nothing goes online until connection().start().
    std::optional<QString> open(const QUrl& server, const QString& username,
                                const QString& profileDir);

    Cache& cache() { return *m_cache; }
    Session& session() { return *m_session; }
    Connection& connection() { return *m_connection; }
    SyncEngine& sync() { return *m_sync; }
    Outbox& outbox() { return *m_outbox; }

private:
    Cache* m_cache = nullptr;
    Session* m_session = nullptr;
    Connection* m_connection = nullptr;
    SyncEngine* m_sync = nullptr;
    Outbox* m_outbox = nullptr;
};

} // namespace plein::client
