#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace plein::client {
class Client;
}

namespace plein::app {

class PeoplePicker;

// "New conversation": choose one person to write to them alone, or several for a conversation
// of named people, which may get a name and the rule that only its creator adds and removes
// members. Starting asks the server for the conversation (a direct one that exists already is
// found, offline too); what goes wrong is said in the person's words, and the dialog stays.
class NewConversationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewConversationDialog(client::Client& client, QWidget* parent = nullptr);

    PeoplePicker* picker() const { return m_picker; }
    QLineEdit* titleEdit() const { return m_title; }
    QCheckBox* creatorOnlyBox() const { return m_creatorOnly; }
    QPushButton* startButton() const { return m_start; }
    QLabel* errorLabel() const { return m_error; }

    void start();

Q_SIGNALS:
    // The conversation to open.
    void opened(qint64 conversationId);

private:
    void updateState();

    client::Client& m_client;
    PeoplePicker* m_picker = nullptr;
    QWidget* m_group = nullptr;
    QLineEdit* m_title = nullptr;
    QCheckBox* m_creatorOnly = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_start = nullptr;
    bool m_busy = false;
};

} // namespace plein::app
