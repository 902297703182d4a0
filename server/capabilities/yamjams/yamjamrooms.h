#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

namespace plein::server {

class ClientSession;

// The live rooms of YamJams, in memory only: which sessions have a YamJam's live page open, and
// the question being answered there now. What changes is pushed (`yamjam.live`) to the room's
// sessions at most once a second, however many come and go or vote meanwhile, so a room of
// 5,000 costs a push a second, not one per arrival. Counts are this node's.
class YamJamRooms
{
public:
    YamJamRooms();
    YamJamRooms(const YamJamRooms&) = delete;
    YamJamRooms& operator=(const YamJamRooms&) = delete;

    // The session enters the room (again: nothing changes); the room's state now.
    QJsonObject join(ClientSession& session, qint64 yamjamId, qint64 answeringId);
    void leave(ClientSession& session, qint64 yamjamId);
    void sessionEnded(ClientSession& session);
    void setAnswering(qint64 yamjamId, qint64 questionId);
    // People present: distinct users with the room open.
    int present(qint64 yamjamId) const;

private:
    struct Room
    {
        QHash<ClientSession*, qint64> sessions; // session → its user
        QHash<qint64, int> users; // user → sessions of theirs in the room
        qint64 answeringId = 0;
        bool dirty = false;
    };
    QJsonObject stateOf(qint64 yamjamId, const Room& room) const;
    void changed(Room& room);
    void flush();

    QHash<qint64, Room> m_rooms;
    QHash<ClientSession*, QSet<qint64>> m_joined;
    QTimer m_tick;
};

} // namespace plein::server
