#include "connection.h"

#include "capabilities/session/sessionprotocol.h"
#include "protocol/limits.h"
#include "session.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkInformation>
#include <QRandomGenerator>

namespace plein::client {

using protocol::ErrorCode;
namespace session = protocol::session;

namespace {

constexpr int handshakeTimeoutMs = 20000;
constexpr int closeDeactivated = 4001;
constexpr int closeRevoked = 4003;
constexpr int keepAliveMs = 30000;
constexpr int spreadWindowMs = 10000;
constexpr int wakeCheckMs = 5000;
// The wall clock running this far ahead of the monotonic one (which stops while the machine
// sleeps) means the laptop was suspended.
constexpr qint64 wakeThresholdMs = 10000;

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

} // namespace

QUrl Connection::httpBaseFrom(const QJsonObject& http, const QUrl& webSocket)
{
    const bool secure = webSocket.scheme() == QLatin1StringView("wss");
    const QString given = http.value(QLatin1StringView("url")).toString();
    if (!given.isEmpty()) {
        const QUrl own(given, QUrl::StrictMode);
        const bool https = own.scheme() == QLatin1StringView("https");
        if (!own.isValid() || own.host().isEmpty()
            || (!https && own.scheme() != QLatin1StringView("http")) || (secure && !https)
            || !own.userInfo().isEmpty() || own.hasQuery() || own.hasFragment()
            || (isLoopbackHost(own.host()) && !isLoopbackHost(webSocket.host())))
            return {};
        return own.adjusted(QUrl::StripTrailingSlash);
    }
    const int port = http.value(QLatin1StringView("port")).toInt(0);
    if (port <= 0 || port > 65535 || webSocket.host().isEmpty())
        return {};
    QUrl base;
    base.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    base.setHost(webSocket.host());
    base.setPort(port);
    return base;
}

Connection::Connection(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    m_retry.setSingleShot(true);
    m_handshakeTimeout.setSingleShot(true);
    m_handshakeTimeout.setInterval(handshakeTimeoutMs);
    connect(&m_retry, &QTimer::timeout, this, &Connection::attempt);
    connect(&m_handshakeTimeout, &QTimer::timeout, &m_session, &Session::abort);
    connect(&m_session, &Session::opened, this, &Connection::onOpened);
    connect(&m_session, &Session::closed, this, &Connection::onClosed);
    m_keepAlive.setInterval(keepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this]() { checkAlive(m_keepAliveTimeoutMs); });
    m_wakeCheck.setInterval(wakeCheckMs);
    connect(&m_wakeCheck, &QTimer::timeout, this, &Connection::detectWake);
    m_lastWallMs = QDateTime::currentMSecsSinceEpoch();
    m_lastTick.start();
    m_wakeCheck.start();
    // Network changes (Wi-Fi back, cable plugged in) come from the platform's backend where
    // there is one (NetworkManager on Linux); without it, keep-alive and backoff still work.
    if (QNetworkInformation::loadDefaultBackend()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability != QNetworkInformation::Reachability::Disconnected)
                        networkChanged();
                });
    }
    connect(&m_session, &Session::tlsFailed, this, [this](const QString& reason) {
        // Retrying cannot make a certificate trustworthy; the person must act.
        m_wanted = false;
        m_retry.stop();
        Q_EMIT problem(Problem::TlsFailure, reason);
        Q_EMIT authFailed(reason);
    });
}

void Connection::setPassword(const QString& username, const QString& password)
{
    m_username = username;
    m_password = password;
    m_token.clear();
}

void Connection::addFeatures(const QStringList& features)
{
    for (const QString& f : features) {
        if (!m_features.contains(f))
            m_features.append(f);
    }
}

void Connection::setFeatures(const QStringList& features)
{
    m_features.clear();
    addFeatures(features);
}

void Connection::setBackoff(int minMs, int maxMs)
{
    m_minBackoffMs = minMs;
    m_maxBackoffMs = maxMs;
}

void Connection::setKeepAlive(int intervalMs, int timeoutMs)
{
    m_keepAlive.setInterval(intervalMs);
    m_keepAliveTimeoutMs = timeoutMs;
}

void Connection::networkChanged()
{
    if (!m_wanted)
        return;
    if (m_state == State::Online) {
        checkAlive(m_keepAliveTimeoutMs / 2);
        return;
    }
    if (m_state == State::Offline) {
        m_retry.stop();
        m_attempt = 0;
        attempt();
    }
}

void Connection::checkAlive(int timeoutMs)
{
    if (m_state != State::Online || m_aliveCheckPending)
        return;
    m_aliveCheckPending = true;
    m_session.request(
        session::Ping, {}, this,
        [this](const Result<QJsonObject>& r) {
            m_aliveCheckPending = false;
            // No answer in time: the socket is dead (a sleep, a changed network). Drop it; the
            // close starts a reconnect.
            if (!r && r.error().code == ErrorCode::Unavailable && m_session.isOpen())
                m_session.abort();
        },
        timeoutMs);
}

void Connection::detectWake()
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const qint64 wallDelta = wall - m_lastWallMs;
    const qint64 monotonicDelta = m_lastTick.restart();
    m_lastWallMs = wall;
    if (wallDelta - monotonicDelta > wakeThresholdMs)
        networkChanged();
}

void Connection::start()
{
    m_wanted = true;
    m_attempt = 0;
    if (m_state == State::Offline)
        attempt();
}

void Connection::stop()
{
    m_wanted = false;
    m_retry.stop();
    m_handshakeTimeout.stop();
    if (m_session.isOpen())
        m_session.close();
    else
        m_session.abort();
    setState(State::Offline);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    if (state != State::Online) {
        m_keepAlive.stop();
        m_aliveCheckPending = false;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::attempt()
{
    if (!m_wanted || m_session.isOpen())
        return;
    setState(State::Connecting);
    m_opened = false;
    m_handshakeTimeout.start();
    m_session.open(m_url);
}

void Connection::onOpened()
{
    m_opened = true;
    const QJsonObject hello {{QStringLiteral("protocol"), protocol::version},
                             {QStringLiteral("features"), QJsonArray::fromStringList(m_features)},
                             {QStringLiteral("client"),
                              QStringLiteral("plein/%1").arg(QLatin1StringView(PLEIN_VERSION))}};
    m_session.request(session::Hello, hello, this, [this](const Result<QJsonObject>& r) {
        if (!r) {
            if (r.error().code == ErrorCode::Unavailable)
                return; // the socket is gone; onClosed retries
            // The server refuses a hello it cannot speak with bad_request.
            refuse(r.error().code == ErrorCode::BadRequest ? Problem::VersionMismatch
                                                           : Problem::Refused,
                   r.error().message);
            return;
        }
        m_agreed.clear();
        for (const auto& f : r->value(QLatin1StringView("agreed")).toArray())
            m_agreed.append(f.toString());
        m_httpBase = httpBaseFrom(r->value(QLatin1StringView("http")).toObject(), m_url);
        authenticate();
    });
}

void Connection::authenticate()
{
    const bool resume = !m_token.isEmpty();
    if (!resume && m_password.isEmpty()) {
        refuse(Problem::TokenRefused, tr("log in to continue"));
        return;
    }
    const QJsonObject payload = resume ? QJsonObject {{QStringLiteral("token"), m_token}}
                                       : QJsonObject {{QStringLiteral("username"), m_username},
                                                      {QStringLiteral("password"), m_password}};
    m_session.request(resume ? session::AuthResume : session::AuthLogin, payload, this,
                      [this, resume](const Result<QJsonObject>& r) {
                          if (!r) {
                              // A password login that is rate limited ends here: retrying
                              // in the background would resend the password and prolong the
                              // lockout while the person waits in the dialog.
                              if (r.error().code == ErrorCode::RateLimited && !resume) {
                                  m_password.clear();
                                  refuse(Problem::RateLimited, r.error().message);
                                  return;
                              }
                              if (r.error().code == ErrorCode::Unavailable
                                  || r.error().code == ErrorCode::RateLimited)
                                  return m_session.abort();
                              // Wrong password, expired token, deactivated account: retrying cannot
                              // help.
                              m_password.clear();
                              if (resume)
                                  m_token.clear();
                              const ErrorCode code = r.error().code;
                              refuse(code == ErrorCode::Forbidden          ? Problem::Deactivated
                                         : code != ErrorCode::Unauthorized ? Problem::Refused
                                         : resume                          ? Problem::TokenRefused
                                                                           : Problem::WrongPassword,
                                     r.error().message);
                              return;
                          }
                          if (!resume) {
                              m_token = r->value(QLatin1StringView("token")).toString();
                              m_password.clear();
                              Q_EMIT tokenChanged(m_token);
                          }
                          m_handshakeTimeout.stop();
                          m_attempt = 0;
                          m_user = r->value(QLatin1StringView("user")).toObject();
                          m_userId = qint64(m_user.value(QLatin1StringView("id")).toDouble());
                          setState(State::Online);
                          m_keepAlive.start();
                          Q_EMIT authenticated(
                              m_user, qint64(r->value(QLatin1StringView("head")).toDouble()));
                      });
}

void Connection::onClosed(int code, const QString& reason)
{
    m_handshakeTimeout.stop();
    if (code == closeDeactivated || code == closeRevoked) {
        m_wanted = false;
        m_token.clear();
        setState(State::Offline);
        Q_EMIT problem(code == closeDeactivated ? Problem::Deactivated : Problem::TokenRefused,
                       reason);
        Q_EMIT signedOut(reason);
        return;
    }
    if (!m_wanted) {
        setState(State::Offline);
        return;
    }
    const bool unreachable = !m_opened;
    // A connection that worked and then closed (a server restart, "going away") is what every
    // client sees at the same moment: spread the first retry over a wide window, so that they
    // do not all come back in the same second.
    scheduleRetry(m_state == State::Online);
    if (unreachable)
        Q_EMIT problem(Problem::Unreachable, m_session.errorString());
}

void Connection::refuse(Problem problem, const QString& message)
{
    m_wanted = false;
    Q_EMIT this->problem(problem, message);
    Q_EMIT authFailed(message);
    m_session.close();
}

void Connection::scheduleRetry(bool spread)
{
    setState(State::Offline);
    if (spread) {
        const int window = std::max(m_minBackoffMs, std::min(m_maxBackoffMs, spreadWindowMs));
        m_nextRetryMs = m_minBackoffMs / 2 + int(QRandomGenerator::global()->bounded(window));
        m_retry.start(m_nextRetryMs);
        return;
    }
    // Full exponential step, then a random point in its upper half: spread, but never instant.
    const int exponent = std::min(m_attempt, 16);
    const qint64 step = std::min<qint64>(qint64(m_minBackoffMs) << exponent, m_maxBackoffMs);
    m_nextRetryMs = int(step / 2 + QRandomGenerator::global()->bounded(step / 2 + 1));
    ++m_attempt;
    m_retry.start(m_nextRetryMs);
}

} // namespace plein::client
