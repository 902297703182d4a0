#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace plein::app {

namespace {

const QString settingsKey = QStringLiteral("language");

} // namespace

QString Language::stored()
{
    const QString code = QSettings().value(settingsKey).toString();
    return code == QLatin1StringView("nl") || code == QLatin1StringView("en") ? code : QString();
}

void Language::store(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, code);
}

QString Language::resolve(const QString& choice)
{
    if (!choice.isEmpty())
        return choice;
    // The first of the person's preferred languages that Plein speaks; English otherwise.
    for (const QString& ui : QLocale::system().uiLanguages()) {
        const QString language = ui.section(u'-', 0, 0).toLower();
        if (language == QLatin1StringView("nl") || language == QLatin1StringView("en"))
            return language;
    }
    return QStringLiteral("en");
}

void Language::install(QCoreApplication& app, const QString& code)
{
    const QLocale locale(code == QLatin1StringView("nl") ? QLocale::Dutch : QLocale::English,
                         code == QLatin1StringView("nl") ? QLocale::Netherlands
                                                         : QLocale::AnyTerritory);
    // Dates and numbers follow the chosen language too.
    QLocale::setDefault(locale);
    // English too: the source strings are English, but their plural forms live in plein_en.
    // The translators live as long as the application, their parent.
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral("plein_") + code, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    if (code != QLatin1StringView("nl"))
        return;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace plein::app
