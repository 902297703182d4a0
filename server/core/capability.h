#pragma once

#include <QLatin1StringView>

namespace plein::server {

class EventHooks;
class HandlerRegistry;
class HttpRoutes;
class SessionHooks;

// One capability of the server (feed, groups, ...): it owns its store and service, answers its
// requests and reacts to its events. capabilities/capabilities.cpp creates them in order, so a
// capability may use the ones created before it. Adding a capability is adding a folder under
// capabilities/ and a line there; nothing in core/ changes.
class Capability
{
public:
    virtual ~Capability() = default;

    // The name of its protocol description in shared/capabilities/.
    virtual QLatin1StringView name() const = 0;
    // The requests it answers.
    virtual void registerHandlers(HandlerRegistry& registry) = 0;
    // What live sessions must do when one of its events is delivered (before delivery).
    virtual void registerEventHooks(EventHooks& hooks) { Q_UNUSED(hooks); }
    // What it keeps about live sessions, as they log in and go away.
    virtual void registerSessionHooks(SessionHooks& hooks) { Q_UNUSED(hooks); }
    // What it answers on the HTTP side (on the HTTP thread, over that thread's connection).
    virtual void registerHttpRoutes(HttpRoutes& routes) { Q_UNUSED(routes); }
};

} // namespace plein::server
