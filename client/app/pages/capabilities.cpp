#include "pages/capabilities.h"

#include "pages/blogs/blogscapability.h"
#include "pages/chat/chatcapability.h"
#include "pages/feed/feedcapability.h"
#include "pages/files/filescapability.h"
#include "pages/groups/groupscapability.h"
#include "pages/people/peoplecapability.h"
#include "pages/search/searchcapability.h"
#include "pages/topics/topicscapability.h"

namespace plein::app {

void installCapabilities(MainWindow& shell)
{
    // Each is kept by the shell, its parent. Files first: the others show files with it.
    new FilesCapability(shell);
    auto* feed = new FeedCapability(shell);
    new GroupsCapability(shell, *feed);
    new ChatCapability(shell);
    new BlogsCapability(shell);
    new PeopleCapability(shell);
    new SearchCapability(shell);
    new TopicsCapability(shell, *feed);
}

} // namespace plein::app
