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
    if (auto it = m_addresses.constFind(address); it != m_addresses.constEnd()) {
        Record r = *it;
        expire(r, now);
        if (r.failures >= m_limits.maxAddressFailures)
            wait = std::max<int>(wait, int(m_limits.windowSeconds - r.first.secsTo(now)));
    }
    if (auto it = m_accounts.constFind(account.toLower()); it != m_accounts.constEnd()) {
        Record r = *it;
        expire(r, now);
        const int over = r.failures - m_limits.freeAccountFailures;
        if (over >= 0) {
            const int delay = std::min(m_limits.maxAccountDelaySeconds, 1 << std::min(over, 16));
            wait = std::max<int>(wait, int(delay - r.last.secsTo(now)));
        }
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
