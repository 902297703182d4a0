#pragma once

#include "accounts.h"
#include "connection.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace plein::client {
class Client;
}

namespace plein::app {

class LoginAttempt;
class LoginDialog;
class MainWindow;
class TokenStore;

// How the app gets from its start to a running account, and from one account to another.
// A window opens only for a session the server accepted, or for a session remembered in the
// keyring of an account whose cache is on this computer (so an offline start shows the
// cache at once). Everything else goes through the login dialog, which stays until the server
// has said yes: a wrong password, an unreachable or mistyped server keep the person there with
// what to correct, and a failed first login leaves no files behind (LoginAttempt).
//
// It fills the window's account menu (the account in use, the other known accounts to switch
// to in one click, "Add account…", "Log out") and owns the client core and the window of the
// account in use; one at a time, each account with its own cache, keyring entry and window.
class LoginFlow : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString server;
        QString username;
        QString profileDir;
        // A password given on stdin: log in without asking.
        std::optional<QString> password;
        // Remember a session made with a stdin password (the dialog has its own box).
        bool remember = false;
        // Tests run without the keyring and the tray.
        bool useKeyring = true;
        bool useTray = true;
        // The first window starts in the tray (minimised without one): --minimised, or the
        // setting, as when started at login.
        bool startMinimised = false;
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
    // The account the window shows; invalid while there is no window.
    Account account() const { return m_account; }
    // Whether a login is being tried (the dialog says it is connecting).
    bool isAttempting() const { return m_attempt != nullptr; }

    // What the account menu offers. Switching closes the window and client of the account in
    // use (its outbox stays in its cache) once the other one can open: at once with a session
    // this run or the keyring remembers, otherwise after the login dialog.
    void switchTo(const Account& account);
    void addAccount();
    // Asks first, offering to remove the offline copy too, then logOut().
    void confirmLogOut();
    // The server ends the session, the keyring and this run forget its token, the account
    // leaves the list; its cache stays unless `removeCache`. Then the next known account
    // opens, or the login dialog when there is none.
    void logOut(bool removeCache = false);

Q_SIGNALS:
    // The person cancelled before any window was open.
    void finished(int exitCode);
    // A window opened for an account: at the start, after a switch or a new account.
    void windowOpened();

private:
    LoginDialog& showDialog(const Account& account, const QString& intro = QString());
    void askFor(const Account& account, const QString& message = QString());
    void onSubmitted();
    void onCancelRequested();
    void onDialogClosed();
    void openOffline();
    void beginAttempt(const Account& account, const QString& password, const QString& token,
                      bool remember);
    void onAttemptSucceeded();
    void onAttemptFailed(client::Connection::Problem problem, const QString& detail);
    void useToken(const Account& account, const QString& token);
    // Opens the window for a client that is open (and going online).
    void openWindow(std::unique_ptr<client::Client> client, const Account& account);
    std::unique_ptr<client::Client> openClient(const Account& account, QString* error);
    void closeWindow();
    // Closes the window's menus and dialogs; false while one still runs its event loop.
    bool mayCloseWindow();
    void fillAccountMenu();
    void onProblem(client::Connection::Problem problem, const QString& detail);
    void onToken(const QString& token);
    void onAuthenticated();
    void keepToken(const Account& account, const QString& token, bool remember);
    void forgetToken(const Account& account);
    bool hasCache(const Account& account) const;
    // Ends a logged-out client (and removes its cache when asked) if it is still finishing.
    void finishLeaving();

    Options m_options;
    TokenStore* m_tokens = nullptr;
    bool m_keyringAvailable = true;
    // The account to start with: the command line's or the last one used.
    Account m_first;
    QString m_firstProblem; // what is wrong with the command line's server address
    Account m_account;
    // The account "Open offline" opens: the last attempt that failed for want of a server.
    Account m_offlineAccount;
    // The dialog's password goes to the open client (its session ended) rather than a new one.
    bool m_relogging = false;
    bool m_remember = false;
    // Sessions of this run by account (TokenStore::accountFor), in memory only: switching back
    // needs no password even without a keyring.
    QHash<QString, QString> m_sessions;
    // Keyring answers that arrive after the person chose something else are ignored.
    int m_generation = 0;
    std::unique_ptr<LoginAttempt> m_attempt;
    // A logged-out client waiting for the server's answer, and whether its cache goes too.
    QPointer<client::Client> m_leaving;
    Account m_leavingAccount;
    bool m_leavingRemovesCache = false;
    // Declared in this order so the window goes before the client it shows.
    std::unique_ptr<client::Client> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LoginDialog> m_dialog;
};

} // namespace plein::app
