#include "shell/notificationsettingsdialog.h"

#include "shell/desktopnotifier.h"
#include "shell/donotdisturb.h"
#include "shell/notificationkinds.h"
#include "shell/notificationsettings.h"
#include "shell/scheduleeditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace plein::app {

namespace {

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

NotificationSettingsDialog::NotificationSettingsDialog(DesktopNotifier* notifier, QWidget* parent)
    : QDialog(parent)
    , m_notifier(notifier)
{
    setWindowTitle(tr("Notifications"));
    const NotificationSettings settings = NotificationSettings::load();
    m_tabs = new QTabWidget(this);
    auto* general = new QWidget(m_tabs);

    auto* desktopGroup = new QGroupBox(tr("On the desktop"), general);
    auto* desktopLayout = new QVBoxLayout(desktopGroup);
    m_desktop = new QCheckBox(tr("Show desktop notifications"), desktopGroup);
    m_desktop->setChecked(settings.desktopNotifications);
    desktopLayout->addWidget(m_desktop);
    // The kinds hang below the switch that governs them.
    auto* kindsLayout = new QVBoxLayout;
    kindsLayout->setContentsMargins(24, 0, 0, 0);
    for (const auto& kind : NotificationKinds::all()) {
        auto* box = new QCheckBox(kind.label, desktopGroup);
        box->setChecked(settings.isKindEnabled(kind.key));
        m_kinds.insert(kind.key, box);
        kindsLayout->addWidget(box);
    }
    m_silent = new QCheckBox(tr("Play no sound"), desktopGroup);
    m_silent->setChecked(settings.silent);
    kindsLayout->addWidget(m_silent);
    desktopLayout->addLayout(kindsLayout);
    m_serviceNote = note(QString(), desktopGroup);
    desktopLayout->addWidget(m_serviceNote);
    desktopLayout->addWidget(
        note(tr("Everything stays in Plein's notification list, whatever shows on the desktop."),
             desktopGroup));

    auto* startGroup = new QGroupBox(tr("Starting"), general);
    auto* startLayout = new QVBoxLayout(startGroup);
    m_startAtLogin = new QCheckBox(tr("Start Plein when I log in"), startGroup);
    m_startAtLogin->setChecked(NotificationSettings::startsAtLogin());
    m_startAtLogin->setToolTip(tr("Plein starts in the background, so replies and mentions "
                                  "reach you from the moment you log in."));
    m_startMinimised = new QCheckBox(tr("Start minimised"), startGroup);
    m_startMinimised->setChecked(settings.startMinimised);
    m_startMinimised->setToolTip(
        tr("In the system tray when the desktop has one, minimised otherwise."));
    startLayout->addWidget(m_startAtLogin);
    startLayout->addWidget(m_startMinimised);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NotificationSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(desktopGroup);
    generalLayout->addWidget(startGroup);
    generalLayout->addStretch();
    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(buildDoNotDisturb(), tr("Do not disturb"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_desktop, &QCheckBox::toggled, this, &NotificationSettingsDialog::updateEnabled);
    if (m_notifier)
        connect(m_notifier, &DesktopNotifier::capabilitiesChanged, this,
                &NotificationSettingsDialog::updateService);
    updateService();
    updateEnabled();
    setMinimumWidth(480);
}

QWidget* NotificationSettingsDialog::buildDoNotDisturb()
{
    auto* page = new QWidget(m_tabs);
    m_dndState = new QLabel(page);
    m_dndState->setWordWrap(true);
    m_dndState->setObjectName(QStringLiteral("doNotDisturbState"));
    m_dndOff = new QPushButton(tr("Turn off"), page);
    auto* stateLine = new QHBoxLayout;
    stateLine->addWidget(m_dndState, 1);
    stateLine->addWidget(m_dndOff);

    auto* scheduleGroup = new QGroupBox(tr("Notification schedule"), page);
    auto* scheduleLayout = new QVBoxLayout(scheduleGroup);
    m_schedule = new ScheduleEditor(scheduleGroup);
    DoNotDisturb* dnd = m_notifier ? m_notifier->doNotDisturb() : nullptr;
    m_schedule->setSchedule(dnd ? dnd->schedule() : DoNotDisturb::storedSchedule());
    scheduleLayout->addWidget(m_schedule);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(stateLine);
    layout->addWidget(scheduleGroup);
    layout->addWidget(note(tr("The bell at the top of the window, and the tray icon's menu, turn "
                              "do not disturb on for a while."),
                           page));
    layout->addStretch();

    if (dnd) {
        connect(m_dndOff, &QPushButton::clicked, dnd, &DoNotDisturb::turnOff);
        connect(dnd, &DoNotDisturb::changed, this, &NotificationSettingsDialog::updateDoNotDisturb);
    }
    updateDoNotDisturb();
    return page;
}

void NotificationSettingsDialog::updateDoNotDisturb()
{
    DoNotDisturb* dnd = m_notifier ? m_notifier->doNotDisturb() : nullptr;
    const bool active = dnd && dnd->isActive();
    m_dndState->setText(active ? dnd->statusText() : tr("Do not disturb is off."));
    m_dndOff->setVisible(active);
}

void NotificationSettingsDialog::showSchedule()
{
    m_tabs->setCurrentIndex(m_tabs->count() - 1);
    m_schedule->enabledBox()->setFocus(Qt::OtherFocusReason);
}

// The sound can be turned off only where the service plays one; a desktop without a
// notification service is told that nothing will show there.
void NotificationSettingsDialog::updateService()
{
    const bool available = m_notifier && m_notifier->isServiceAvailable();
    m_silent->setVisible(available
                         && m_notifier->capabilities().contains(QLatin1StringView("sound")));
    m_serviceNote->setText(tr("No notification service answers on this desktop: Plein shows "
                              "notifications at its tray icon instead, where there is one."));
    m_serviceNote->setVisible(m_notifier && m_notifier->isServiceMissing());
}

void NotificationSettingsDialog::updateEnabled()
{
    const bool on = m_desktop->isChecked();
    for (auto* box : std::as_const(m_kinds))
        box->setEnabled(on);
    m_silent->setEnabled(on);
}

void NotificationSettingsDialog::accept()
{
    NotificationSettings settings = NotificationSettings::load();
    settings.desktopNotifications = m_desktop->isChecked();
    for (auto it = m_kinds.constBegin(); it != m_kinds.constEnd(); ++it)
        settings.setKindEnabled(it.key(), it.value()->isChecked());
    settings.silent = m_silent->isChecked();
    settings.startMinimised = m_startMinimised->isChecked();
    settings.save();
    if (DoNotDisturb* dnd = m_notifier ? m_notifier->doNotDisturb() : nullptr)
        dnd->setSchedule(m_schedule->schedule());
    else
        DoNotDisturb::storeSchedule(m_schedule->schedule());
    if (m_startAtLogin->isChecked() != NotificationSettings::startsAtLogin()) {
        if (const auto error
            = NotificationSettings::setStartsAtLogin(m_startAtLogin->isChecked())) {
            m_error->setText(tr("Plein cannot change how it starts at login: %1").arg(*error));
            m_error->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace plein::app
