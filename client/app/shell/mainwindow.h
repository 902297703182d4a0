#pragma once

#include "connection.h"
#include "shell/shortcutsdialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QToolButton;

namespace plein::client {
class Client;
}

namespace plein::app {

class ConnectionStatus;
class DesktopNotifier;
class Header;
class Navigator;
class NoticeBar;
class NotificationModel;
class NotificationsPage;
class PageParts;
class Sidebar;
class SidebarModel;
class TrayIcon;

// The shell every capability plugs into: the sidebar, the page on the right, a detail (the
// open thread) beside the page when the window is wide enough or over it when it is not, the
// notice bar, the status bar and the tray. Capabilities install themselves (pages/capabilities)
// by adding pages, sidebar entries, Navigator routes, menu actions and notifications; the shell
// knows none of them. All protocol work happens in the client core.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // One column below `narrowWidth`; the detail beside the page from `wideWidth` on.
    static constexpr int narrowWidth = 600;
    static constexpr int wideWidth = 900;
    enum class Layout { Narrow, Medium, Wide };

    // `useTray` false forces the no-tray behaviour (closing quits), as on desktops without one.
    MainWindow(client::Client& client, bool useTray = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    // What capabilities build on.
    client::Client& client() const { return m_client; }
    Navigator& navigator() const { return *m_navigator; }
    SidebarModel& sidebarModel() const { return *m_sidebarModel; }
    PageParts& pageParts() const { return *m_pageParts; }
    NotificationModel& notifications() const { return *m_notifications; }
    // The "Plein" menu, for actions such as "New post".
    QMenu* appMenu() const { return m_appMenu; }
    // The "Settings" menu, for a capability's own settings (Chat's typing and receipts).
    QMenu* settingsMenu() const { return m_settingsMenu; }
    // The menu behind the account button in the header (who is logged in): the login flow
    // fills it with log out, the other accounts to switch to, and adding an account.
    QMenu* accountMenu() const { return m_accountMenu; }

    // Adds a page (the shell takes it) without showing it.
    void addPage(QWidget* page);
    // Shows a page (added if it was not); over a narrow window it replaces the detail.
    void showPage(QWidget* page);
    QWidget* currentPage() const;
    // Shows `detail` beside or over the page (the shell takes it); closeDetail() hides it.
    void showDetail(QWidget* detail);
    void closeDetail();
    QWidget* detail() const;
    bool isDetailOpen() const { return m_detailOpen; }

    Layout layoutMode() const { return m_layout; }
    Sidebar* sidebar() const { return m_sidebar; }
    // In a narrow window: the sidebar in place of the page, or the page again.
    void setSidebarShown(bool shown);
    QToolButton* sidebarButton() const;
    Header* header() const { return m_header; }
    // Who is logged in, for the header (the login flow knows before the server says).
    void setAccount(const QString& displayName, const QString& username);

    QLabel* stateLabel() const;
    // The app's tray icon (TrayIcon) while this window is the one attached to it.
    QSystemTrayIcon* tray() const;
    DesktopNotifier* desktopNotifier() const { return m_notifier; }
    // Shown, not minimised, raised and active: what a click on the tray or a notification does.
    void bringToFront();
    // For --minimised and the "Start minimised" setting, in place of show(): hidden in the tray
    // when there is one, minimised otherwise.
    void startMinimised();
    int unread() const { return m_unread; }
    // Unread messages in conversations (chat), shown first in the title ("(3) Plein") and in
    // the tray.
    void setUnreadMessages(int count);
    int unreadMessages() const { return m_unreadMessages; }
    // The bar that explains problems (unreachable server, refused login, damaged cache...).
    QString noticeText() const;
    bool isNoticeShown() const;
    void showNotice(const QString& text);
    void hideNotice();
    // Said in the status bar for a few seconds (a link that leads nowhere, for example).
    void showShortNotice(const QString& text);

    // Keys that work in a list or an editor rather than through a menu (L likes the post in
    // the list): listed in Help → Keyboard shortcuts with the menus' own.
    void addShortcutHelp(const QString& section, const QKeySequence& keys,
                         const QString& description);
    const QList<ShortcutsDialog::Key>& shortcutHelp() const { return m_shortcutHelp; }
    // Escape: back from an editor to its list, from a thread to its page.
    void goBack();
    // Moves the keyboard focus to the page's list (or the page).
    void focusPage();

    // Where the window starts (a capability registers the route).
    static QUrl startLink();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildMenus();
    void buildAppearanceMenu(QMenu* settings);
    void buildNavigationActions();
    void buildHelpMenu();
    void showShortcuts();
    void buildTray();
    void buildNotifier();
    void applyLayout();
    void updateTitle();
    void setUnread(int unread);
    void onNotification();
    // Opens what a notification (stored as `id`; 0 for none) leads to, marking it read.
    void openNotification(qint64 id, const QUrl& link);
    void editNotificationSettings();
    void onProblem(client::Connection::Problem problem, const QString& detail);
    void chooseLanguage(const QString& code);

    client::Client& m_client;
    Navigator* m_navigator = nullptr;
    SidebarModel* m_sidebarModel = nullptr;
    PageParts* m_pageParts = nullptr;
    NotificationModel* m_notifications = nullptr;
    Sidebar* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    QStackedWidget* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    Header* m_header = nullptr;
    NotificationsPage* m_notificationsPage = nullptr;
    NoticeBar* m_noticeBar = nullptr;
    ConnectionStatus* m_state = nullptr;
    QMenu* m_appMenu = nullptr;
    QMenu* m_accountMenu = nullptr;
    QMenu* m_settingsMenu = nullptr;
    QList<ShortcutsDialog::Key> m_shortcutHelp;
    TrayIcon* m_tray = nullptr;
    DesktopNotifier* m_notifier = nullptr;
    // The page shown and the link that showed it, which the sidebar marks (a thread opened
    // beside the page leaves the mark on the page).
    QPointer<QWidget> m_linkedPage;
    QUrl m_pageLink;
    int m_notificationsEntry = -1;
    int m_unread = 0;
    int m_unreadMessages = 0;
    Layout m_layout = Layout::Wide;
    bool m_detailOpen = false;
    bool m_sidebarShown = false; // in a narrow window
    // Whether the notice shows a connection problem, which going online again resolves.
    bool m_problemShown = false;
};

} // namespace plein::app
