#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;

namespace plein::app {

class DoNotDisturb;
class DoNotDisturbMenu;

// The bar across the top of the window: the page's title (with the Menu button that brings
// the sidebar in a narrow window), the notifications bell with its unread count (a click opens
// the notification centre, its arrow the do-not-disturb menu; struck through while it is on), and
// the account button that says who is logged in and opens the account menu.
class Header : public QWidget
{
    Q_OBJECT

public:
    Header(QMenu* accountMenu, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const;
    // Who is logged in: shown on the account button with their avatar.
    void setAccount(const QString& displayName, const QString& username, const QString& server);
    void setUnread(int count);
    int unread() const { return m_unread; }
    // The bell shows it and its menu sets it (nullptr: no menu).
    void setDoNotDisturb(DoNotDisturb* dnd);
    DoNotDisturbMenu* doNotDisturbMenu() const { return m_dndMenu; }

    QToolButton* sidebarButton() const { return m_sidebarButton; }
    QToolButton* bellButton() const { return m_bell; }
    QToolButton* accountButton() const { return m_account; }

Q_SIGNALS:
    void notificationsRequested();
    // "Schedule…" in the bell's do-not-disturb menu.
    void scheduleRequested();

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateIcons();
    void updateBell();

    QToolButton* m_sidebarButton = nullptr;
    QLabel* m_title = nullptr;
    QToolButton* m_bell = nullptr;
    QToolButton* m_account = nullptr;
    QString m_displayName;
    QString m_username;
    int m_unread = 0;
    QPointer<DoNotDisturb> m_dnd;
    DoNotDisturbMenu* m_dndMenu = nullptr;
};

} // namespace plein::app
