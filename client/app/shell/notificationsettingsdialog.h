#pragma once

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace plein::app {

class DesktopNotifier;
class ScheduleEditor;

// Settings → Notifications: whether and what notifies on the desktop, the sound, how Plein
// starts (at login, minimised), and on a tab of its own do-not-disturb: its state and the weekly
// schedule. OK stores the choices (NotificationSettings, DoNotDisturb).
class NotificationSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `notifier` tells what the desktop's notification service can do (nullptr: unknown).
    explicit NotificationSettingsDialog(DesktopNotifier* notifier, QWidget* parent = nullptr);

    QCheckBox* desktopBox() const { return m_desktop; }
    QCheckBox* kindBox(const QString& key) const { return m_kinds.value(key); }
    QCheckBox* silentBox() const { return m_silent; }
    QCheckBox* startAtLoginBox() const { return m_startAtLogin; }
    QCheckBox* startMinimisedBox() const { return m_startMinimised; }
    ScheduleEditor* scheduleEditor() const { return m_schedule; }
    QTabWidget* tabs() const { return m_tabs; }
    // Opens on the do-not-disturb tab ("Schedule…" in the menus).
    void showSchedule();

    void accept() override;

private:
    void updateService();
    void updateEnabled();
    QWidget* buildDoNotDisturb();
    void updateDoNotDisturb();

    DesktopNotifier* m_notifier = nullptr;
    QCheckBox* m_desktop = nullptr;
    QHash<QString, QCheckBox*> m_kinds;
    QCheckBox* m_silent = nullptr;
    QLabel* m_serviceNote = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QCheckBox* m_startMinimised = nullptr;
    QLabel* m_error = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_dndState = nullptr;
    QPushButton* m_dndOff = nullptr;
    ScheduleEditor* m_schedule = nullptr;
};

} // namespace plein::app
