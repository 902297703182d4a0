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
    m_usernameOf.clear();
    QSqlQuery q(m_client.cache().database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id, username, photo FROM people WHERE photo <> ''"))) {
        while (q.next()) {
            m_usernameOf.insert(q.value(0).toLongLong(), q.value(1).toString());
            m_photoOf.insert(q.value(1).toString(), q.value(2).toString());
        }
    }
    m_photos = QSet<QString>(m_photoOf.cbegin(), m_photoOf.cend());
}

bool AvatarPhotos::reload(const QSet<qint64>& ids)
{
    // Those people only (a profile fetched, a photo changed): who had a photo and who has
    // one now.
    const QHash<QString, QString> before = m_photoOf;
    for (qint64 id : ids) {
        if (const auto known = m_usernameOf.constFind(id); known != m_usernameOf.constEnd()) {
            m_photoOf.remove(*known);
            m_usernameOf.erase(known);
        }
    }
    QStringList marks;
    QVariantList values;
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        values << id;
    }
    QSqlQuery q(m_client.cache().database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, username, photo FROM people WHERE photo <> '' AND id IN "
                             "(%1)")
                  .arg(marks.join(u',')));
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (q.exec()) {
        while (q.next()) {
            m_usernameOf.insert(q.value(0).toLongLong(), q.value(1).toString());
            m_photoOf.insert(q.value(1).toString(), q.value(2).toString());
        }
    }
    if (m_photoOf == before)
        return false;
    m_photos = QSet<QString>(m_photoOf.cbegin(), m_photoOf.cend());
    return true;
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
    // Not read yet: the first avatar painted reads them all.
    if (!m_loaded || !changes.touches(client::PeopleStore::peopleArea))
        return;
    const QSet<qint64> ids = changes.ids(client::PeopleStore::peopleArea);
    bool changed = false;
    if (ids.contains(client::CacheChanges::allRows) || ids.size() > 500) {
        const QHash<QString, QString> before = m_photoOf;
        load();
        changed = m_photoOf != before;
    } else {
        changed = reload(ids);
    }
    if (changed)
        avatar::Photos::instance().noteChanged();
}

} // namespace plein::app
