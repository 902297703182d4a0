#include "uploads.h"

#include "attachmentfield.h"
#include "capabilities/files/filesprotocol.h"
#include "fileclient.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "store/cachechanges.h"
#include "uploadjob.h"
#include "uploadstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimer>

namespace plein::client {

Uploads::Uploads(FileClient& client, Cache& cache, Outbox& outbox, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
    , m_outbox(outbox)
{
    // Rows go once the write that carries them has left the outbox, delivered or discarded,
    // or when they were discarded themselves.
    connect(&m_cache, &Cache::changed, this, [this](const CacheChanges& changes) {
        if (changes.touches(OutboxStore::area))
            forgetSettled();
    });
    setPastedFolder(defaultPastedFolder());
    forgetSettled();
}

QString Uploads::defaultPastedFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("pasted"));
}

void Uploads::setPastedFolder(const QString& folder)
{
    m_pastedFolder = QDir::cleanPath(folder);
    const QDir dir(m_pastedFolder);
    if (m_pastedFolder.isEmpty() || !dir.exists())
        return;
    const auto inUse = UploadStore(m_cache).pathsInUse();
    if (!inUse)
        return; // not knowing what is still needed, nothing goes
    const QDateTime monthAgo = QDateTime::currentDateTimeUtc().addDays(-30);
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot)) {
        if (f.lastModified() < monthAgo && !inUse->contains(f.filePath()))
            QFile::remove(f.filePath());
    }
}

Uploads::~Uploads() = default;

WriteKind Uploads::kind()
{
    WriteKind k;
    k.kind = QString(Kind);
    k.send = [this](const OutboxEntry& entry, std::function<void(const SendOutcome&)> done) {
        send(entry, std::move(done));
    };
    k.createdTarget = [](const QJsonObject& result) {
        const QString id = result.value(QLatin1StringView("fileId")).toString();
        return id.isEmpty() ? QString() : QStringLiteral("file:") + id;
    };
    k.textField = QString(); // nothing typed to keep or edit
    return k;
}

std::optional<QString> Uploads::check(const QStringList& paths) const
{
    if (paths.size() > protocol::files::maxAttachments)
        return tr("At most %1 files can be attached").arg(protocol::files::maxAttachments);
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return tr("%1 does not exist").arg(path);
        if (!info.isFile())
            return tr("%1 is not a file").arg(info.fileName());
        if (!info.isReadable())
            return tr("%1 cannot be read").arg(info.fileName());
        if (info.size() == 0)
            return tr("%1 is empty").arg(info.fileName());
        if (info.size() > m_maxFileBytes)
            return tr("%1 is too large: a file may hold at most %2")
                .arg(info.fileName(), QLocale().formattedDataSize(m_maxFileBytes));
    }
    return std::nullopt;
}

Result<QString> Uploads::add(OutboxDraft carrier, const QStringList& paths)
{
    return queue(std::move(carrier), paths,
                 [](QJsonObject& payload, const QStringList& placeholders) {
                     QJsonArray attachments = payload.value(attachmentfield::field).toArray();
                     for (const QString& p : placeholders)
                         attachments.append(p);
                     if (!attachments.isEmpty())
                         payload.insert(attachmentfield::field, attachments);
                 });
}

Result<QString> Uploads::addAs(OutboxDraft carrier, const QString& path, const QString& field)
{
    return queue(std::move(carrier), {path},
                 [field](QJsonObject& payload, const QStringList& placeholders) {
                     payload.insert(field, placeholders.value(0));
                 });
}

Result<QString> Uploads::queue(OutboxDraft carrier, const QStringList& paths,
                               const std::function<void(QJsonObject&, const QStringList&)>& place)
{
    if (const auto problem = check(paths))
        return makeError(protocol::ErrorCode::BadRequest, *problem);
    if (carrier.clientId.isEmpty())
        carrier.clientId = Outbox::newClientId();
    QList<OutboxDraft> drafts;
    QList<UploadRow> rows;
    QStringList placeholders;
    const QMimeDatabase mime;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        UploadRow row;
        row.clientId = Outbox::newClientId();
        row.carrierId = carrier.clientId;
        row.position = int(rows.size());
        row.path = info.absoluteFilePath();
        row.name = info.fileName();
        row.size = info.size();
        row.type = mime.mimeTypeForFile(info).name();
        row.modifiedMs = info.lastModified().toMSecsSinceEpoch();
        rows.append(row);
        drafts.append(OutboxDraft {QString(Kind), carrier.lane, QString(), {}, row.clientId});
        placeholders.append(attachmentfield::placeholder(row.clientId));
    }
    place(carrier.payload, placeholders);
    drafts.append(carrier);
    const QStringList ids = m_outbox.add(drafts, [&](const QStringList&) {
        UploadStore store(m_cache);
        for (const UploadRow& row : rows) {
            if (!store.add(row))
                return false;
        }
        return true;
    });
    if (ids.isEmpty())
        return makeError(protocol::ErrorCode::Internal, tr("the write could not be stored"));
    return ids.last();
}

QList<UploadRow> Uploads::attachmentsOf(const QString& carrierClientId) const
{
    QList<UploadRow> rows = UploadStore(m_cache).attachmentsOf(carrierClientId);
    const OutboxStore outbox(m_cache);
    for (UploadRow& row : rows) {
        // The outbox says whether it is refused now (a retry queues it again at once).
        const auto entry = outbox.entry(row.clientId);
        if (!entry) {
            row.state = UploadRow::State::Done;
        } else if (entry->failed) {
            row.state = UploadRow::State::Refused;
            row.error = entry->errorMessage;
        } else if (row.state == UploadRow::State::Refused) {
            row.state = row.sent > 0 ? UploadRow::State::Uploading : UploadRow::State::Waiting;
            row.error.clear();
        }
    }
    return rows;
}

void Uploads::send(const OutboxEntry& entry, std::function<void(const SendOutcome&)> done)
{
    UploadJob* running = m_jobs.value(entry.clientId);
    if (running && running->isRunning()) {
        running->setDone(std::move(done));
        return;
    }
    auto* job = new UploadJob(m_client, m_cache, entry.clientId, this);
    m_jobs.insert(entry.clientId, job);
    const auto row = UploadStore(m_cache).row(entry.clientId);
    const QString carrier = row ? row->carrierId : QString();
    connect(job, &UploadJob::progress, this,
            [this, carrier](const QString& clientId, qint64 sent, qint64 total) {
                Q_EMIT progress(clientId, carrier, sent, total);
            });
    connect(job, &UploadJob::chunkSent, this, &Uploads::chunkSent);
    job->setDone(std::move(done));
    // Never within the outbox's own call: it hears the end from the event loop.
    QTimer::singleShot(0, job, &UploadJob::start);
}

void Uploads::forgetSettled()
{
    QList<UploadRow> abandoned;
    QStringList paths;
    if (!m_cache.transaction(
            [&]() { return UploadStore(m_cache).removeSettled(&abandoned, &paths); }))
        return;
    // The app's own files (pasted images) have done what they were made for, unless another
    // upload still waiting was given the same one.
    if (!m_pastedFolder.isEmpty() && !paths.isEmpty()) {
        const auto inUse = UploadStore(m_cache).pathsInUse();
        for (const QString& path : std::as_const(paths)) {
            if (inUse && !inUse->contains(path) && QFileInfo(path).absolutePath() == m_pastedFolder)
                QFile::remove(path);
        }
    }
    for (const UploadRow& row : abandoned) {
        // Stopped here (the chunk on its way is cut off), then given up on the server, so it
        // no longer counts against the user's unfinished uploads and quota there. Not
        // reachable now: the server's cleanup removes it after a week, or, once it has been
        // idle for an hour, as soon as a new upload of the user's needs the room.
        if (UploadJob* job = m_jobs.take(row.clientId); job && job->isRunning())
            job->cancel();
        if (!m_client.available())
            continue;
        QNetworkReply* reply
            = m_client.deleteResource(QStringLiteral("/files/uploads/") + row.uploadId);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
}

} // namespace plein::client
