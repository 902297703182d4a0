#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;

namespace plein::app {

// The bar across the top of the window: the page's title (with the Menu button that brings
// the sidebar in a narrow window), the notifications bell with its unread count, and the
// account button that says who is logged in and opens the account menu.
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

    QToolButton* sidebarButton() const { return m_sidebarButton; }
    QToolButton* bellButton() const { return m_bell; }
    QToolButton* accountButton() const { return m_account; }

Q_SIGNALS:
    void notificationsRequested();

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateIcons();

    QToolButton* m_sidebarButton = nullptr;
    QLabel* m_title = nullptr;
    QToolButton* m_bell = nullptr;
    QToolButton* m_account = nullptr;
    QString m_displayName;
    QString m_username;
    int m_unread = 0;
};

} // namespace plein::app
