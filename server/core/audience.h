#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace plein::server {

class Database;

// A group whose events a user receives, from the first sequence number they may see (the
// group's history rule: 0 when new members see the whole history).
struct GroupReach
{
    qint64 groupId = 0;
    qint64 visibleFrom = 0;
};

// Who reads the event log: the user, the groups they receive, and the features their client
// agreed on at hello (events of a capability the client did not agree on are left out, so an
// older client is never sent what it cannot show).
struct Reader
{
    qint64 userId = 0;
    QList<GroupReach> groups;
    QSet<QString> features;

    // Whether events of this kind go to this reader. Kinds no capability claims (tests, older
    // logs) go to everyone allowed to see them.
    bool agreesOn(const QString& kind) const;
    // Event kinds of the capabilities this reader did not agree on.
    QStringList excludedKinds() const;
};

// The memberships that decide who receives a group's events. The groups capability keeps them
// (group_members); the core reads them for sync.since and live delivery.
class Audience
{
public:
    explicit Audience(Database& db)
        : m_db(db)
    { }

    QList<GroupReach> groupsOf(qint64 userId);

private:
    Database& m_db;
};

} // namespace plein::server
