#pragma once

#include "http/httphead.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace plein::server {

// The HTTP side's listener and limits (config keys in brackets; see README).
struct HttpOptions
{
    QString listenAddress;
    quint16 port = 0; // [http_port] 0: a free one
    QString publicUrl; // [public_http_url] what clients use (behind a proxy); empty: our own
    QString tlsCertificate;
    QString tlsKey;
    HeadLimits head;
    // The whole head must arrive within this time, however it trickles in.
    int headTimeoutMs = 10000; // [http_head_timeout_ms]
    // A body and an answer must move at least this fast on average after the first
    // `rateGraceMs` (a single byte now and then does not keep a connection).
    qint64 minBytesPerSecond = 8192; // [http_min_bytes_per_second]
    int rateGraceMs = 5000;
    int idleTimeoutMs = 30000; // keep-alive between requests
    // Per address (IPv6: per /64, the block one machine or home network gets), except for the
    // proxies in front of the server, through which everyone comes.
    int connectionsPerAddress = 32; // [http_connections_per_address]
    QList<QHostAddress> trustedProxies; // [trusted_proxies] comma-separated addresses
    int maxConnections = 1024; // [http_max_connections]
    // Bodies are read into memory (at most a chunk, 4 MiB): all in flight together stay under
    // this, reserved before any byte of a body is read.
    qint64 bodyBudgetBytes = 64LL * 1024 * 1024; // [http_body_budget_bytes]
    // One user's bodies in flight at once (so that one user cannot hold the whole budget),
    // and the time a body may take at most, however steadily it comes.
    int bodiesPerUser = 2; // [http_bodies_per_user]
    int bodyTimeoutMs = 60000; // [http_body_timeout_ms]
    // Per user: a bucket of `userBurst` requests refilled at this rate.
    int userRequestsPerSecond = 20; // [http_requests_per_second]
    int userBurst = 100; // [http_request_burst]
    qint64 sessionIdleSeconds = 30LL * 24 * 3600;
};

} // namespace plein::server
