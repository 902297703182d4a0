#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace plein::client {

class Cache;

// What the user follows (client migration 020): kind "topic" (target the topic) or "person"
// (target the user id), from feed.follows, feed.followed and feed.follow's answers. Methods
// run in the caller's transaction and note the area "follows".
class FollowStore
{
public:
    static constexpr QLatin1StringView area {"follows"};

    struct Follow
    {
        QString kind;
        QString target;
        bool operator==(const Follow&) const = default;
    };

    explicit FollowStore(Cache& cache)
        : m_cache(cache)
    { }

    bool set(const QString& kind, const QString& target, bool on);
    // All of them at once (feed.follows).
    bool replace(const QList<Follow>& follows);
    bool follows(const QString& kind, const QString& target) const;
    QList<Follow> all() const;

private:
    Cache& m_cache;
};

} // namespace plein::client
