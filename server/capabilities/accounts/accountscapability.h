#pragma once

#include "core/capability.h"

namespace plein::server {

struct ServerCore;

// Accounts on a live server: deactivation, a new password, a logout and a changed role act on
// the open sessions of every node, through the events the account service appends.
class AccountsCapability : public Capability
{
public:
    explicit AccountsCapability(ServerCore& core)
        : m_core(core)
    { }

    QLatin1StringView name() const override { return QLatin1StringView("accounts"); }
    void registerHandlers(HandlerRegistry& registry) override;
    void registerEventHooks(EventHooks& hooks) override;

private:
    ServerCore& m_core;
};

} // namespace plein::server
