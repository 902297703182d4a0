#pragma once

#include "capabilities/groups/groupservice.h"
#include "capabilities/groups/groupstore.h"
#include "core/capability.h"

namespace plein::server {

struct ServerCore;

// Groups: the directory, memberships with their roles, requests and invitations. Membership
// events change which live sessions receive a group's events at once, on every node.
class GroupsCapability : public Capability
{
public:
    explicit GroupsCapability(ServerCore& core);

    QLatin1StringView name() const override { return QLatin1StringView("groups"); }
    void registerHandlers(HandlerRegistry& registry) override;
    void registerEventHooks(EventHooks& hooks) override;

    GroupStore& store() { return m_store; }
    GroupService& service() { return m_service; }

private:
    GroupStore m_store;
    GroupService m_service;
};

} // namespace plein::server
