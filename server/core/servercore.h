#pragma once

#include "capabilities/accounts/accountservice.h"
#include "capabilities/accounts/accountstore.h"
#include "core/audience.h"
#include "core/capability.h"
#include "core/eventlog.h"
#include "core/writeledger.h"
#include "core/writeservice.h"

#include <memory>
#include <vector>

namespace plein::server {

class Database;
class EventHooks;
class HandlerRegistry;

// The core stores and services over one database connection, and the capabilities built on
// them, wired once. Used by the running server and by the command-line administration alike.
// Accounts are part of the core: every session needs its user.
struct ServerCore
{
    explicit ServerCore(Database& database);
    ~ServerCore();
    ServerCore(const ServerCore&) = delete;
    ServerCore& operator=(const ServerCore&) = delete;

    Database& db;
    EventLog events;
    WriteLedger ledger;
    WriteService writes;
    Audience audience;
    AccountStore accounts;
    AccountService accountService;

    // The capability of type T (created by capabilities/capabilities.cpp).
    template<class T> T& capability() const
    {
        for (const auto& c : m_capabilities) {
            if (auto* found = dynamic_cast<T*>(c.get()))
                return *found;
        }
        qFatal("capability not created");
    }
    // Lets every capability register its request handlers and event hooks.
    void registerAll(HandlerRegistry& handlers, EventHooks& hooks) const;

private:
    std::vector<std::unique_ptr<Capability>> m_capabilities;
};

} // namespace plein::server
