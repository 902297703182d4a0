#include "capabilities/blogs/blogscapability.h"

#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/groups/groupscapability.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"

#include <QDateTime>

namespace plein::server {

namespace blogs = protocol::blogs;

namespace {
constexpr qint64 lookAtLeastEveryMs = 60 * 1000;
constexpr qint64 retryFailedMs = 5 * 1000;
} // namespace

BlogsCapability::BlogsCapability(ServerCore& core, GroupsCapability& groups, FilesCapability& files)
    : m_store(core.db)
    , m_service(core.writes, m_store, core.events, core.accounts, groups.service(), files.service(),
                core.settings.value(QStringLiteral("company_blog_publishers")).toString()
                    == QLatin1StringView("admins"))
    , m_commentStore(core.db)
    , m_comments(core.writes, m_commentStore, m_service, core.events, core.accounts)
{
    // An article's cover is seen by whoever may read the article (a draft's: its authors).
    files.owners().add(QString(BlogService::coverOwnerKind),
                       [this](const User& user, qint64 id) { return m_service.maySee(user, id); });
    m_due.setSingleShot(true);
    QObject::connect(&m_due, &QTimer::timeout, [this]() { publishDue(); });
}

void BlogsCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addWrite(blogs::ArticleSave, m_service, &BlogService::save);
    registry.addWrite(blogs::ArticlePublish, m_service, &BlogService::publish);
    registry.addWrite(blogs::ArticleUnschedule, m_service, &BlogService::unschedule);
    registry.addWrite(blogs::ArticleEdit, m_service, &BlogService::edit);
    registry.addWrite(blogs::ArticleRestore, m_service, &BlogService::restore);
    registry.addWrite(blogs::ArticleCover, m_service, &BlogService::cover);
    registry.addWrite(blogs::ArticleDelete, m_service, &BlogService::remove);
    registry.addRead(blogs::ArticleGet, m_service, &BlogService::get);
    registry.addRead(blogs::ArticleList, m_service, &BlogService::list);
    registry.addRead(blogs::ArticleRevisions, m_service, &BlogService::revisions);
    registry.addRead(blogs::ArticleRevision, m_service, &BlogService::revision);
    registry.addWrite(blogs::ArticleLike, m_comments, &CommentService::likeArticle);
    registry.addWrite(blogs::CommentCreate, m_comments, &CommentService::create);
    registry.addWrite(blogs::CommentEdit, m_comments, &CommentService::edit);
    registry.addWrite(blogs::CommentDelete, m_comments, &CommentService::remove);
    registry.addWrite(blogs::CommentLike, m_comments, &CommentService::like);
    registry.addRead(blogs::CommentList, m_comments, &CommentService::list);
    // Only the running server registers handlers: the command line publishes nothing. A
    // write that schedules looks again once its transaction is done (the loop's next turn).
    m_service.setOnScheduled([this]() { m_due.start(0); });
    m_due.start(0);
}

void BlogsCapability::publishDue()
{
    m_service.publishDue();
    arm();
}

void BlogsCapability::arm()
{
    qint64 wait = lookAtLeastEveryMs;
    if (const auto next = m_service.nextDue()) {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(*next);
        // Still due right after a pass: its publishing failed (the database busy); not again at
        // once.
        wait = std::clamp<qint64>(ms, ms <= 0 ? retryFailedMs : 0, lookAtLeastEveryMs);
    }
    m_due.start(int(wait));
}

} // namespace plein::server
