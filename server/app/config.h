#pragma once

#include "core/clientsession.h"
#include "http/httpoptions.h"

#include <QHostAddress>
#include <QString>
#include <QVariantHash>

#include <optional>

class QCommandLineParser;

namespace plein::server {

// Everything the server is told at start: the config file `plein-server.conf` in the data
// folder ([server] section) first, the command line over it.
struct ServerConfig
{
    QString dataDir;
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 port = 7447;
    QString database = QStringLiteral("sqlite");
    QString tlsCertificate;
    QString tlsKey;
    bool allowInsecureRemote = false;
    bool sqliteSynchronousFull = true;
    int eventRetentionDays = 365;
    int clientWriteRetentionDays = 365;
    qint64 sessionIdleSeconds = 30LL * 24 * 3600;
    QString organisation;
    ClientSession::Limits limits;
    // Chat: how long after sending a message its author may still edit it (0: always).
    int chatEditMinutes = 0;
    // Blogs: who publishes in the company blog, "everyone" or "admins" (anyone writes drafts).
    QString companyBlogPublishers = QStringLiteral("everyone");
    // Group commit: at most this many writes per transaction, and none added after this long.
    int batchMaxWrites = 256;
    int batchBudgetMs = 10;
    // Long reads (search): threads with a read-only connection each.
    int readThreads = 2;
    // The HTTP side (files): its port (unset: the WebSocket port + 1; 0: a free one), what
    // clients are told to use behind a proxy, and its limits.
    std::optional<quint16> httpPort;
    QString publicHttpUrl;
    HttpOptions http;
    // Files: where blobs and uploads live (empty: <data>/files), the per-file limit and the
    // quota of a user the administrator set none for.
    QString filesPath;
    qint64 maxFileBytes = 100LL * 1024 * 1024;
    qint64 defaultQuotaBytes = 10LL * 1024 * 1024 * 1024;
    int maxOpenUploads = 16; // unfinished uploads per user
    // Thumbnails are made only of images of at most this many pixels (decompression bombs).
    qint64 thumbnailMaxPixels = 50000000;

    bool tlsEnabled() const { return !tlsCertificate.isEmpty(); }
    QString configFilePath() const;

    // Reads the config file of `dataDir` over the defaults; an error names the bad key.
    std::optional<QString> loadFile();
    // Writes the current values as a config file (used by `init`), unless one exists.
    std::optional<QString> writeFileIfMissing() const;
    // Applies the command-line options that were given.
    std::optional<QString> applyCommandLine(const QCommandLineParser& parser);
    // The capabilities' settings, by config key, for ServerCore.
    QVariantHash capabilitySettings() const;
    // The HTTP side's options, its port resolved against the WebSocket port.
    HttpOptions httpOptions() const;
    // Checks the combination: TLS files readable, no plain ws off loopback unless allowed.
    std::optional<QString> validate() const;
};

QString defaultDataDir();

} // namespace plein::server
