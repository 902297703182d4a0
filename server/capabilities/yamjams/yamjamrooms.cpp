#include "capabilities/yamjams/yamjamrooms.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/yamjams/yamjamsprotocol.h"
#include "core/clientsession.h"
#include "protocol/envelope.h"

namespace plein::server {

namespace yamjams = protocol::yamjams;

namespace {
constexpr int pushEveryMs = 1000;
} // namespace

YamJamRooms::YamJamRooms()
{
    m_tick.setInterval(pushEveryMs);
    QObject::connect(&m_tick, &QTimer::timeout, [this]() { flush(); });
}

QJsonObject YamJamRooms::stateOf(qint64 yamjamId, const Room& room) const
{
    QJsonObject o {{QStringLiteral("yamjamId"), yamjamId},
                   {QStringLiteral("present"), int(room.users.size())}};
    if (room.answeringId)
        o.insert(QStringLiteral("answering"), room.answeringId);
    return o;
}

void YamJamRooms::changed(Room& room)
{
    room.dirty = true;
    if (!m_tick.isActive())
        m_tick.start();
}

QJsonObject YamJamRooms::join(ClientSession& session, qint64 yamjamId, qint64 answeringId)
{
    Room& room = m_rooms[yamjamId];
    room.answeringId = answeringId;
    if (!room.sessions.contains(&session)) {
        const qint64 user = session.user ? session.user->id : 0;
        room.sessions.insert(&session, user);
        if (room.users[user]++ == 0)
            changed(room);
        m_joined[&session].insert(yamjamId);
    }
    return stateOf(yamjamId, room);
}

void YamJamRooms::leave(ClientSession& session, qint64 yamjamId)
{
    const auto it = m_rooms.find(yamjamId);
    if (it == m_rooms.end() || !it->sessions.contains(&session))
        return;
    const qint64 user = it->sessions.take(&session);
    if (--it->users[user] <= 0) {
        it->users.remove(user);
        changed(*it);
    }
    if (it->sessions.isEmpty())
        m_rooms.erase(it);
    const auto joined = m_joined.find(&session);
    if (joined != m_joined.end()) {
        joined->remove(yamjamId);
        if (joined->isEmpty())
            m_joined.erase(joined);
    }
}

void YamJamRooms::sessionEnded(ClientSession& session)
{
    const QSet<qint64> rooms = m_joined.value(&session);
    for (qint64 id : rooms)
        leave(session, id);
    m_joined.remove(&session);
}

void YamJamRooms::setAnswering(qint64 yamjamId, qint64 questionId)
{
    const auto it = m_rooms.find(yamjamId);
    if (it == m_rooms.end() || it->answeringId == questionId)
        return;
    it->answeringId = questionId;
    changed(*it);
}

int YamJamRooms::present(qint64 yamjamId) const
{
    const auto it = m_rooms.constFind(yamjamId);
    return it == m_rooms.constEnd() ? 0 : int(it->users.size());
}

void YamJamRooms::flush()
{
    bool any = false;
    for (auto it = m_rooms.begin(); it != m_rooms.end(); ++it) {
        if (!it->dirty)
            continue;
        it->dirty = false;
        any = true;
        const QByteArray frame = protocol::encodePush(yamjams::YamJamLive, stateOf(it.key(), *it));
        const QString text = QString::fromUtf8(frame);
        for (auto s = it->sessions.cbegin(); s != it->sessions.cend(); ++s)
            s.key()->sendText(text, frame.size());
    }
    if (!any)
        m_tick.stop();
}

} // namespace plein::server
