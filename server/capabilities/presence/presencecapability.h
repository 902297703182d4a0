#pragma once

#include "capabilities/presence/presencetracker.h"
#include "core/capability.h"

namespace plein::server {

struct ServerCore;

// Presence: online, away, do-not-disturb or offline, for the sessions that watch a person.
// Nothing is stored; the tracker follows the sessions through the session hooks.
class PresenceCapability : public Capability
{
public:
    explicit PresenceCapability(ServerCore& core);

    QLatin1StringView name() const override { return QLatin1StringView("presence"); }
    void registerHandlers(HandlerRegistry& registry) override;
    void registerSessionHooks(SessionHooks& hooks) override;

    PresenceTracker& tracker() { return m_tracker; }

private:
    PresenceTracker m_tracker;
};

} // namespace plein::server
