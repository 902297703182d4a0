#pragma once

#include "core/database.h"
#include "http/httpoptions.h"

#include <QThread>
#include <QVariantHash>

#include <memory>
#include <optional>

namespace plein::server {

// The HTTP side of the server on a thread of its own, with its own database connection and
// its own ServerCore (the capabilities over that connection), so an upload being written or a
// download being read never holds up the event loop that delivers live events. The
// capabilities register their routes there (Capability::registerHttpRoutes).
class HttpSide
{
public:
    HttpSide(HttpOptions options, DatabaseLocation database, bool sqliteSynchronousFull,
             QVariantHash settings);
    ~HttpSide();
    HttpSide(const HttpSide&) = delete;
    HttpSide& operator=(const HttpSide&) = delete;

    // Opens the database and listens; returns when it does (or why it cannot).
    std::optional<QString> start();
    quint16 port() const { return m_port; }
    // What clients are told to use: public_http_url; empty without one, and clients then use
    // the host they reached the WebSocket on with `port`.
    QString url() const;
    // Where it listens, for the log line scripts and tests read.
    QString listeningUrl() const;
    void stop();

private:
    struct Worker;

    HttpOptions m_options;
    DatabaseLocation m_database;
    bool m_sqliteSynchronousFull = true;
    QVariantHash m_settings;
    QThread m_thread;
    Worker* m_worker = nullptr; // lives on m_thread
    quint16 m_port = 0;
};

} // namespace plein::server
