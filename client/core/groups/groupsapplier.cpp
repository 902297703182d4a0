#include "groupsapplier.h"

#include "capabilities/groups/groupsprotocol.h"
#include "feed/feed.h"
#include "feed/poststore.h"
#include "groups.h"
#include "groupstore.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "protocol/limits.h"
#include "store/cache.h"
#include "sync/keptevents.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QJsonArray>

#include <limits>

namespace plein::client {

namespace groups = protocol::groups;

namespace {

QString text(const QJsonObject& o, QLatin1StringView key)
{
    return o.value(key).toString();
}

} // namespace

GroupsApplier::GroupsApplier(Session& session, Cache& cache, Groups& groups, Feed& feed,
                             SyncEngine& sync)
    : m_session(session)
    , m_cache(cache)
    , m_groups(groups)
    , m_feed(feed)
    , m_sync(sync)
{ }

bool GroupsApplier::applyMyMembership(qint64 groupId, const QString& state, const QString& role,
                                      qint64 actor)
{
    GroupStore store(m_cache);
    const auto before = store.group(groupId);
    const QString was = before ? before->myState : QStringLiteral("none");
    if (!store.setMembership(groupId, state, role))
        return false;
    const bool member = state == QLatin1StringView("member");
    // Whatever said so (an event, a write's answer, group.get) and whatever the cache thought
    // before: not a member means nothing of the group's stays, and a secret group goes
    // altogether. Events read later from the log may bring older posts back; the event that
    // ended the membership comes after them and purges again.
    if (!member
        && !purge(groupId,
                  before && before->kind == QLatin1StringView("secret")
                      && state == QLatin1StringView("none")))
        return false;
    // What a page read while not a member cached was never kept up to date: read it afresh.
    if (member && was != QLatin1StringView("member") && !PostStore(m_cache).clearFeed(groupId))
        return false;
    if (!before && state != QLatin1StringView("none")) // invited to a secret group, say: the
        m_cache.afterCommit(
            [this, groupId]() { m_groups.fetchGroup(groupId); }); // event names it by id
    if (state == was)
        return true;
    const qint64 me = m_sync.userId();
    m_cache.afterCommit([this, groupId, state, was, actor, me]() {
        if (state == QLatin1StringView("member")) {
            m_feed.fetchFeed(groupId);
            if (was == QLatin1StringView("pending") && actor != me)
                Q_EMIT m_groups.approved(groupId);
        } else if (state == QLatin1StringView("invited")) {
            Q_EMIT m_groups.invited(groupId);
        }
        Q_EMIT m_groups.membershipChanged(groupId, state);
    });
    return true;
}

bool GroupsApplier::purge(qint64 groupId, bool forgetGroup)
{
    return PostStore(m_cache).clearFeed(groupId) && KeptEvents(m_cache).forgetGroup(groupId)
        && (!forgetGroup || GroupStore(m_cache).remove(groupId));
}

void GroupsApplier::registerWith(SyncEngine& sync, Outbox& outbox)
{
    const auto upsertGroup = [this](const SyncEvent& e) {
        const GroupRow g = GroupRow::fromJson(e.data.value(QLatin1StringView("group")).toObject());
        return GroupStore(m_cache).upsert(g);
    };
    // A group read with group.get carries the user's membership: the same rules apply to it.
    m_groups.setStoreGroup([this](const GroupRow& g) {
        return GroupStore(m_cache).upsert(g)
            && applyMyMembership(g.id, g.myState, g.myRole, m_sync.userId());
    });
    sync.registerApplier(QString(groups::GroupCreated), upsertGroup);
    sync.registerApplier(QString(groups::GroupUpdated), upsertGroup);
    sync.registerApplier(QString(groups::GroupMember), [this](const SyncEvent& e) {
        const qint64 groupId = jsonNumber(e.data, QLatin1StringView("groupId"));
        const qint64 userId = jsonNumber(e.data, QLatin1StringView("userId"));
        const QString state = text(e.data, QLatin1StringView("state"));
        if (e.data.contains(QLatin1StringView("members"))
            && !GroupStore(m_cache).setMemberCount(
                groupId, e.data.value(QLatin1StringView("members")).toInt()))
            return false;
        if (userId == m_sync.userId())
            return applyMyMembership(groupId, state, text(e.data, QLatin1StringView("role")),
                                     e.actor);
        if (state == QLatin1StringView("pending"))
            m_cache.afterCommit(
                [this, groupId, userId]() { Q_EMIT m_groups.requestArrived(groupId, userId); });
        return true;
    });

    // A created or changed group is answered with the group and the user's membership.
    const auto storeListed = [this](const OutboxEntry&, const QJsonObject& result) {
        const GroupRow g = GroupRow::fromJson(result.value(QLatin1StringView("group")).toObject());
        return GroupStore(m_cache).upsert(g)
            && applyMyMembership(g.id, g.myState, g.myRole, m_sync.userId());
    };
    // A membership write is answered with the membership of the user it concerns.
    const auto storeMembership = [this](const OutboxEntry&, const QJsonObject& result) {
        if (jsonNumber(result, QLatin1StringView("userId")) != m_sync.userId())
            return true; // someone else's: their group.member event says what changed
        const QJsonObject m = result.value(QLatin1StringView("membership")).toObject();
        return applyMyMembership(jsonNumber(result, QLatin1StringView("groupId")),
                                 text(m, QLatin1StringView("state")),
                                 text(m, QLatin1StringView("role")), m_sync.userId());
    };
    for (QLatin1StringView kind : {groups::GroupCreate, groups::GroupUpdate, groups::GroupArchive})
        outbox.registerKind(WriteKind {QString(kind), storeListed, {}, {}, {}});
    for (QLatin1StringView kind : {groups::GroupJoin, groups::GroupLeave, groups::GroupInvite,
                                   groups::GroupDecide, groups::GroupRemove, groups::GroupSetRole})
        outbox.registerKind(WriteKind {QString(kind), storeMembership, {}, {}, {}});
}

struct GroupsApplier::Reading
{
    QList<GroupRow> groups;
    QList<qint64> open; // groups with a request or invitation, to ask about one by one
    int offset = 0;
    qint64 lowestHead = std::numeric_limits<qint64>::max();
    std::function<void(const Result<qint64>&)> done;

    void noteHead(const QJsonObject& answer)
    {
        lowestHead = std::min(lowestHead, jsonNumber(answer, QLatin1StringView("head")));
    }
};

void GroupsApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    auto reading = std::make_shared<Reading>();
    reading->open = GroupStore(m_cache).openGroupIds();
    reading->done = std::move(done);
    readMine(reading);
}

void GroupsApplier::readMine(std::shared_ptr<Reading> reading)
{
    m_session.request(groups::GroupList,
                      QJsonObject {{QStringLiteral("filter"), QStringLiteral("mine")},
                                   {QStringLiteral("offset"), reading->offset},
                                   {QStringLiteral("limit"), protocol::maxFeedPage}},
                      &m_groups, [this, reading](const Result<QJsonObject>& r) {
                          if (!r) {
                              reading->done(r.error());
                              return;
                          }
                          reading->noteHead(r.value());
                          const QJsonArray page = r->value(QLatin1StringView("groups")).toArray();
                          for (const auto& g : page)
                              reading->groups.append(GroupRow::fromJson(g.toObject()));
                          reading->offset += int(page.size());
                          if (r->value(QLatin1StringView("more")).toBool() && !page.isEmpty())
                              readMine(reading);
                          else
                              readOpen(reading);
                      });
}

void GroupsApplier::readOpen(std::shared_ptr<Reading> reading)
{
    if (reading->open.isEmpty()) {
        store(reading);
        return;
    }
    const qint64 groupId = reading->open.takeFirst();
    m_session.request(groups::GroupGet, QJsonObject {{QStringLiteral("groupId"), groupId}},
                      &m_groups, [this, reading](const Result<QJsonObject>& r) {
                          // Gone or hidden by now: nothing to keep.
                          if (r) {
                              reading->noteHead(r.value());
                              reading->groups.append(GroupRow::fromJson(
                                  r->value(QLatin1StringView("group")).toObject()));
                          }
                          readOpen(reading);
                      });
}

void GroupsApplier::store(std::shared_ptr<Reading> reading)
{
    GroupStore groups(m_cache);
    const bool ok = m_cache.transaction([&]() {
        if (!groups.clear())
            return false;
        for (const GroupRow& g : std::as_const(reading->groups)) {
            if (!groups.upsert(g) || !groups.setMembership(g.id, g.myState, g.myRole))
                return false;
        }
        return true;
    });
    if (!ok) {
        reading->done(
            makeError(protocol::ErrorCode::Internal,
                      QStringLiteral("cannot store the groups: %1").arg(m_cache.lastError())));
        return;
    }
    reading->done(reading->lowestHead);
}

} // namespace plein::client
