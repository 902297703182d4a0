#include "capabilities/files/fileshttp.h"

#include "capabilities/files/filenames.h"
#include "capabilities/files/fileservice.h"
#include "capabilities/files/filesprotocol.h"
#include "capabilities/files/thumbnails.h"
#include "http/httproutes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace plein::server {

using protocol::ErrorCode;

namespace {

constexpr qint64 maxStartBytes = 4096;

HttpResponse fromError(const protocol::Error& e)
{
    switch (e.code) {
    case ErrorCode::BadRequest:
        return HttpResponse::error(400, QStringLiteral("bad_request"), e.message);
    case ErrorCode::NotFound:
        return HttpResponse::error(404, QStringLiteral("not_found"), e.message);
    case ErrorCode::Conflict:
        return HttpResponse::error(409, QStringLiteral("conflict"), e.message);
    case ErrorCode::StaleRevision:
        return HttpResponse::error(409, QStringLiteral("stale_revision"), e.message);
    case ErrorCode::Closed:
        return HttpResponse::error(409, QStringLiteral("closed"), e.message);
    case ErrorCode::TooLarge:
        return HttpResponse::error(413, QStringLiteral("too_large"), e.message);
    case ErrorCode::Forbidden: // the files' only refusal of this kind: the quota
        return HttpResponse::error(507, QStringLiteral("quota_exceeded"), e.message);
    case ErrorCode::RateLimited: // too many unfinished uploads
        return HttpResponse::error(429, QStringLiteral("rate_limited"), e.message);
    case ErrorCode::Unavailable: {
        HttpResponse r = HttpResponse::error(503, QStringLiteral("unavailable"), e.message);
        r.set("Retry-After", "1");
        return r;
    }
    default:
        return HttpResponse::error(500, QStringLiteral("internal"), e.message);
    }
}

HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such file"));
}

QJsonObject uploadJson(const Upload& u, FileService& service, const User& user)
{
    QJsonObject o {{QStringLiteral("uploadId"), u.id},
                   {QStringLiteral("offset"), u.received},
                   {QStringLiteral("size"), u.size},
                   {QStringLiteral("chunkBytes"), protocol::files::maxChunkBytes},
                   {QStringLiteral("url"), QStringLiteral("/files/uploads/") + u.id}};
    if (!u.fileId.isEmpty()) {
        if (const auto f = service.visibleFile(user, u.fileId))
            o.insert(QStringLiteral("file"), f->toJson());
        o.insert(QStringLiteral("fileId"), u.fileId);
    }
    return o;
}

HttpResponse uploadResponse(int status, const Upload& u, FileService& service, const User& user)
{
    HttpResponse r = HttpResponse::json(status, uploadJson(u, service, user));
    r.set("Upload-Offset", QByteArray::number(u.received));
    r.set("Upload-Length", QByteArray::number(u.size));
    return r;
}

std::optional<qint64> offsetOf(const HttpRequest& request)
{
    bool ok = false;
    const QString v = request.query(QStringLiteral("offset"));
    const qint64 offset = v.toLongLong(&ok);
    if (!ok || offset < 0 || v.size() > 18)
        return std::nullopt;
    for (QChar c : v) {
        if (!c.isDigit())
            return std::nullopt;
    }
    return offset;
}

HttpResponse start(FileService& service, const HttpRequest& request)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(
            400, QStringLiteral("bad_request"),
            QStringLiteral("the body must be a JSON object {name, size, type}"));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1StringView("name") && it.key() != QLatin1StringView("size")
            && it.key() != QLatin1StringView("type"))
            return HttpResponse::error(400, QStringLiteral("bad_request"),
                                       QStringLiteral("unknown field '%1'").arg(it.key()));
    }
    const QJsonValue name = o.value(QLatin1StringView("name"));
    const QJsonValue size = o.value(QLatin1StringView("size"));
    const QJsonValue type = o.value(QLatin1StringView("type"));
    if (!name.isString() || name.toString().size() > 1024)
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("name: a string of at most 1024 characters"));
    if (!size.isDouble() || size.toDouble() != double(size.toInteger()))
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("size: a whole number of bytes"));
    if (!type.isUndefined() && (!type.isString() || type.toString().size() > 127))
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("type: a string of at most 127 characters"));
    auto u
        = service.createUpload(*request.user, name.toString(), size.toInteger(), type.toString());
    if (!u)
        return fromError(u.error());
    HttpResponse r = uploadResponse(201, u.value(), service, *request.user);
    r.set("Location", "/files/uploads/" + u->id.toLatin1());
    return r;
}

std::optional<HttpResponse> screenChunk(FileService& service, const HttpRequest& request)
{
    const auto u = service.upload(*request.user, request.segments.at(2));
    if (!u)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no such upload"));
    const auto offset = offsetOf(request);
    if (!offset)
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("?offset=N: where this chunk begins"));
    const qint64 length = request.header("content-length").toLongLong();
    if (*offset != u->received || (!u->fileId.isEmpty() && length > 0)) {
        HttpResponse r = HttpResponse::error(
            409, QStringLiteral("conflict"),
            u->fileId.isEmpty() ? QStringLiteral("the upload stands at %1").arg(u->received)
                                : QStringLiteral("the upload is finished"));
        r.set("Upload-Offset", QByteArray::number(u->received));
        return r;
    }
    // The client's own mistake (the size it declared), not a file over the server's limit,
    // which the app would tell the person: 400, as a malformed request.
    if (*offset + length > u->size)
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("the chunk goes past the file's size"));
    return std::nullopt;
}

HttpResponse chunk(FileService& service, const HttpRequest& request)
{
    const auto offset = offsetOf(request);
    auto u
        = service.append(*request.user, request.segments.at(2), offset.value_or(-1), request.body);
    if (!u) {
        HttpResponse r = fromError(u.error());
        if (const auto now = service.upload(*request.user, request.segments.at(2)))
            r.set("Upload-Offset", QByteArray::number(now->received));
        return r;
    }
    return uploadResponse(u->fileId.isEmpty() ? 200 : 201, u.value(), service, *request.user);
}

HttpResponse uploadState(FileService& service, const HttpRequest& request)
{
    const auto u = service.upload(*request.user, request.segments.at(2));
    if (!u)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no such upload"));
    HttpResponse r = uploadResponse(200, *u, service, *request.user);
    r.set("Cache-Control", "no-store");
    return r;
}

HttpResponse cancel(FileService& service, const HttpRequest& request)
{
    const auto r = service.cancelUpload(*request.user, request.segments.at(2));
    if (!r)
        return fromError(r.error());
    HttpResponse done;
    done.status = 204;
    return done;
}

struct Range
{
    qint64 first = 0;
    qint64 length = 0;
};

// A single `bytes=` range; nothing for no (or an ignorable) Range header; length -1 for one
// that cannot be satisfied.
std::optional<Range> parseRange(const QByteArray& header, qint64 size)
{
    if (header.isEmpty())
        return std::nullopt;
    const QByteArray v = header.trimmed();
    if (!v.startsWith("bytes="))
        return std::nullopt; // another unit: ignored, the whole file is sent
    const QByteArray spec = v.mid(6).trimmed();
    if (spec.contains(','))
        return std::nullopt; // several ranges: the whole file (RFC 9110 allows it)
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    const auto number = [](const QByteArray& s, bool* ok) {
        *ok = !s.isEmpty() && s.size() <= 18;
        for (char c : s)
            *ok = *ok && c >= '0' && c <= '9';
        return *ok ? s.toLongLong() : 0;
    };
    bool okA = false;
    bool okB = false;
    if (a.isEmpty()) {
        const qint64 suffix = number(b, &okB);
        if (!okB)
            return std::nullopt;
        if (suffix == 0)
            return Range {0, -1};
        const qint64 n = std::min(suffix, size);
        return Range {size - n, n};
    }
    const qint64 first = number(a, &okA);
    if (!okA)
        return std::nullopt;
    qint64 last = size - 1;
    if (!b.isEmpty()) {
        last = number(b, &okB);
        if (!okB || last < first)
            return std::nullopt;
        last = std::min(last, size - 1);
    }
    if (first >= size)
        return Range {0, -1};
    return Range {first, last - first + 1};
}

HttpResponse download(FileService& service, const HttpRequest& request)
{
    const auto f = service.visibleFile(*request.user, request.segments.at(1));
    if (!f)
        return notFound();
    auto file = std::make_shared<QFile>(service.blobPath(*f));
    if (!file->open(QIODevice::ReadOnly) || file->size() != f->size)
        return HttpResponse::error(503, QStringLiteral("unavailable"),
                                   QStringLiteral("the file cannot be read now"));
    HttpResponse r;
    r.set("Content-Type", f->type.toLatin1());
    r.set("Content-Disposition", contentDisposition(f->name));
    r.set("X-Content-Type-Options", "nosniff");
    // Not kept for later: whether the user may still see it is asked on every download.
    r.set("Cache-Control", "private, no-cache");
    r.set("Content-Security-Policy", "sandbox; default-src 'none'");
    r.set("Accept-Ranges", "bytes");
    r.file = file;
    // And again while it is sent: a user removed from the group, or whose session ended,
    // gets no more of it.
    r.stillAllowed = [s = &service, id = f->id](const User& user) {
        return s->visibleFile(user, id).has_value();
    };
    r.fileOffset = 0;
    r.fileLength = f->size;
    if (const auto range = parseRange(request.header("range"), f->size)) {
        if (range->length < 0) {
            HttpResponse refused
                = HttpResponse::error(416, QStringLiteral("bad_request"),
                                      QStringLiteral("the range is outside the file"));
            refused.set("Content-Range", "bytes */" + QByteArray::number(f->size));
            return refused;
        }
        r.status = 206;
        r.fileOffset = range->first;
        r.fileLength = range->length;
        r.set("Content-Range",
              "bytes " + QByteArray::number(range->first) + '-'
                  + QByteArray::number(range->first + range->length - 1) + '/'
                  + QByteArray::number(f->size));
    }
    return r;
}

HttpResponse info(FileService& service, const HttpRequest& request)
{
    const auto f = service.visibleFile(*request.user, request.segments.at(1));
    if (!f)
        return notFound();
    HttpResponse r = HttpResponse::json(200, QJsonObject {{QStringLiteral("file"), f->toJson()}});
    r.set("Cache-Control", "private, no-store");
    return r;
}

HttpResponse thumbnail(FileService& service, Thumbnails& thumbnails, const HttpRequest& request)
{
    const auto f = service.visibleFile(*request.user, request.segments.at(1));
    if (!f)
        return notFound();
    bool ok = false;
    const int size = request.query(QStringLiteral("size")).toInt(&ok);
    if (!ok || !Thumbnails::isSize(size))
        return HttpResponse::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("?size= must be 64, 256 or 1024"));
    if (!Thumbnails::isImageType(f->type))
        return HttpResponse::error(415, QStringLiteral("bad_request"),
                                   QStringLiteral("thumbnails are made of PNG, JPEG, GIF and WebP "
                                                  "images; this file is %1")
                                       .arg(f->type));
    // Decoding and scaling take long for a large image: on a worker thread, with what it
    // needs copied (the HTTP thread's service and database stay here).
    HttpResponse r;
    r.deferred = [&thumbnails, source = service.blobPath(*f), id = f->id, size]() {
        const auto path = thumbnails.thumbnail(source, id, size);
        if (!path) {
            const protocol::Error& e = path.error();
            if (e.code == ErrorCode::TooLarge)
                return HttpResponse::error(422, QStringLiteral("too_large"), e.message);
            if (e.code == ErrorCode::BadRequest)
                return HttpResponse::error(422, QStringLiteral("bad_request"), e.message);
            return fromError(e);
        }
        HttpResponse out;
        out.set("Content-Type", "image/jpeg");
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Cache-Control", "private, no-cache");
        out.filePath = path.value();
        return out;
    };
    return r;
}

} // namespace

void registerFileRoutes(HttpRoutes& routes, FileService& service, Thumbnails& thumbnails)
{
    FileService* s = &service;
    Thumbnails* t = &thumbnails;
    const QStringList upload {QStringLiteral("files"), QStringLiteral("uploads"),
                              QStringLiteral("*")};
    const QStringList file {QStringLiteral("files"), QStringLiteral("*")};
    routes.add(
        {"POST", {QStringLiteral("files")}, true, maxStartBytes, {}, [s](const HttpRequest& r) {
             return start(*s, r);
         }});
    routes.add(
        {"GET", upload, true, 0, {}, [s](const HttpRequest& r) { return uploadState(*s, r); }});
    routes.add({"PUT", upload, true, protocol::files::maxChunkBytes,
                [s](const HttpRequest& r) { return screenChunk(*s, r); },
                [s](const HttpRequest& r) { return chunk(*s, r); }});
    routes.add(
        {"DELETE", upload, true, 0, {}, [s](const HttpRequest& r) { return cancel(*s, r); }});
    routes.add({"GET", file, true, 0, {}, [s](const HttpRequest& r) { return download(*s, r); }});
    routes.add({"GET",
                file + QStringList {QStringLiteral("info")},
                true,
                0,
                {},
                [s](const HttpRequest& r) { return info(*s, r); }});
    routes.add({"GET",
                file + QStringList {QStringLiteral("thumbnail")},
                true,
                0,
                {},
                [s, t](const HttpRequest& r) { return thumbnail(*s, *t, r); }});
}

} // namespace plein::server
