#include "shell/trayicon.h"

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
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this]() {
        const qint64 id = std::exchange(m_messageId, 0);
        const QUrl link = std::exchange(m_messageLink, {});
        Q_EMIT messageClicked(id, link);
    });
    // The platform's tray goes with the event loop: remove the icon before it does.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this]() { m_icon->hide(); });
    updateTexts();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::attach(MainWindow* window)
{
    if (m_window == window)
        return;
    m_window = window;
    m_messageId = 0;
    m_messageLink.clear();
    // The menu is the window's (its parent), so it goes with the window and acts on it.
    auto* menu = new QMenu(window);
    menu->addAction(tr("Show Plein"), window, &MainWindow::bringToFront);
    m_unreadAction = menu->addAction(QString(), window, [window]() {
        window->bringToFront();
        window->navigator().open(Navigator::link(QStringLiteral("notifications")));
    });
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_icon->setContextMenu(menu);
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

void TrayIcon::updateTexts()
{
    m_icon->setIcon(appIcon(m_posts > 0 || m_notifications > 0));
    QStringList lines {tr("Plein")};
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
    m_icon->showMessage(title, body);
}

} // namespace plein::app
