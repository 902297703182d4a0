#pragma once

#include "outbox/outboxentry.h"
#include "outbox/writekind.h"
#include "protocol/result.h"
#include "uploadrow.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace plein::client {

class Cache;
class FileClient;
class Outbox;
class UploadJob;

// Files attached to posts, replies and chat messages, uploaded through the outbox: each file
// is a write of its own (kind file.upload, sent over the HTTP side by FileClient) in the lane
// of the write that carries it and before it, so that write goes only once its files are on
// the server, with their ids in place of "@<clientId>" in its `attachments`, exactly once.
// An upload goes on from the server's offset after a dropped connection or a restart. A file
// refused (too large, the quota, vanished or changed on disk) is refused with the write that
// carries it; retrying or discarding that write retries or drops its files too.
class Uploads : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView Kind {"file.upload"};
    // The server's default `max_file_bytes`; the server's own limit is the one that counts.
    static constexpr qint64 defaultMaxFileBytes = 100LL * 1024 * 1024;

    Uploads(FileClient& client, Cache& cache, Outbox& outbox, QObject* parent = nullptr);
    ~Uploads() override;

    // The kind of write the outbox registers (capabilities.cpp).
    WriteKind kind();

    // Why these local files cannot be attached (not there, not a file, unreadable, empty,
    // over the size limit, too many), for the person; nullopt when they can.
    std::optional<QString> check(const QStringList& paths) const;
    void setMaxFileBytes(qint64 bytes) { m_maxFileBytes = bytes; }

    // Where the app keeps the files it made itself to be sent (an image pasted from the
    // clipboard, saved as a PNG): each is removed once its upload has settled (its post or
    // message delivered, or discarded). What lies there for over 30 days that no upload of
    // this account's will read (pasted, then taken off again) is removed when it is set.
    static QString defaultPastedFolder();
    void setPastedFolder(const QString& folder);
    QString pastedFolder() const { return m_pastedFolder; }
    qint64 maxFileBytes() const { return m_maxFileBytes; }

    // Queues `carrier` with an upload of each of `paths` before it in its lane, its
    // `attachments` naming them; all stored at once or nothing. Returns the carrier's
    // clientId, or the reason it was not queued (check()'s, or the cache's).
    Result<QString> add(OutboxDraft carrier, const QStringList& paths);
    // The same for one file whose id goes into the carrier's `field` (a profile's
    // `photoFileId`), which carries the upload as attachmentfield::uploadOf() reads it.
    Result<QString> addAs(OutboxDraft carrier, const QString& path, const QString& field);

    // The files attached to a write in the outbox (a pending post, reply or message), in
    // their order, with where each stands; empty for a write without any or one delivered.
    QList<UploadRow> attachmentsOf(const QString& carrierClientId) const;

Q_SIGNALS:
    // Bytes of the upload on the server now (after each chunk, and when it learns the
    // server's offset on resuming); `carrierClientId` is the write it is attached to.
    void progress(const QString& uploadClientId, const QString& carrierClientId, qint64 sent,
                  qint64 total);
    // A chunk the server took: where it began and its length.
    void chunkSent(const QString& uploadClientId, qint64 offset, qint64 bytes);

private:
    Result<QString> queue(OutboxDraft carrier, const QStringList& paths,
                          const std::function<void(QJsonObject&, const QStringList&)>& place);
    void send(const OutboxEntry& entry, std::function<void(const SendOutcome&)> done);
    void forgetSettled();

    FileClient& m_client;
    Cache& m_cache;
    Outbox& m_outbox;
    qint64 m_maxFileBytes = defaultMaxFileBytes;
    QString m_pastedFolder;
    // The uploads running now, by clientId: a resend after a reconnect joins the running one.
    QHash<QString, QPointer<UploadJob>> m_jobs;
};

} // namespace plein::client
