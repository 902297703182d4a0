#include "client.h"
#include "language.h"
#include "loginflow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

#include <cstdio>

using namespace plein;

namespace {

// The language must be known before the first translated text, the command line's help
// included, so --lang is read ahead of the parser.
QString languageArgument(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QLatin1StringView("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1StringView("--lang=")))
            return a.mid(7);
    }
    return QString();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plein"));
    QApplication::setOrganizationName(QStringLiteral("Plein"));
    QApplication::setApplicationVersion(QStringLiteral(PLEIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("nl.plein.Plein"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/plein.svg")));
    QApplication::setQuitOnLastWindowClosed(false);

    const QString lang = languageArgument(QApplication::arguments());
    if (lang == QLatin1StringView("nl") || lang == QLatin1StringView("en"))
        app::Language::store(lang);
    else if (lang == QLatin1StringView("system"))
        app::Language::store(QString());
    app::Language::install(app, app::Language::resolve(app::Language::stored()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Plein, the town square of your organisation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QApplication::translate("main", "Server address (wss://…)."),
        QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QApplication::translate("main", "Username."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Folder for the offline cache instead of the default."),
        QStringLiteral("DIR"));
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"),
        QApplication::translate("main",
                                "Read the password from the first line of standard input and "
                                "log in without the dialog (needs --server and --user)."));
    const QCommandLineOption rememberOption(
        QStringLiteral("remember"),
        QApplication::translate("main",
                                "With --password-stdin: keep the session in the system keyring."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate(
            "main", "Interface language: nl, en, or system (the choice is remembered)."),
        QStringLiteral("LANGUAGE"));
    parser.addOptions(
        {serverOption, userOption, profileOption, passwordStdinOption, rememberOption, langOption});
    parser.process(app);
    if (parser.isSet(langOption) && lang != QLatin1StringView("nl")
        && lang != QLatin1StringView("en") && lang != QLatin1StringView("system")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "--lang takes nl, en or system.")));
        return 2;
    }

    app::LoginFlow::Options options;
    options.server = parser.value(serverOption);
    options.username = parser.value(userOption);
    options.profileDir = parser.isSet(profileOption) ? parser.value(profileOption)
                                                     : client::Client::defaultProfileDir();
    options.remember = parser.isSet(rememberOption);
    if (parser.isSet(passwordStdinOption)) {
        if (!parser.isSet(serverOption) || !parser.isSet(userOption)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                             "main", "--password-stdin needs --server and --user.")));
            return 2;
        }
        // Never on the command line, where every user of the machine can read it.
        QTextStream in(stdin);
        QString password = in.readLine();
        if (password.endsWith(u'\r'))
            password.chop(1);
        options.password = password;
    }

    app::LoginFlow flow(options);
    // Queued: the flow may finish before the event loop runs, when exit() would be lost.
    QObject::connect(&flow, &app::LoginFlow::finished, &app, &QApplication::exit,
                     Qt::QueuedConnection);
    flow.start();
    return app.exec();
}
