#include "fileclient.h"

#include "sync/connection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace plein::client {

using protocol::ErrorCode;

namespace {

// Retry-After: seconds, or an HTTP date (RFC 9110 10.2.3).
int retryAfterMs(const QByteArray& value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds, 24 * 3600) * 1000);
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return int(
        std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, 24LL * 3600 * 1000));
}

ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 400:
    case 405:
    case 411:
    case 415:
    case 416:
    case 417:
    case 422:
    case 431:
    case 501:
        return ErrorCode::BadRequest;
    case 401:
        return ErrorCode::Unauthorized;
    case 403:
    case 507:
        return ErrorCode::Forbidden;
    case 404:
    case 410:
        return ErrorCode::NotFound;
    case 409:
        return ErrorCode::Conflict;
    case 413:
    case 414:
        return ErrorCode::TooLarge;
    case 429:
        return ErrorCode::RateLimited;
    case 408:
    case 502:
    case 503:
    case 504:
        return ErrorCode::Unavailable;
    default:
        return status >= 500 ? ErrorCode::Internal : ErrorCode::BadRequest;
    }
}

} // namespace

FileClient::FileClient(Connection& connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are never followed: the bearer token is for the HTTP side the hello named.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

FileClient::~FileClient() = default;

bool FileClient::available() const
{
    return m_connection.state() == Connection::State::Online && m_connection.httpBase().isValid()
        && !m_connection.token().isEmpty();
}

QUrl FileClient::url(const QString& path) const
{
    QUrl base = m_connection.httpBase();
    QString basePath = base.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    const qsizetype query = path.indexOf(u'?');
    base.setPath(basePath + (query < 0 ? path : path.left(query)));
    base.setQuery(query < 0 ? QString() : path.mid(query + 1));
    return base;
}

QNetworkRequest FileClient::request(const QString& path, const Headers& headers) const
{
    QNetworkRequest r(url(path));
    r.setRawHeader("Authorization", "Bearer " + m_connection.token().toUtf8());
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto& [name, value] : headers)
        r.setRawHeader(name, value);
    return r;
}

QNetworkReply* FileClient::get(const QString& path, const Headers& headers)
{
    return m_network->get(request(path, headers));
}

QNetworkReply* FileClient::head(const QString& path, const Headers& headers)
{
    return m_network->head(request(path, headers));
}

QNetworkReply* FileClient::postJson(const QString& path, const QJsonObject& body)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_network->post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply* FileClient::put(const QString& path, const QByteArray& body, const Headers& headers)
{
    QNetworkRequest r = request(path, headers);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    return m_network->put(r, body);
}

QNetworkReply* FileClient::deleteResource(const QString& path)
{
    return m_network->deleteResource(request(path));
}

HttpFailure FileClient::failureFor(int status, const QByteArray& body, const QByteArray& retryAfter)
{
    HttpFailure f;
    f.status = status;
    f.error.code = codeForStatus(status);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString code = o.value(QLatin1StringView("error")).toString();
    if (const auto known = protocol::errorCodeFromName(code); known && status != 507)
        f.error.code = *known;
    f.code = code.isEmpty() ? protocol::errorCodeName(f.error.code) : code;
    f.error.message = o.value(QLatin1StringView("message")).toString();
    if (f.error.message.isEmpty())
        f.error.message = tr("the server answered %1").arg(status);
    f.retryAfterMs = retryAfterMs(retryAfter);
    f.transient = status == 401 || status == 408 || status == 429
        || (status >= 500 && status != 501 && status != 507);
    return f;
}

std::optional<HttpFailure> FileClient::failureOf(QNetworkReply* reply)
{
    const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusValue.isValid()) {
        // No answer at all: refused, reset, timed out, TLS, aborted. Always worth another try.
        HttpFailure f;
        f.error = makeError(ErrorCode::Unavailable, reply->errorString());
        f.code = protocol::errorCodeName(ErrorCode::Unavailable);
        f.transient = true;
        return f;
    }
    const int status = statusValue.toInt();
    if (status >= 200 && status < 300) {
        // A body cut off after a good status line is a failure of the network.
        if (reply->error() == QNetworkReply::NoError)
            return std::nullopt;
        HttpFailure f;
        f.status = status;
        f.error = makeError(ErrorCode::Unavailable, reply->errorString());
        f.code = protocol::errorCodeName(ErrorCode::Unavailable);
        f.transient = true;
        return f;
    }
    return failureFor(status, reply->readAll(), reply->rawHeader("Retry-After"));
}

Result<QJsonObject> FileClient::jsonOf(QNetworkReply* reply, HttpFailure* failure)
{
    if (auto f = failureOf(reply)) {
        if (failure)
            *failure = *f;
        return f->error;
    }
    const QByteArray body = reply->readAll();
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        HttpFailure f;
        f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        f.error = makeError(ErrorCode::Internal, tr("the server's answer is not a JSON object"));
        f.code = protocol::errorCodeName(ErrorCode::Internal);
        if (failure)
            *failure = f;
        return f.error;
    }
    return doc.object();
}

} // namespace plein::client
