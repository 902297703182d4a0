#include "presence.h"

#include "capabilities/presence/presenceprotocol.h"
#include "jsonfields.h"
#include "sync/connection.h"
#include "sync/session.h"

#include <QJsonArray>

namespace plein::client {

namespace presence = protocol::presence;
using L = QLatin1StringView;

Presence::Presence(Session& session, Connection& connection, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
{
    m_watchSoon.setSingleShot(true);
    m_watchSoon.setInterval(watchDelayMs);
    connect(&m_watchSoon, &QTimer::timeout, this, &Presence::sendWatch);
    connect(&m_session, &Session::pushed, this, &Presence::onPush);
    // Each authentication is a new session on the server: it starts online and watches
    // nobody, so both are told again.
    connect(&m_connection, &Connection::authenticated, this, [this]() {
        if (m_own != State::Online)
            sendOwn();
        sendWatch();
    });
    // Offline, nobody's state is known.
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Offline)
            return;
        const QList<qint64> known = m_states.keys();
        for (qint64 id : known)
            setState(id, State::Offline);
    });
}

QString Presence::name(State state)
{
    switch (state) {
    case State::Online:
        return QStringLiteral("online");
    case State::Away:
        return QStringLiteral("away");
    case State::Dnd:
        return QStringLiteral("dnd");
    case State::Offline:
        break;
    }
    return QStringLiteral("offline");
}

Presence::State Presence::fromName(const QString& name)
{
    if (name == QLatin1StringView("online"))
        return State::Online;
    if (name == QLatin1StringView("away"))
        return State::Away;
    if (name == QLatin1StringView("dnd"))
        return State::Dnd;
    return State::Offline;
}

void Presence::setOwnState(State state)
{
    if (state == State::Offline || state == m_own)
        return;
    m_own = state;
    sendOwn();
}

void Presence::sendOwn()
{
    if (m_connection.state() != Connection::State::Online
        || !m_connection.agreedFeatures().contains(QString(presence::Feature)))
        return;
    m_session.request(presence::PresenceSet, QJsonObject {{QStringLiteral("state"), name(m_own)}},
                      this, [](const Result<QJsonObject>&) {
                          // Lost with the connection: the next authentication tells it again.
                      });
}

void Presence::watch(QObject* view, const QList<qint64>& userIds)
{
    if (!view)
        return;
    if (!m_views.contains(view))
        connect(view, &QObject::destroyed, this, [this, view]() { unwatch(view); });
    if (m_views.value(view) == userIds && m_views.contains(view))
        return;
    m_views.insert(view, userIds);
    m_watchSoon.start(watchDelayMs);
}

void Presence::unwatch(QObject* view)
{
    if (m_views.remove(view) > 0)
        m_watchSoon.start(watchDelayMs);
}

QList<qint64> Presence::watched() const
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (const QList<qint64>& ids : m_views) {
        for (qint64 id : ids) {
            if (id > 0 && !seen.contains(id) && out.size() < presence::maxWatched) {
                seen.insert(id);
                out.append(id);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void Presence::sendWatch()
{
    if (m_connection.state() != Connection::State::Online
        || !m_connection.agreedFeatures().contains(QString(presence::Feature)))
        return;
    const QList<qint64> ids = watched();
    // People no longer watched: their state is not known any more (nobody tells of changes).
    const QList<qint64> known = m_states.keys();
    for (qint64 id : known) {
        if (!ids.contains(id))
            setState(id, State::Offline);
    }
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    const quint64 generation = ++m_watchGeneration;
    m_session.request(presence::PresenceWatch, QJsonObject {{QStringLiteral("userIds"), array}},
                      this, [this, generation](const Result<QJsonObject>& r) {
                          if (generation != m_watchGeneration)
                              return;
                          // Lost on the way (not with the connection: then authenticating
                          // again sends it): tried again shortly.
                          if (!r) {
                              if (r.error().code != protocol::ErrorCode::Unavailable)
                                  m_watchSoon.start(watchRetryMs);
                              return;
                          }
                          for (const auto& v : r->value(L("presence")).toArray()) {
                              const QJsonObject o = v.toObject();
                              setState(jsonNumber(o, L("userId")),
                                       fromName(o.value(L("state")).toString()));
                          }
                      });
}

void Presence::onPush(const QString& pushName, const QJsonObject& payload)
{
    if (pushName != presence::Presence)
        return;
    const qint64 id = jsonNumber(payload, L("userId"));
    // Only for people still shown (a push may cross a new watch list).
    if (!watched().contains(id))
        return;
    setState(id, fromName(payload.value(L("state")).toString()));
}

void Presence::setState(qint64 userId, State state)
{
    if (userId <= 0 || m_states.value(userId, State::Offline) == state)
        return;
    if (state == State::Offline)
        m_states.remove(userId);
    else
        m_states.insert(userId, state);
    Q_EMIT changed(userId, state);
}

} // namespace plein::client
