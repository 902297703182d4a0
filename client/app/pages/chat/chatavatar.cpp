#include "pages/chat/chatavatar.h"

#include "ui/avatar.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>

#include <optional>

namespace plein::app::chatavatar {

namespace {

// Draws at whatever size and ratio the icon is asked for, so it stays crisp everywhere.
using State = client::Presence::State;

// The presence dot in the lower right of an avatar of `size`, with a ring around it: cleared
// to transparent (`ring` invalid), so the dot stands out on any background, or of `ring`.
void paintPresence(QPainter& p, const QSizeF& size, State state, const QColor& ring)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const qreal d = std::max(8.0, size.width() * 0.34);
    const QRectF dot(size.width() - d, size.height() - d, d, d);
    p.setPen(Qt::NoPen);
    if (ring.isValid()) {
        p.setBrush(ring);
    } else {
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setBrush(Qt::black);
    }
    p.drawEllipse(dot);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    const QRectF inner = dot.adjusted(2, 2, -2, -2);
    switch (state) {
    case State::Online:
        p.setBrush(QColor(0x2e, 0xb6, 0x7d));
        p.drawEllipse(inner);
        break;
    case State::Away:
        p.setBrush(QColor(0xe8, 0xa3, 0x17));
        p.drawEllipse(inner);
        break;
    case State::Dnd:
        p.setBrush(QColor(0xe0, 0x1e, 0x5a));
        p.drawEllipse(inner);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(inner.left() + inner.width() * 0.25, inner.center().y() - 0.9,
                          inner.width() * 0.5, 1.8));
        break;
    case State::Offline:
        p.setPen(QPen(QColor(0x8d, 0x8d, 0x8d), 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(inner.adjusted(0.8, 0.8, -0.8, -0.8));
        break;
    }
    p.restore();
}

class AvatarEngine : public QIconEngine
{
public:
    struct Person
    {
        QString name;
        QString username;
    };

    explicit AvatarEngine(QList<Person> people, bool group = false,
                          std::optional<State> presence = std::nullopt)
        : m_people(std::move(people))
        , m_group(group)
        , m_presence(presence)
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        // Through a pixmap: the ring between two avatars is cut out, which must not cut into
        // whatever the painter has drawn below.
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect.topLeft(), scaledPixmap(rect.size(), mode, state, ratio));
    }

    // Draws on a transparent pixmap.
    void render(QPainter* painter, const QRect& rect) const
    {
        if (m_group) {
            paintGroup(*painter, rect, m_people.value(0).name);
            return;
        }
        if (m_people.size() == 1) {
            avatar::paint(*painter, rect, m_people.at(0).name, m_people.at(0).username);
            if (m_presence) {
                painter->save();
                painter->translate(rect.topLeft());
                paintPresence(*painter, rect.size(), *m_presence, QColor());
                painter->restore();
            }
            return;
        }
        // Two people: the second behind and to the lower right of the first, with a ring of
        // the background between them, as Slack and Teams draw a group of people.
        const int side = rect.height() * 3 / 4;
        const QRect back(rect.right() + 1 - side, rect.bottom() + 1 - side, side, side);
        const QRect front(rect.left(), rect.top(), side, side);
        avatar::paint(*painter, back, m_people.at(1).name, m_people.at(1).username);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setCompositionMode(QPainter::CompositionMode_Clear);
        painter->setBrush(Qt::black);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(front.adjusted(-1, -1, 1, 1));
        painter->restore();
        avatar::paint(*painter, front, m_people.at(0).name, m_people.at(0).username);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode, QIcon::State, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        render(&p, QRect(QPoint(), size));
        return pm;
    }

    QIconEngine* clone() const override { return new AvatarEngine(m_people, m_group, m_presence); }

    static void paintGroup(QPainter& p, const QRect& rect, const QString& name)
    {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(avatar::colourFor(name));
        const int side = std::min(rect.width(), rect.height());
        const QRect square(rect.left() + (rect.width() - side) / 2,
                           rect.top() + (rect.height() - side) / 2, side, side);
        p.drawRoundedRect(square, side / 5.0, side / 5.0);
        QFont bold = p.font();
        bold.setBold(true);
        bold.setPixelSize(std::max(6, side * 11 / 20));
        p.setFont(bold);
        p.setPen(Qt::white);
        p.drawText(square, Qt::AlignCenter, avatar::initials(name).left(1));
        p.restore();
    }

private:
    QList<Person> m_people;
    bool m_group = false;
    std::optional<State> m_presence;
};

} // namespace

QPixmap pixmap(const QString& name, const QString& username, int size, qreal ratio)
{
    const QString key = QStringLiteral("plein-chat-avatar:%1:%2:%3:%4:%5")
                            .arg(username, name)
                            .arg(size)
                            .arg(int(ratio * 100))
                            .arg(avatar::Photos::instance().generation());
    QPixmap pm;
    if (QPixmapCache::find(key, &pm))
        return pm;
    pm = QPixmap(QSize(size, size) * ratio);
    pm.setDevicePixelRatio(ratio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    avatar::paint(p, QRect(0, 0, size, size), name, username.isEmpty() ? name : username);
    p.end();
    QPixmapCache::insert(key, pm);
    return pm;
}

QIcon icon(const QString& name, const QString& username, std::optional<State> presence)
{
    return QIcon(new AvatarEngine({{name, username.isEmpty() ? name : username}}, false, presence));
}

QIcon pairIcon(const QString& firstName, const QString& firstUsername, const QString& secondName,
               const QString& secondUsername)
{
    return QIcon(
        new AvatarEngine({{firstName, firstUsername.isEmpty() ? firstName : firstUsername},
                          {secondName, secondUsername.isEmpty() ? secondName : secondUsername}}));
}

QIcon groupIcon(const QString& groupName)
{
    return QIcon(new AvatarEngine({{groupName, groupName}}, true));
}

QPixmap groupPixmap(const QString& groupName, int size, qreal ratio)
{
    QPixmap pm(QSize(size, size) * ratio);
    pm.setDevicePixelRatio(ratio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    AvatarEngine::paintGroup(p, QRect(0, 0, size, size), groupName);
    return pm;
}

QPixmap withPresence(const QPixmap& avatar, client::Presence::State state, const QColor& background)
{
    QPixmap pm = avatar;
    QPainter p(&pm);
    paintPresence(p, pm.deviceIndependentSize(), state, background);
    return pm;
}

} // namespace plein::app::chatavatar
