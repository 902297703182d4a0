#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace plein::client {

class Session;

// Keeps the session to one server alive: opens the socket, says hello, authenticates (with a
// stored token, or once with a password that is then forgotten), and when the network goes
// away tries again with exponential backoff and jitter, so that a restarted server is not
// hit by every client in the same second.
class Connection : public QObject
{
    Q_OBJECT

public:
    enum class State { Offline, Connecting, Online };
    Q_ENUM(State)
    // Why the connection is not (or no longer) working, in terms a person can act on.
    enum class Problem {
        Unreachable, // no answer at the address: offline, wrong address, server down
        WrongPassword,
        TokenRefused, // the remembered session expired or was revoked
        Deactivated,
        TlsFailure,
        VersionMismatch,
        Refused, // any other refusal; the message says why
        RateLimited, // too many password attempts: wait before the next
    };
    Q_ENUM(Problem)

    Connection(Session& session, QObject* parent = nullptr);

    void setServer(const QUrl& url) { m_url = url; }
    QUrl server() const { return m_url; }
    // The next authentication resumes this token.
    void setToken(const QString& token) { m_token = token; }
    QString token() const { return m_token; }
    // The next authentication logs in with a password; it is kept in memory only until then.
    void setPassword(const QString& username, const QString& password);
    void setBackoff(int minMs, int maxMs);
    // The named features this client announces at hello (each capability adds its own).
    void addFeatures(const QStringList& features);
    // Announces exactly these, as an older build did (tests of upgrades).
    void setFeatures(const QStringList& features);
    QStringList features() const { return m_features; }
    // The features the server agreed to at the last hello.
    QStringList agreedFeatures() const { return m_agreed; }
    // Where the server's HTTP side is (files), from the last hello: its own `http.url`, or
    // the host this connection reached with its `http.port` (ws → http, wss → https). Empty
    // before the first hello and for a server without an HTTP side.
    QUrl httpBase() const { return m_httpBase; }
    // The HTTP side as hello's `http` describes it: its own http(s) url, or `port` on the host
    // `webSocket` reached (https after wss). A url that would take the token somewhere less
    // safe than the WebSocket went (plain http after wss, a loopback host after a remote one),
    // or anything malformed, is no HTTP side: an empty url.
    static QUrl httpBaseFrom(const QJsonObject& http, const QUrl& webSocket);

    // Go online and stay online until stop(), a refused login or a revoked account.
    void start();
    // Go offline deliberately; writes keep collecting in the outbox.
    void stop();
    bool isWanted() const { return m_wanted; }
    // The network came back or changed, or the laptop woke up: when offline, try now instead
    // of waiting out the backoff; when online, check at once that the socket still works
    // (after a sleep it is often dead without knowing it).
    void networkChanged();
    // How often an idle online connection proves it is alive, and how long the answer may take.
    void setKeepAlive(int intervalMs, int timeoutMs);

    State state() const { return m_state; }
    qint64 userId() const { return m_userId; }
    QJsonObject user() const { return m_user; }
    int nextRetryMs() const { return m_nextRetryMs; }
    // How long until the next attempt while offline and waiting to retry, or -1.
    int msUntilRetry() const { return m_retry.isActive() ? m_retry.remainingTime() : -1; }

Q_SIGNALS:
    void stateChanged(plein::client::Connection::State state);
    void authenticated(const QJsonObject& user, qint64 head);
    // A new token from a password login; whoever remembers it may store it now.
    void tokenChanged(const QString& token);
    // The server refused the credentials or the account: no more retries until start().
    void authFailed(const QString& message);
    void signedOut(const QString& reason);
    // Emitted alongside the signals above (and for an unreachable server, before each retry)
    // so the UI can explain what happened; `detail` is the server's or the socket's text.
    void problem(plein::client::Connection::Problem problem, const QString& detail);

private:
    void setState(State state);
    void attempt();
    void onOpened();
    void onClosed(int code, const QString& reason);
    void authenticate();
    void scheduleRetry(bool spread = false);
    void refuse(Problem problem, const QString& message);
    void checkAlive(int timeoutMs);
    void detectWake();

    Session& m_session;
    QUrl m_url;
    QString m_token;
    QString m_username;
    QString m_password;
    QJsonObject m_user;
    QStringList m_features;
    QStringList m_agreed;
    QUrl m_httpBase;
    qint64 m_userId = 0;
    State m_state = State::Offline;
    bool m_wanted = false;
    // Whether the socket of the current attempt ever opened; one that did not means the
    // server could not be reached at all.
    bool m_opened = false;
    int m_attempt = 0;
    int m_minBackoffMs = 1000;
    int m_maxBackoffMs = 60000;
    int m_nextRetryMs = 0;
    QTimer m_retry;
    QTimer m_handshakeTimeout;
    QTimer m_keepAlive;
    int m_keepAliveTimeoutMs = 10000;
    bool m_aliveCheckPending = false;
    QTimer m_wakeCheck;
    qint64 m_lastWallMs = 0;
    QElapsedTimer m_lastTick;
};

} // namespace plein::client
