#pragma once

#include "shell/donotdisturb.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QTimeEdit;

namespace plein::app {

// The weekly do-not-disturb schedule as a person reads it, after Slack's "Notification
// schedule": per weekday (in the locale's order, Monday or Sunday first) whether notifications
// come that day and between which hours, with a bar of the day's 24 hours that shades the quiet
// part, so the week reads at a glance. Outside the hours chosen, do-not-disturb is on; a day
// left unticked is quiet all day; equal hours notify all day. Hours that run past midnight
// (22:00–06:00, a night shift) are fine too.
//
// The schedule it edits is DoNotDisturb's: quiet ranges per day, which are the complement of
// the hours shown here.
class ScheduleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ScheduleEditor(QWidget* parent = nullptr);

    void setSchedule(const DoNotDisturb::Schedule& schedule);
    DoNotDisturb::Schedule schedule() const;

    QCheckBox* enabledBox() const { return m_enabled; }
    // By QDate::dayOfWeek() (1 is Monday): whether notifications come that day, and from when
    // until when.
    QCheckBox* dayBox(int dayOfWeek) const { return m_days.at(dayOfWeek - 1).box; }
    QTimeEdit* fromEdit(int dayOfWeek) const { return m_days.at(dayOfWeek - 1).from; }
    QTimeEdit* toEdit(int dayOfWeek) const { return m_days.at(dayOfWeek - 1).to; }
    QWidget* dayBar(int dayOfWeek) const { return m_days.at(dayOfWeek - 1).bar; }

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QCheckBox* box = nullptr;
        QTimeEdit* from = nullptr;
        QLabel* dash = nullptr;
        QTimeEdit* to = nullptr;
        QLabel* quiet = nullptr; // "Quiet all day" in place of the hours
        QWidget* bar = nullptr;
    };

    DoNotDisturb::Day dayOf(const Row& row) const;
    void updateRows();

    QCheckBox* m_enabled = nullptr;
    QWidget* m_week = nullptr;
    std::array<Row, 7> m_days {};
    bool m_setting = false;
};

} // namespace plein::app
