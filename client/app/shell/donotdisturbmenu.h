#pragma once

#include <QIcon>
#include <QMenu>
#include <QPointer>

class QAction;
class QPainter;

namespace plein::app {

class DoNotDisturb;

// "Do not disturb ▸ For 1 hour / Until tomorrow / Until I turn it off / Turn off / Schedule…",
// as the bell in the header and the tray icon offer it. The first line is a heading that says
// the state ("Do not disturb until 09:00"); "Schedule…" is the caller's (scheduleRequested()),
// which opens the schedule in the notification settings.
class DoNotDisturbMenu : public QMenu
{
    Q_OBJECT

public:
    explicit DoNotDisturbMenu(QWidget* parent = nullptr);

    // The do-not-disturb the menu acts on (the tray's follows the window attached to it).
    void setTarget(DoNotDisturb* dnd);
    DoNotDisturb* target() const { return m_dnd; }

    QAction* stateAction() const { return m_state; }
    QAction* forAWhileAction() const { return m_forAWhile; }
    QAction* untilTomorrowAction() const { return m_untilTomorrow; }
    QAction* untilTurnedOffAction() const { return m_untilTurnedOff; }
    QAction* turnOffAction() const { return m_turnOff; }
    QAction* scheduleAction() const { return m_schedule; }

    // A crescent moon, the sign of do-not-disturb, `size` pixels wide in `colour`.
    static QIcon moonIcon(const QColor& colour, int size = 16);
    static void paintMoon(QPainter& painter, const QRectF& rect, const QColor& colour);

Q_SIGNALS:
    void scheduleRequested();

private:
    void refresh();

    QPointer<DoNotDisturb> m_dnd;
    QAction* m_state = nullptr;
    QAction* m_forAWhile = nullptr;
    QAction* m_untilTomorrow = nullptr;
    QAction* m_untilTurnedOff = nullptr;
    QAction* m_turnOff = nullptr;
    QAction* m_schedule = nullptr;
};

} // namespace plein::app
