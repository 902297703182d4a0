#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

class QFile;

namespace plein::server {

struct User;

// An answer: status, headers and a body held in memory or read from a file in pieces while it
// is sent (never the whole file at once).
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // A file body: `fileLength` bytes from `fileOffset`. Content-Length follows from it.
    std::shared_ptr<QFile> file;
    qint64 fileOffset = 0;
    qint64 fileLength = 0;
    // For a file body: asked again every few MiB and seconds while it is sent, with the user
    // of the request's token as it is then (the answer stops when the token no longer holds);
    // false stops the answer too (the file is no longer for the user to see).
    std::function<bool(const User& user)> stillAllowed;
    // After this answer the connection closes (a refused body, an error mid-stream).
    bool close = false;
    // A file body by its path, opened by the connection when it answers (what deferred work
    // returns: a file is opened on the thread that reads it). Not there: 503.
    QString filePath;
    // Work that takes long (making a thumbnail): when set, the rest of this answer is ignored;
    // the work runs on one of the HTTP side's worker threads, so that the HTTP thread goes on
    // serving every other connection, and what it returns is the answer. It must not touch
    // the HTTP thread's objects (its database connection, the services, QObjects). Each user
    // has at most two such answers under way, and the server 32 (503 beyond either); work
    // whose client left before it began is skipped.
    std::function<HttpResponse()> deferred;

    HttpResponse& set(QByteArray name, QByteArray value);
    qint64 contentLength() const { return file ? fileLength : body.size(); }

    // {"error": code, "message": …}, the codes of the WebSocket protocol (bad_request …).
    static HttpResponse error(int status, const QString& code, const QString& message);
    static HttpResponse json(int status, const QJsonObject& body);
};

QByteArray reasonPhrase(int status);

} // namespace plein::server
