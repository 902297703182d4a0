#pragma once

#include "search/searchsource.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

namespace plein::client {

class Blogs;
class YamJams;
class Cache;
class Chat;
class Connection;
class Drafts;
class Feed;
class FileCache;
class FileClient;
class Uploads;
class Groups;
class NotificationStore;
class Outbox;
class PeopleModel;
class Presence;
class Profiles;
class Session;
class Snapshot;
class SyncEngine;

// Everything one account on one server needs, wired together: the cache, the session and its
// connection, the sync engine, the outbox, and the capabilities (capabilities.cpp lists them).
// The desktop app holds one; tests hold several.
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
    // What open() made that was not there before: the cache file, then the folders created
    // for it (deepest first); empty for an account that had a cache already. A first login
    // that fails hands them to removeCreated() once this client is gone, so that a mistyped
    // server or name leaves nothing behind.
    QStringList createdPaths() const { return m_createdPaths; }
    // The account's username as given to open(), known offline too.
    QString username() const { return m_username; }
    static void removeCreated(const QStringList& paths);

    Cache& cache() { return *m_cache; }
    Session& session() { return *m_session; }
    Connection& connection() { return *m_connection; }
    SyncEngine& sync() { return *m_sync; }
    Outbox& outbox() { return *m_outbox; }
    Feed& feed() { return *m_feed; }
    Groups& groups() { return *m_groups; }
    Chat& chat() { return *m_chat; }
    // Articles and comments; what the user writes goes through drafts().
    Blogs& blogs() { return *m_blogs; }
    YamJams& yamjams() { return *m_yamjams; }
    Drafts& drafts() { return *m_drafts; }
    Presence& presence() { return *m_presence; }
    // The HTTP side (files): base URL and token from the connection, one network manager.
    FileClient& fileClient() { return *m_fileClient; }
    // Downloads of attachments and their thumbnails, kept on disk within a bound.
    FileCache& files() { return *m_files; }
    // Files attached to posts, replies and messages while they upload (progress, state).
    Uploads& uploads() { return *m_uploads; }
    // Profiles and the people directory's cache: reads and profile changes.
    Profiles& profiles() { return *m_profiles; }
    // The people the cache knows of, for @mention completion (read when first asked for).
    PeopleModel& people() { return *m_people; }
    // The notification centre's entries, kept in the cache (a view on it, cheap to make).
    NotificationStore notifications();
    // What the local search looks through: each capability registers its kinds
    // (capabilities.cpp), read by SearchModel.
    const SearchSources& searchSources() const { return m_searchSources; }

private:
    // Creates the capabilities and registers their appliers, snapshots, kinds of write and
    // features with the core (capabilities.cpp).
    void installCapabilities();

    Cache* m_cache = nullptr;
    Session* m_session = nullptr;
    Connection* m_connection = nullptr;
    SyncEngine* m_sync = nullptr;
    Outbox* m_outbox = nullptr;
    Feed* m_feed = nullptr;
    Groups* m_groups = nullptr;
    Chat* m_chat = nullptr;
    Blogs* m_blogs = nullptr;
    YamJams* m_yamjams = nullptr;
    Drafts* m_drafts = nullptr;
    Presence* m_presence = nullptr;
    FileClient* m_fileClient = nullptr;
    FileCache* m_files = nullptr;
    Uploads* m_uploads = nullptr;
    Profiles* m_profiles = nullptr;
    PeopleModel* m_people = nullptr;
    SearchSources m_searchSources;
    std::vector<std::unique_ptr<Snapshot>> m_snapshots;
    QStringList m_createdPaths;
    QString m_username;
};

} // namespace plein::client
