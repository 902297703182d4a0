#include "pages/capabilities.h"

#include "pages/feed/feedcapability.h"
#include "pages/groups/groupscapability.h"

namespace plein::app {

void installCapabilities(MainWindow& shell)
{
    // Each is kept by the shell, its parent.
    auto* feed = new FeedCapability(shell);
    new GroupsCapability(shell, *feed);
}

} // namespace plein::app
