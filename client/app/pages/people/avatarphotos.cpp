#include "pages/people/avatarphotos.h"

#include "pages/files/fileactions.h"
#include "people/peoplestore.h"
#include "store/cache.h"
#include "store/cachechanges.h"

#include <QSqlQuery>

namespace plein::app {

AvatarPhotos::AvatarPhotos(client::Cache& cache, FileActions& files, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_files(files)
{
    connect(&cache, &client::Cache::changed, this, &AvatarPhotos::onCacheChanged);
    connect(&files, &FileActions::ready, this, [this](const QString& fileId) {
        if (m_photos.contains(fileId))
            avatar::Photos::instance().noteChanged();
    });
    avatar::Photos::instance().setSource(this);
}

AvatarPhotos::~AvatarPhotos()
{
    if (avatar::Photos::instance().source() == this)
        avatar::Photos::instance().setSource(nullptr);
}

void AvatarPhotos::load()
{
    m_loaded = true;
    m_photoOf.clear();
    m_photos.clear();
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT username, photo FROM people WHERE photo <> ''")))
        return;
    while (q.next()) {
        m_photoOf.insert(q.value(0).toString(), q.value(1).toString());
        m_photos.insert(q.value(1).toString());
    }
}

QString AvatarPhotos::photoOf(const QString& username)
{
    if (!m_loaded)
        load();
    return m_photoOf.value(username);
}

QPixmap AvatarPhotos::photo(const QString& key, int pixels)
{
    const QString fileId = photoOf(key);
    if (fileId.isEmpty())
        return QPixmap();
    ShownFile file;
    file.id = fileId;
    file.name = key;
    file.type = QStringLiteral("image/jpeg"); // a thumbnail, whatever the original was
    return m_files.pixmap(file, pixels <= 64 ? 64 : 256);
}

void AvatarPhotos::onCacheChanged(const client::CacheChanges& changes)
{
    if (!changes.touches(client::PeopleStore::peopleArea))
        return;
    const QHash<QString, QString> before = m_photoOf;
    load();
    if (m_photoOf != before)
        avatar::Photos::instance().noteChanged();
}

} // namespace plein::app
