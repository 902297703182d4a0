#pragma once

#include "connection.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

namespace plein::client {
class Client;
}

namespace plein::app {

class LoginDialog;
class MainWindow;
class TokenStore;

// How the app gets from its start to a running session: it resumes the session remembered in
// the keyring for (server, user), or logs in with a password given on stdin, or asks for one
// in the login dialog. It asks again when the server refuses (forgetting a refused token), and
// owns the client core and the main window of the account in use.
class LoginFlow : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString server;
        QString username;
        QString profileDir;
        // A password given on stdin: log in without the dialog.
        std::optional<QString> password;
        // Remember a session made with a stdin password (the dialog has its own box).
        bool remember = false;
        // Tests run without the keyring and the tray.
        bool useKeyring = true;
        bool useTray = true;
        // A `plein:` link from the command line, opened once the window is up.
        QString link;
    };

    explicit LoginFlow(Options options, QObject* parent = nullptr);
    ~LoginFlow() override;

    void start();

    LoginDialog* dialog() const { return m_dialog.get(); }
    MainWindow* window() const { return m_window.get(); }
    client::Client* client() const { return m_client.get(); }
    bool isKeyringAvailable() const { return m_keyringAvailable; }

Q_SIGNALS:
    // The person cancelled before any window was open, or the cache could not be opened.
    void finished(int exitCode);

private:
    void ask(const QString& message);
    void logIn(const QUrl& server, const QString& username, const QString& password, bool remember);
    void resume(const QUrl& server, const QString& username, const QString& token);
    std::optional<QString> openAccount(const QUrl& server, const QString& username);
    void onProblem(client::Connection::Problem problem, const QString& detail);
    void onToken(const QString& token);
    void onAuthenticated();

    Options m_options;
    TokenStore* m_tokens = nullptr;
    QUrl m_server;
    QString m_username;
    bool m_keyringAvailable = true;
    bool m_remember = false;
    // Declared in this order so the window goes before the client it shows.
    std::unique_ptr<client::Client> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LoginDialog> m_dialog;
};

} // namespace plein::app
