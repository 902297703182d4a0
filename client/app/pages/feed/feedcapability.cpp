#include "pages/feed/feedcapability.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "feedmodel.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postactions.h"
#include "pages/feed/threadpane.h"
#include "poststore.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/pageparts.h"
#include "shell/sidebarmodel.h"

#include <QAction>
#include <QMenu>
#include <QPlainTextEdit>

namespace plein::app {

FeedCapability::FeedCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
    , m_actions(new PostActions(shell.client(), shell.navigator(), &shell))
{
    client::Client& client = shell.client();
    m_home = new FeedView(client, *m_actions,
                          new client::FeedModel(client.cache(), client::FeedScope::home(), &shell),
                          &shell);
    m_home->setObjectName(QStringLiteral("homePage"));
    m_thread = new ThreadPane(client, *m_actions, &shell);
    shell.addPage(m_home);
    // Panels of other capabilities above Home's posts; they register after this one.
    for (const PageParts::Panel& make : shell.pageParts().homePanels())
        m_home->addPanel(make(m_home));
    connect(&shell.pageParts(), &PageParts::homePanelAdded, this,
            [this](const PageParts::Panel& make) { m_home->addPanel(make(m_home)); });

    connect(m_home->composer(), &Composer::submitted, this,
            [&client](const QString& text, const QStringList& attachments) {
                client.feed().createPost(text, 0, 0, attachments);
            });
    connect(m_actions, &PostActions::replyRequested, this, &FeedCapability::replyTo);
    connect(m_thread, &ThreadPane::closeRequested, &shell, &MainWindow::closeDetail);
    connect(&client.feed(), &client::Feed::concernsMe, this, &FeedCapability::notify);

    Navigator& navigator = shell.navigator();
    navigator.addRoute(QStringLiteral("home"), Navigator::Id::None, [this](qint64) {
        // The newest posts of the people and topics followed, which Home shows from the cache.
        m_shell.client().feed().fetchFollowing();
        m_shell.showPage(m_home);
        return true;
    });
    navigator.addRoute(QStringLiteral("post"), Navigator::Id::Required, [this](qint64 id) {
        openThread(id);
        return true;
    });
    shell.sidebarModel().addEntry(
        {.title = tr("Home"), .link = Navigator::link(QStringLiteral("home"))});

    auto* newPost = new QAction(tr("&New post"), &shell);
    newPost->setShortcut(QKeySequence::New);
    shell.appMenu()->insertAction(shell.appMenu()->actions().value(0), newPost);
    connect(newPost, &QAction::triggered, this, [this]() {
        m_shell.navigator().open(Navigator::link(QStringLiteral("home")));
        m_home->composer()->editor()->setFocus(Qt::ShortcutFocusReason);
    });
}

FeedCapability* FeedCapability::of(const MainWindow& shell)
{
    return shell.findChild<FeedCapability*>(QString(), Qt::FindDirectChildrenOnly);
}

void FeedCapability::openThread(qint64 postId)
{
    // Threads are one level deep: a reply opens its top-level post.
    qint64 root = postId;
    if (const auto post = client::PostStore(m_shell.client().cache()).post(postId);
        post && post->parentId > 0)
        root = post->parentId;
    m_thread->open(root);
    m_shell.showDetail(m_thread);
}

void FeedCapability::replyTo(qint64 rootId)
{
    openThread(rootId);
    m_thread->replyComposer()->editor()->setFocus(Qt::ShortcutFocusReason);
}

void FeedCapability::notify(const client::PostRow& post, bool isReply, bool isMention)
{
    Q_UNUSED(isMention);
    const QString who = post.authorName.isEmpty() ? post.authorUsername : post.authorName;
    NotificationModel::Notification notification;
    notification.kind = isReply ? QStringLiteral("reply") : QStringLiteral("mention");
    notification.title
        = isReply ? tr("%1 replied to you").arg(who) : tr("%1 mentioned you").arg(who);
    notification.body = post.body.trimmed().isEmpty() && !post.attachments.isEmpty()
        ? tr("Shared %n file(s): %1", nullptr, int(post.attachments.size()))
              .arg(post.attachments.first().name)
        : post.body.left(200);
    notification.link
        = Navigator::link(QStringLiteral("post"), post.parentId > 0 ? post.parentId : post.id);
    m_shell.notifications().add(notification);
}

} // namespace plein::app
