#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace plein::app {

// The sign-in screen: the server, the username and the password, and whether to remember the
// session. It checks what it can before anything goes online (an address that is not one, a
// ws:// to another computer, an empty field) and says so in a coloured box above the fields,
// with the field in question marked and focused. While the login flow tries, it shows that it
// is connecting and Cancel stops the attempt instead of closing the dialog.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Field { None, Server, Username, Password };
    enum class Tone { Error, Info };

    explicit LoginDialog(QWidget* parent = nullptr);

    void setServer(const QString& url);
    void setUsername(const QString& name);
    // The line under the title ("Add another account…"); a default one when empty.
    void setIntro(const QString& text);
    QString intro() const;
    // An empty message hides the box. `field` is marked and gets the focus.
    void setMessage(const QString& message, Field field = Field::None, Tone tone = Tone::Error);
    QString message() const;
    Field markedField() const { return m_marked; }
    // Without a keyring there is nowhere safe to remember the session: the box is disabled.
    void setRememberAvailable(bool available);
    void setRemember(bool remember);
    // Connecting: the fields are locked and `text` says to what ("Connecting to …").
    void setBusy(bool busy, const QString& text = QString());
    bool isBusy() const { return m_busy; }
    // Offers to open the account's offline copy when its server cannot be reached.
    void setOfflineAvailable(bool available);

    // The address as typed, read the way it was meant (ServerAddress); empty if it is none.
    QUrl server() const;
    QString username() const;
    QString password() const;
    bool remember() const;

    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QPushButton* logInButton() const { return m_logIn; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* offlineButton() const { return m_offline; }

    // Checks the fields and, when they can be tried, says submitted(); the dialog stays open
    // until the login flow closes it.
    void accept() override;
    // While busy: cancelRequested() and stay; otherwise close.
    void reject() override;

Q_SIGNALS:
    void submitted();
    void cancelRequested();
    void offlineRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void mark(Field field);
    void fitHeight();
    void updateColours();

    QLabel* m_logo = nullptr;
    QLabel* m_intro = nullptr;
    QFrame* m_messageBox = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_server = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QWidget* m_busyRow = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_busyText = nullptr;
    QPushButton* m_offline = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_logIn = nullptr;
    Field m_marked = Field::None;
    Tone m_tone = Tone::Error;
    bool m_busy = false;
    bool m_rememberAvailable = true;
    int m_styleKey = -1; // the colours the style sheet was made for
};

} // namespace plein::app
