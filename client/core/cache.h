#pragma once

#include "outboxentry.h"
#include "postrow.h"
#include "sql/preparedstatements.h"
#include "sqlitestatement.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QUrl>

#include <functional>
#include <optional>

namespace plein::client {

// The local SQLite copy of one account on one server: posts, the sync cursor and the outbox.
// Everything the user has seen stays readable offline; writes wait here until delivered.
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
    // everything but the outbox, and an unreadable outbox cannot be saved anyway.
    std::optional<QString> open(const QString& filePath);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString filePath() const { return m_filePath; }
    QString movedAsideTo() const { return m_movedAsideTo; }
    QSqlDatabase database() const { return m_db; }
    QString lastError() const { return m_lastError; }

    // Runs `work` in one transaction: committed when it returns true, rolled back otherwise.
    // Nested calls join the outer transaction. changed() follows every commit.
    bool transaction(const std::function<bool()>& work);

    QString meta(const QString& key) const;
    bool setMeta(const QString& key, const QString& value);
    qint64 cursor() const;
    bool setCursor(qint64 cursor);

    // Posts. `post` is the server's JSON; likedByMe is kept when the JSON does not carry it.
    // `inserted`, when given, tells whether the post was new to the cache.
    bool upsertPost(const QJsonObject& post, bool mentionsMe, bool* inserted = nullptr);
    // The same for a post already read from its JSON; `hasLikedByMe`: whether the JSON said.
    bool upsertPost(const PostRow& post, bool hasLikedByMe, bool mentionsMe,
                    bool* inserted = nullptr);
    bool markDeleted(qint64 postId);
    bool setLikes(qint64 postId, int likes, std::optional<bool> likedByMe);
    bool clearPosts();
    std::optional<PostRow> post(qint64 id) const;
    // Top-level posts, newest first.
    QList<PostRow> feedPage(int limit) const;
    // The next `limit` top-level posts older than `beforeId` (0: from the newest).
    QList<PostRow> feedPageBefore(qint64 beforeId, int limit) const;
    int feedCount() const;
    // Replies of a thread, oldest first.
    QList<PostRow> threadPage(qint64 rootId, int limit) const;
    int threadCount(qint64 rootId) const;
    int postCount() const;

    // Outbox, oldest first.
    bool addOutbox(const OutboxEntry& entry);
    QList<OutboxEntry> outbox() const;
    std::optional<OutboxEntry> nextPending() const;
    std::optional<OutboxEntry> outboxEntry(const QString& clientId) const;
    bool removeOutbox(const QString& clientId);
    bool setOutboxFailed(const QString& clientId, const QString& code, const QString& message);
    bool setOutboxSent(const QString& clientId);
    bool setOutboxPending(const QString& clientId, const QJsonObject& payload);
    int outboxCount() const;
    // Posts and replies written here and not confirmed yet; parentId 0 for top-level posts.
    QList<PostRow> outboxPosts(qint64 parentId) const;
    // Edits, deletes and likes of confirmed posts not confirmed yet, oldest first.
    QList<OutboxEntry> outboxChanges() const;

    // Runs SQLite's quick_check on a worker thread with its own read-only connection. Damage
    // found is reported by damaged() and marked on disk, so that the next open() moves the
    // file aside and starts afresh (reading on with a damaged file is what SQLite allows).
    void checkIntegrity();

Q_SIGNALS:
    void changed();
    void damaged(const QString& detail);

private:
    std::optional<QString> openFile();
    bool fail(const QString& what);

    QString m_connectionName;
    QString m_filePath;
    QString m_movedAsideTo;
    QString m_lastError;
    QSqlDatabase m_db;
    mutable sql::PreparedStatements m_statements;
    SqliteStatement m_insertPost;
    QPointer<QThread> m_integrityCheck;
    int m_depth = 0;
    bool m_failedInside = false;
};

} // namespace plein::client
