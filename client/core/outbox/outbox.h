#pragma once

#include "outboxentry.h"
#include "protocol/result.h"
#include "writekind.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Connection;
class Session;

// Writes made by the user, whatever their capability. Each is stored on disk with its
// clientId before anything shows it as pending, then sent whenever the connection is online:
// in order within its lane, one at a time per lane, while the other lanes go on (a slow or
// failing write holds up only its own lane). The server answers a clientId it has seen with
// the original result, so resending after a lost reply delivers the write exactly once. A
// write the server refuses stays, with the server's reason and the user's text, until the user
// retries, edits or discards it; the writes after it go on.
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(Session& session, Connection& connection, Cache& cache, QObject* parent = nullptr);

    // Capabilities register each kind of write they queue (see capabilities.cpp).
    void registerKind(const WriteKind& kind);

    // Stores the write and sends it when its turn comes. Returns its clientId, or an empty
    // string when it could not be stored.
    QString add(const OutboxDraft& draft);
    // Stores several writes at once, in this order, together with what `alsoStore` writes in
    // the same transaction (a capability's own rows about them): all or nothing. Returns
    // their clientIds, or an empty list when they could not be stored.
    QStringList add(const QList<OutboxDraft>& drafts,
                    const std::function<bool(const QStringList& clientIds)>& alsoStore = {});

    // The feed's writes (FeedActions has the same; these stay for existing callers).
    QString createPost(const QString& body, qint64 parentId = 0, qint64 groupId = 0);
    QString editPost(qint64 postId, const QString& body);
    QString deletePost(qint64 postId);
    QString likePost(qint64 postId, bool liked);

    bool retry(const QString& clientId);
    // Drops a write that never left or that the server refused, with the writes waiting for it.
    bool discard(const QString& clientId);
    // Changes the text of a write. One that is waiting or refused is changed and queued
    // again; one that may have reached the server already gets a follow-up edit instead, so
    // the typed text is never lost.
    bool editPending(const QString& clientId, const QString& text);

    // Every write not confirmed yet, the refused ones included; a write that another carries
    // (an upload of a post's file) counts as part of that one.
    int count() const { return m_count; }
    // The refused ones among them, which wait for the user rather than for the network.
    int failedCount() const { return m_failed; }
    bool isSending() const;
    // Whether this write is on its way now (sent, no answer yet).
    bool isInFlight(const QString& clientId) const;
    static QString newClientId();
    // Errors that say "not now" rather than "not this": the write waits and goes again.
    static bool isTransient(protocol::ErrorCode code);

Q_SIGNALS:
    // count() or failedCount() changed.
    void countChanged(int count);
    void delivered(const QString& clientId, const QJsonObject& result);
    void refused(const QString& clientId, const QString& code, const QString& message);

private:
    struct Lane
    {
        QString inFlight;
        int failures = 0;
        QDeadlineTimer notBefore; // backing off after a transient failure
    };

    void sendNext();
    void send(const OutboxEntry& entry);
    void onAnswer(const OutboxEntry& entry, const SendOutcome& outcome);
    // The writes that carry the result of `clientId` (WriteKind::carries).
    QList<OutboxEntry> carriersOf(const QString& clientId) const;
    QStringList carriedBy(const OutboxEntry& entry) const;
    bool storeConfirmed(const OutboxEntry& entry, const QJsonObject& result);
    void backOff(const QString& lane, int atLeastMs = -1);
    void updateCount();
    bool mayHaveReachedServer(const OutboxEntry& entry) const;
    // Queues `creator` again (one that never reached the server) with the text of the edits
    // waiting for it, and `text` when given; the edits go.
    bool foldFollowUps(OutboxEntry& creator, const std::optional<QString>& text);

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    QHash<QString, WriteKind> m_kinds;
    QHash<QString, Lane> m_lanes;
    // Answers from an older connection must not touch the lanes of a newer one.
    quint64 m_generation = 0;
    int m_count = 0;
    int m_failed = 0;
    QTimer m_retry;
};

} // namespace plein::client
