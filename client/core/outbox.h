#pragma once

#include "outboxentry.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace plein::client {

class Cache;
class Connection;
class Session;
class SyncEngine;

// Writes made by the user. Each is stored on disk with its clientId before anything shows it
// as pending, then sent one at a time, in order, whenever the connection is online. The server
// answers a clientId it has seen with the original result, so resending after a lost reply
// delivers the write exactly once. A write the server refuses stays, with the server's reason,
// until the user retries, edits or discards it; the writes after it go on.
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(Session& session, Connection& connection, Cache& cache, SyncEngine& sync,
           QObject* parent = nullptr);

    // Each returns the new entry's clientId, or an empty string when it could not be stored.
    QString createPost(const QString& body, qint64 parentId = 0);
    QString editPost(qint64 postId, const QString& body);
    QString deletePost(qint64 postId);
    QString likePost(qint64 postId, bool liked);

    bool retry(const QString& clientId);
    bool discard(const QString& clientId);
    // Changes the text of a waiting or refused post and queues it again.
    bool editPending(const QString& clientId, const QString& body);

    int count() const { return m_count; }
    bool isSending() const { return !m_inFlight.isEmpty(); }
    static QString newClientId();

Q_SIGNALS:
    void countChanged(int count);
    void delivered(const QString& clientId, const QJsonObject& result);
    void refused(const QString& clientId, const QString& code, const QString& message);

private:
    QString add(const QString& kind, QJsonObject payload);
    void sendNext();
    void updateCount();

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    SyncEngine& m_sync;
    void scheduleRetry();
    bool mayHaveReachedServer(const QString& clientId) const;

    QString m_inFlight;
    int m_transientFailures = 0;
    int m_count = 0;
    QTimer m_retry;
};

} // namespace plein::client
