#pragma once

#include "capabilities/feed/feedservice.h"
#include "capabilities/feed/feedstore.h"
#include "capabilities/feed/followservice.h"
#include "capabilities/feed/topicstore.h"
#include "core/capability.h"

namespace plein::server {

class FilesCapability;
class GroupsCapability;
struct ServerCore;

// The microblog: the company feed and the groups' feeds, threads, likes, mentions, pins,
// #topics and following.
class FeedCapability : public Capability
{
public:
    FeedCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files);

    QLatin1StringView name() const override { return QLatin1StringView("feed"); }
    void registerHandlers(HandlerRegistry& registry) override;

    FeedStore& store() { return m_store; }
    FeedService& service() { return m_service; }

private:
    FeedStore m_store;
    TopicStore m_topics;
    FeedService m_service;
    FollowService m_follows;
};

} // namespace plein::server
