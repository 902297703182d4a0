#include "shell/trayicon.h"

#include "shell/donotdisturb.h"
#include "shell/donotdisturbmenu.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

#include <utility>

namespace plein::app {

namespace {

QIcon appIcon(bool unread)
{
    return QIcon(unread ? QStringLiteral(":/icons/plein-unread.svg")
                        : QStringLiteral(":/icons/plein.svg"));
}

} // namespace

TrayIcon* TrayIcon::instance()
{
    // One for the application, not one per window: the desktop shows every QSystemTrayIcon as
    // an icon of its own, so a window per account (LoginFlow makes a new one on each switch)
    // would leave a row of Plein icons behind. The tray is the application's, like the
    // desktop entry it stands for, so qApp owns it and windows come and go.
    static QPointer<TrayIcon> tray;
    if (!tray && QSystemTrayIcon::isSystemTrayAvailable())
        tray = new TrayIcon(qApp);
    return tray;
}

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(appIcon(false), this))
{
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                // The context menu has its own reason; every other click brings the window up.
                if (reason != QSystemTrayIcon::Context && m_window)
                    m_window->bringToFront();
            });
    m_menu = new QMenu();
    m_menu->addAction(tr("Show Plein"), this, [this]() {
        if (m_window)
            m_window->bringToFront();
    });
    m_unreadAction = m_menu->addAction(QString(), this, [this]() {
        if (!m_window)
            return;
        m_window->bringToFront();
        m_window->navigator().open(Navigator::link(QStringLiteral("notifications")));
    });
    m_dndMenu = new DoNotDisturbMenu(m_menu);
    connect(m_dndMenu, &DoNotDisturbMenu::scheduleRequested, this, &TrayIcon::scheduleRequested);
    m_menu->addMenu(m_dndMenu);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this]() {
        if (m_messageShown.hasExpired())
            return; // another application's notification
        m_messageShown = QDeadlineTimer(0);
        const qint64 id = std::exchange(m_messageId, 0);
        const QUrl link = std::exchange(m_messageLink, {});
        Q_EMIT messageClicked(id, link);
    });
    // The platform's tray goes with the event loop: remove the icon before it does.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this]() {
        m_icon->hide();
        m_icon->setContextMenu(nullptr);
        delete std::exchange(m_menu, nullptr);
    });
    updateTexts();
}

TrayIcon::~TrayIcon()
{
    if (m_menu) {
        m_icon->setContextMenu(nullptr);
        delete m_menu;
    }
}

void TrayIcon::attach(MainWindow* window)
{
    if (m_window == window)
        return;
    m_window = window;
    m_messageId = 0;
    m_messageLink.clear();
    m_posts = 0;
    m_notifications = 0;
    updateTexts();
    m_icon->show();
}

void TrayIcon::detach(MainWindow* window)
{
    if (m_window != window)
        return;
    m_window = nullptr;
    m_messageId = 0;
    m_messageLink.clear();
    // Switching accounts destroys one window and makes the next: hiding the icon in between
    // would make it jump about in the panel.
    QTimer::singleShot(0, this, [this]() {
        if (!m_window)
            m_icon->hide();
    });
}

MainWindow* TrayIcon::window() const
{
    return m_window;
}

bool TrayIcon::isVisible() const
{
    return m_icon->isVisible();
}

void TrayIcon::setUnread(int posts, int notifications)
{
    m_posts = posts;
    m_notifications = notifications;
    updateTexts();
}

DoNotDisturbMenu* TrayIcon::doNotDisturbMenu() const
{
    return m_dndMenu;
}

void TrayIcon::setDoNotDisturb(DoNotDisturb* dnd)
{
    if (m_dnd)
        disconnect(m_dnd, nullptr, this, nullptr);
    m_dnd = dnd;
    if (m_dndMenu)
        m_dndMenu->setTarget(dnd);
    if (m_dnd)
        connect(m_dnd, &DoNotDisturb::changed, this, &TrayIcon::updateTexts);
    updateTexts();
}

void TrayIcon::setUnreadMessages(int messages)
{
    if (m_messages == messages)
        return;
    m_messages = messages;
    updateTexts();
}

void TrayIcon::updateTexts()
{
    m_icon->setIcon(appIcon(m_posts > 0 || m_notifications > 0 || m_messages > 0));
    QStringList lines {tr("Plein")};
    if (m_dnd && m_dnd->isActive())
        lines.append(m_dnd->statusText());
    if (m_messages > 0)
        lines.append(tr("%n unread message(s)", nullptr, m_messages));
    if (m_posts > 0)
        lines.append(tr("%n new post(s)", nullptr, m_posts));
    if (m_notifications > 0)
        lines.append(tr("%n unread notification(s)", nullptr, m_notifications));
    m_icon->setToolTip(lines.join(u'\n'));
    if (m_unreadAction) {
        m_unreadAction->setText(m_notifications > 0
                                    ? tr("%n unread notification(s)", nullptr, m_notifications)
                                    : tr("No unread notifications"));
        m_unreadAction->setEnabled(m_notifications > 0);
    }
}

void TrayIcon::showMessage(const QString& title, const QString& body, qint64 id, const QUrl& link)
{
    m_messageId = id;
    m_messageLink = link;
    // As long as the desktop usually keeps a message up.
    m_messageShown = QDeadlineTimer(30000);
    // On a StatusNotifier tray Qt hands the text to the notification service as it is, and
    // some services read markup: a post's "<a href…>" must not become a link or an image there.
    // Where the tray draws the balloon itself the look-alikes read the same.
    const auto defuse = [](QString text) {
        return text.replace(u'<', u'\u2039').replace(u'>', u'\u203a').replace(u'&', u'\uff06');
    };
    m_icon->showMessage(defuse(title), defuse(body));
}

} // namespace plein::app
