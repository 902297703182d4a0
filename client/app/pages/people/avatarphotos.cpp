#include "pages/people/avatarphotos.h"

#include "client.h"
#include "connection.h"
#include "pages/files/fileactions.h"
#include "people/peoplestore.h"
#include "store/cache.h"
#include "store/cachechanges.h"

#include <QSqlQuery>

namespace plein::app {

AvatarPhotos::AvatarPhotos(client::Client& client, FileActions& files, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_files(&files)
{
    m_scaled.setMaxCost(8 * 1024);
    connect(&client.cache(), &client::Cache::changed, this, &AvatarPhotos::onCacheChanged);
    // Back online: the photos that could not come are asked for again (by the repaint).
    connect(&client.connection(), &client::Connection::stateChanged, this, [this]() {
        if (m_missed && m_client.connection().state() == client::Connection::State::Online) {
            m_missed = false;
            avatar::Photos::instance().noteChanged();
        }
    });
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
    QSqlQuery q(m_client.cache().database());
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
    if (fileId.isEmpty() || !m_files)
        return QPixmap();
    const QString scaledKey = fileId + u':' + QString::number(pixels);
    if (const QPixmap* done = m_scaled.object(scaledKey))
        return *done;
    ShownFile file;
    file.id = fileId;
    file.name = key;
    file.type = QStringLiteral("image/jpeg"); // a thumbnail, whatever the original was
    const QPixmap pm = m_files->pixmap(file, pixels <= 64 ? 64 : 256);
    if (pm.isNull()) {
        m_missed = true;
        return pm;
    }
    // A centred square at the painted size, made once.
    const int edge = std::min(pm.width(), pm.height());
    const QPixmap square
        = pm.copy((pm.width() - edge) / 2, (pm.height() - edge) / 2, edge, edge)
              .scaled(pixels, pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_scaled.insert(scaledKey, new QPixmap(square),
                    std::max(1, square.width() * square.height() * 4 / 1024));
    return square;
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
