#include "auth/loginthrottle.h"

#include <algorithm>

namespace plein::server {

void LoginThrottle::expire(Record& r, const QDateTime& now) const
{
    if (r.failures > 0 && r.first.secsTo(now) > m_limits.windowSeconds)
        r = Record {};
}

int LoginThrottle::secondsToWait(const QString& account, const QString& address,
                                 const QDateTime& now) const
{
    int wait = 0;
    const int addressInFlight = m_inFlightAddresses.value(address);
    Record a = m_addresses.value(address);
    expire(a, now);
    if (a.failures + addressInFlight >= m_limits.maxAddressFailures)
        wait = std::max<int>(
            wait, a.failures > 0 ? int(m_limits.windowSeconds - a.first.secsTo(now)) : 1);
    const int accountInFlight = m_inFlightAccounts.value(account.toLower());
    Record r = m_accounts.value(account.toLower());
    expire(r, now);
    const int over = r.failures + accountInFlight - m_limits.freeAccountFailures;
    if (over >= 0) {
        const int delay = std::min(m_limits.maxAccountDelaySeconds, 1 << std::min(over, 16));
        wait = std::max<int>(wait, r.failures > 0 ? int(delay - r.last.secsTo(now)) : 1);
    }
    return std::max(wait, 0);
}

void LoginThrottle::recordFailure(const QString& account, const QString& address,
                                  const QDateTime& now)
{
    trim(now);
    for (auto* r : {&m_accounts[account.toLower()], &m_addresses[address]}) {
        expire(*r, now);
        if (r->failures == 0)
            r->first = now;
        ++r->failures;
        r->last = now;
    }
}

void LoginThrottle::recordSuccess(const QString& account)
{
    m_accounts.remove(account.toLower());
}

void LoginThrottle::begin(const QString& account, const QString& address)
{
    ++m_inFlightAccounts[account.toLower()];
    ++m_inFlightAddresses[address];
}

void LoginThrottle::end(const QString& account, const QString& address, bool success,
                        const QDateTime& now)
{
    for (auto [table, key] : {std::pair {&m_inFlightAccounts, account.toLower()},
                              std::pair {&m_inFlightAddresses, address}}) {
        if (--(*table)[key] <= 0)
            table->remove(key);
    }
    if (success)
        recordSuccess(account);
    else
        recordFailure(account, address, now);
}

void LoginThrottle::trim(const QDateTime& now)
{
    // Keeps memory bounded under a spray of made-up names.
    if (m_accounts.size() + m_addresses.size() < 100000)
        return;
    for (auto* table : {&m_accounts, &m_addresses}) {
        for (auto it = table->begin(); it != table->end();) {
            if (it->first.secsTo(now) > m_limits.windowSeconds)
                it = table->erase(it);
            else
                ++it;
        }
    }
}

} // namespace plein::server
