#pragma once

#include <QSet>
#include <QString>

#include <optional>

namespace plein::app {

// What notifies and how Plein starts, as chosen in Settings → Notifications. Stored with
// default-constructed QSettings (so in the profile when --profile redirects them). Starting at
// login is the XDG autostart file itself, not a setting, so that a file removed by hand (or by
// the desktop's own settings) is what the dialog shows.
class NotificationSettings
{
public:
    static NotificationSettings load();
    void save() const;

    // Whether a notification of `kind` shows on the desktop; it is listed in the app anyway.
    bool notifies(const QString& kind) const;
    // The kinds of NotificationKinds::all(), by key.
    bool isKindEnabled(const QString& key) const { return !m_mutedKinds.contains(key); }
    void setKindEnabled(const QString& key, bool enabled);

    bool desktopNotifications = true;
    // Asks the notification service not to play its sound (the "suppress-sound" hint).
    bool silent = false;
    // With a tray, start hidden in it; without one, minimised.
    bool startMinimised = false;

    // $XDG_CONFIG_HOME/autostart/nl.plein.Plein.desktop, which starts Plein minimised.
    static QString autostartFile();
    static bool startsAtLogin();
    // Writes or removes the autostart file; an error text when that fails.
    static std::optional<QString> setStartsAtLogin(bool start);

private:
    QSet<QString> m_mutedKinds;
};

} // namespace plein::app
