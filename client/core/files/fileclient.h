#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace plein::client {

class Connection;

// Why a request to the HTTP side failed, as the client acts on it.
struct HttpFailure
{
    protocol::Error error; // code and the server's message (or the network's)
    // The wire name of the code: the JSON body's `error` ("quota_exceeded", "too_large"), or
    // the code's name when the body had none.
    QString code;
    int status = 0; // the HTTP status; 0 when no answer arrived
    // "Not now" rather than "not this": no answer, 408, 429, 5xx but 507, 401 (the token is
    // renewed by the WebSocket). The same request may go again later.
    bool transient = false;
    // How long the server asked to wait (Retry-After), or -1 when it did not say.
    int retryAfterMs = -1;
};

// The one client of the server's HTTP side (docs/protocol.md, "HTTP"): the base URL and the
// bearer token come from the Connection's last hello and login, so every capability that
// talks HTTP (uploads, downloads, thumbnails) shares one QNetworkAccessManager and one
// reading of answers and errors. The replies belong to the caller (deleteLater when done).
class FileClient : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit FileClient(Connection& connection, QObject* parent = nullptr);
    ~FileClient() override;

    // Whether requests can go now: online, with an HTTP side and a token.
    bool available() const;
    // The HTTP side's URL for an absolute path ("/files/abc", "/files/uploads/x?offset=0").
    QUrl url(const QString& path) const;
    // A request for `path` with the bearer token and `headers`.
    QNetworkRequest request(const QString& path, const Headers& headers = {}) const;

    QNetworkReply* get(const QString& path, const Headers& headers = {});
    QNetworkReply* head(const QString& path, const Headers& headers = {});
    QNetworkReply* postJson(const QString& path, const QJsonObject& body);
    QNetworkReply* put(const QString& path, const QByteArray& body, const Headers& headers = {});
    QNetworkReply* deleteResource(const QString& path);

    QNetworkAccessManager& network() { return *m_network; }

    // The failure a finished reply tells (a network error, a status that is not 2xx), or
    // nullopt for a success.
    static std::optional<HttpFailure> failureOf(QNetworkReply* reply);
    // The JSON object of a finished reply that succeeded (empty for an empty body), or its
    // failure as the client's Result; `failure` gets the whole failure when not null.
    static Result<QJsonObject> jsonOf(QNetworkReply* reply, HttpFailure* failure = nullptr);
    // The failure for a status and a body `{error, message}` (what failureOf uses).
    static HttpFailure failureFor(int status, const QByteArray& body,
                                  const QByteArray& retryAfter = {});

private:
    Connection& m_connection;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace plein::client
