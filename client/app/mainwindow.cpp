#include "mainwindow.h"

#include "cache.h"
#include "client.h"
#include "composer.h"
#include "feedmodel.h"
#include "language.h"
#include "markdown.h"
#include "outbox.h"
#include "postdelegate.h"
#include "problemtext.h"
#include "syncengine.h"
#include "threadmodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace plein::app {

using client::Connection;
using client::PostListModel;

namespace {

QListView* makeList(QWidget* parent)
{
    auto* view = new QListView(parent);
    auto* delegate = new PostDelegate(view);
    view->setItemDelegate(delegate);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Hovering a link shows the hand cursor (PostDelegate::editorEvent).
    view->setMouseTracking(true);
    QObject::connect(delegate, &PostDelegate::linkActivated, view,
                     [](const QUrl& url) { QDesktopServices::openUrl(url); });
    return view;
}

QIcon appIcon(bool unread)
{
    return QIcon(unread ? QStringLiteral(":/icons/plein-unread.svg")
                        : QStringLiteral(":/icons/plein.svg"));
}

} // namespace

MainWindow::MainWindow(client::Client& client, bool useTray, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_feed(new client::FeedModel(client.cache(), this))
    , m_feedView(makeList(this))
    , m_threadView(makeList(this))
    , m_composer(new Composer(this))
    , m_replyComposer(new Composer(this))
    , m_state(new QLabel(this))
    , m_noticeBar(new QWidget(this))
    , m_notice(new QLabel(this))
    , m_newPostsBar(new QPushButton(this))
{
    setWindowTitle(tr("Plein"));
    setWindowIcon(appIcon(false));
    m_feedView->setModel(m_feed);
    m_replyComposer->setPlaceholder(tr("Write a reply… (Ctrl+Enter sends)"));
    m_replyComposer->setEnabled(false);

    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QPushButton(tr("Dismiss"), m_noticeBar);
    auto* noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(dismiss);
    m_noticeBar->setAutoFillBackground(true);
    QPalette noticePalette = m_noticeBar->palette();
    noticePalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    noticePalette.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    m_noticeBar->setPalette(noticePalette);
    m_noticeBar->hide();
    connect(dismiss, &QPushButton::clicked, this, &MainWindow::hideNotice);

    m_newPostsBar->setFlat(false);
    m_newPostsBar->hide();
    connect(m_newPostsBar, &QPushButton::clicked, this, &MainWindow::showNewPosts);

    auto* feedPane = new QWidget(this);
    auto* feedLayout = new QVBoxLayout(feedPane);
    feedLayout->addWidget(m_composer);
    feedLayout->addWidget(m_newPostsBar);
    feedLayout->addWidget(m_feedView, 1);
    auto* threadPane = new QWidget(this);
    auto* threadLayout = new QVBoxLayout(threadPane);
    threadLayout->addWidget(m_threadView, 1);
    threadLayout->addWidget(m_replyComposer);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(feedPane);
    splitter->addWidget(threadPane);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_noticeBar);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_state);
    buildMenus();

    connect(m_composer, &Composer::submitted, this,
            [this](const QString& text) { m_client.outbox().createPost(text); });
    connect(m_replyComposer, &Composer::submitted, this, [this](const QString& text) {
        if (m_thread)
            m_client.outbox().createPost(text, m_thread->rootId());
    });
    connect(m_feedView, &QListView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(PostListModel::IdRole).toLongLong())
            openThread(id);
    });
    connect(m_feedView, &QListView::customContextMenuRequested, this,
            [this](const QPoint& pos) { showMenu(m_feedView, pos); });
    connect(m_threadView, &QListView::customContextMenuRequested, this,
            [this](const QPoint& pos) { showMenu(m_threadView, pos); });
    m_feedView->installEventFilter(this);
    m_threadView->installEventFilter(this);

    connect(m_feed, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) { rememberFeedAnchor(first); });
    connect(m_feed, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { keepFeedAnchor(first, last); });
    connect(m_feedView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        // Scrolled back to the top by hand: the new posts are in view.
        if (value == 0 && m_newPosts > 0)
            showNewPosts();
    });

    auto& connection = m_client.connection();
    connect(&connection, &Connection::stateChanged, this, &MainWindow::updateState);
    connect(&connection, &Connection::problem, this, &MainWindow::onProblem);
    connect(&connection, &Connection::authenticated, this, [this]() {
        if (m_problemShown)
            hideNotice();
    });
    connect(&m_client.outbox(), &client::Outbox::countChanged, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::syncStarted, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::caughtUp, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::postsArrived, this, [this](int count) {
        if (!isActiveWindow())
            setUnread(m_unread + count);
    });
    connect(&m_client.sync(), &client::SyncEngine::concernsMe, this, &MainWindow::notify);

    if (useTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(false), this);
        auto* menu = new QMenu(this);
        menu->addAction(tr("Show Plein"), this, [this]() {
            showNormal();
            activateWindow();
        });
        menu->addAction(tr("Quit"), qApp, &QApplication::quit);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this]() {
            showNormal();
            activateWindow();
        });
        // Clicking a notification opens the post it was about.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this]() {
            showNormal();
            activateWindow();
            if (m_notifiedThread > 0)
                openThread(m_notifiedThread);
        });
        m_tray->show();
    }
    // Told once: the damaged file was renamed, so the next start opens the rebuilt cache.
    if (!m_client.cache().movedAsideTo().isEmpty())
        showNotice(cacheRebuiltText());
    setUnread(0);
    updateState();
    resize(1000, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto* plein = menuBar()->addMenu(tr("&Plein"));
    auto* newPost = plein->addAction(tr("&New post"));
    newPost->setShortcut(QKeySequence::New);
    connect(newPost, &QAction::triggered, this,
            [this]() { m_composer->editor()->setFocus(Qt::ShortcutFocusReason); });
    plein->addSeparator();
    auto* quit = plein->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto* settings = menuBar()->addMenu(tr("&Settings"));
    auto* language = settings->addMenu(tr("&Language"));
    auto* group = new QActionGroup(this);
    const QString current = Language::stored();
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System language")},
        // Language names in their own language, so a person can always find theirs.
        {QStringLiteral("nl"), QStringLiteral("Nederlands")},
        {QStringLiteral("en"), QStringLiteral("English")},
    };
    for (const auto& [code, name] : choices) {
        auto* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code]() { chooseLanguage(code); });
    }
}

void MainWindow::chooseLanguage(const QString& code)
{
    Language::store(code);
    showNotice(tr("Plein will use this language the next time it starts."));
}

QString MainWindow::noticeText() const
{
    return m_notice->text();
}

bool MainWindow::isNoticeShown() const
{
    return !m_noticeBar->isHidden();
}

void MainWindow::showNotice(const QString& text)
{
    m_problemShown = false;
    m_notice->setText(text);
    m_noticeBar->show();
}

void MainWindow::hideNotice()
{
    m_problemShown = false;
    m_noticeBar->hide();
}

void MainWindow::onProblem(Connection::Problem problem, const QString& detail)
{
    showNotice(problemText(problem, detail, m_client.connection().server()));
    m_problemShown = true;
}

void MainWindow::openThread(qint64 postId)
{
    delete m_thread;
    m_thread = new client::ThreadModel(m_client.cache(), m_client.sync(), postId, this);
    m_threadView->setModel(m_thread);
    m_replyComposer->setEnabled(true);
}

void MainWindow::updateState()
{
    QString text;
    switch (m_client.connection().state()) {
    case Connection::State::Online:
        text = m_client.sync().isSyncing() ? tr("Online, catching up…") : tr("Online");
        break;
    case Connection::State::Connecting:
        text = tr("Connecting…");
        break;
    case Connection::State::Offline:
        text = m_client.connection().isWanted()
            ? tr("Offline, retrying in %n s", nullptr,
                 (m_client.connection().nextRetryMs() + 999) / 1000)
            : tr("Offline");
        break;
    }
    const int waiting = m_client.outbox().count();
    if (waiting > 0)
        text += tr(" · %n write(s) waiting", nullptr, waiting);
    m_state->setText(text);
}

void MainWindow::setUnread(int unread)
{
    m_unread = unread;
    setWindowTitle(unread > 0 ? tr("Plein (%1)").arg(unread) : tr("Plein"));
    if (m_tray) {
        m_tray->setIcon(appIcon(unread > 0));
        m_tray->setToolTip(unread > 0 ? tr("Plein: %n new post(s)", nullptr, unread) : tr("Plein"));
    }
}

void MainWindow::notify(const client::PostRow& post, bool isReply, bool isMention)
{
    if (!m_tray)
        return;
    const QString who = post.authorName.isEmpty() ? post.authorUsername : post.authorName;
    const QString title
        = isReply ? tr("%1 replied to you").arg(who) : tr("%1 mentioned you").arg(who);
    Q_UNUSED(isMention);
    // Threads are one level deep: a reply opens its top-level post.
    m_notifiedThread = post.parentId > 0 ? post.parentId : post.id;
    m_tray->showMessage(title, post.body.left(200));
}

void MainWindow::rememberFeedAnchor(int first)
{
    m_feedAnchor = QPersistentModelIndex();
    if (m_feedView->verticalScrollBar()->value() == 0)
        return; // at the top, new posts simply appear above
    const QModelIndex top = m_feedView->indexAt(QPoint(4, 4));
    if (!top.isValid() || first > top.row())
        return;
    m_feedAnchor = top;
    m_feedAnchorTop = m_feedView->visualRect(top).top();
}

void MainWindow::keepFeedAnchor(int first, int last)
{
    if (!m_feedAnchor.isValid())
        return;
    int fresh = 0;
    const qint64 me = m_client.connection().userId();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_feed->index(row);
        if (!index.data(PostListModel::PendingRole).toBool()
            && index.data(PostListModel::AuthorIdRole).toLongLong() != me)
            ++fresh;
    }
    // Lay out now, so the anchor's new place is known, and scroll by the height that went in.
    m_feedView->doItemsLayout();
    auto* bar = m_feedView->verticalScrollBar();
    bar->setValue(bar->value() + m_feedView->visualRect(m_feedAnchor).top() - m_feedAnchorTop);
    m_feedAnchor = QPersistentModelIndex();
    if (fresh == 0)
        return;
    m_newPosts += fresh;
    m_newPostsBar->setText(tr("%n new post(s) — show", nullptr, m_newPosts));
    m_newPostsBar->show();
}

void MainWindow::showNewPosts()
{
    m_newPosts = 0;
    m_newPostsBar->hide();
    m_feedView->scrollToTop();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_feedView || watched == m_threadView) && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::NoModifier && key->key() == Qt::Key_L) {
            likeCurrent(static_cast<QListView*>(watched));
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_R) {
            replyToCurrent(static_cast<QListView*>(watched));
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::likeCurrent(QListView* view)
{
    const QModelIndex index = view->currentIndex();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    if (!index.isValid() || id == 0 || index.data(PostListModel::DeletedRole).toBool())
        return;
    m_client.outbox().likePost(id, !index.data(PostListModel::LikedByMeRole).toBool());
}

void MainWindow::replyToCurrent(QListView* view)
{
    const QModelIndex index = view->currentIndex();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    const qint64 parent = index.data(PostListModel::ParentIdRole).toLongLong();
    const qint64 root = parent ? parent : id;
    if (!index.isValid() || root == 0)
        return;
    if (!m_thread || m_thread->rootId() != root)
        openThread(root);
    m_replyComposer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showMenu(QListView* view, const QPoint& pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    auto& outbox = m_client.outbox();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    const QString clientId = index.data(PostListModel::ClientIdRole).toString();
    const QString body = index.data(PostListModel::BodyRole).toString();
    if (index.data(PostListModel::PendingRole).toBool()) {
        if (index.data(PostListModel::FailedRole).toBool())
            menu.addAction(tr("Try again"), this,
                           [&outbox, clientId]() { outbox.retry(clientId); });
        menu.addAction(tr("Edit…"), this, [this, &outbox, clientId, body]() {
            bool ok = false;
            const QString text
                = QInputDialog::getMultiLineText(this, tr("Edit post"), tr("Text:"), body, &ok);
            if (ok && !text.trimmed().isEmpty())
                outbox.editPending(clientId, text);
        });
        menu.addAction(tr("Discard"), this, [&outbox, clientId]() { outbox.discard(clientId); });
        menu.exec(view->viewport()->mapToGlobal(pos));
        return;
    }
    if (index.data(PostListModel::ChangePendingRole).toBool()) {
        // An edit, deletion or like that is waiting or was refused: the person decides.
        const QString change = index.data(PostListModel::ChangeClientIdRole).toString();
        if (index.data(PostListModel::ChangeFailedRole).toBool())
            menu.addAction(tr("Try the change again"), this,
                           [&outbox, change]() { outbox.retry(change); });
        menu.addAction(tr("Discard the change"), this,
                       [&outbox, change]() { outbox.discard(change); });
        menu.addSeparator();
    }
    if (!index.data(PostListModel::DeletedRole).toBool()) {
        const bool liked = index.data(PostListModel::LikedByMeRole).toBool();
        menu.addAction(liked ? tr("Unlike") : tr("Like"), this,
                       [&outbox, id, liked]() { outbox.likePost(id, !liked); });
        if (index.data(PostListModel::ParentIdRole).toLongLong() == 0)
            menu.addAction(tr("Open thread"), this, [this, id]() { openThread(id); });
        if (index.data(PostListModel::AuthorIdRole).toLongLong()
            == m_client.connection().userId()) {
            menu.addAction(tr("Edit…"), this, [this, &outbox, id, body]() {
                bool ok = false;
                const QString text
                    = QInputDialog::getMultiLineText(this, tr("Edit post"), tr("Text:"), body, &ok);
                if (ok && !text.trimmed().isEmpty())
                    outbox.editPost(id, text);
            });
            menu.addAction(tr("Delete"), this, [&outbox, id]() { outbox.deletePost(id); });
        }
        static const QRegularExpression links(QStringLiteral("(https?://|mailto:)[^\\s)>\\]]+"));
        for (auto it = links.globalMatch(body); it.hasNext();) {
            const QUrl url(it.next().captured(0));
            if (isOpenableLink(url))
                menu.addAction(tr("Open %1").arg(url.toDisplayString()), this,
                               [url]() { QDesktopServices::openUrl(url); });
        }
    }
    if (!menu.isEmpty())
        menu.exec(view->viewport()->mapToGlobal(pos));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // With a tray the app keeps listening for replies and mentions; without one, close quits.
    if (m_tray && m_tray->isVisible()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    qApp->quit();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        setUnread(0);
    QMainWindow::changeEvent(event);
}

} // namespace plein::app
