#include "net/hub.h"

#include "protocol/envelope.h"
#include "store/eventlog.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHub, "plein.server.hub")

namespace plein::server {

namespace {

constexpr int idleCheckMs = 30 * 1000;
constexpr qint64 idleDropMs = 90 * 1000;
constexpr int pumpBatch = 500;

} // namespace

Hub::Hub(EventLog& events, ClientSession::Limits limits, QObject* parent)
    : QObject(parent)
    , m_events(events)
    , m_limits(limits)
{
    m_idleTimer.setInterval(idleCheckMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &Hub::checkIdle);
}

void Hub::start()
{
    m_lastPumped = m_events.head();
    m_idleTimer.start();
}

ClientSession* Hub::addSession(QWebSocket* socket)
{
    auto* session = new ClientSession(socket, m_limits, this);
    m_sessions.insert(session);
    // Queued: a socket can close while a push to it is being written, in the middle of a loop
    // over the sessions; it leaves the lists only after that loop.
    connect(session, &ClientSession::closed, this, &Hub::removeSession, Qt::QueuedConnection);
    Q_EMIT sessionAdded(session);
    return session;
}

void Hub::setUser(ClientSession* session)
{
    // A login that finished after its connection closed must not be listed again.
    if (!m_sessions.contains(session) || !session->isConnected())
        return;
    if (session->user)
        m_byUser.insert(session->user->id, session);
}

void Hub::clearUser(ClientSession* session)
{
    if (session->user)
        m_byUser.remove(session->user->id, session);
    session->pause();
    session->user.reset();
}

int Hub::liveSessionCount() const
{
    int n = 0;
    for (auto* s : m_sessions)
        n += s->isLive() ? 1 : 0;
    return n;
}

void Hub::removeSession(ClientSession* session)
{
    if (!m_sessions.remove(session))
        return;
    if (session->user)
        m_byUser.remove(session->user->id, session);
    session->deleteLater();
    if (m_sessions.isEmpty())
        Q_EMIT allClosed();
}

void Hub::pump()
{
    // A push can re-enter the event loop through the socket; never pump twice at once.
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        for (;;) {
            auto batch = m_events.after(m_lastPumped, pumpBatch);
            if (!batch) {
                qCWarning(lcHub) << "cannot read the event log:" << batch.error().message;
                break;
            }
            for (const StoredEvent& e : batch.value()) {
                deliver(e);
                m_lastPumped = e.seq;
            }
            if (batch->size() < pumpBatch)
                break;
        }
    } while (m_pumpAgain);
    m_pumping = false;
}

void Hub::deliver(const StoredEvent& e)
{
    if (e.kind == QLatin1StringView("user.deactivated")) {
        closeUserSessions(e.actorId, QWebSocketProtocol::CloseCode(4001),
                          QStringLiteral("account deactivated"));
    } else if (e.kind == QLatin1StringView("user.sessions_revoked")) {
        closeUserSessions(e.actorId, QWebSocketProtocol::CloseCode(4003),
                          QStringLiteral("sessions revoked"));
    } else if (e.kind == QLatin1StringView("user.updated")) {
        // A changed role counts from the next request of every open session of that user.
        const auto role = roleFromName(e.data.value(QLatin1StringView("user"))
                                           .toObject()
                                           .value(QLatin1StringView("role"))
                                           .toString());
        for (auto it = m_byUser.constFind(e.actorId);
             role && it != m_byUser.constEnd() && it.key() == e.actorId; ++it) {
            if (it.value()->user)
                it.value()->user->role = *role;
        }
    }
    if (m_sessions.isEmpty())
        return;
    const QByteArray encoded = protocol::encodeEvent(e.seq, e.toJson());
    const QString frame = QString::fromUtf8(encoded);
    const auto deliverTo = [&](ClientSession* s) {
        if (s->isLive())
            s->pushEvent(e.seq, frame, encoded.size());
    };
    switch (e.scope.kind) {
    case Scope::Kind::All:
        for (auto* s : std::as_const(m_sessions))
            deliverTo(s);
        break;
    case Scope::Kind::Users:
        for (qint64 user : e.scope.users) {
            for (auto it = m_byUser.constFind(user); it != m_byUser.constEnd() && it.key() == user;
                 ++it)
                deliverTo(it.value());
        }
        break;
    case Scope::Kind::Group:
        for (auto* s : std::as_const(m_sessions)) {
            if (s->groups.contains(e.scope.groupId))
                deliverTo(s);
        }
        break;
    }
}

void Hub::closeUserSessions(qint64 userId, QWebSocketProtocol::CloseCode code,
                            const QString& reason)
{
    const auto sessions = m_byUser.values(userId);
    for (auto* s : sessions) {
        qCInfo(lcHub) << "closing a session of user" << userId << ":" << reason;
        s->user.reset();
        s->closeWith(code, reason);
    }
    m_byUser.remove(userId);
}

void Hub::closeAll(const QString& reason)
{
    const auto sessions = m_sessions;
    for (auto* s : sessions)
        s->closeWith(QWebSocketProtocol::CloseCodeGoingAway, reason);
    if (m_sessions.isEmpty())
        Q_EMIT allClosed();
}

void Hub::checkIdle()
{
    const auto sessions = m_sessions;
    for (auto* s : sessions) {
        if (s->idleMilliseconds() > idleDropMs)
            s->socket()->abort();
        else {
            s->countPing();
            s->socket()->ping();
        }
    }
}

} // namespace plein::server
