#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace plein::client {

// One entry of the notification centre as the cache keeps it.
struct NotificationRow
{
    qint64 id = 0; // 0 until stored
    QString kind = {}; // "reply", "mention", "group.request"... (what the capability said)
    QString title = {};
    QString body = {};
    QUrl link = {}; // a plein: link
    QDateTime at = {};
    bool read = false;

    bool operator==(const NotificationRow&) const = default;
};

} // namespace plein::client
