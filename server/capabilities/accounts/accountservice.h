#pragma once

#include "capabilities/accounts/accountstore.h"
#include "core/eventlog.h"
#include "protocol/result.h"

#include <QString>

#include <functional>

namespace plein::server {

class EventLog;
class WriteService;

// Account administration shared by the command line and, later, the admin console. Changes
// that sessions must react to (deactivation) go through the event log, so every server node
// hears of them.
class AccountService
{
public:
    AccountService(WriteService& writes, AccountStore& accounts, EventLog& events)
        : m_writes(writes)
        , m_accounts(accounts)
        , m_events(events)
    { }

    struct NewAccount
    {
        QString username;
        QString displayName;
        QString email;
        QString department;
        Role role = Role::Member;
        QString password;
    };

    static std::optional<protocol::Error> checkPassword(const QString& password);

    Result<User> create(const NewAccount& account);
    // Deactivating revokes every session at once; the live ones are closed by the server.
    Result<User> setActive(const QString& username, bool active);
    Result<User> setRole(const QString& username, Role role);
    // A new password revokes every session of the account.
    Result<User> setPassword(const QString& username, const QString& password);

private:
    using Change = std::function<Result<bool>(User&)>;
    Result<User> findUser(const QString& username);
    // Applies `apply` to the user and appends `eventKind` (data: the public user, unless
    // `eventData` is given) in one transaction.
    Result<User> change(User user, const Change& apply, const QString& eventKind,
                        const Scope& scope, const QJsonObject& eventData = {});

    WriteService& m_writes;
    AccountStore& m_accounts;
    EventLog& m_events;
};

} // namespace plein::server
