#include "mainwindow.h"

#include "cache.h"
#include "client.h"
#include "composer.h"
#include "connection.h"
#include "feedmodel.h"
#include "markdown.h"
#include "outbox.h"
#include "postdelegate.h"
#include "syncengine.h"
#include "threadmodel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QRegularExpression>
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
    view->setItemDelegate(new PostDelegate(view));
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    return view;
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
{
    setWindowTitle(tr("Plein"));
    m_feedView->setModel(m_feed);
    m_replyComposer->setPlaceholder(tr("Write a reply… (Ctrl+Enter sends)"));
    m_replyComposer->setEnabled(false);

    auto* feedPane = new QWidget(this);
    auto* feedLayout = new QVBoxLayout(feedPane);
    feedLayout->addWidget(m_composer);
    feedLayout->addWidget(m_feedView);
    auto* threadPane = new QWidget(this);
    auto* threadLayout = new QVBoxLayout(threadPane);
    threadLayout->addWidget(m_threadView);
    threadLayout->addWidget(m_replyComposer);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(feedPane);
    splitter->addWidget(threadPane);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_state);

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

    connect(&m_client.connection(), &Connection::stateChanged, this, &MainWindow::updateState);
    connect(&m_client.outbox(), &client::Outbox::countChanged, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::syncStarted, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::caughtUp, this, &MainWindow::updateState);
    connect(&m_client.sync(), &client::SyncEngine::postsArrived, this, [this](int count) {
        if (!isActiveWindow())
            setUnread(m_unread + count);
    });
    connect(&m_client.sync(), &client::SyncEngine::concernsMe, this, &MainWindow::notify);

    if (useTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
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
        m_tray->show();
    }
    setUnread(0);
    updateState();
    resize(1000, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::openThread(qint64 postId)
{
    delete m_thread;
    m_thread = new client::ThreadModel(m_client.cache(), postId, this);
    m_threadView->setModel(m_thread);
    m_replyComposer->setEnabled(true);
    m_client.sync().fetchThread(postId);
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
    if (m_tray)
        m_tray->setToolTip(unread > 0 ? tr("Plein: %n new post(s)", nullptr, unread) : tr("Plein"));
}

void MainWindow::notify(const client::PostRow& post, bool isReply, bool isMention)
{
    if (!m_tray)
        return;
    const QString who = post.authorName.isEmpty() ? post.authorUsername : post.authorName;
    const QString title
        = isReply ? tr("%1 replied to you").arg(who) : tr("%1 mentioned you").arg(who);
    Q_UNUSED(isMention);
    m_tray->showMessage(title, post.body.left(200));
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
    } else if (!index.data(PostListModel::DeletedRole).toBool()) {
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
