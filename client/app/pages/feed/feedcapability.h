#pragma once

#include <QObject>

namespace plein::client {
class FeedModel;
struct PostRow;
} // namespace plein::client

namespace plein::app {

class FeedView;
class MainWindow;
class PostActions;
class ThreadPane;

// The feed in the shell: the Home page (`plein:/home`), threads (`plein:/post/<id>`, shown as
// the shell's detail), "New post" (Ctrl+N), and notifications of replies and mentions.
// Other capabilities show posts with its pieces (feedView(), actions()).
class FeedCapability : public QObject
{
    Q_OBJECT

public:
    explicit FeedCapability(MainWindow& shell);

    // The feed installed in `shell` (for tests and benchmarks that drive the Home page).
    static FeedCapability* of(const MainWindow& shell);

    FeedView* home() const { return m_home; }
    ThreadPane* thread() const { return m_thread; }
    PostActions& actions() const { return *m_actions; }

    // Opens the thread of `postId` (a reply opens its thread) beside or over the page.
    void openThread(qint64 postId);
    // Opens the thread and puts the cursor in its reply composer.
    void replyTo(qint64 rootId);

private:
    void notify(const client::PostRow& post, bool isReply, bool isMention);

    MainWindow& m_shell;
    PostActions* m_actions = nullptr;
    FeedView* m_home = nullptr;
    ThreadPane* m_thread = nullptr;
};

} // namespace plein::app
