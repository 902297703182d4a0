#include "pages/blogs/blogscapability.h"

#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "blogs/drafts.h"
#include "cache.h"
#include "client.h"
#include "pages/blogs/articleeditor.h"
#include "pages/blogs/articlepage.h"
#include "pages/blogs/blogpage.h"
#include "pages/blogs/blogstrip.h"
#include "pages/blogs/historypage.h"
#include "people/peoplestore.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/pageparts.h"
#include "shell/sidebarmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QMenu>
#include <QUrlQuery>

namespace plein::app {

namespace {

// Comments older than this before the app started are caught up, not news.
constexpr int startSlackSeconds = 120;

// Replaces a page of one kind with the next, the previous going once the new one shows.
template<typename Page> void replacePage(MainWindow& shell, QPointer<Page>& slot, Page* page)
{
    QPointer<Page> previous = slot;
    slot = page;
    shell.showPage(page);
    if (previous && previous != page)
        previous->deleteLater();
}

// Shows the page in `slot` again, read anew, when it shows what is asked (`same`); otherwise
// the one `make` gives takes its place.
template<typename Page, typename Make>
void reuseOrReplace(MainWindow& shell, QPointer<Page>& slot, bool same, Make make)
{
    if (slot && same) {
        slot->reload();
        shell.showPage(slot);
        return;
    }
    replacePage(shell, slot, make());
}

} // namespace

BlogsCapability::BlogsCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
{
    shell.sidebarModel().addEntry(
        {.title = tr("Blogs"),
         .link = Navigator::link(QStringLiteral("blogs")),
         .icon = icons::icon(icons::Icon::Article),
         .alsoFor = {QStringLiteral("blog"), QStringLiteral("article"), QStringLiteral("write"),
                     QStringLiteral("history"), QStringLiteral("articles-by")}});
    Navigator& navigator = shell.navigator();
    navigator.addRoute(QStringLiteral("blogs"), Navigator::Id::None, [this](qint64) {
        if (!m_blogs)
            m_blogs = new BlogPage(m_shell.client(), m_shell.navigator(), 0, &m_shell);
        else
            m_blogs->reload();
        m_shell.showPage(m_blogs);
        return true;
    });
    navigator.addRoute(QStringLiteral("blog"), Navigator::Id::Required, [this](qint64 groupId) {
        reuseOrReplace(
            m_shell, m_groupBlog, m_groupBlog && m_groupBlog->groupId() == groupId, [&]() {
                return new BlogPage(m_shell.client(), m_shell.navigator(), groupId, &m_shell);
            });
        return true;
    });
    // A person's articles (the author page), from the reading view's byline.
    navigator.addRoute(
        QStringLiteral("articles-by"), Navigator::Id::Required, [this](qint64 userId) {
            reuseOrReplace(m_shell, m_author, m_author && m_author->authorId() == userId, [&]() {
                auto* page = new BlogPage(m_shell.client(), m_shell.navigator(), 0, &m_shell);
                page->setObjectName(QStringLiteral("authorPage"));
                page->showAuthor(userId, authorName(userId));
                return page;
            });
            return true;
        });
    navigator.addRoute(QStringLiteral("article"), Navigator::Id::Required,
                       [this](qint64 id) { return openArticle(id); });
    navigator.addRoute(QStringLiteral("history"), Navigator::Id::Required, [this](qint64 id) {
        reuseOrReplace(m_shell, m_history, m_history && m_history->articleId() == id, [&]() {
            return new HistoryPage(m_shell.client(), m_shell.navigator(), id, &m_shell);
        });
        return true;
    });
    navigator.addQueryRoute(
        QStringLiteral("write"), Navigator::Id::None, [this](qint64, const QUrlQuery& query) {
            const auto number = [&](const char* key) {
                return query.queryItemValue(QLatin1StringView(key)).toLongLong();
            };
            if (query.hasQueryItem(QStringLiteral("new")))
                return openWrite(std::max<qint64>(0, number("new")), {}, 0);
            return openWrite(-1, query.queryItemValue(QStringLiteral("draft")), number("article"));
        });

    // The newest articles above Home's posts and a group's, and a group's blog as a tab.
    PageParts& parts = shell.pageParts();
    parts.addHomePanel([this](QWidget* parent) {
        return new BlogStrip(m_shell.client(), m_shell.navigator(), 0, parent);
    });
    parts.addGroupPanel([this](qint64 groupId, QWidget* parent) {
        return new BlogStrip(m_shell.client(), m_shell.navigator(), groupId, parent);
    });
    parts.addGroupTab(tr("Blog"), [this](qint64 groupId, QWidget* parent) {
        auto* blog = new BlogPage(m_shell.client(), m_shell.navigator(), groupId, parent);
        blog->setObjectName(QStringLiteral("groupBlog"));
        blog->setTitleShown(false);
        return blog;
    });

    auto* write = new QAction(tr("New &article"), &shell);
    write->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    shell.appMenu()->insertAction(shell.appMenu()->actions().value(1), write);
    connect(write, &QAction::triggered, this, [this]() { openWrite(0, {}, 0); });

    connect(&shell.client().blogs(), &client::Blogs::commentForMe, this,
            &BlogsCapability::notifyComment);
}

BlogPage* BlogsCapability::blogPage() const
{
    return m_blogs;
}

ArticlePage* BlogsCapability::articlePage() const
{
    return m_article;
}

ArticleEditor* BlogsCapability::editor() const
{
    return m_editor;
}

QString BlogsCapability::authorName(qint64 userId) const
{
    client::Client& client = m_shell.client();
    if (const auto person = client::PeopleStore(client.cache()).person(userId))
        return person->displayName.isEmpty() ? person->username : person->displayName;
    // Someone the people cache does not know yet: an article of theirs names them.
    for (const client::ArticleRow& a : client::BlogStore(client.cache()).byAuthor(userId, 1)) {
        for (const client::ArticlePerson& p :
             QList<client::ArticlePerson> {a.author} + a.coAuthors) {
            if (p.id == userId)
                return p.displayName.isEmpty() ? p.username : p.displayName;
        }
    }
    return tr("this colleague");
}

BlogPage* BlogsCapability::authorPage() const
{
    return m_author;
}

HistoryPage* BlogsCapability::historyPage() const
{
    return m_history;
}

bool BlogsCapability::openArticle(qint64 id)
{
    if (id <= 0)
        return false;
    if (m_article && m_article->articleId() == id) {
        m_shell.showPage(m_article);
        return true;
    }
    replacePage(m_shell, m_article,
                new ArticlePage(m_shell.client(), m_shell.navigator(), id, &m_shell));
    return true;
}

bool BlogsCapability::openEditor(const QString& localId)
{
    if (!m_shell.client().drafts().work(localId))
        return false;
    if (m_editor && m_editor->localId() == localId) {
        m_shell.showPage(m_editor);
        return true;
    }
    replacePage(m_shell, m_editor,
                new ArticleEditor(m_shell.client(), m_shell.navigator(), localId, &m_shell));
    return true;
}

bool BlogsCapability::openWrite(qint64 newInGroup, const QString& draft, qint64 article)
{
    client::Drafts& drafts = m_shell.client().drafts();
    if (newInGroup >= 0) {
        const QString id = drafts.create(newInGroup);
        return !id.isEmpty() && openEditor(id);
    }
    if (!draft.isEmpty())
        return openEditor(draft);
    if (article <= 0)
        return false;
    // Only its authors edit an article (the server would refuse the others' edits).
    const auto mayEdit = [this](qint64 articleId) {
        const auto a = client::BlogStore(m_shell.client().cache()).article(articleId);
        if (!a || a->isAuthor(m_shell.client().blogs().userId()))
            return true;
        m_shell.showShortNotice(tr("Only the authors of “%1” edit it.").arg(a->text.title));
        return false;
    };
    if (!mayEdit(article))
        return false;
    QString id = drafts.edit(article);
    if (!id.isEmpty())
        return openEditor(id);
    // Its text is not here yet: read it, then edit.
    client::Blogs& blogs = m_shell.client().blogs();
    auto* once = new QObject(this);
    connect(&blogs, &client::Blogs::articleChanged, once,
            [this, once, article, mayEdit](qint64 changed) {
                if (changed != article)
                    return;
                once->deleteLater();
                if (!mayEdit(article))
                    return;
                const QString copy = m_shell.client().drafts().edit(article);
                if (!copy.isEmpty())
                    openEditor(copy);
            });
    connect(&blogs, &client::Blogs::articleFetchFailed, once,
            [this, once, article](qint64 failed, const QString&, const QString& message) {
                if (failed != article)
                    return;
                once->deleteLater();
                m_shell.showShortNotice(message);
            });
    blogs.fetchArticle(article);
    return true;
}

void BlogsCapability::notifyComment(const client::CommentRow& c, const QString& title, bool mention)
{
    const QDateTime written = QDateTime::fromString(c.createdAt, Qt::ISODateWithMs);
    if (written.isValid() && written < m_started.addSecs(-startSlackSeconds))
        return;
    // Being read right now: nothing to tell.
    if (m_article && m_article->isVisible() && m_article->articleId() == c.articleId)
        return;
    NotificationModel::Notification n;
    n.kind = mention ? QStringLiteral("comment.mention") : QStringLiteral("comment.created");
    n.title = mention ? tr("%1 mentioned you in a comment on “%2”").arg(c.author.displayName, title)
                      : tr("%1 commented on “%2”").arg(c.author.displayName, title);
    n.body = c.body.left(300);
    n.link = Navigator::link(QStringLiteral("article"), c.articleId);
    n.key = QStringLiteral("article:%1").arg(c.articleId);
    m_shell.notifications().add(n);
}

} // namespace plein::app
