#pragma once

#include "accounts.h"
#include "connection.h"

#include <QObject>

#include <memory>
#include <optional>

namespace plein::client {
class Client;
}

namespace plein::app {

// One try at logging in to an account before any window shows it: a client core of its own
// whose connection goes online once. It succeeds when the server accepts the password or the
// token, and fails without retrying when the server refuses them or cannot be reached. What a
// first login created (the cache and its folder) goes away when it fails or is cancelled; an
// account that had a cache keeps it.
class LoginAttempt : public QObject
{
    Q_OBJECT

public:
    LoginAttempt(Account account, QString profileDir, QObject* parent = nullptr);
    // Cancels an attempt that has not succeeded, removing what it created.
    ~LoginAttempt() override;

    // Opens the account's cache; the error when it cannot be opened.
    std::optional<QString> open();
    void logIn(const QString& password);
    void resume(const QString& token);

    const Account& account() const { return m_account; }
    // Whether the account had a cache on this computer before this attempt.
    bool hadCache() const { return m_hadCache; }
    // Whether it resumes a remembered session rather than logging in with a password.
    bool usedToken() const { return m_usedToken; }
    client::Client* client() const { return m_client.get(); }
    // After succeeded(): the client, online, for the window; nothing is removed any more.
    std::unique_ptr<client::Client> take();

Q_SIGNALS:
    void succeeded();
    // Said once, after the client is gone and what it created removed.
    void failed(plein::client::Connection::Problem problem, const QString& detail);

private:
    void go();
    void onProblem(client::Connection::Problem problem, const QString& detail);
    void discard();

    Account m_account;
    QString m_profileDir;
    std::unique_ptr<client::Client> m_client;
    bool m_hadCache = false;
    bool m_usedToken = false;
    bool m_over = false;
};

} // namespace plein::app
