#include "capabilities/feed/feedcapability.h"

#include "capabilities/feed/feedprotocol.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/groups/groupscapability.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"

namespace plein::server {

namespace feed = protocol::feed;

FeedCapability::FeedCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files)
    : m_store(core.db)
    , m_topics(core.db)
    , m_service(core.writes, m_store, m_topics, core.events, core.accounts, groups.service(),
                files.service())
    , m_follows(core.writes, m_topics, core.events, core.accounts)
{
    // Once after migration 015: the posts written before it are tagged with their topics.
    if (auto tagged = m_topics.backfill(); !tagged)
        qWarning("feed: %s", qPrintable(tagged.error().message));
    // A file attached to a post or reply is seen by whoever may read it.
    files.owners().add(QStringLiteral("post"), [this](const User& user, qint64 postId) {
        return m_service.maySee(user, postId);
    });
}

void FeedCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addRead(feed::FeedPage, m_service, &FeedService::page);
    registry.addRead(feed::ThreadGet, m_service, &FeedService::thread);
    registry.addRead(feed::PostLikers, m_service, &FeedService::likers);
    registry.addWrite(feed::PostCreate, m_service, &FeedService::create);
    registry.addWrite(feed::PostEdit, m_service, &FeedService::edit);
    registry.addWrite(feed::PostDelete, m_service, &FeedService::remove);
    registry.addWrite(feed::PostLike, m_service, &FeedService::like);
    registry.addWrite(feed::PostPin, m_service, &FeedService::pin);
    registry.addWrite(feed::FeedFollow, m_follows, &FollowService::follow);
    registry.addRead(feed::FeedFollows, m_follows, &FollowService::follows);
}

} // namespace plein::server
