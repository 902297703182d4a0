#include "shell/donotdisturbmenu.h"

#include "shell/donotdisturb.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace plein::app {

DoNotDisturbMenu::DoNotDisturbMenu(QWidget* parent)
    : QMenu(parent)
{
    setTitle(tr("Do not disturb"));
    setObjectName(QStringLiteral("doNotDisturbMenu"));
    // A heading that says the state: it is not something to choose.
    m_state = addAction(QString());
    m_state->setEnabled(false);
    addSeparator();
    m_forAWhile = addAction(tr("For 1 hour"), this, [this]() {
        if (m_dnd)
            m_dnd->turnOnFor(DoNotDisturb::shortWhile);
    });
    m_untilTomorrow = addAction(QString(), this, [this]() {
        if (m_dnd)
            m_dnd->turnOnUntilTomorrow();
    });
    m_untilTurnedOff = addAction(tr("Until I turn it off"), this, [this]() {
        if (m_dnd)
            m_dnd->turnOn();
    });
    addSeparator();
    m_turnOff = addAction(tr("Turn off"), this, [this]() {
        if (m_dnd)
            m_dnd->turnOff();
    });
    addSeparator();
    m_schedule = addAction(tr("Schedule…"), this, &DoNotDisturbMenu::scheduleRequested);
    // The times in the texts are those of the moment the menu opens.
    connect(this, &QMenu::aboutToShow, this, &DoNotDisturbMenu::refresh);
    refresh();
}

void DoNotDisturbMenu::setTarget(DoNotDisturb* dnd)
{
    if (m_dnd == dnd)
        return;
    if (m_dnd)
        disconnect(m_dnd, nullptr, this, nullptr);
    m_dnd = dnd;
    if (m_dnd)
        connect(m_dnd, &DoNotDisturb::changed, this, &DoNotDisturbMenu::refresh);
    refresh();
}

void DoNotDisturbMenu::refresh()
{
    const bool active = m_dnd && m_dnd->isActive();
    m_state->setText(active ? m_dnd->statusText() : tr("Pause notifications"));
    m_untilTomorrow->setText(
        tr("Until tomorrow, %1")
            .arg(QLocale().toString(QTime(DoNotDisturb::tomorrowHour, 0), QLocale::ShortFormat)));
    m_turnOff->setVisible(active);
    for (QAction* action : {m_forAWhile, m_untilTomorrow, m_untilTurnedOff, m_turnOff, m_schedule})
        action->setEnabled(m_dnd != nullptr);
    const QColor colour = palette().color(QPalette::WindowText);
    menuAction()->setIcon(moonIcon(colour));
}

QIcon DoNotDisturbMenu::moonIcon(const QColor& colour, int size)
{
    QIcon icon;
    for (const qreal scale : {1.0, 2.0}) {
        QPixmap pm(int(size * scale), int(size * scale));
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paintMoon(p, QRectF(0, 0, size, size).adjusted(2, 2, -2, -2), colour);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void DoNotDisturbMenu::paintMoon(QPainter& painter, const QRectF& rect, const QColor& colour)
{
    // A disc with a disc bitten out of its upper right.
    QPainterPath disc;
    disc.addEllipse(rect);
    QPainterPath bite;
    bite.addEllipse(rect.translated(rect.width() * 0.4, -rect.height() * 0.25));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPath(disc.subtracted(bite));
    painter.restore();
}

} // namespace plein::app
