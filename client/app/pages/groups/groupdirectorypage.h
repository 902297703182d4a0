#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace plein::client {
class Client;
class GroupDirectoryModel;
} // namespace plein::client

namespace plein::app {

class Navigator;

// The group directory (`plein:/groups`): the groups the user may see, searched by name and
// filtered to the user's own, with kinds and member counts, a page at a time as the list
// scrolls. Opening one goes to its page; "New group…" asks for a new one.
class GroupDirectoryPage : public QWidget
{
    Q_OBJECT

public:
    GroupDirectoryPage(client::Client& client, Navigator& navigator, QWidget* parent = nullptr);

    client::GroupDirectoryModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* filterBox() const { return m_filter; }
    QListView* view() const { return m_view; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* newGroupButton() const { return m_newGroup; }
    // Applies the search text now instead of after the typing pause.
    void search();

Q_SIGNALS:
    void newGroupRequested();

private:
    void updateStatus();

    client::GroupDirectoryModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_filter = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_newGroup = nullptr;
    QTimer* m_typing = nullptr;
    QString m_failure;
};

} // namespace plein::app
