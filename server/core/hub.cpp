#include "core/hub.h"

#include "capabilities/session/sessionprotocol.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/sessionhooks.h"
#include "core/syncpage.h"
#include "protocol/envelope.h"
#include "protocol/registry.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHub, "plein.server.hub")

namespace plein::server {

namespace {

constexpr int idleCheckMs = 30 * 1000;
constexpr qint64 idleDropMs = 90 * 1000;
constexpr int pumpBatch = 500;

} // namespace

void EventHooks::run(const StoredEvent& event, Hub& hub) const
{
    for (auto it = m_hooks.constFind(event.kind);
         it != m_hooks.constEnd() && it.key() == event.kind; ++it)
        it.value()(event, hub);
}

Hub::Hub(EventLog& events, const EventHooks& hooks, const SessionHooks& sessionHooks,
         ClientSession::Limits limits, QObject* parent)
    : QObject(parent)
    , m_events(events)
    , m_hooks(hooks)
    , m_sessionHooks(sessionHooks)
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
    if (!session->user)
        return;
    m_byUser.insert(session->user->id, session);
    for (const GroupReach& g : std::as_const(session->groups))
        m_byGroup.insert(g.groupId, session);
    m_sessionHooks.authenticated(*session);
}

void Hub::endUser(ClientSession* session)
{
    if (session->user && m_byUser.contains(session->user->id, session))
        m_sessionHooks.ended(*session);
}

void Hub::unlistGroups(ClientSession* session)
{
    for (const GroupReach& g : std::as_const(session->groups))
        m_byGroup.remove(g.groupId, session);
}

void Hub::clearUser(ClientSession* session)
{
    endUser(session);
    if (session->user)
        m_byUser.remove(session->user->id, session);
    unlistGroups(session);
    session->groups.clear();
    session->pause();
    session->user.reset();
}

void Hub::joinGroup(qint64 userId, const GroupReach& reach, QLatin1StringView feature)
{
    for (auto* s : m_byUser.values(userId)) {
        if (!s->agrees(feature))
            continue;
        const bool listed
            = std::any_of(s->groups.cbegin(), s->groups.cend(),
                          [&](const GroupReach& g) { return g.groupId == reach.groupId; });
        if (listed)
            continue;
        s->groups.append(reach);
        m_byGroup.insert(reach.groupId, s);
    }
}

void Hub::leaveGroup(qint64 userId, qint64 groupId)
{
    for (auto* s : m_byUser.values(userId)) {
        s->groups.removeIf([&](const GroupReach& g) { return g.groupId == groupId; });
        m_byGroup.remove(groupId, s);
    }
}

void Hub::openGroupHistory(qint64 groupId)
{
    for (auto it = m_byGroup.constFind(groupId); it != m_byGroup.constEnd() && it.key() == groupId;
         ++it) {
        for (GroupReach& g : it.value()->groups) {
            if (g.groupId == groupId)
                g.visibleFrom = 0;
        }
    }
}

namespace {

bool agreesOnAll(const ClientSession* s, const QStringList& features)
{
    return std::all_of(features.cbegin(), features.cend(),
                       [&](const QString& f) { return s->features.contains(f); });
}

} // namespace

void Hub::sendToGroup(qint64 groupId, const QStringList& features, const QByteArray& frame,
                      const ClientSession* except)
{
    const QString text = QString::fromUtf8(frame);
    for (auto it = m_byGroup.constFind(groupId); it != m_byGroup.constEnd() && it.key() == groupId;
         ++it) {
        ClientSession* s = it.value();
        if (s != except && s->isLive() && agreesOnAll(s, features))
            s->sendText(text, frame.size());
    }
}

void Hub::sendToUsers(const QList<qint64>& userIds, const QStringList& features,
                      const QByteArray& frame, const ClientSession* except)
{
    const QString text = QString::fromUtf8(frame);
    for (qint64 user : userIds) {
        for (auto it = m_byUser.constFind(user); it != m_byUser.constEnd() && it.key() == user;
             ++it) {
            ClientSession* s = it.value();
            if (s != except && s->isLive() && agreesOnAll(s, features))
                s->sendText(text, frame.size());
        }
    }
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
    endUser(session);
    if (session->user)
        m_byUser.remove(session->user->id, session);
    unlistGroups(session);
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
            for (StoredEvent& e : batch.value()) {
                // Pushes splice the stored JSON; only the hooks read the data.
                if (m_hooks.handles(e.kind))
                    e.data = QJsonDocument::fromJson(e.rawData).object();
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
    m_hooks.run(e, *this);
    if (m_sessions.isEmpty())
        return;
    const protocol::CapabilitySpec* capability = protocol::capabilityOfEvent(e.kind);
    const QLatin1StringView feature = capability ? capability->feature : QLatin1StringView();
    // Encoded at most once per wire shape, and only when some session takes it.
    struct Encoded
    {
        QString frame;
        qint64 bytes = -1;
    };
    Encoded plain;
    Encoded withAudience;
    const auto encoded = [&](bool audience) -> const Encoded& {
        Encoded& slot = audience ? withAudience : plain;
        if (slot.bytes < 0) {
            const QByteArray bytes = encodeEventPush(e, audience);
            slot.frame = QString::fromUtf8(bytes);
            slot.bytes = bytes.size();
        }
        return slot;
    };
    const auto deliverTo = [&](ClientSession* s) {
        if (!s->isLive() || (!feature.isEmpty() && !s->agrees(feature)))
            return;
        const Encoded& frame = encoded(s->agrees(protocol::session::AudienceFeature));
        s->pushEvent(e.seq, frame.frame, frame.bytes);
    };
    const auto deliverToUsers = [&]() {
        for (qint64 user : e.scope.users) {
            for (auto it = m_byUser.constFind(user); it != m_byUser.constEnd() && it.key() == user;
                 ++it)
                deliverTo(it.value());
        }
    };
    switch (e.scope.kind) {
    case Scope::Kind::All:
        for (auto* s : std::as_const(m_sessions))
            deliverTo(s);
        break;
    case Scope::Kind::Users:
        deliverToUsers();
        // The members of several groups (a session in two of them is pushed the event once:
        // pushEvent skips what it has).
        for (qint64 group : e.scope.groups) {
            for (auto it = m_byGroup.constFind(group);
                 it != m_byGroup.constEnd() && it.key() == group; ++it)
                deliverTo(it.value());
        }
        break;
    case Scope::Kind::Group:
        for (auto it = m_byGroup.constFind(e.scope.groupId);
             it != m_byGroup.constEnd() && it.key() == e.scope.groupId; ++it) {
            // About something older than the member's view of the group (history rule)?
            if (e.originSeq > 0) {
                const auto& reach = it.value()->groups;
                const auto g = std::find_if(reach.cbegin(), reach.cend(), [&](const GroupReach& r) {
                    return r.groupId == e.scope.groupId;
                });
                if (g != reach.cend() && g->visibleFrom >= e.originSeq)
                    continue;
            }
            deliverTo(it.value());
        }
        // A session pushed the event already skips it (pushEvent checks the sequence number).
        deliverToUsers();
        break;
    }
}

void Hub::closeUserSessions(qint64 userId, QWebSocketProtocol::CloseCode code,
                            const QString& reason)
{
    const auto sessions = m_byUser.values(userId);
    for (auto* s : sessions) {
        qCInfo(lcHub) << "closing a session of user" << userId << ":" << reason;
        endUser(s);
        unlistGroups(s);
        s->user.reset();
        s->closeWith(code, reason);
    }
    m_byUser.remove(userId);
}

void Hub::closeTokenSessions(const QString& tokenHash, QWebSocketProtocol::CloseCode code,
                             const QString& reason)
{
    if (tokenHash.isEmpty())
        return;
    const auto sessions = m_sessions;
    for (auto* s : sessions) {
        if (s->tokenHash != tokenHash)
            continue;
        endUser(s);
        if (s->user)
            m_byUser.remove(s->user->id, s);
        unlistGroups(s);
        s->user.reset();
        s->closeWith(code, reason);
    }
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
