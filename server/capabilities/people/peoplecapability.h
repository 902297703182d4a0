#pragma once

#include "capabilities/people/peopleservice.h"
#include "capabilities/people/peoplestore.h"
#include "core/capability.h"

namespace plein::server {

struct ServerCore;

// People: profiles and the directory. A changed profile reaches every client (people.profile)
// and, through its event hook, the open sessions of its person on every node, whose posts and
// messages carry the new name and department from their next write.
class PeopleCapability : public Capability
{
public:
    explicit PeopleCapability(ServerCore& core);

    QLatin1StringView name() const override { return QLatin1StringView("people"); }
    void registerHandlers(HandlerRegistry& registry) override;
    void registerEventHooks(EventHooks& hooks) override;

    PeopleStore& store() { return m_store; }
    PeopleService& service() { return m_service; }

private:
    PeopleStore m_store;
    PeopleService m_service;
};

} // namespace plein::server
