#include "capabilities/capabilities.h"

#include "capabilities/accounts/accountscapability.h"
#include "capabilities/blogs/blogscapability.h"
#include "capabilities/chat/chatcapability.h"
#include "capabilities/feed/feedcapability.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/groups/groupscapability.h"
#include "capabilities/people/peoplecapability.h"
#include "capabilities/presence/presencecapability.h"
#include "capabilities/search/searchcapability.h"
#include "capabilities/yamjams/yamjamscapability.h"

namespace plein::server {

std::vector<std::unique_ptr<Capability>> createCapabilities(ServerCore& core)
{
    std::vector<std::unique_ptr<Capability>> all;
    all.push_back(std::make_unique<AccountsCapability>(core));
    auto groups = std::make_unique<GroupsCapability>(core);
    // Before the capabilities whose objects carry files.
    auto files = std::make_unique<FilesCapability>(core);
    auto feed = std::make_unique<FeedCapability>(core, *groups, *files);
    auto chat = std::make_unique<ChatCapability>(core, *groups, *files);
    auto people = std::make_unique<PeopleCapability>(core, *files);
    GroupsCapability* groupsRef = groups.get();
    FilesCapability* filesRef = files.get();
    all.push_back(std::move(groups));
    all.push_back(std::move(files));
    all.push_back(std::move(feed));
    all.push_back(std::move(chat));
    all.push_back(std::make_unique<PresenceCapability>(core));
    all.push_back(std::move(people));
    all.push_back(std::make_unique<SearchCapability>());
    all.push_back(std::make_unique<BlogsCapability>(core, *groupsRef, *filesRef));
    all.push_back(std::make_unique<YamJamsCapability>(core, *groupsRef));
    return all;
}

} // namespace plein::server
