#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace plein::app {

class Navigator;
class NotificationModel;

// The notification centre: what concerned the user, kept across restarts, unread ones in bold.
// Opening one marks it read and follows its link.
class NotificationsPage : public QWidget
{
    Q_OBJECT

public:
    NotificationsPage(NotificationModel& model, Navigator& navigator, QWidget* parent = nullptr);

    QListView* view() const { return m_view; }
    QPushButton* markAllReadButton() const { return m_markAll; }
    // Shown instead of the list while it is empty.
    QWidget* emptyState() const { return m_empty; }

private:
    void refresh();

    NotificationModel& m_model;
    QStackedWidget* m_stack = nullptr;
    QListView* m_view = nullptr;
    QWidget* m_empty = nullptr;
    QPushButton* m_markAll = nullptr;
};

} // namespace plein::app
