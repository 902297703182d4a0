#pragma once

#include "capabilities/people/peopleservice.h"
#include "capabilities/people/peoplestore.h"
#include "core/capability.h"

namespace plein::server {

class FilesCapability;
struct ServerCore;

// People: profiles and the directory. A changed profile reaches every client (people.profile)
// and, through its event hook, the open sessions of its person on every node, whose posts and
// messages carry the new name and department from their next write. A profile's photo is a
// file attached to it (owner kind "profile-photo"), seen by whoever may see the profile.
class PeopleCapability : public Capability
{
public:
    PeopleCapability(ServerCore& core, FilesCapability& files);

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
