#pragma once

#include "notifications/notificationrow.h"

#include <QLatin1StringView>
#include <QList>

namespace plein::client {

class Cache;

// The notification centre of the account (table notifications): the newest `maxKept`, so that
// the list and what was read survive a restart. Methods run in the caller's transaction (or
// their own) and note what they change in the area "notifications", by row id.
class NotificationStore
{
public:
    static constexpr QLatin1StringView area {"notifications"};
    static constexpr int maxKept = 500;

    explicit NotificationStore(Cache& cache)
        : m_cache(cache)
    { }

    // Stores `row` (its id is set) and forgets what falls beyond maxKept.
    bool add(NotificationRow& row);
    bool markRead(qint64 id);
    bool markAllRead();

    // The newest first, at most `limit`.
    QList<NotificationRow> newest(int limit = maxKept) const;
    int unreadCount() const;

private:
    Cache& m_cache;
};

} // namespace plein::client
