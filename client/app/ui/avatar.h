#pragma once

#include <QColor>
#include <QObject>
#include <QPixmap>
#include <QString>

class QPainter;
class QRect;
class QTimer;

namespace plein::app::avatar {

// A person's picture: their photo when their profile has one and it has been downloaded,
// otherwise their initials on a colour derived from who they are, so the same person has the
// same colour on every screen and every computer.

// One or two letters: the first letters of the first and last word of the name ("Anna de
// Vries" -> "AV"), the first letter of a one-word name, or "?" for an empty name.
QString initials(const QString& displayName);

// A colour from a fixed palette of 16, chosen by `key` (the username, which never changes),
// dark enough for white text in light and dark themes alike.
QColor colourFor(const QString& key);

// Paints the avatar as a circle filling `rect` (the smaller side), antialiased: the photo of
// `key` when the photo source has it, the initials otherwise.
void paint(QPainter& painter, const QRect& rect, const QString& displayName, const QString& key);
// A picture as an avatar: its centred square in the circle filling `rect`.
void paintPicture(QPainter& painter, const QRect& rect, const QPixmap& picture);
// The same with the initials, whatever photo there is.
void paintInitials(QPainter& painter, const QRect& rect, const QString& displayName,
                   const QString& key);

// Where photos come from: the account's people and file cache (PeopleCapability).
class PhotoSource
{
public:
    virtual ~PhotoSource() = default;
    // The photo of the person `key` (their username) for a circle of `pixels` device pixels
    // across, or null: no photo, or not downloaded yet (then it is asked for, and Photos
    // changes once it has come).
    virtual QPixmap photo(const QString& key, int pixels) = 0;
};

// The photo source the avatars ask, and news of it: `changed` whenever a photo came or a
// person's photo changed, after which every visible widget repaints (coalesced) and pixmaps
// of avatars kept in caches are made again (their keys carry generation()).
class Photos : public QObject
{
    Q_OBJECT

public:
    static Photos& instance();

    void setSource(PhotoSource* source);
    PhotoSource* source() const { return m_source; }
    // Counts the changes, for the keys of cached avatar pixmaps.
    int generation() const { return m_generation; }
    // From the source: something shown may have changed. Announced within 100 ms, once for
    // however many come meanwhile.
    void noteChanged();

Q_SIGNALS:
    void changed();

private:
    Photos();
    void announce();

    PhotoSource* m_source = nullptr;
    int m_generation = 0;
    QTimer* m_timer = nullptr;
};

} // namespace plein::app::avatar
