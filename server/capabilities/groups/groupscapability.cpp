#include "capabilities/groups/groupscapability.h"

#include "capabilities/groups/groupsprotocol.h"
#include "core/clientsession.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/handlerregistry.h"
#include "core/hub.h"
#include "core/servercore.h"

namespace plein::server {

namespace groups = protocol::groups;

namespace {

// Ephemeral signals to a group's members: `group:<id>`.
constexpr QLatin1StringView channelPrefix("group");

} // namespace

GroupsCapability::GroupsCapability(ServerCore& core)
    : m_store(core.db)
    , m_service(core.writes, m_store, core.events, core.accounts)
{ }

void GroupsCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addWrite(groups::GroupCreate, m_service, &GroupService::create);
    registry.addWrite(groups::GroupUpdate, m_service, &GroupService::update);
    registry.addWrite(groups::GroupArchive, m_service, &GroupService::archive);
    registry.addWrite(groups::GroupJoin, m_service, &GroupService::join);
    registry.addWrite(groups::GroupLeave, m_service, &GroupService::leave);
    registry.addWrite(groups::GroupInvite, m_service, &GroupService::invite);
    registry.addWrite(groups::GroupDecide, m_service, &GroupService::decide);
    registry.addWrite(groups::GroupRemove, m_service, &GroupService::remove);
    registry.addWrite(groups::GroupSetRole, m_service, &GroupService::setRole);
    registry.addRead(groups::GroupList, m_service, &GroupService::list);
    registry.addRead(groups::GroupGet, m_service, &GroupService::get);
    registry.addRead(groups::GroupMembers, m_service, &GroupService::members);
    // The session's groups are what the hub delivers to it: the members, kept current by the
    // group.member hook on every node.
    registry.addChannel(channelPrefix, groups::Feature,
                        [](const Caller& caller, qint64 groupId,
                           const QString&) -> Result<std::optional<ChannelAudience>> {
                            const auto& reach = caller.session.groups;
                            const bool member = std::any_of(
                                reach.cbegin(), reach.cend(),
                                [&](const GroupReach& g) { return g.groupId == groupId; });
                            if (!member)
                                return std::optional<ChannelAudience>();
                            return std::optional(ChannelAudience {groupId, {}});
                        });
}

void GroupsCapability::registerEventHooks(EventHooks& hooks)
{
    hooks.add(QString(groups::GroupMember), [](const StoredEvent& e, Hub& hub) {
        const qint64 groupId = qint64(e.data.value(QLatin1StringView("groupId")).toDouble());
        const qint64 userId = qint64(e.data.value(QLatin1StringView("userId")).toDouble());
        if (e.data.value(QLatin1StringView("state")).toString() == QLatin1StringView("member")) {
            const bool joinedOnly = e.data.value(QLatin1StringView("history")).toString()
                == QLatin1StringView("joined");
            hub.joinGroup(userId, GroupReach {groupId, joinedOnly ? e.seq : 0}, groups::Feature);
        } else {
            hub.leaveGroup(userId, groupId);
        }
    });
    hooks.add(QString(groups::GroupUpdated), [](const StoredEvent& e, Hub& hub) {
        const QJsonObject group = e.data.value(QLatin1StringView("group")).toObject();
        if (group.value(QLatin1StringView("history")).toString() == QLatin1StringView("all"))
            hub.openGroupHistory(qint64(group.value(QLatin1StringView("id")).toDouble()));
    });
}

} // namespace plein::server
