#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace plein::app {

// The interface language: the system's (Dutch or English) unless the person chose one, in the
// Settings menu or with --lang; the choice is stored in QSettings.
class Language
{
public:
    // "nl", "en", or empty for the system's language.
    static QString stored();
    static void store(const QString& code);
    // The language to use for a choice ("nl", "en" or empty).
    static QString resolve(const QString& choice);
    // Loads and installs the translations for `code` ("nl" or "en"), Qt's own included.
    static void install(QCoreApplication& app, const QString& code);
};

} // namespace plein::app
