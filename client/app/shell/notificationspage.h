#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace plein::app {

class Navigator;
class NotificationModel;

// The notification centre: every notification of the session, unread ones in bold. Opening one
// marks it read and follows its link.
class NotificationsPage : public QWidget
{
    Q_OBJECT

public:
    NotificationsPage(NotificationModel& model, Navigator& navigator, QWidget* parent = nullptr);

    QListView* view() const { return m_view; }
    QPushButton* markAllReadButton() const { return m_markAll; }

private:
    NotificationModel& m_model;
    QListView* m_view = nullptr;
    QPushButton* m_markAll = nullptr;
};

} // namespace plein::app
