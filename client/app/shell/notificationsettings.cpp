#include "shell/notificationsettings.h"

#include "shell/notificationkinds.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace plein::app {

namespace {

const QString desktopKey = QStringLiteral("notifications/desktop");
const QString silentKey = QStringLiteral("notifications/silent");
const QString kindsGroup = QStringLiteral("notifications/kinds/");
const QString minimisedKey = QStringLiteral("start/minimised");

// An argument of Exec as the Desktop Entry Specification quotes it.
QString execArgument(const QString& argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    if (std::none_of(argument.begin(), argument.end(),
                     [](QChar c) { return reserved.contains(c); }))
        return argument;
    QString quoted = argument;
    quoted.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'`', QStringLiteral("\\`"))
        .replace(u'$', QStringLiteral("\\$"));
    // Inside a string value of a desktop file a backslash is escaped once more.
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    return u'"' + quoted + u'"';
}

// The installed `plein` by name (so an upgrade that moves it keeps working); a build run from
// elsewhere by its path.
QString program()
{
    const QString self = QCoreApplication::applicationFilePath();
    const QString installed = QStandardPaths::findExecutable(QStringLiteral("plein"));
    if (!installed.isEmpty()
        && QFileInfo(installed).canonicalFilePath() == QFileInfo(self).canonicalFilePath())
        return QStringLiteral("plein");
    return execArgument(self);
}

} // namespace

NotificationSettings NotificationSettings::load()
{
    QSettings settings;
    NotificationSettings s;
    s.desktopNotifications = settings.value(desktopKey, true).toBool();
    s.silent = settings.value(silentKey, false).toBool();
    s.startMinimised = settings.value(minimisedKey, false).toBool();
    for (const auto& kind : NotificationKinds::all()) {
        if (!settings.value(kindsGroup + kind.key, true).toBool())
            s.m_mutedKinds.insert(kind.key);
    }
    return s;
}

void NotificationSettings::save() const
{
    QSettings settings;
    settings.setValue(desktopKey, desktopNotifications);
    settings.setValue(silentKey, silent);
    settings.setValue(minimisedKey, startMinimised);
    for (const auto& kind : NotificationKinds::all())
        settings.setValue(kindsGroup + kind.key, isKindEnabled(kind.key));
}

bool NotificationSettings::notifies(const QString& kind) const
{
    if (!desktopNotifications)
        return false;
    const auto entry = NotificationKinds::of(kind);
    return !entry || isKindEnabled(entry->key);
}

void NotificationSettings::setKindEnabled(const QString& key, bool enabled)
{
    if (enabled)
        m_mutedKinds.remove(key);
    else
        m_mutedKinds.insert(key);
}

QString NotificationSettings::autostartFile()
{
    // The XDG Base Directory Specification: a relative XDG_CONFIG_HOME is to be ignored.
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || QDir::isRelativePath(config))
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/autostart/nl.plein.Plein.desktop");
}

bool NotificationSettings::startsAtLogin()
{
    return QFileInfo::exists(autostartFile());
}

std::optional<QString> NotificationSettings::setStartsAtLogin(bool start)
{
    const QString path = autostartFile();
    if (!start) {
        if (QFile::exists(path) && !QFile::remove(path))
            return QCoreApplication::translate("plein::app::NotificationSettings",
                                               "Cannot remove %1.")
                .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return file.errorString();
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Plein\n"
                                         "Comment=Starts Plein in the background at login\n"
                                         "Exec=%1 --minimised\n"
                                         "Icon=nl.plein.Plein\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(program());
    file.write(entry.toUtf8());
    if (!file.commit())
        return file.errorString();
    return std::nullopt;
}

} // namespace plein::app
