#pragma once

#include "capabilities/accounts/accountstore.h"
#include "http/httpoptions.h"

#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThreadPool>

#include <optional>

namespace plein::server {

class HttpRoutes;

// The gate of the HTTP side: accepts connections (TLS when configured), caps them per address
// and in all, authenticates bearer tokens against the sessions, limits each user's request
// rate and lends bodies their memory. Each connection (HttpConnection) reads and screens its
// requests itself; nothing of a request reaches a route before its head passed the gate.
class HttpServer : public QTcpServer
{
    Q_OBJECT

public:
    HttpServer(const HttpOptions& options, const HttpRoutes& routes, AccountStore& accounts,
               QObject* parent = nullptr);
    ~HttpServer() override;

    void setTls(const QSslConfiguration& tls)
    {
        m_tls = tls;
        m_secure = true;
    }
    const HttpOptions& options() const { return m_options; }
    const HttpRoutes& routes() const { return m_routes; }

    // The active user of a bearer token ("Bearer <token>"); nothing when it is missing, unknown,
    // revoked, idle too long or its user deactivated. Marks the session used at most once a
    // minute, not on every request.
    std::optional<User> authenticate(const QByteArray& authorization);
    // Takes one request from the user's bucket; 0 when allowed, else seconds to wait.
    int takeRequest(qint64 userId);
    // Reserves memory for a body of the user (0: none signed in); false when the budget is
    // spent or the user has bodiesPerUser in flight already.
    bool reserveBody(qint64 bytes, qint64 userId);
    void releaseBody(qint64 bytes, qint64 userId);

    void connectionClosed(const QString& address);
    // What connections are counted by: an IPv4 address as it is, an IPv6 one by its /64
    // (which one machine or network gets whole), an IPv4-mapped IPv6 one as IPv4.
    static QString addressKey(const QHostAddress& address);
    bool isTrustedProxy(const QHostAddress& peer) const;
    // Where answers' deferred work runs (HttpResponse::deferred): two threads, so that slow
    // work (a thumbnail of a large image) never holds up the HTTP thread.
    QThreadPool& workers() { return m_workers; }
    // A place for one deferred answer of the user (0: none signed in): false when the user
    // has two under way, or the server 32.
    bool reserveWork(qint64 userId);
    void releaseWork(qint64 userId);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    HttpOptions m_options;
    QThreadPool m_workers;
    int m_work = 0;
    QHash<qint64, int> m_userWork;
    const HttpRoutes& m_routes;
    AccountStore& m_accounts;
    QSslConfiguration m_tls;
    bool m_secure = false;
    QHash<QString, int> m_perAddress;
    int m_connections = 0;
    qint64 m_bodyBytes = 0;
    QHash<qint64, int> m_userBodies; // user -> bodies in flight
    QHash<qint64, Bucket> m_buckets;
    QHash<QString, qint64> m_touched; // token hash -> when marked used (ms since epoch)
};

} // namespace plein::server
