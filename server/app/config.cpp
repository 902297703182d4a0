#include "app/config.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace plein::server {

namespace {

std::optional<QString> readInt(const QSettings& s, const QString& key, qint64 min, qint64 max,
                               auto& out)
{
    if (!s.contains(key))
        return std::nullopt;
    bool ok = false;
    const qint64 v = s.value(key).toString().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("%1: '%2' must be a whole number from %3 to %4")
            .arg(key, s.value(key).toString())
            .arg(min)
            .arg(max);
    out = std::remove_reference_t<decltype(out)>(v);
    return std::nullopt;
}

std::optional<QString> readBool(const QSettings& s, const QString& key, bool& out)
{
    if (!s.contains(key))
        return std::nullopt;
    const QString v = s.value(key).toString().toLower();
    if (v == QLatin1StringView("true") || v == QLatin1StringView("1")
        || v == QLatin1StringView("yes"))
        out = true;
    else if (v == QLatin1StringView("false") || v == QLatin1StringView("0")
             || v == QLatin1StringView("no"))
        out = false;
    else
        return QStringLiteral("%1: '%2' must be true or false").arg(key, v);
    return std::nullopt;
}

// trusted_proxies: addresses separated by commas (QSettings reads such a value as a list).
std::optional<QString> readProxies(const QSettings& s, QList<QHostAddress>& out)
{
    const QString key = QStringLiteral("trusted_proxies");
    if (!s.contains(key))
        return std::nullopt;
    QList<QHostAddress> proxies;
    // Unquoted, QSettings splits the value at its commas; quoted, it is one string.
    const QStringList items
        = s.value(key).toStringList().join(u',').split(u',', Qt::SkipEmptyParts);
    for (const QString& item : items) {
        const QString text = item.trimmed();
        if (text.isEmpty())
            continue;
        const QHostAddress a(text);
        if (a.isNull())
            return QStringLiteral("%1: '%2' is not an IP address").arg(key, text);
        proxies << a;
    }
    out = proxies;
    return std::nullopt;
}

bool isLoopback(const QString& address)
{
    if (address == QLatin1StringView("localhost"))
        return true;
    const QHostAddress a(address);
    return !a.isNull() && a.isLoopback();
}

} // namespace

QString defaultDataDir()
{
    // ~/.local/share/plein-server, or $XDG_DATA_HOME/plein-server.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("plein-server"));
}

QString ServerConfig::configFilePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("plein-server.conf"));
}

std::optional<QString> ServerConfig::loadFile()
{
    if (!QFileInfo::exists(configFilePath()))
        return std::nullopt;
    QSettings s(configFilePath(), QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return QStringLiteral("cannot read %1").arg(configFilePath());
    s.beginGroup(QStringLiteral("server"));
    listenAddress = s.value(QStringLiteral("listen"), listenAddress).toString();
    database = s.value(QStringLiteral("database"), database).toString();
    tlsCertificate = s.value(QStringLiteral("tls_certificate"), tlsCertificate).toString();
    tlsKey = s.value(QStringLiteral("tls_key"), tlsKey).toString();
    organisation = s.value(QStringLiteral("organisation"), organisation).toString();
    publicHttpUrl = s.value(QStringLiteral("public_http_url"), publicHttpUrl).toString();
    filesPath = s.value(QStringLiteral("files_path"), filesPath).toString();
    if (s.contains(QStringLiteral("http_port"))) {
        quint16 p = 0;
        if (auto e = readInt(s, QStringLiteral("http_port"), 0, 65535, p))
            return QStringLiteral("%1: %2").arg(configFilePath(), *e);
        httpPort = p;
    }
    if (s.contains(QStringLiteral("sqlite_synchronous"))) {
        const QString sync = s.value(QStringLiteral("sqlite_synchronous")).toString().toLower();
        if (sync != QLatin1StringView("full") && sync != QLatin1StringView("normal"))
            return QStringLiteral("sqlite_synchronous: '%1' must be full or normal").arg(sync);
        sqliteSynchronousFull = sync == QLatin1StringView("full");
    }
    if (s.contains(QStringLiteral("company_blog_publishers"))) {
        const QString who = s.value(QStringLiteral("company_blog_publishers")).toString().toLower();
        if (who != QLatin1StringView("everyone") && who != QLatin1StringView("admins"))
            return QStringLiteral("company_blog_publishers: '%1' must be everyone or admins")
                .arg(who);
        companyBlogPublishers = who;
    }
    const std::optional<QString> errors[] = {
        readInt(s, QStringLiteral("port"), 0, 65535, port),
        readBool(s, QStringLiteral("allow_insecure_remote"), allowInsecureRemote),
        readInt(s, QStringLiteral("event_retention_days"), 1, 36500, eventRetentionDays),
        readInt(s, QStringLiteral("client_write_retention_days"), 1, 36500,
                clientWriteRetentionDays),
        readInt(s, QStringLiteral("session_idle_seconds"), 1, 10LL * 365 * 24 * 3600,
                sessionIdleSeconds),
        readInt(s, QStringLiteral("pause_bytes"), 4096, 1LL << 30, limits.pauseBytes),
        readInt(s, QStringLiteral("drop_bytes"), 4096, 1LL << 31, limits.dropBytes),
        readInt(s, QStringLiteral("requests_per_second"), 1, 100000, limits.requestsPerSecond),
        readInt(s, QStringLiteral("chat_edit_minutes"), 0, 10LL * 365 * 24 * 60, chatEditMinutes),
        readInt(s, QStringLiteral("batch_max_writes"), 1, 4096, batchMaxWrites),
        readInt(s, QStringLiteral("batch_budget_ms"), 1, 1000, batchBudgetMs),
        readInt(s, QStringLiteral("read_threads"), 1, 64, readThreads),
        readInt(s, QStringLiteral("http_head_timeout_ms"), 100, 600000, http.headTimeoutMs),
        readInt(s, QStringLiteral("http_min_bytes_per_second"), 1, 1LL << 30,
                http.minBytesPerSecond),
        readInt(s, QStringLiteral("http_rate_grace_ms"), 0, 600000, http.rateGraceMs),
        readInt(s, QStringLiteral("http_idle_timeout_ms"), 100, 3600000, http.idleTimeoutMs),
        readInt(s, QStringLiteral("http_connections_per_address"), 1, 1000000,
                http.connectionsPerAddress),
        readInt(s, QStringLiteral("http_max_connections"), 1, 1000000, http.maxConnections),
        readProxies(s, http.trustedProxies),
        readInt(s, QStringLiteral("http_body_budget_bytes"), 4LL << 20, 1LL << 40,
                http.bodyBudgetBytes),
        readInt(s, QStringLiteral("http_requests_per_second"), 1, 100000,
                http.userRequestsPerSecond),
        readInt(s, QStringLiteral("http_request_burst"), 1, 1000000, http.userBurst),
        readInt(s, QStringLiteral("http_bodies_per_user"), 1, 1000, http.bodiesPerUser),
        readInt(s, QStringLiteral("http_body_timeout_ms"), 1000, 3600000, http.bodyTimeoutMs),
        readInt(s, QStringLiteral("max_file_bytes"), 1, 1LL << 40, maxFileBytes),
        readInt(s, QStringLiteral("default_quota_bytes"), 0, 1LL << 50, defaultQuotaBytes),
        readInt(s, QStringLiteral("max_open_uploads"), 1, 100000, maxOpenUploads),
        readInt(s, QStringLiteral("thumbnail_max_pixels"), 1, 1LL << 40, thumbnailMaxPixels),
    };
    for (const auto& e : errors) {
        if (e)
            return QStringLiteral("%1: %2").arg(configFilePath(), *e);
    }
    return std::nullopt;
}

std::optional<QString> ServerConfig::writeFileIfMissing() const
{
    if (QFileInfo::exists(configFilePath()))
        return std::nullopt;
    QSettings s(configFilePath(), QSettings::IniFormat);
    s.beginGroup(QStringLiteral("server"));
    s.setValue(QStringLiteral("organisation"), organisation);
    s.setValue(QStringLiteral("listen"), listenAddress);
    s.setValue(QStringLiteral("port"), port);
    s.setValue(QStringLiteral("database"), database);
    s.setValue(QStringLiteral("sqlite_synchronous"),
               sqliteSynchronousFull ? QStringLiteral("full") : QStringLiteral("normal"));
    s.setValue(QStringLiteral("event_retention_days"), eventRetentionDays);
    s.setValue(QStringLiteral("client_write_retention_days"), clientWriteRetentionDays);
    s.setValue(QStringLiteral("session_idle_seconds"), sessionIdleSeconds);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError)
        return QStringLiteral("cannot write %1").arg(configFilePath());
    return std::nullopt;
}

std::optional<QString> ServerConfig::applyCommandLine(const QCommandLineParser& p)
{
    if (p.isSet(QStringLiteral("listen")))
        listenAddress = p.value(QStringLiteral("listen"));
    if (p.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint v = p.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || v > 65535)
            return QStringLiteral("--port: '%1' is not a port number (0-65535)")
                .arg(p.value(QStringLiteral("port")));
        port = quint16(v);
    }
    if (p.isSet(QStringLiteral("database")))
        database = p.value(QStringLiteral("database"));
    if (p.isSet(QStringLiteral("tls-cert")))
        tlsCertificate = p.value(QStringLiteral("tls-cert"));
    if (p.isSet(QStringLiteral("tls-key")))
        tlsKey = p.value(QStringLiteral("tls-key"));
    if (p.isSet(QStringLiteral("allow-insecure-remote")))
        allowInsecureRemote = true;
    if (p.isSet(QStringLiteral("organisation")))
        organisation = p.value(QStringLiteral("organisation"));
    if (p.isSet(QStringLiteral("chat-edit-minutes"))) {
        bool ok = false;
        const int v = p.value(QStringLiteral("chat-edit-minutes")).toInt(&ok);
        if (!ok || v < 0)
            return QStringLiteral("--chat-edit-minutes: '%1' is not a number of minutes (0: no "
                                  "limit)")
                .arg(p.value(QStringLiteral("chat-edit-minutes")));
        chatEditMinutes = v;
    }
    return std::nullopt;
}

QVariantHash ServerConfig::capabilitySettings() const
{
    return {{QStringLiteral("chat_edit_minutes"), chatEditMinutes},
            {QStringLiteral("company_blog_publishers"), companyBlogPublishers},
            {QStringLiteral("files_path"),
             filesPath.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("files")) : filesPath},
            {QStringLiteral("max_file_bytes"), maxFileBytes},
            {QStringLiteral("default_quota_bytes"), defaultQuotaBytes},
            {QStringLiteral("max_open_uploads"), maxOpenUploads},
            {QStringLiteral("thumbnail_max_pixels"), thumbnailMaxPixels}};
}

HttpOptions ServerConfig::httpOptions() const
{
    HttpOptions o = http;
    o.listenAddress = listenAddress;
    o.port = httpPort ? *httpPort : (port == 0 || port == 65535 ? 0 : quint16(port + 1));
    o.publicUrl = publicHttpUrl;
    o.tlsCertificate = tlsCertificate;
    o.tlsKey = tlsKey;
    o.sessionIdleSeconds = sessionIdleSeconds;
    return o;
}

std::optional<QString> ServerConfig::validate() const
{
    if (QHostAddress(listenAddress).isNull() && listenAddress != QLatin1StringView("localhost"))
        return QStringLiteral("'%1' is not an IP address to listen on").arg(listenAddress);
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        return QStringLiteral("TLS needs both a certificate (--tls-cert) and a key (--tls-key)");
    for (const QString& f : {tlsCertificate, tlsKey}) {
        if (!f.isEmpty() && !QFileInfo(f).isReadable())
            return QStringLiteral("cannot read %1").arg(f);
    }
    if (!tlsEnabled() && !isLoopback(listenAddress) && !allowInsecureRemote)
        return QStringLiteral(
                   "refusing plain ws:// on %1, which is not a loopback address: give --tls-cert "
                   "and "
                   "--tls-key, or put a TLS proxy in front and pass --allow-insecure-remote")
            .arg(listenAddress);
    const QUrl httpUrl(publicHttpUrl, QUrl::StrictMode);
    if (!publicHttpUrl.isEmpty()) {
        if (!httpUrl.isValid() || httpUrl.host().isEmpty()
            || (httpUrl.scheme() != QLatin1StringView("https")
                && httpUrl.scheme() != QLatin1StringView("http"))
            || !httpUrl.userInfo().isEmpty() || httpUrl.hasQuery() || httpUrl.hasFragment())
            return QStringLiteral("public_http_url: '%1' is not an http:// or https:// address "
                                  "(scheme, host, optional port and path)")
                .arg(publicHttpUrl);
        // Clients send their session token to this address: in the clear only to this machine.
        if (httpUrl.scheme() == QLatin1StringView("http") && !isLoopback(httpUrl.host()))
            return QStringLiteral("public_http_url: '%1' would have clients send their session "
                                  "token in the clear; use https://")
                .arg(publicHttpUrl);
    }
    // Behind a TLS proxy the HTTP side is plain too: clients must be sent to the proxy's
    // https:// address, or they would send their session token in the clear.
    if (!tlsEnabled() && !isLoopback(listenAddress)
        && httpUrl.scheme() != QLatin1StringView("https"))
        return QStringLiteral(
                   "refusing a plain HTTP side on %1, which is not a loopback address: set "
                   "public_http_url to the https:// address of the TLS proxy in front of it")
            .arg(listenAddress);
    if (limits.dropBytes <= limits.pauseBytes)
        return QStringLiteral("drop_bytes must be larger than pause_bytes");
    return std::nullopt;
}

} // namespace plein::server
