#include "shell/scheduleeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace plein::app {

namespace {

using Day = DoNotDisturb::Day;

constexpr int barWidth = 168;
constexpr int barHeight = 12;
constexpr int minutesPerDay = 24 * 60;
// What a day ticked for the first time notifies.
const QTime workStarts(8, 0);
const QTime workEnds(18, 0);

QColor quietColour(const QPalette& palette)
{
    QColor colour = palette.color(QPalette::Highlight);
    colour.setAlphaF(0.6);
    return colour;
}

// A day's 24 hours, its quiet part shaded.
class DayBar : public QWidget
{
public:
    explicit DayBar(QWidget* parent)
        : QWidget(parent)
    {
        setFixedSize(barWidth, barHeight + 4);
    }

    void setDay(const Day& day)
    {
        m_day = day;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF track = QRectF(rect()).adjusted(0.5, 2.5, -0.5, -1.5);
        QPainterPath shape;
        shape.addRoundedRect(track, 3, 3);
        p.fillPath(shape, palette().color(QPalette::Base));
        p.save();
        p.setClipPath(shape);
        // Minute by minute would be exact; by the pixel is what shows.
        const int width = int(track.width());
        const QColor quiet = quietColour(palette());
        int runStart = -1;
        for (int x = 0; x <= width; ++x) {
            const bool isQuiet
                = x < width && m_day.isQuietAt(QTime(0, 0).addSecs(x * minutesPerDay * 60 / width));
            if (isQuiet && runStart < 0)
                runStart = x;
            if (!isQuiet && runStart >= 0) {
                p.fillRect(
                    QRectF(track.left() + runStart, track.top(), x - runStart, track.height()),
                    quiet);
                runStart = -1;
            }
        }
        // The quarters of the day, faintly.
        QColor tick = palette().color(QPalette::WindowText);
        tick.setAlphaF(0.18);
        p.setPen(QPen(tick, 1));
        for (int hour = 6; hour < 24; hour += 6) {
            const qreal x = track.left() + track.width() * hour / 24;
            p.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
        }
        p.restore();
        QColor frame = palette().color(QPalette::WindowText);
        frame.setAlphaF(0.3);
        p.setPen(QPen(frame, 1));
        p.setBrush(Qt::NoBrush);
        p.drawPath(shape);
    }

private:
    Day m_day;
};

// The hours above the bars.
class HourRuler : public QWidget
{
public:
    explicit HourRuler(QWidget* parent)
        : QWidget(parent)
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        setFont(small);
        setFixedSize(barWidth, fontMetrics().height());
        setForegroundRole(QPalette::PlaceholderText);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setPen(palette().color(foregroundRole()));
        // The hours of the day, as on a clock with 24 of them: short enough for every locale.
        for (int hour = 0; hour <= 24; hour += 6) {
            const QString label = QString::number(hour);
            const int w = p.fontMetrics().horizontalAdvance(label);
            int x = width() * hour / 24 - w / 2;
            x = std::clamp(x, 0, width() - w);
            p.drawText(x, p.fontMetrics().ascent(), label);
        }
    }
};

// What the shading means, under the bars.
class Legend : public QWidget
{
public:
    Legend(const QString& text, QWidget* parent)
        : QWidget(parent)
        , m_text(text)
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        setFont(small);
        setFixedSize(barWidth, fontMetrics().height() + 2);
        setForegroundRole(QPalette::PlaceholderText);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const int side = fontMetrics().ascent() - 2;
        const QRectF swatch(0.5, (height() - side) / 2.0, side * 1.6, side);
        p.setPen(Qt::NoPen);
        p.setBrush(quietColour(palette()));
        p.drawRoundedRect(swatch, 2, 2);
        p.setPen(palette().color(foregroundRole()));
        p.drawText(QRectF(swatch.right() + 6, 0, width(), height()),
                   Qt::AlignLeft | Qt::AlignVCenter, m_text);
    }

private:
    QString m_text;
};

QTimeEdit* timeEdit(QWidget* parent)
{
    auto* edit = new QTimeEdit(parent);
    // As the locale writes a time ("08:00", "8:00 AM"), like the rest of the app.
    edit->setDisplayFormat(QLocale().timeFormat(QLocale::ShortFormat));
    edit->setTimeSpec(Qt::LocalTime);
    edit->setCurrentSection(QDateTimeEdit::HourSection);
    return edit;
}

} // namespace

ScheduleEditor::ScheduleEditor(QWidget* parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(tr("Pause notifications outside these hours"), this))
    , m_week(new QWidget(this))
{
    setObjectName(QStringLiteral("scheduleEditor"));
    auto* grid = new QGridLayout(m_week);
    grid->setContentsMargins(24, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    grid->addWidget(new HourRuler(m_week), 0, 5, Qt::AlignLeft | Qt::AlignBottom);
    const QLocale locale;
    const int first = int(locale.firstDayOfWeek());
    for (int i = 0; i < 7; ++i) {
        const int dayOfWeek = (first - 1 + i) % 7 + 1;
        Row& row = m_days[dayOfWeek - 1];
        row.box = new QCheckBox(locale.standaloneDayName(dayOfWeek), m_week);
        row.from = timeEdit(m_week);
        row.dash = new QLabel(QStringLiteral("–"), m_week);
        row.to = timeEdit(m_week);
        row.from->setAccessibleName(tr("%1 from").arg(row.box->text()));
        row.to->setAccessibleName(tr("%1 until").arg(row.box->text()));
        row.quiet = new QLabel(tr("Quiet all day"), m_week);
        row.quiet->setForegroundRole(QPalette::PlaceholderText);
        row.bar = new DayBar(m_week);
        const int line = i + 1;
        grid->addWidget(row.box, line, 0);
        grid->addWidget(row.from, line, 1);
        grid->addWidget(row.dash, line, 2);
        grid->addWidget(row.to, line, 3);
        grid->addWidget(row.quiet, line, 1, 1, 3);
        grid->addWidget(row.bar, line, 5, Qt::AlignLeft | Qt::AlignVCenter);
        for (auto* edit : {row.from, row.to}) {
            connect(edit, &QTimeEdit::timeChanged, this, [this]() {
                updateRows();
                if (!m_setting)
                    Q_EMIT changed();
            });
        }
        connect(row.box, &QCheckBox::toggled, this, [this]() {
            updateRows();
            if (!m_setting)
                Q_EMIT changed();
        });
    }
    grid->addWidget(new Legend(tr("Do not disturb"), m_week), 8, 5, Qt::AlignLeft);
    grid->setColumnMinimumWidth(4, 8);
    grid->setColumnStretch(6, 1);

    auto* note = new QLabel(tr("Outside the hours of a ticked day, and all day on a day left "
                               "unticked, do not disturb is on: notifications go into the "
                               "list without a bubble or a sound. Hours past midnight, such "
                               "as %1–%2 for a night shift, are fine.")
                                .arg(locale.toString(QTime(22, 0), QLocale::ShortFormat),
                                     locale.toString(QTime(6, 0), QLocale::ShortFormat)),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabled);
    layout->addWidget(m_week);
    layout->addWidget(note);
    connect(m_enabled, &QCheckBox::toggled, this, [this]() {
        updateRows();
        if (!m_setting)
            Q_EMIT changed();
    });
    setSchedule(DoNotDisturb::Schedule::workingHours());
}

void ScheduleEditor::setSchedule(const DoNotDisturb::Schedule& schedule)
{
    m_setting = true;
    m_enabled->setChecked(schedule.enabled);
    for (int i = 0; i < 7; ++i) {
        const Day& day = schedule.days[i];
        Row& row = m_days[i];
        // The editor shows when notifications come; the schedule holds when they do not.
        switch (day.mode) {
        case Day::Mode::Off:
            row.box->setChecked(true);
            row.from->setTime(QTime(0, 0));
            row.to->setTime(QTime(0, 0));
            break;
        case Day::Mode::AllDay:
            row.box->setChecked(false);
            row.from->setTime(workStarts);
            row.to->setTime(workEnds);
            break;
        case Day::Mode::Hours:
            row.box->setChecked(day.from != day.to);
            row.from->setTime(day.from != day.to ? day.to : workStarts);
            row.to->setTime(day.from != day.to ? day.from : workEnds);
            break;
        }
    }
    m_setting = false;
    updateRows();
}

Day ScheduleEditor::dayOf(const Row& row) const
{
    if (!row.box->isChecked())
        return {.mode = Day::Mode::AllDay};
    const QTime from = row.from->time();
    const QTime to = row.to->time();
    if (from == to)
        return {.mode = Day::Mode::Off};
    return {.mode = Day::Mode::Hours, .from = to, .to = from};
}

DoNotDisturb::Schedule ScheduleEditor::schedule() const
{
    DoNotDisturb::Schedule schedule;
    schedule.enabled = m_enabled->isChecked();
    for (int i = 0; i < 7; ++i)
        schedule.days[i] = dayOf(m_days[i]);
    return schedule;
}

void ScheduleEditor::updateRows()
{
    m_week->setEnabled(m_enabled->isChecked());
    for (const Row& row : m_days) {
        const bool notifies = row.box->isChecked();
        row.from->setVisible(notifies);
        row.dash->setVisible(notifies);
        row.to->setVisible(notifies);
        row.quiet->setVisible(!notifies);
        static_cast<DayBar*>(row.bar)->setDay(dayOf(row));
    }
}

} // namespace plein::app
