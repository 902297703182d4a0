#pragma once

#include "capabilities/accounts/accountservice.h"
#include "capabilities/accounts/accountstore.h"
#include "core/audience.h"
#include "core/capability.h"
#include "core/eventlog.h"
#include "core/noderelay.h"
#include "core/writeledger.h"
#include "core/writeservice.h"

#include <QVariantHash>

#include <memory>
#include <vector>

namespace plein::server {

class Database;
class EventHooks;
class HandlerRegistry;
class HttpRoutes;
class SessionHooks;

// The core stores and services over one database connection, and the capabilities built on
// them, wired once. Used by the running server and by the command-line administration alike.
// Accounts are part of the core: every session needs its user.
struct ServerCore
{
    // `settings`: the capabilities' settings from the server's configuration, by the name of
    // the config key (chat_edit_minutes ...); a capability reads its own.
    explicit ServerCore(Database& database, QVariantHash settings = {});
    ~ServerCore();
    ServerCore(const ServerCore&) = delete;
    ServerCore& operator=(const ServerCore&) = delete;

    Database& db;
    const QVariantHash settings;
    EventLog events;
    WriteLedger ledger;
    WriteService writes;
    Audience audience;
    AccountStore accounts;
    AccountService accountService;
    // Notes to the other server nodes (ephemeral signals, presence); inactive on one node.
    NodeRelay relay;

    // The capability of type T (created by capabilities/capabilities.cpp).
    template<class T> T& capability() const
    {
        for (const auto& c : m_capabilities) {
            if (auto* found = dynamic_cast<T*>(c.get()))
                return *found;
        }
        qFatal("capability not created");
    }
    // Lets every capability register its request handlers, event hooks and session hooks.
    void registerAll(HandlerRegistry& handlers, EventHooks& hooks,
                     SessionHooks& sessionHooks) const;
    // Lets every capability register its HTTP routes (the HTTP side's own ServerCore).
    void registerHttpRoutes(HttpRoutes& routes) const;

private:
    std::vector<std::unique_ptr<Capability>> m_capabilities;
};

} // namespace plein::server
