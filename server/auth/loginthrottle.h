#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace plein::server {

// Slows down password guessing without letting anyone lock a colleague out for long.
//
// Per account: the first 5 failures within 15 minutes cost nothing; after that each attempt
// must wait 2^(failures-5) seconds, capped at 60 s. So the worst an attacker can do to a person
// is make them wait a minute. Per address: more than 30 failures within 15 minutes block that
// address for the rest of the window, whatever account it tries. A success clears the account's
// record. State is kept in memory per server node.
class LoginThrottle
{
public:
    struct Limits
    {
        int freeAccountFailures = 5;
        int maxAccountDelaySeconds = 60;
        int maxAddressFailures = 30;
        int windowSeconds = 15 * 60;
    };

    LoginThrottle() = default;
    explicit LoginThrottle(Limits limits)
        : m_limits(limits)
    { }

    // Seconds to wait before the next attempt for this account from this address (0: go ahead).
    int secondsToWait(const QString& account, const QString& address, const QDateTime& now) const;
    void recordFailure(const QString& account, const QString& address, const QDateTime& now);
    void recordSuccess(const QString& account);
    // An attempt whose password is being checked counts as a failure until it ends, so a burst
    // of parallel attempts cannot all pass the check before the first one is recorded.
    void begin(const QString& account, const QString& address);
    void end(const QString& account, const QString& address, bool success, const QDateTime& now);

private:
    struct Record
    {
        int failures = 0;
        QDateTime first;
        QDateTime last;
    };
    void expire(Record& r, const QDateTime& now) const;
    void trim(const QDateTime& now);

    Limits m_limits;
    QHash<QString, Record> m_accounts;
    QHash<QString, Record> m_addresses;
    QHash<QString, int> m_inFlightAccounts;
    QHash<QString, int> m_inFlightAddresses;
};

} // namespace plein::server
