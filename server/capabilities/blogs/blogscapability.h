#pragma once

#include "capabilities/blogs/blogservice.h"
#include "capabilities/blogs/blogstore.h"
#include "capabilities/blogs/commentservice.h"
#include "capabilities/blogs/commentstore.h"
#include "core/capability.h"

#include <QTimer>

namespace plein::server {

class FilesCapability;
class GroupsCapability;
struct ServerCore;

// Blogs: articles with drafts, scheduled publishing and kept revisions (docs/protocol.md,
// "Blogs"). The running server publishes scheduled articles when their time comes, also after
// a restart; with several nodes each looks, and the first to publish one wins.
class BlogsCapability : public Capability
{
public:
    BlogsCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files);

    QLatin1StringView name() const override { return QLatin1StringView("blogs"); }
    void registerHandlers(HandlerRegistry& registry) override;

    BlogService& service() { return m_service; }
    CommentService& comments() { return m_comments; }

private:
    // Publishes what is due and sets the timer for the next one (at most a minute away, so
    // articles scheduled on another node are found too).
    void publishDue();
    void arm();

    BlogStore m_store;
    BlogService m_service;
    CommentStore m_commentStore;
    CommentService m_comments;
    QTimer m_due;
};

} // namespace plein::server
