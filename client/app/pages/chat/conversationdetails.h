#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace plein::client {
class Client;
}

namespace plein::app {

class Navigator;

// A conversation's details beside (or over) it: its name, which the members may change in a
// conversation of named people (or only its creator, who also decides that), mute, and the
// members with their departments: add people, remove one (where the conversation's rule
// allows it), leave. A direct conversation shows the other person; a group's chat says it
// follows the group's members and leads to the group.
class ConversationDetails : public QWidget
{
    Q_OBJECT

public:
    ConversationDetails(client::Client& client, Navigator& navigator, QWidget* parent = nullptr);

    void open(qint64 conversationId);
    qint64 conversationId() const { return m_id; }

    QLineEdit* titleEdit() const { return m_title; }
    QPushButton* renameButton() const { return m_rename; }
    QCheckBox* creatorOnlyBox() const { return m_creatorOnly; }
    QCheckBox* muteBox() const { return m_mute; }
    QListWidget* membersList() const { return m_members; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* leaveButton() const { return m_leave; }
    QLabel* noteLabel() const { return m_note; }

    // Whether the user may add and remove others.
    bool mayManageMembers() const;
    void addPeople();

Q_SIGNALS:
    void closeRequested();

private:
    void refresh();
    void removeSelected();
    void leave();

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_id = 0;
    QToolButton* m_close = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_kind = nullptr;
    QLineEdit* m_title = nullptr;
    QPushButton* m_rename = nullptr;
    QCheckBox* m_creatorOnly = nullptr;
    QCheckBox* m_mute = nullptr;
    QLabel* m_membersHeading = nullptr;
    QListWidget* m_members = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_group = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace plein::app
