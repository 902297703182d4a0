#pragma once

#include "grouprow.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Outbox;
class Session;

// A page of the group directory or of a group's members, as the server answered it.
struct GroupPage
{
    QList<GroupRow> groups;
    QList<QJsonObject> members; // group.members: {user, role, state, since}
    bool more = false;
};

// The groups capability as the app sees it: the cached groups, reads from the server, and the
// writes (through the outbox, in the group's lane, so that a post written after joining
// offline goes after the join). Signals say what concerns the user.
class Groups : public QObject
{
    Q_OBJECT

public:
    Groups(Session& session, Cache& cache, Outbox& outbox, QObject* parent = nullptr);

    std::optional<GroupRow> group(qint64 id) const;
    // group.get into the cache; groupChanged or groupFetchFailed follows.
    void fetchGroup(qint64 id);
    // How a group read from the server is stored, inside a transaction (the groups' applier
    // sets it: the user's membership in the answer goes through the same rules as an event).
    void setStoreGroup(std::function<bool(const GroupRow&)> store)
    {
        m_storeGroup = std::move(store);
    }

    // Each returns the write's clientId, or an empty string when it could not be stored.
    QString create(const QString& name, const QString& description, const QString& kind,
                   const QString& history = QStringLiteral("all"));
    QString join(qint64 groupId);
    QString leave(qint64 groupId);
    QString invite(qint64 groupId, qint64 userId);
    QString decide(qint64 groupId, qint64 userId, bool approve);
    QString remove(qint64 groupId, qint64 userId);
    QString setRole(qint64 groupId, qint64 userId, const QString& role);
    // The user has read the group: its unread count starts again from here.
    void markRead(qint64 groupId);

    // Server reads for the models: group.list and group.members.
    void requestList(const QString& query, const QString& filter, int offset, int limit,
                     QObject* context, std::function<void(const Result<GroupPage>&)> reply);
    void requestMembers(qint64 groupId, const QString& state, qint64 afterUserId, int limit,
                        QObject* context, std::function<void(const Result<GroupPage>&)> reply);

    static QString laneOf(qint64 groupId);

Q_SIGNALS:
    void groupChanged(qint64 id);
    void groupFetchFailed(qint64 id, const QString& message);
    // The user's own relation to a group changed: none, member, pending or invited.
    void membershipChanged(qint64 groupId, const QString& state);
    // Someone asks to join a group the user owns or moderates.
    void requestArrived(qint64 groupId, qint64 userId);
    void invited(qint64 groupId);
    // The user's request to join was approved.
    void approved(qint64 groupId);

private:
    QString write(QLatin1StringView kind, qint64 groupId, QJsonObject payload);

    Session& m_session;
    Cache& m_cache;
    Outbox& m_outbox;
    std::function<bool(const GroupRow&)> m_storeGroup;
};

} // namespace plein::client
