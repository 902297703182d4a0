#pragma once

#include "capabilities/yamjams/yamjamrooms.h"
#include "capabilities/yamjams/yamjamservice.h"
#include "capabilities/yamjams/yamjamstore.h"
#include "core/capability.h"

namespace plein::server {

class GroupsCapability;
struct ServerCore;

// YamJams: live Q&A sessions with hosts, organisers, questions, votes and moderation
// (docs/protocol.md, "YamJams"); the live rooms' presence and "now answering" in memory.
class YamJamsCapability : public Capability
{
public:
    YamJamsCapability(ServerCore& core, GroupsCapability& groups);

    QLatin1StringView name() const override { return QLatin1StringView("yamjams"); }
    void registerHandlers(HandlerRegistry& registry) override;
    void registerSessionHooks(SessionHooks& hooks) override;

    YamJamService& service() { return m_service; }

private:
    YamJamStore m_store;
    YamJamService m_service;
    YamJamRooms m_rooms;
};

} // namespace plein::server
