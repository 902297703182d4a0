#pragma once

#include <QHash>
#include <QLatin1StringView>
#include <QMetaType>
#include <QSet>
#include <QString>

namespace plein::client {

// What one committed transaction changed, so that each model re-reads only when something it
// shows changed. An area is named by the capability that owns it ("posts", "feeds", "groups",
// ...); its ids are that area's row ids, or allRows when the whole area changed (a rebuild).
class CacheChanges
{
public:
    static constexpr qint64 allRows = -1;

    void add(QLatin1StringView area, qint64 id = allRows) { m_areas[area].insert(id); }
    void merge(const CacheChanges& other);
    void clear() { m_areas.clear(); }
    bool isEmpty() const { return m_areas.isEmpty(); }

    bool touches(QLatin1StringView area) const { return m_areas.contains(area); }
    // Whether row `id` of `area` changed, or the whole area did.
    bool touches(QLatin1StringView area, qint64 id) const;
    QSet<qint64> ids(QLatin1StringView area) const { return m_areas.value(area); }

private:
    // Area names are string literals (static constants of the stores), so views are safe.
    QHash<QLatin1StringView, QSet<qint64>> m_areas;
};

} // namespace plein::client

Q_DECLARE_METATYPE(plein::client::CacheChanges)
