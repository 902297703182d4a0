#include "accounts.h"

#include "serveraddress.h"

#include <QCoreApplication>
#include <QSettings>

#include <optional>

namespace plein::app {

namespace {

const QString listKey = QStringLiteral("accounts");
const QString serverKey = QStringLiteral("server");
const QString usernameKey = QStringLiteral("username");
const QString displayNameKey = QStringLiteral("displayName");
// Where builds before the account list kept the one account they knew.
const QString oldServerKey = QStringLiteral("account/server");
const QString oldUsernameKey = QStringLiteral("account/username");

void write(QSettings& settings, const QList<Account>& accounts)
{
    settings.remove(listKey);
    settings.beginWriteArray(listKey, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(serverKey, accounts.at(i).server.toString());
        settings.setValue(usernameKey, accounts.at(i).username);
        settings.setValue(displayNameKey, accounts.at(i).displayName);
    }
    settings.endArray();
    settings.remove(QStringLiteral("account"));
}

} // namespace

QString Account::address() const
{
    QString host = server.host();
    if (server.port() != -1)
        host += u':' + QString::number(server.port());
    return username + u'@' + host;
}

QString Account::label() const
{
    if (displayName.isEmpty())
        return address();
    return QCoreApplication::translate("plein::app::Account", "%1 (%2)")
        .arg(displayName, address());
}

namespace {

// A stored account as this build would accept it if typed: an older build took ws:// to any
// host and kept addresses as typed. One that does not pass is dropped (the person logs in
// again, through the dialog's checks) rather than used unencrypted.
std::optional<Account> checked(const QString& server, const QString& username,
                               const QString& displayName)
{
    const ServerAddress address = ServerAddress::parse(server);
    Account a {address.url(), username.trimmed().toLower(), displayName};
    if (!address.isOk() || !a.isValid())
        return std::nullopt;
    return a;
}

} // namespace

QList<Account> Accounts::known()
{
    QSettings settings;
    QList<Account> accounts;
    const int count = settings.beginReadArray(listKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        if (const auto a
            = checked(settings.value(serverKey).toString(), settings.value(usernameKey).toString(),
                      settings.value(displayNameKey).toString()))
            accounts.append(*a);
    }
    settings.endArray();
    if (accounts.isEmpty()) {
        if (const auto old = checked(settings.value(oldServerKey).toString(),
                                     settings.value(oldUsernameKey).toString(), QString()))
            accounts.append(*old);
    }
    return accounts;
}

std::optional<Account> Accounts::last()
{
    const QList<Account> accounts = known();
    if (accounts.isEmpty())
        return std::nullopt;
    return accounts.first();
}

void Accounts::remember(const Account& account)
{
    if (!account.isValid())
        return;
    QList<Account> accounts = known();
    Account kept = account;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).sameAs(account)) {
            // A name learned earlier is kept when an offline start does not know it.
            if (kept.displayName.isEmpty())
                kept.displayName = accounts.at(i).displayName;
            accounts.removeAt(i);
            break;
        }
    }
    accounts.prepend(kept);
    QSettings settings;
    write(settings, accounts);
}

void Accounts::forget(const Account& account)
{
    QList<Account> accounts = known();
    accounts.removeIf([&account](const Account& a) { return a.sameAs(account); });
    QSettings settings;
    write(settings, accounts);
}

} // namespace plein::app
