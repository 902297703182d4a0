#include "uploadjob.h"

#include "capabilities/files/filesprotocol.h"
#include "fileclient.h"
#include "jsonfields.h"
#include "store/cache.h"
#include "uploadstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

namespace plein::client {

using protocol::ErrorCode;

namespace {

QString uploadPath(const QString& uploadId)
{
    return QStringLiteral("/files/uploads/") + uploadId;
}

qint64 chunkBytesOf(const QJsonObject& o, qint64 current)
{
    const qint64 n = jsonNumber(o, QLatin1StringView("chunkBytes"));
    if (n > 0)
        return std::min(n, protocol::files::maxChunkBytes);
    return current > 0 ? current : protocol::files::maxChunkBytes;
}

} // namespace

UploadJob::UploadJob(FileClient& client, Cache& cache, const QString& clientId, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
    , m_clientId(clientId)
{ }

UploadJob::~UploadJob()
{
    // The app quits or the upload was dropped: the chunk on its way is cut off (the server
    // counts only whole chunks) and its answer is not waited for.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void UploadJob::cancel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_cancelled = true;
    // The outbox hears it from the event loop, never within the change that discarded it.
    QTimer::singleShot(0, this, [this]() {
        end(SendOutcome {
            makeError(ErrorCode::NotFound, tr("the file to upload is no longer known"))});
    });
}

QNetworkReply* UploadJob::track(QNetworkReply* reply)
{
    m_reply = reply;
    return reply;
}

bool UploadJob::store(const std::function<bool()>& work)
{
    return m_cache.transaction(work);
}

void UploadJob::start()
{
    const auto row = UploadStore(m_cache).row(m_clientId);
    if (!row) {
        refuse(QStringLiteral("not_found"), tr("the file to upload is no longer known"));
        return;
    }
    m_row = *row;
    if (!m_row.fileId.isEmpty()) {
        finished(QJsonObject {{QStringLiteral("fileId"), m_row.fileId}});
        return;
    }
    if (refusedLocally())
        return;
    if (!m_client.available()) {
        end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the server is not reachable"))});
        return;
    }
    if (m_row.uploadId.isEmpty())
        begin();
    else
        askState();
}

std::optional<QString> UploadJob::localProblem() const
{
    const QFileInfo info(m_row.path);
    if (!info.exists() || !info.isFile())
        return tr("%1 is no longer there (%2)").arg(m_row.name, m_row.path);
    if (info.size() != m_row.size || info.lastModified().toMSecsSinceEpoch() != m_row.modifiedMs)
        return tr("%1 changed after it was attached; attach it again").arg(m_row.name);
    if (!info.isReadable())
        return tr("%1 cannot be read").arg(m_row.name);
    return std::nullopt;
}

void UploadJob::begin()
{
    QJsonObject body {{QStringLiteral("name"), m_row.name}, {QStringLiteral("size"), m_row.size}};
    if (!m_row.type.isEmpty())
        body.insert(QStringLiteral("type"), m_row.type);
    QNetworkReply* reply = track(m_client.postJson(QStringLiteral("/files"), body));
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onBegun(reply); });
}

std::optional<QJsonObject> UploadJob::answerOf(QNetworkReply* reply)
{
    reply->deleteLater();
    HttpFailure failure;
    const Result<QJsonObject> r = FileClient::jsonOf(reply, &failure);
    if (!r) {
        fail(failure);
        return std::nullopt;
    }
    return r.value();
}

void UploadJob::onBegun(QNetworkReply* reply)
{
    const auto r = answerOf(reply);
    if (!r)
        return;
    const QString uploadId = r->value(QLatin1StringView("uploadId")).toString();
    if (uploadId.isEmpty() || uploadId.contains(u'/') || uploadId.contains(u'?')) {
        end(SendOutcome {makeError(ErrorCode::Internal, tr("the server named no upload"))});
        return;
    }
    m_chunkBytes = chunkBytesOf(*r, m_chunkBytes);
    if (!UploadStore(m_cache).row(m_clientId)) {
        // Discarded with its post while the server began it: given up there at once.
        QNetworkReply* given = m_client.deleteResource(uploadPath(uploadId));
        connect(given, &QNetworkReply::finished, given, &QObject::deleteLater);
        end(SendOutcome {
            makeError(ErrorCode::NotFound, tr("the file to upload is no longer known"))});
        return;
    }
    if (!store([&]() { return UploadStore(m_cache).setUpload(m_clientId, uploadId, 0); })) {
        end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the cache cannot be written"))});
        return;
    }
    m_row.uploadId = uploadId;
    m_row.sent = 0;
    Q_EMIT progress(m_clientId, 0, m_row.size);
    sendChunk();
}

void UploadJob::askState()
{
    QNetworkReply* reply = track(m_client.get(uploadPath(m_row.uploadId)));
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onState(reply); });
}

void UploadJob::onState(QNetworkReply* reply)
{
    const auto r = answerOf(reply);
    if (!r)
        return;
    m_chunkBytes = chunkBytesOf(*r, m_chunkBytes);
    if (!r->value(QLatin1StringView("fileId")).toString().isEmpty()) {
        finished(r.value());
        return;
    }
    standsAt(jsonNumber(r.value(), QLatin1StringView("offset")));
}

void UploadJob::standsAt(qint64 offset)
{
    if (offset < 0 || offset > m_row.size) {
        end(SendOutcome {
            makeError(ErrorCode::Internal, tr("the server's offset is outside the file"))});
        return;
    }
    if (offset != m_row.sent) {
        if (!store([&]() { return UploadStore(m_cache).setSent(m_clientId, offset); })) {
            end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the cache cannot be written"))});
            return;
        }
        m_row.sent = offset;
    }
    Q_EMIT progress(m_clientId, offset, m_row.size);
    sendChunk();
}

void UploadJob::sendChunk()
{
    if (!m_client.available()) {
        end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the server is not reachable"))});
        return;
    }
    if (refusedLocally())
        return;
    // Discarded with its post meanwhile: the rest is not sent.
    if (!UploadStore(m_cache).row(m_clientId)) {
        end(SendOutcome {
            makeError(ErrorCode::NotFound, tr("the file to upload is no longer known"))});
        return;
    }
    const qint64 offset = m_row.sent;
    const qint64 length = std::min(m_chunkBytes, m_row.size - offset);
    QByteArray chunk;
    // An empty PUT at the end finishes a file whose finishing failed before.
    if (length > 0) {
        QFile file(m_row.path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
            refuse(QStringLiteral("file_missing"), tr("%1 cannot be read").arg(m_row.name));
            return;
        }
        chunk = file.read(length);
        if (chunk.size() != length) {
            refuse(QStringLiteral("file_changed"),
                   tr("%1 changed after it was attached; attach it again").arg(m_row.name));
            return;
        }
    }
    QNetworkReply* reply = track(
        m_client.put(uploadPath(m_row.uploadId) + QStringLiteral("?offset=%1").arg(offset), chunk));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, offset, length]() { onChunk(reply, offset, length); });
}

void UploadJob::onChunk(QNetworkReply* reply, qint64 offset, qint64 length)
{
    reply->deleteLater();
    HttpFailure failure;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray serverOffset = reply->rawHeader("Upload-Offset");
    const Result<QJsonObject> r = FileClient::jsonOf(reply, &failure);
    if (!r) {
        if (status == 409 && !serverOffset.isEmpty() && ++m_resyncs <= 3) {
            // Not where the server stands (a chunk whose answer was lost went through, or the
            // upload is finished already): go on from there, or learn its file.
            const qint64 at = serverOffset.toLongLong();
            if (at >= m_row.size)
                askState();
            else
                standsAt(at);
            return;
        }
        fail(failure);
        return;
    }
    m_resyncs = 0;
    Q_EMIT chunkSent(m_clientId, offset, length);
    if (!r->value(QLatin1StringView("fileId")).toString().isEmpty()) {
        finished(r.value());
        return;
    }
    standsAt(jsonNumber(r.value(), QLatin1StringView("offset")));
}

void UploadJob::finished(const QJsonObject& upload)
{
    const QString fileId = upload.value(QLatin1StringView("fileId")).toString();
    if (!store([&]() { return UploadStore(m_cache).setDone(m_clientId, fileId); })) {
        end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the cache cannot be written"))});
        return;
    }
    m_row.fileId = fileId;
    m_row.sent = m_row.size;
    Q_EMIT progress(m_clientId, m_row.size, m_row.size);
    QJsonObject result {{QStringLiteral("fileId"), fileId}};
    if (upload.contains(QLatin1StringView("file")))
        result.insert(QStringLiteral("file"), upload.value(QLatin1StringView("file")));
    end(SendOutcome {result});
}

bool UploadJob::refusedLocally()
{
    const auto problem = localProblem();
    if (problem)
        refuse(QFileInfo::exists(m_row.path) ? QStringLiteral("file_changed")
                                             : QStringLiteral("file_missing"),
               *problem);
    return problem.has_value();
}

void UploadJob::refuse(const QString& code, const QString& message)
{
    store([&]() {
        return UploadStore(m_cache).setState(m_clientId, UploadRow::State::Refused, message);
    });
    end(SendOutcome {makeError(ErrorCode::BadRequest, message), code});
}

void UploadJob::fail(const HttpFailure& failure)
{
    if (failure.status == 404 && !m_row.uploadId.isEmpty() && m_restarts++ == 0) {
        // Expired or cleaned up on the server: a new upload, from the start.
        if (!store([&]() { return UploadStore(m_cache).setUpload(m_clientId, QString(), 0); })) {
            end(SendOutcome {makeError(ErrorCode::Unavailable, tr("the cache cannot be written"))});
            return;
        }
        m_row.uploadId.clear();
        m_row.sent = 0;
        begin();
        return;
    }
    if (!failure.transient)
        store([&]() {
            return UploadStore(m_cache).setState(m_clientId, UploadRow::State::Refused,
                                                 failure.error.message);
        });
    // A file over the server's limit is not a text too long: its post says which it was.
    const QString code = failure.code == QLatin1StringView("too_large")
        ? QStringLiteral("file_too_large")
        : failure.code;
    SendOutcome outcome {failure.error, code, failure.retryAfterMs};
    // The outbox retries what is "not now" and shows the rest to the person.
    if (failure.transient && failure.error.code != ErrorCode::Unavailable
        && failure.error.code != ErrorCode::RateLimited && failure.error.code != ErrorCode::Internal
        && failure.error.code != ErrorCode::Unauthorized)
        outcome.result = makeError(ErrorCode::Unavailable, failure.error.message);
    end(outcome);
}

void UploadJob::end(const SendOutcome& outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(outcome);
    deleteLater();
}

} // namespace plein::client
