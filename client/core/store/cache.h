#pragma once

#include "cachechanges.h"
#include "sql/preparedstatements.h"
#include "sqlitestatement.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace plein::client {

// The local SQLite database of one account on one server. It opens, upgrades (the numbered
// migrations in ../migrations), salvages and checks the file, runs transactions and says what
// each one changed; what lives in it belongs to the capabilities, whose stores (PostStore,
// GroupStore, OutboxStore, ...) read and write their own tables through it.
class Cache : public QObject
{
    Q_OBJECT

public:
    explicit Cache(QObject* parent = nullptr);
    ~Cache() override;

    // Where the cache of `username` on `server` lives below `baseDir`.
    static QString fileFor(const QString& baseDir, const QUrl& server, const QString& username);

    // Opens or creates the cache and upgrades it. A file that is not a healthy database is
    // moved aside (movedAsideTo() says where) and a fresh cache is started: the server has
    // everything but the outbox, whose rows are carried over as far as they can be read.
    std::optional<QString> open(const QString& filePath);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString filePath() const { return m_filePath; }
    QString movedAsideTo() const { return m_movedAsideTo; }
    QSqlDatabase database() const { return m_db; }
    // Statements prepared once for the life of the connection, shared by the stores.
    sql::PreparedStatements& statements() const { return m_statements; }
    // The same, bound through SQLite's own API, for the hottest writes (see SqliteStatement).
    // nullptr when it cannot be prepared; lastError() says why.
    SqliteStatement* sqliteStatement(const char* sql);
    QString lastError() const { return m_lastError; }

    // Runs `work` in one transaction: committed when it returns true, rolled back otherwise.
    // Nested calls join the outer transaction; a nested one that fails rolls the whole back.
    // changed() follows a commit that changed rows.
    bool transaction(const std::function<bool()>& work);
    bool inTransaction() const { return m_depth > 0; }
    // Records a failure (for lastError()); inside a transaction it also rolls it back.
    // Returns false, so that stores can `return m_cache.fail(...)`.
    bool fail(const QString& what);
    // Stores say what they changed; the transaction reports it when it commits (at once when
    // there is no transaction), and forgets it when it rolls back.
    void noteChange(QLatin1StringView area, qint64 id = CacheChanges::allRows);
    // Runs `work` once the current transaction has committed (at once without one); dropped
    // when it rolls back. For what must not happen for rows that may yet vanish: signals to
    // the UI, requests to the server.
    void afterCommit(std::function<void()> work);
    // Runs `work` when the current transaction rolls back (never without one): for state kept
    // in memory about what the transaction did, which must not outlive it.
    void afterRollback(std::function<void()> work);
    // Runs `work` in a savepoint of the current transaction (or a transaction of its own): when
    // it fails, only what it did is undone and the transaction goes on. Returns whether it held.
    bool savepoint(const std::function<bool()>& work);

    QString meta(const QString& key) const;
    bool setMeta(const QString& key, const QString& value);
    // The last event sequence number applied (see SyncEngine).
    qint64 cursor() const;
    bool setCursor(qint64 cursor);

    // Runs SQLite's quick_check on a worker thread with its own read-only connection. Damage
    // found is reported by damaged() and marked on disk, so that the next open() moves the
    // file aside and starts afresh (reading on with a damaged file is what SQLite allows).
    void checkIntegrity();

Q_SIGNALS:
    void changed(const plein::client::CacheChanges& changes);
    void damaged(const QString& detail);

private:
    std::optional<QString> openFile();

    QString m_connectionName;
    QString m_filePath;
    QString m_movedAsideTo;
    QString m_lastError;
    QSqlDatabase m_db;
    mutable sql::PreparedStatements m_statements;
    std::map<const char*, std::unique_ptr<SqliteStatement>> m_sqliteStatements;
    QPointer<QThread> m_integrityCheck;
    CacheChanges m_pending;
    QList<std::function<void()>> m_afterCommit;
    QList<std::function<void()>> m_afterRollback;
    int m_depth = 0;
    bool m_failedInside = false;
};

} // namespace plein::client
