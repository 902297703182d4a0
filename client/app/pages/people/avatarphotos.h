#pragma once

#include "ui/avatar.h"

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace plein::client {
class CacheChanges;
class Client;
} // namespace plein::client

namespace plein::app {

class FileActions;

// The account's people's photos for the avatars everywhere: which person has which photo
// (their cached profile's `photo`), and the photo itself as a thumbnail from the file cache
// (64 pixels for small avatars, 256 for larger ones), fetched the first time it is shown. A
// photo that has come, or a person whose photo changed, makes avatar::Photos announce a
// change, so what shows avatars repaints; so does coming online after a photo could not be
// fetched (offline, the initials show). The people capability makes one per window.
class AvatarPhotos : public QObject, public avatar::PhotoSource
{
    Q_OBJECT

public:
    AvatarPhotos(client::Client& client, FileActions& files, QObject* parent = nullptr);
    ~AvatarPhotos() override;

    QPixmap photo(const QString& key, int pixels) override;
    // The photo's file id of a person by username ("" for none).
    QString photoOf(const QString& username);

private:
    void onCacheChanged(const client::CacheChanges& changes);
    void load();
    // Reads these people again; whether a photo changed.
    bool reload(const QSet<qint64>& ids);

    client::Client& m_client;
    QPointer<FileActions> m_files;
    bool m_missed = false; // a photo was asked for and not there
    QHash<QString, QString> m_photoOf; // username -> file id
    QHash<qint64, QString> m_usernameOf; // user id -> username, of those in m_photoOf
    QSet<QString> m_photos; // the file ids in m_photoOf
    // The photos cropped square and scaled to the sizes painted ("id:pixels"), so a paint
    // draws without scaling; cost in KiB.
    QCache<QString, QPixmap> m_scaled;
    bool m_loaded = false;
};

} // namespace plein::app
