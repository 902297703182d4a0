#pragma once

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;

namespace plein::app {

class DesktopNotifier;

// Settings → Notifications: whether and what notifies on the desktop, the sound, and how Plein
// starts (at login, minimised). OK stores the choices (NotificationSettings).
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

    void accept() override;

private:
    void updateService();
    void updateEnabled();

    DesktopNotifier* m_notifier = nullptr;
    QCheckBox* m_desktop = nullptr;
    QHash<QString, QCheckBox*> m_kinds;
    QCheckBox* m_silent = nullptr;
    QLabel* m_serviceNote = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QCheckBox* m_startMinimised = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace plein::app
