#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace plein::app {

class DoNotDisturb;
class DoNotDisturbMenu;
class MainWindow;

// The app's icon in the system tray, one for the application whatever the number of accounts:
// the main window of the account in use attaches to it (switching accounts makes a new
// window), and its menu and clicks act on that window. Unread state shows in the icon and its
// tooltip, do-not-disturb in the tooltip, and the menu can set it.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    // The tray icon, made on first use; nullptr when the desktop has no system tray.
    static TrayIcon* instance();
    ~TrayIcon() override;

    // `window` becomes the one the menu, a click and a clicked message act on.
    void attach(MainWindow* window);
    // Called by a window going away; the icon hides unless another window attaches at once.
    void detach(MainWindow* window);
    MainWindow* window() const;

    QSystemTrayIcon* icon() const { return m_icon; }
    bool isVisible() const;
    // New posts since the window was last looked at, and unread notifications.
    void setUnread(int posts, int notifications);
    // Unread messages in conversations (chat).
    void setUnreadMessages(int messages);
    // The attached window's do-not-disturb, which the menu sets and the tooltip tells.
    void setDoNotDisturb(DoNotDisturb* dnd);
    DoNotDisturbMenu* doNotDisturbMenu() const;
    // The fallback for desktops without a notification service; a click on it is said by
    // messageClicked() with the notification's stored id and link.
    void showMessage(const QString& title, const QString& body, qint64 id, const QUrl& link);

Q_SIGNALS:
    void messageClicked(qint64 id, const QUrl& link);
    // "Schedule…" in the do-not-disturb menu.
    void scheduleRequested();

private:
    explicit TrayIcon(QObject* parent);
    void updateTexts();

    QSystemTrayIcon* m_icon = nullptr;
    QPointer<MainWindow> m_window;
    // One menu for the icon's whole life: the platform's tray keeps pointers into the menu it
    // was given, so it is never replaced (its actions act on whichever window is attached).
    QMenu* m_menu = nullptr;
    QAction* m_unreadAction = nullptr;
    // A submenu of m_menu, gone with it at quit.
    QPointer<DoNotDisturbMenu> m_dndMenu;
    QPointer<DoNotDisturb> m_dnd;
    // A click on a message counts only while one of ours is showing: the freedesktop tray
    // reports clicks on every application's notifications.
    QDeadlineTimer m_messageShown;
    int m_posts = 0;
    int m_notifications = 0;
    int m_messages = 0;
    qint64 m_messageId = 0;
    QUrl m_messageLink;
};

} // namespace plein::app
