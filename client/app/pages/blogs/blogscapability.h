#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace plein::client {
struct CommentRow;
}

namespace plein::app {

class ArticleEditor;
class ArticlePage;
class BlogPage;
class HistoryPage;
class MainWindow;

// Blogs in the shell: the sidebar entry and the routes `plein:/blogs` (the blogs and the
// user's drafts), `plein:/blog/<group id>` (a group's blog), `plein:/article/<id>` (the reading
// view) and `plein:/write?new=<group id>|draft=<local id>|article=<id>` (the editor); "New
// article" in the app menu; notifications of comments on the user's articles and of mentions
// in comments.
class BlogsCapability : public QObject
{
    Q_OBJECT

public:
    explicit BlogsCapability(MainWindow& shell);

    BlogPage* blogPage() const;
    ArticlePage* articlePage() const;
    ArticleEditor* editor() const;
    HistoryPage* historyPage() const;
    BlogPage* authorPage() const;

    bool openArticle(qint64 id);
    // Opens the editor of a working copy.
    bool openEditor(const QString& localId);

private:
    bool openWrite(qint64 newInGroup, const QString& draft, qint64 article);
    void notifyComment(const client::CommentRow& c, const QString& title, bool mention);
    QString authorName(qint64 userId) const;

    MainWindow& m_shell;
    QPointer<BlogPage> m_blogs;
    QPointer<BlogPage> m_groupBlog;
    QPointer<ArticlePage> m_article;
    QPointer<ArticleEditor> m_editor;
    QPointer<HistoryPage> m_history;
    QPointer<BlogPage> m_author;
    QDateTime m_started = QDateTime::currentDateTimeUtc();
};

} // namespace plein::app
