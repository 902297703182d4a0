#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace plein::server {

struct User;

// What files can be attached to. A capability whose objects carry files registers an owner
// kind ("post", "chat-message") with the question "may this user see owner X", answered by
// its own visibility rules (FeedService, ChatAccess); a file is visible exactly to those who
// may see at least one of the objects it is attached to (until it is attached: its uploader).
class FileOwners
{
public:
    using MaySee = std::function<bool(const User& user, qint64 ownerId)>;

    void add(const QString& kind, MaySee maySee) { m_kinds.insert(kind, std::move(maySee)); }
    bool known(const QString& kind) const { return m_kinds.contains(kind); }
    // False for a kind nobody registered (a capability of a newer build, say).
    bool maySee(const User& user, const QString& kind, qint64 ownerId) const
    {
        const auto it = m_kinds.constFind(kind);
        return it != m_kinds.constEnd() && it.value()(user, ownerId);
    }

private:
    QHash<QString, MaySee> m_kinds;
};

} // namespace plein::server
