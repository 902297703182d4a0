#include "profilemodel.h"

#include "feed/poststore.h"
#include "peoplestore.h"
#include "profiles.h"
#include "store/cache.h"
#include "store/cachechanges.h"

namespace plein::client {

ProfileModel::ProfileModel(Cache& cache, Profiles& profiles, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_profiles(profiles)
{
    connect(&m_cache, &Cache::changed, this, &ProfileModel::onCacheChanged);
    connect(&m_profiles, &Profiles::personFetchFailed, this,
            [this](qint64 id, const QString& code, const QString&) {
                // Offline, or the server busy: what the cache has (maybe nothing yet) stays.
                // not_found: what the cache may still hold is not to be shown.
                if (id != m_id || code != QLatin1StringView("not_found"))
                    return;
                m_missing = true;
                m_person.reset();
                Q_EMIT changed();
            });
}

void ProfileModel::setPersonId(qint64 id)
{
    m_id = id;
    m_missing = false;
    read();
    if (id > 0)
        m_profiles.fetchPerson(id);
}

void ProfileModel::setAdminView(bool admin)
{
    if (m_adminView == admin)
        return;
    m_adminView = admin;
    read();
}

void ProfileModel::read()
{
    m_person = m_id > 0 ? PeopleStore(m_cache).person(m_id) : std::nullopt;
    if (m_person && !m_person->active && !m_adminView)
        m_missing = true; // as the server answers members
    else if (m_person && m_person->active)
        m_missing = false; // (again) active
    if (m_missing)
        m_person.reset();
    m_posts = m_id > 0 ? PostStore(m_cache).byAuthor(m_id, m_postLimit) : QList<PostRow>();
    Q_EMIT changed();
}

void ProfileModel::onCacheChanged(const CacheChanges& changes)
{
    if (m_id <= 0)
        return;
    if (changes.touches(PeopleStore::peopleArea, m_id) || changes.touches(PostStore::postsArea))
        read();
}

} // namespace plein::client
