#pragma once

#include "feed/postrow.h"
#include "personrow.h"

#include <QObject>

#include <optional>

namespace plein::client {

class Cache;
class CacheChanges;
class Profiles;

// One person's profile page: the profile from the cache (read again from the server once
// when the page opens, so it is current when online and still there offline), and their
// recent posts in the cache. changed() follows the cache.
class ProfileModel : public QObject
{
    Q_OBJECT

public:
    ProfileModel(Cache& cache, Profiles& profiles, QObject* parent = nullptr);

    // Shows this person; asks the server for the profile.
    void setPersonId(qint64 id);
    qint64 personId() const { return m_id; }
    // Empty while nothing is known of them (yet, or any more).
    const std::optional<PersonRow>& person() const { return m_person; }
    // Their newest posts and replies in the cache.
    const QList<PostRow>& recentPosts() const { return m_posts; }
    void setRecentPostLimit(int limit) { m_postLimit = limit; }
    // The server answered not_found: the person does not exist (or is not to be shown). A
    // deactivated person counts as missing unless the viewer is an administrator.
    bool isMissing() const { return m_missing; }
    // Whether the viewer is an administrator, who sees deactivated people (default: no).
    void setAdminView(bool admin);

Q_SIGNALS:
    void changed();

private:
    void read();
    void onCacheChanged(const CacheChanges& changes);

    Cache& m_cache;
    Profiles& m_profiles;
    qint64 m_id = 0;
    std::optional<PersonRow> m_person;
    QList<PostRow> m_posts;
    int m_postLimit = 5;
    bool m_missing = false;
    bool m_adminView = false;
};

} // namespace plein::client
