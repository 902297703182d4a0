#include "shell/mainwindow.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "language.h"
#include "pages/capabilities.h"
#include "problemtext.h"
#include "shell/connectionstatus.h"
#include "shell/navigator.h"
#include "shell/noticebar.h"
#include "shell/notificationmodel.h"
#include "shell/notificationspage.h"
#include "shell/sidebar.h"
#include "shell/sidebarmodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

using client::Connection;

namespace {

constexpr int shortNoticeMs = 5000;
constexpr int sidebarWidth = 200;

QIcon appIcon(bool unread)
{
    return QIcon(unread ? QStringLiteral(":/icons/plein-unread.svg")
                        : QStringLiteral(":/icons/plein.svg"));
}

} // namespace

MainWindow::MainWindow(client::Client& client, bool useTray, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_navigator(new Navigator(this))
    , m_sidebarModel(new SidebarModel(this))
    , m_notifications(new NotificationModel(this))
    , m_pages(new QStackedWidget(this))
    , m_details(new QStackedWidget(this))
    , m_splitter(new QSplitter(this))
    , m_narrowBar(new QWidget(this))
    , m_sidebarButton(new QToolButton(m_narrowBar))
    , m_noticeBar(new NoticeBar(this))
    , m_state(new ConnectionStatus(client, this))
{
    setWindowTitle(tr("Plein"));
    setWindowIcon(appIcon(false));
    m_sidebar = new Sidebar(*m_sidebarModel, *m_navigator, this);
    m_noticeBar->hide();

    m_sidebarButton->setText(tr("Menu"));
    m_sidebarButton->setToolTip(tr("Show the sidebar"));
    m_sidebarButton->setCheckable(true);
    auto* narrowLayout = new QHBoxLayout(m_narrowBar);
    narrowLayout->setContentsMargins(4, 2, 4, 2);
    narrowLayout->addWidget(m_sidebarButton);
    narrowLayout->addStretch();
    connect(m_sidebarButton, &QToolButton::toggled, this, &MainWindow::setSidebarShown);
    connect(m_sidebar, &Sidebar::chosen, this, [this]() { setSidebarShown(false); });

    m_splitter->setChildrenCollapsible(false);
    // The columns never hold the window wide: below narrowWidth they become one (applyLayout).
    m_splitter->setMinimumWidth(1);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setSizes({sidebarWidth, 450, 350});
    m_details->hide();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_noticeBar);
    centralLayout->addWidget(m_narrowBar);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_state);
    buildMenus();

    connect(m_navigator, &Navigator::opened, this, [this](const QUrl& link) {
        if (currentPage() != m_linkedPage) {
            m_linkedPage = currentPage();
            m_pageLink = link;
        }
        m_sidebar->select(m_pageLink);
    });
    connect(m_navigator, &Navigator::refused, this,
            [this](const QUrl&, const QString& why) { showShortNotice(why); });

    auto& connection = m_client.connection();
    connect(&connection, &Connection::problem, this, &MainWindow::onProblem);
    connect(&connection, &Connection::authenticated, this, [this]() {
        if (m_problemShown)
            hideNotice();
    });
    connect(&m_client.feed(), &client::Feed::postsArrived, this, [this](int count) {
        if (!isActiveWindow())
            setUnread(m_unread + count);
    });
    if (useTray && QSystemTrayIcon::isSystemTrayAvailable())
        buildTray();

    installCapabilities(*this);

    // The notification centre is the shell's own page, after what the capabilities added.
    m_notificationsPage = new NotificationsPage(*m_notifications, *m_navigator, this);
    addPage(m_notificationsPage);
    const QUrl notificationsLink = Navigator::link(QStringLiteral("notifications"));
    m_navigator->addRoute(QStringLiteral("notifications"), Navigator::Id::None, [this](qint64) {
        showPage(m_notificationsPage);
        return true;
    });
    m_notificationsEntry
        = m_sidebarModel->addEntry({.title = tr("Notifications"), .link = notificationsLink});
    connect(m_notifications, &NotificationModel::unreadChanged, this,
            [this](int count) { m_sidebarModel->setBadge(m_notificationsEntry, count); });
    connect(m_notifications, &NotificationModel::added, this, &MainWindow::onNotification);

    // Told once: the damaged file was renamed, so the next start opens the rebuilt cache.
    if (!m_client.cache().movedAsideTo().isEmpty())
        showNotice(cacheRebuiltText());
    setUnread(0);
    resize(1000, 700);
    m_navigator->open(startLink());
}

MainWindow::~MainWindow() = default;

QUrl MainWindow::startLink()
{
    return Navigator::link(QStringLiteral("home"));
}

void MainWindow::buildMenus()
{
    m_accountMenu = new QMenu(this);
    m_appMenu = menuBar()->addMenu(tr("&Plein"));
    auto* notifications = m_appMenu->addAction(tr("N&otifications"));
    connect(notifications, &QAction::triggered, this,
            [this]() { m_navigator->open(Navigator::link(QStringLiteral("notifications"))); });
    m_appMenu->addSeparator();
    auto* quit = m_appMenu->addAction(tr("&Quit"));
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

void MainWindow::buildTray()
{
    m_tray = new QSystemTrayIcon(appIcon(false), this);
    const auto bringUp = [this]() {
        showNormal();
        activateWindow();
    };
    auto* menu = new QMenu(this);
    menu->addAction(tr("Show Plein"), this, bringUp);
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, bringUp);
    // Clicking a notification opens what it was about: the newest one is the one shown.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this, bringUp]() {
        bringUp();
        const QUrl link = m_notifications->at(0).link;
        m_notifications->markRead(0);
        if (!link.isEmpty())
            m_navigator->open(link);
    });
    m_tray->show();
}

void MainWindow::onNotification()
{
    const NotificationModel::Notification newest = m_notifications->at(0);
    if (m_tray)
        m_tray->showMessage(newest.title, newest.body.left(200));
}

void MainWindow::chooseLanguage(const QString& code)
{
    Language::store(code);
    showNotice(tr("Plein will use this language the next time it starts."));
}

void MainWindow::addPage(QWidget* page)
{
    if (m_pages->indexOf(page) < 0)
        m_pages->addWidget(page);
}

void MainWindow::showPage(QWidget* page)
{
    addPage(page);
    m_pages->setCurrentWidget(page);
    // Over a page the detail belongs to the page it was opened from.
    if (m_layout != Layout::Wide)
        m_detailOpen = false;
    setSidebarShown(false);
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showDetail(QWidget* detail)
{
    if (m_details->indexOf(detail) < 0)
        m_details->addWidget(detail);
    m_details->setCurrentWidget(detail);
    m_detailOpen = true;
    setSidebarShown(false);
}

void MainWindow::closeDetail()
{
    m_detailOpen = false;
    applyLayout();
}

QWidget* MainWindow::detail() const
{
    return m_detailOpen ? m_details->currentWidget() : nullptr;
}

void MainWindow::setSidebarShown(bool shown)
{
    m_sidebarShown = shown;
    m_sidebarButton->setChecked(shown);
    applyLayout();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    applyLayout();
}

// Three columns when they fit, the detail over the page when two do, one column below that
// (with the sidebar behind the Menu button).
void MainWindow::applyLayout()
{
    const int width = centralWidget() ? centralWidget()->width() : this->width();
    m_layout = width >= wideWidth ? Layout::Wide
        : width >= narrowWidth    ? Layout::Medium
                                  : Layout::Narrow;
    const bool narrow = m_layout == Layout::Narrow;
    const bool sidebarOnly = narrow && m_sidebarShown;
    m_narrowBar->setVisible(narrow);
    m_sidebar->setVisible(!narrow || sidebarOnly);
    m_pages->setVisible(!sidebarOnly && !(m_detailOpen && m_layout != Layout::Wide));
    m_details->setVisible(m_detailOpen && !sidebarOnly);
}

QLabel* MainWindow::stateLabel() const
{
    return m_state;
}

QString MainWindow::noticeText() const
{
    return m_noticeBar->text();
}

bool MainWindow::isNoticeShown() const
{
    return !m_noticeBar->isHidden();
}

void MainWindow::showNotice(const QString& text)
{
    m_problemShown = false;
    m_noticeBar->setText(text);
    m_noticeBar->show();
}

void MainWindow::hideNotice()
{
    m_problemShown = false;
    m_noticeBar->hide();
}

void MainWindow::showShortNotice(const QString& text)
{
    statusBar()->showMessage(text, shortNoticeMs);
}

void MainWindow::onProblem(Connection::Problem problem, const QString& detail)
{
    showNotice(problemText(problem, detail, m_client.connection().server()));
    m_problemShown = true;
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
