#include "cachechanges.h"

namespace plein::client {

void CacheChanges::merge(const CacheChanges& other)
{
    for (auto it = other.m_areas.cbegin(); it != other.m_areas.cend(); ++it)
        m_areas[it.key()].unite(it.value());
}

bool CacheChanges::touches(QLatin1StringView area, qint64 id) const
{
    const auto it = m_areas.constFind(area);
    return it != m_areas.cend() && (it->contains(id) || it->contains(allRows));
}

} // namespace plein::client
