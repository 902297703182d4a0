#include "ui/avatar.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QRect>
#include <QTimer>
#include <QWidget>

#include <cmath>

namespace plein::app::avatar {

namespace {

// White text reads on each of these at 4.5:1 or better (WCAG AA).
constexpr QRgb palette[] = {
    0xb3261e, 0xa83f00, 0x8a5a00, 0x5f6b00, 0x2e7d32, 0x00695c, 0x00796b, 0x00838f,
    0x0277bd, 0x1565c0, 0x3949ab, 0x5e35b1, 0x7b1fa2, 0x8e24aa, 0xad1457, 0x6d4c41,
};

// The first letter of a word as the reader sees it: a surrogate pair or a letter with its
// combining marks stays whole.
QString firstGrapheme(QStringView word)
{
    qsizetype end = 1;
    if (word.size() > 1 && word.at(0).isHighSurrogate() && word.at(1).isLowSurrogate())
        end = 2;
    while (end < word.size() && word.at(end).category() == QChar::Mark_NonSpacing)
        ++end;
    return word.left(end).toString().toUpper();
}

bool startsWithLetter(QStringView word)
{
    if (word.isEmpty())
        return false;
    if (word.size() > 1 && word.at(0).isHighSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(word.at(0), word.at(1)));
    return word.at(0).isLetterOrNumber();
}

} // namespace

QString initials(const QString& displayName)
{
    QList<QStringView> words;
    for (const QStringView word : QStringView(displayName).split(u' ', Qt::SkipEmptyParts)) {
        if (startsWithLetter(word))
            words.append(word);
    }
    if (words.isEmpty())
        return QStringLiteral("?");
    // "Anna de Vries": the family name's own letter, not the "d" of the particle.
    QString result = firstGrapheme(words.first());
    if (words.size() > 1)
        result += firstGrapheme(words.last());
    return result;
}

QColor colourFor(const QString& key)
{
    // A hash that is the same on every machine and in every Qt version (qHash is seeded).
    const QByteArray digest
        = QCryptographicHash::hash(key.toCaseFolded().toUtf8(), QCryptographicHash::Sha1);
    return QColor(palette[static_cast<unsigned char>(digest.at(0)) % std::size(palette)]);
}

namespace {

// The circle an avatar fills in `rect`: its smaller side, centred.
QRect circleIn(const QRect& rect)
{
    const int side = std::min(rect.width(), rect.height());
    return QRect(rect.left() + (rect.width() - side) / 2, rect.top() + (rect.height() - side) / 2,
                 side, side);
}

} // namespace

void paintPicture(QPainter& painter, const QRect& rect, const QPixmap& picture)
{
    const QRect circle = circleIn(rect);
    // In the picture's own pixels, whatever its device pixel ratio.
    const int edge = std::min(picture.width(), picture.height());
    const QRect square((picture.width() - edge) / 2, (picture.height() - edge) / 2, edge, edge);
    painter.save();
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addEllipse(QRectF(circle));
    painter.setClipPath(clip, Qt::IntersectClip);
    painter.drawPixmap(QRectF(circle), picture, QRectF(square));
    painter.restore();
}

void paint(QPainter& painter, const QRect& rect, const QString& displayName, const QString& key)
{
    if (PhotoSource* source = Photos::instance().source(); source && !key.isEmpty()) {
        const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        const int side = std::min(rect.width(), rect.height());
        const QPixmap photo = source->photo(key, int(std::ceil(side * ratio)));
        if (!photo.isNull())
            return paintPicture(painter, rect, photo);
    }
    paintInitials(painter, rect, displayName, key);
}

void paintInitials(QPainter& painter, const QRect& rect, const QString& displayName,
                   const QString& key)
{
    const QRect circle = circleIn(rect);
    const int side = circle.width();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colourFor(key));
    painter.drawEllipse(circle);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(6, side * 2 / 5));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(circle, Qt::AlignCenter, initials(displayName));
    painter.restore();
}

Photos& Photos::instance()
{
    static Photos* photos = new Photos; // lives as long as the application
    return *photos;
}

Photos::Photos()
    : m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &Photos::announce);
}

void Photos::setSource(PhotoSource* source)
{
    if (m_source == source)
        return;
    m_source = source;
    noteChanged();
}

void Photos::noteChanged()
{
    ++m_generation;
    if (!m_timer->isActive())
        m_timer->start();
}

void Photos::announce()
{
    Q_EMIT changed();
    // The views paint avatars straight from the source: a repaint is all they need.
    for (QWidget* w : QApplication::allWidgets()) {
        if (w->isVisible())
            w->update();
    }
}

} // namespace plein::app::avatar
