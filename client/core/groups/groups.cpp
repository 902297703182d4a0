#include "groups.h"

#include "capabilities/groups/groupsprotocol.h"
#include "groupstore.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/session.h"

#include <QJsonArray>

namespace plein::client {

namespace groups = protocol::groups;

Groups::Groups(Session& session, Cache& cache, Outbox& outbox, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
{ }

QString Groups::laneOf(qint64 groupId)
{
    return QStringLiteral("group:%1").arg(groupId);
}

std::optional<GroupRow> Groups::group(qint64 id) const
{
    return GroupStore(m_cache).group(id);
}

void Groups::fetchGroup(qint64 id)
{
    m_session.request(groups::GroupGet, QJsonObject {{QStringLiteral("groupId"), id}}, this,
                      [this, id](const Result<QJsonObject>& r) {
                          if (!r) {
                              Q_EMIT groupFetchFailed(id, r.error().message);
                              return;
                          }
                          const GroupRow g
                              = GroupRow::fromJson(r->value(QLatin1StringView("group")).toObject());
                          GroupStore store(m_cache);
                          const bool stored = m_cache.transaction([&]() {
                              return m_storeGroup ? m_storeGroup(g)
                                                  : store.upsert(g)
                                      && store.setMembership(g.id, g.myState, g.myRole);
                          });
                          if (!stored) {
                              Q_EMIT groupFetchFailed(id, m_cache.lastError());
                              return;
                          }
                          Q_EMIT groupChanged(id);
                      });
}

QString Groups::write(QLatin1StringView kind, qint64 groupId, QJsonObject payload)
{
    payload.insert(QStringLiteral("groupId"), groupId);
    return m_outbox.add(OutboxDraft {QString(kind), laneOf(groupId),
                                     QStringLiteral("group:%1").arg(groupId), payload});
}

QString Groups::create(const QString& name, const QString& description, const QString& kind,
                       const QString& history)
{
    QJsonObject payload {{QStringLiteral("name"), name}, {QStringLiteral("kind"), kind}};
    if (!description.isEmpty())
        payload.insert(QStringLiteral("description"), description);
    if (!history.isEmpty())
        payload.insert(QStringLiteral("history"), history);
    return m_outbox.add(
        OutboxDraft {QString(groups::GroupCreate), QStringLiteral("groups"), QString(), payload});
}

QString Groups::join(qint64 groupId)
{
    return write(groups::GroupJoin, groupId, {});
}

QString Groups::leave(qint64 groupId)
{
    return write(groups::GroupLeave, groupId, {});
}

QString Groups::invite(qint64 groupId, qint64 userId)
{
    return write(groups::GroupInvite, groupId, {{QStringLiteral("userId"), userId}});
}

QString Groups::decide(qint64 groupId, qint64 userId, bool approve)
{
    return write(groups::GroupDecide, groupId,
                 {{QStringLiteral("userId"), userId}, {QStringLiteral("approve"), approve}});
}

QString Groups::remove(qint64 groupId, qint64 userId)
{
    return write(groups::GroupRemove, groupId, {{QStringLiteral("userId"), userId}});
}

QString Groups::setRole(qint64 groupId, qint64 userId, const QString& role)
{
    return write(groups::GroupSetRole, groupId,
                 {{QStringLiteral("userId"), userId}, {QStringLiteral("role"), role}});
}

void Groups::markRead(qint64 groupId)
{
    m_cache.transaction([&]() { return GroupStore(m_cache).markRead(groupId); });
}

void Groups::requestList(const QString& query, const QString& filter, int offset, int limit,
                         QObject* context, std::function<void(const Result<GroupPage>&)> reply)
{
    QJsonObject payload {{QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit}};
    if (!query.isEmpty())
        payload.insert(QStringLiteral("query"), query);
    if (!filter.isEmpty())
        payload.insert(QStringLiteral("filter"), filter);
    m_session.request(groups::GroupList, payload, context,
                      [this, reply](const Result<QJsonObject>& r) {
                          if (!r) {
                              reply(r.error());
                              return;
                          }
                          GroupPage page;
                          page.more = r->value(QLatin1StringView("more")).toBool();
                          for (const auto& g : r->value(QLatin1StringView("groups")).toArray())
                              page.groups.append(GroupRow::fromJson(g.toObject()));
                          // What the directory shows stays readable offline.
                          GroupStore store(m_cache);
                          m_cache.transaction([&]() {
                              for (const GroupRow& g : std::as_const(page.groups)) {
                                  if (!store.upsert(g))
                                      return false;
                              }
                              return true;
                          });
                          reply(page);
                      });
}

void Groups::requestMembers(qint64 groupId, const QString& state, qint64 afterUserId, int limit,
                            QObject* context, std::function<void(const Result<GroupPage>&)> reply)
{
    QJsonObject payload {{QStringLiteral("groupId"), groupId}, {QStringLiteral("limit"), limit}};
    if (!state.isEmpty())
        payload.insert(QStringLiteral("state"), state);
    if (afterUserId > 0)
        payload.insert(QStringLiteral("after"), afterUserId);
    m_session.request(groups::GroupMembers, payload, context,
                      [reply](const Result<QJsonObject>& r) {
                          if (!r) {
                              reply(r.error());
                              return;
                          }
                          GroupPage page;
                          page.more = r->value(QLatin1StringView("more")).toBool();
                          for (const auto& m : r->value(QLatin1StringView("members")).toArray())
                              page.members.append(m.toObject());
                          reply(page);
                      });
}

} // namespace plein::client
