#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace plein::app {

// One person's account on one server. Each has its own cache file (Cache::fileFor), its own
// keyring entry (TokenStore::accountFor) and its own window while it is the one in use.
struct Account
{
    QUrl server;
    QString username;
    // As the server said at the last login; empty until then.
    QString displayName;

    bool isValid() const { return server.isValid() && !username.isEmpty(); }
    bool sameAs(const Account& other) const
    {
        return server == other.server && username == other.username;
    }
    // "anna@plein.example.org" (with the port when there is one).
    QString address() const;
    // "Anna de Vries (anna@plein.example.org)", or the address alone before the first login.
    QString label() const;
};

// The accounts this computer knows, kept in QSettings (the profile's, with --profile), the
// one used last first: the app starts with it, and the account menu offers the others.
class Accounts
{
public:
    static QList<Account> known();
    static std::optional<Account> last();
    // Puts `account` first, adding it or updating its display name.
    static void remember(const Account& account);
    // Takes it off the list (log out); its cache stays unless removed on purpose.
    static void forget(const Account& account);
};

} // namespace plein::app
