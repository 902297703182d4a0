#pragma once

#include "outbox/writekind.h"
#include "uploadrow.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QNetworkReply;

namespace plein::client {

class Cache;
class FileClient;
struct HttpFailure;

// One upload going to the HTTP side, for the outbox entry `clientId`: begins it (POST /files)
// or asks where it stands (GET /files/uploads/<id>: its offset, or its file when finished),
// then sends chunks of the server's chunkBytes read from disk one at a time, keeping the offset
// in the uploads table after each, until the chunk that finishes the file. A 409 re-syncs to
// the offset the server names; a 404 (the upload expired or was cleaned up) begins a new one.
// A local file that vanished or changed is refused. Ends once with `done`, then deletes itself.
class UploadJob : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SendOutcome&)>;

    UploadJob(FileClient& client, Cache& cache, const QString& clientId, QObject* parent);
    ~UploadJob() override;

    // Who hears the end: the outbox sent the entry again (after a reconnect) while this still
    // runs, and the newest caller counts.
    void setDone(Done done) { m_done = std::move(done); }
    void start();
    // Stops at once (discarded with its post): the request on its way is cut off and the
    // outbox hears "not found" (from the event loop).
    void cancel();
    // Whether it has not ended yet (it deletes itself later).
    bool isRunning() const { return !m_ended && !m_cancelled; }
    QString clientId() const { return m_clientId; }

Q_SIGNALS:
    void progress(const QString& clientId, qint64 sent, qint64 total);
    void chunkSent(const QString& clientId, qint64 offset, qint64 bytes);

private:
    void begin();
    void askState();
    void sendChunk();
    // The JSON of a reply that succeeded; a failure goes to fail().
    std::optional<QJsonObject> answerOf(QNetworkReply* reply);
    void onBegun(QNetworkReply* reply);
    void onState(QNetworkReply* reply);
    void onChunk(QNetworkReply* reply, qint64 offset, qint64 length);
    // Where the upload stands on the server now, from an answer or a 409.
    void standsAt(qint64 offset);
    void finished(const QJsonObject& upload);
    // The local file as attached, or why it cannot be sent.
    std::optional<QString> localProblem() const;
    // Refuses a local file that vanished or changed; whether it did.
    bool refusedLocally();
    void refuse(const QString& code, const QString& message);
    void fail(const HttpFailure& failure);
    void end(const SendOutcome& outcome);
    bool store(const std::function<bool()>& work);
    QNetworkReply* track(QNetworkReply* reply);

    FileClient& m_client;
    Cache& m_cache;
    QString m_clientId;
    UploadRow m_row;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    qint64 m_chunkBytes = 0;
    int m_restarts = 0; // new uploads after a 404, at most one per run
    int m_resyncs = 0; // 409s in a row without progress
    bool m_ended = false;
    bool m_cancelled = false; // nothing more is sent; the end is on its way
};

} // namespace plein::client
