#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace plein::client {
class Groups;
}

namespace plein::app {

// Asks for a new group: name, description, kind and what new members see. Accepting queues
// the group's creation in the outbox (it is created when the server is reachable); the user
// becomes its owner.
class CreateGroupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateGroupDialog(client::Groups& groups, QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* historyBox() const { return m_history; }
    // The clientId of the queued creation, once accepted.
    QString clientId() const { return m_clientId; }

    void accept() override;

private:
    void validate();

    client::Groups& m_groups;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_history = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_clientId;
};

} // namespace plein::app
