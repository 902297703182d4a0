#pragma once

#include <QJsonObject>
#include <QString>

namespace plein::client {

// A group as the app shows it, with the user's own relation to it.
struct GroupRow
{
    qint64 id = 0;
    QString name;
    QString description;
    QString kind; // public | private | secret
    QString history; // all | joined: what new members see
    bool archived = false;
    int members = 0;
    QString myState = QStringLiteral("none"); // none | member | pending | invited
    QString myRole; // owner | moderator | member (when a member)
    int unread = 0; // posts by others since the user last read the group

    bool isMember() const { return myState == QLatin1StringView("member"); }
    bool operator==(const GroupRow&) const = default;

    // Reads a group as the server sends it; `membership` (group.list, group.get) when there.
    static GroupRow fromJson(const QJsonObject& group);
};

} // namespace plein::client
