#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace plein::app {

// Asks for the server, the username and the password, and whether to remember the session.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget* parent = nullptr);

    void setServer(const QString& url);
    void setUsername(const QString& name);
    void setMessage(const QString& message);
    QString message() const;
    // Without a keyring there is nowhere safe to remember the session: the box is disabled.
    void setRememberAvailable(bool available);
    void setRemember(bool remember);
    QUrl server() const;
    QString username() const;
    QString password() const;
    bool remember() const;

    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }

    void accept() override;

private:
    QLineEdit* m_server = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace plein::app
