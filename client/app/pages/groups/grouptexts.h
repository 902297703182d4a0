#pragma once

#include <QCoreApplication>
#include <QString>

namespace plein::client {
struct GroupRow;
}

namespace plein::app {

// How groups are described to people, the same on every page: the kind, roles, the member
// count, and what the user's own state means.
class GroupTexts
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::GroupTexts)

public:
    // "Public group", "Private group", "Secret group".
    static QString kind(const QString& kind);
    // "Owner", "Moderator", "Member".
    static QString role(const QString& role);
    // "Public group · 12 members · archived · you are a member".
    static QString summary(const QString& kind, int members, bool archived, const QString& myState);
    static QString summary(const client::GroupRow& group);
    // What the user can expect, given their state, or an empty string.
    static QString stateHint(const client::GroupRow& group);
};

} // namespace plein::app
