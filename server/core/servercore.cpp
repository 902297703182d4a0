#include "core/servercore.h"

#include "capabilities/capabilities.h"

namespace plein::server {

ServerCore::ServerCore(Database& database, QVariantHash capabilitySettings)
    : db(database)
    , settings(std::move(capabilitySettings))
    , events(database)
    , ledger(database)
    , writes(database, events, ledger)
    , audience(database)
    , accounts(database)
    , accountService(writes, accounts, events)
{
    // After the members above: capabilities are built on them.
    m_capabilities = createCapabilities(*this);
}

ServerCore::~ServerCore() = default;

void ServerCore::registerAll(HandlerRegistry& handlers, EventHooks& hooks,
                             SessionHooks& sessionHooks) const
{
    for (const auto& c : m_capabilities) {
        c->registerHandlers(handlers);
        c->registerEventHooks(hooks);
        c->registerSessionHooks(sessionHooks);
    }
}

} // namespace plein::server

namespace plein::server {

void ServerCore::registerHttpRoutes(HttpRoutes& routes) const
{
    for (const auto& c : m_capabilities)
        c->registerHttpRoutes(routes);
}

} // namespace plein::server
