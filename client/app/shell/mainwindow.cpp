#include "shell/mainwindow.h"

#include "cache.h"
#include "client.h"
#include "feed.h"
#include "language.h"
#include "pages/capabilities.h"
#include "presence/presence.h"
#include "problemtext.h"
#include "shell/activitytracker.h"
#include "shell/connectionstatus.h"
#include "shell/desktopnotifier.h"
#include "shell/donotdisturb.h"
#include "shell/header.h"
#include "shell/navigator.h"
#include "shell/noticebar.h"
#include "shell/notificationmodel.h"
#include "shell/notificationsettings.h"
#include "shell/notificationsettingsdialog.h"
#include "shell/notificationspage.h"
#include "shell/pageparts.h"
#include "shell/shortcutsdialog.h"
#include "shell/sidebar.h"
#include "shell/sidebarmodel.h"
#include "shell/trayicon.h"
#include "ui/icons.h"
#include "ui/theme.h"

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
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
constexpr int sidebarWidth = 230;

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
    , m_pageParts(new PageParts(this))
    , m_notifications(new NotificationModel(client, this))
    , m_pages(new QStackedWidget(this))
    , m_details(new QStackedWidget(this))
    , m_splitter(new QSplitter(this))
    , m_noticeBar(new NoticeBar(this))
    , m_state(new ConnectionStatus(client, this))
{
    setWindowTitle(tr("Plein"));
    setWindowIcon(appIcon(false));
    m_sidebar = new Sidebar(*m_sidebarModel, *m_navigator, this);
    m_noticeBar->hide();

    // The account menu exists before the header that shows it (buildMenus fills the rest).
    m_accountMenu = new QMenu(this);
    m_header = new Header(m_accountMenu, this);
    connect(m_header->sidebarButton(), &QToolButton::toggled, this, &MainWindow::setSidebarShown);
    connect(m_header, &Header::notificationsRequested, this,
            [this]() { m_navigator->open(Navigator::link(QStringLiteral("notifications"))); });
    connect(m_sidebar, &Sidebar::chosen, this, [this]() { setSidebarShown(false); });

    m_splitter->setChildrenCollapsible(false);
    // A hairline between the columns, in the palette's colours, rather than the style's grip.
    m_splitter->setHandleWidth(1);
    m_splitter->setStyleSheet(
        QStringLiteral("QSplitter::handle { background: palette(midlight); }"));
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
    centralLayout->addWidget(m_header);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    // Over the pages, not above them: showing a notice never moves what is being read.
    m_noticeBar->setParent(central);
    m_noticeBar->anchorTo(m_splitter);
    m_noticeBar->hide();
    statusBar()->addPermanentWidget(m_state->reconnectButton());
    statusBar()->addPermanentWidget(m_state);
    buildMenus();

    connect(m_navigator, &Navigator::opened, this, [this](const QUrl& link) {
        if (currentPage() != m_linkedPage) {
            m_linkedPage = currentPage();
            m_pageLink = link;
        }
        m_sidebar->select(m_pageLink);
        updateTitle();
    });
    connect(m_navigator, &Navigator::refused, this,
            [this](const QUrl&, const QString& why) { showShortNotice(why); });

    auto& connection = m_client.connection();
    connect(&connection, &Connection::problem, this, &MainWindow::onProblem);
    connect(&connection, &Connection::authenticated, this, [this]() {
        if (m_problemShown)
            hideNotice();
        const QJsonObject user = m_client.connection().user();
        setAccount(user.value(QLatin1StringView("displayName")).toString(),
                   user.value(QLatin1StringView("username")).toString());
    });
    connect(&m_client.feed(), &client::Feed::postsArrived, this, [this](int count) {
        if (!isActiveWindow())
            setUnread(m_unread + count);
    });
    if (useTray)
        buildTray();
    buildNotifier();

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
        = m_sidebarModel->addEntry({.title = tr("Notifications"),
                                    .link = notificationsLink,
                                    .icon = icons::icon(icons::Icon::Notifications)});
    connect(m_notifications, &NotificationModel::unreadChanged, this, [this](int count) {
        m_sidebarModel->setBadge(m_notificationsEntry, count);
        m_header->setUnread(count);
    });
    connect(m_notifications, &NotificationModel::added, this, &MainWindow::onNotification);
    // What was left unread last time (the list is kept in the cache).
    m_sidebarModel->setBadge(m_notificationsEntry, m_notifications->unreadCount());
    m_header->setUnread(m_notifications->unreadCount());

    // Told once: the damaged file was renamed, so the next start opens the rebuilt cache.
    if (!m_client.cache().movedAsideTo().isEmpty())
        showNotice(cacheRebuiltText());
    setUnread(0);
    // The default size, but never larger than the screen (a small laptop, a phone-sized window).
    const QSize preferred(1000, 700);
    resize(screen() ? preferred.boundedTo(screen()->availableGeometry().size()) : preferred);
    m_navigator->open(startLink());
}

MainWindow::~MainWindow()
{
    if (m_tray)
        m_tray->detach(this);
}

QUrl MainWindow::startLink()
{
    return Navigator::link(QStringLiteral("home"));
}

void MainWindow::buildMenus()
{
    m_appMenu = menuBar()->addMenu(tr("&Plein"));
    auto* notifications = m_appMenu->addAction(tr("N&otifications"));
    connect(notifications, &QAction::triggered, this,
            [this]() { m_navigator->open(Navigator::link(QStringLiteral("notifications"))); });
    m_appMenu->addSeparator();
    auto* quit = m_appMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto* settings = menuBar()->addMenu(tr("&Settings"));
    m_settingsMenu = settings;
    settings->addAction(tr("&Notifications…"), this, &MainWindow::editNotificationSettings);
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
    buildAppearanceMenu(settings);
    buildNavigationActions();
    buildHelpMenu();
}

void MainWindow::buildAppearanceMenu(QMenu* settings)
{
    auto* appearance = settings->addMenu(tr("&Appearance"));
    auto* group = new QActionGroup(this);
    const theme::Choice current = theme::stored();
    const std::pair<theme::Choice, QString> choices[] = {
        {theme::Choice::System, tr("Like the desktop")},
        {theme::Choice::Light, tr("Light")},
        {theme::Choice::Dark, tr("Dark")},
    };
    for (const auto& [choice, name] : choices) {
        auto* action = appearance->addAction(name);
        action->setCheckable(true);
        action->setChecked(choice == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [choice]() {
            theme::store(choice);
            theme::apply(choice);
        });
    }
}

// Moving around without the mouse: between the sidebar's rows, between the sidebar and the
// page, and back out of what was opened.
void MainWindow::buildNavigationActions()
{
    auto* go = menuBar()->addMenu(tr("&Go"));
    auto* previous = go->addAction(tr("&Previous in the sidebar"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(previous, &QAction::triggered, this, [this]() { m_sidebar->step(-1); });
    auto* next = go->addAction(tr("&Next in the sidebar"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(next, &QAction::triggered, this, [this]() { m_sidebar->step(1); });
    auto* notifications = go->addAction(tr("N&otifications"));
    notifications->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(notifications, &QAction::triggered, this,
            [this]() { m_navigator->open(Navigator::link(QStringLiteral("notifications"))); });
    go->addSeparator();
    auto* switchFocus = go->addAction(tr("&Switch between sidebar and page"));
    switchFocus->setShortcut(QKeySequence(Qt::Key_F6));
    connect(switchFocus, &QAction::triggered, this, [this]() {
        if (m_sidebar->hasFocus())
            focusPage();
        else if (m_sidebar->isVisible())
            m_sidebar->setFocus(Qt::ShortcutFocusReason);
    });
    auto* back = go->addAction(tr("&Back to the list"));
    back->setShortcut(QKeySequence(Qt::Key_Escape));
    // Escape belongs to whatever has it first (a popup, a dialog, an editor that cancels).
    back->setShortcutContext(Qt::WindowShortcut);
    connect(back, &QAction::triggered, this, &MainWindow::goBack);
}

void MainWindow::buildHelpMenu()
{
    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(tr("&About Plein"), this, [this]() {
        QMessageBox::about(this, tr("About Plein"),
                           tr("<b>Plein %1</b><br>The town square of your organisation: a native, "
                              "offline-first social network that your organisation runs itself.")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::addShortcutHelp(const QString& section, const QKeySequence& keys,
                                 const QString& description)
{
    m_shortcutHelp.append({section, keys, description});
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(*this, m_shortcutHelp, this);
    dialog.exec();
}

// Escape: out of an editor into the list it belongs to, out of an open thread back to the
// page it was opened from (when it covers the page), or from the sidebar of a narrow window.
void MainWindow::goBack()
{
    QWidget* focus = QApplication::focusWidget();
    const bool inDetail = m_detailOpen && focus && m_details->isAncestorOf(focus);
    if (m_layout == Layout::Narrow && m_sidebarShown) {
        setSidebarShown(false);
        focusPage();
        return;
    }
    if (m_detailOpen && (m_layout != Layout::Wide || inDetail)) {
        if (inDetail && !qobject_cast<QAbstractItemView*>(focus)) {
            // From the reply box to the thread's list first.
            if (auto* list = m_details->currentWidget()->findChild<QAbstractItemView*>()) {
                list->setFocus(Qt::ShortcutFocusReason);
                return;
            }
        }
        closeDetail();
        focusPage();
        return;
    }
    focusPage();
}

void MainWindow::focusPage()
{
    QWidget* page = currentPage();
    if (!page)
        return;
    if (auto* list = page->findChild<QAbstractItemView*>(); list && list->isVisible())
        list->setFocus(Qt::ShortcutFocusReason);
    else
        page->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::buildTray()
{
    m_tray = TrayIcon::instance();
    if (!m_tray)
        return;
    m_tray->attach(this);
    // The tray's own message, where no notification service answers.
    connect(m_tray, &TrayIcon::messageClicked, this, [this](qint64 id, const QUrl& link) {
        if (m_tray->window() == this)
            openNotification(id, link);
    });
    connect(m_notifications, &NotificationModel::unreadChanged, this, [this](int count) {
        if (m_tray->window() == this)
            m_tray->setUnread(m_unread, count);
    });
}

void MainWindow::buildNotifier()
{
    m_notifier = new DesktopNotifier(m_tray, this);
    connect(m_notifier, &DesktopNotifier::activated, this, &MainWindow::openNotification);
    m_notifier->setModel(m_notifications);
    // Do not disturb: the bell and the tray set it, the notifier keeps quiet while it is on.
    auto* dnd = new DoNotDisturb(this);
    m_notifier->setDoNotDisturb(dnd);
    m_header->setDoNotDisturb(dnd);
    // The user's presence: away without input or with the screen locked, dnd while quiet.
    auto* activity = new ActivityTracker(this);
    activity->setDoNotDisturb(dnd->isActive());
    connect(dnd, &DoNotDisturb::activeChanged, activity, &ActivityTracker::setDoNotDisturb);
    connect(activity, &ActivityTracker::stateChanged, &m_client.presence(),
            &client::Presence::setOwnState);
    m_client.presence().setOwnState(activity->state());
    const auto editSchedule = [this]() {
        bringToFront();
        auto* dialog = new NotificationSettingsDialog(m_notifier, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showSchedule();
        dialog->open();
    };
    connect(m_header, &Header::scheduleRequested, this, editSchedule);
    if (m_tray && m_tray->window() == this) {
        m_tray->setDoNotDisturb(dnd);
        connect(m_tray, &TrayIcon::scheduleRequested, this, [this, editSchedule]() {
            if (m_tray->window() == this)
                editSchedule();
        });
    }
}

QSystemTrayIcon* MainWindow::tray() const
{
    return m_tray && m_tray->window() == this ? m_tray->icon() : nullptr;
}

void MainWindow::onNotification()
{
    const NotificationModel::Notification newest = m_notifications->at(0);
    // Whoever is looking at the window sees it in the list and the badge already.
    if (isActiveWindow() && !isMinimized())
        return;
    const NotificationSettings settings = NotificationSettings::load();
    if (settings.notifies(newest.kind))
        m_notifier->notify(newest, settings.silent);
}

void MainWindow::openNotification(qint64 id, const QUrl& link)
{
    bringToFront();
    m_notifications->markRead(m_notifications->rowOf(id));
    if (!link.isEmpty())
        m_navigator->open(link);
}

void MainWindow::bringToFront()
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::startMinimised()
{
    if (m_tray && m_tray->isVisible())
        hide();
    else
        showMinimized();
}

void MainWindow::editNotificationSettings()
{
    auto* dialog = new NotificationSettingsDialog(m_notifier, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
    m_header->sidebarButton()->setChecked(shown);
    applyLayout();
}

QToolButton* MainWindow::sidebarButton() const
{
    return m_header->sidebarButton();
}

void MainWindow::setAccount(const QString& displayName, const QString& username)
{
    if (username.isEmpty())
        return;
    m_header->setAccount(displayName, username, m_client.connection().server().host());
}

// The header names what is shown: the page's own title when it has one (a group's name),
// otherwise the sidebar entry that opened it.
void MainWindow::updateTitle()
{
    QWidget* page = currentPage();
    QString title = page ? page->windowTitle() : QString();
    if (title.isEmpty())
        title = m_sidebarModel->indexFor(m_pageLink).data(Qt::DisplayRole).toString();
    m_header->setTitle(title);
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
    m_header->sidebarButton()->setVisible(narrow);
    // In one column the avatar alone says who is logged in; the name would crowd the title.
    m_header->accountButton()->setToolButtonStyle(narrow ? Qt::ToolButtonIconOnly
                                                         : Qt::ToolButtonTextBesideIcon);
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

void MainWindow::setUnreadMessages(int count)
{
    m_unreadMessages = std::max(0, count);
    setUnread(m_unread);
}

void MainWindow::setUnread(int unread)
{
    m_unread = unread;
    // Messages waiting for an answer come first, as chat apps put them: "(3) Plein".
    if (m_unreadMessages > 0)
        setWindowTitle(tr("(%1) Plein").arg(m_unreadMessages));
    else
        setWindowTitle(unread > 0 ? tr("Plein (%1)").arg(unread) : tr("Plein"));
    if (m_tray && m_tray->window() == this) {
        m_tray->setUnread(unread, m_notifications->unreadCount());
        m_tray->setUnreadMessages(m_unreadMessages);
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
