#include "client.h"
#include "language.h"
#include "logindialog.h"
#include "loginflow.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationsettings.h"
#include "singleinstance.h"
#include "ui/codehighlighter.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSettings>
#include <QTextStream>

#include <cstdio>

using namespace plein;

namespace {

// The language must be known before the first translated text, the command line's help
// included, and it is read from the profile's settings: --lang and --profile are read ahead
// of the parser.
QString argumentAhead(const QStringList& arguments, QLatin1StringView option)
{
    const QString withValue = QString(option) + u'=';
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == option && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(withValue))
            return a.mid(withValue.size());
    }
    return QString();
}

// With --profile the app keeps everything in that folder, its settings (the language, the
// accounts) too: every QSettings made with the default constructor then reads and writes
// DIR/Plein/plein.ini instead of ~/.config/Plein/plein.conf.
void useProfileSettings()
{
    const QString dir
        = argumentAhead(QCoreApplication::arguments(), QLatin1StringView("--profile"));
    if (dir.isEmpty())
        return;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QDir(dir).absolutePath());
}

// --help and --version print text and exit: they must work without a display, so they get a
// console application instead of a GUI one.
bool onlyPrints(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("plein"));
    QCoreApplication::setOrganizationName(QStringLiteral("Plein"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEIN_VERSION));
}

// Applies --lang (before the first translated text, the command line's help included).
QString installLanguage(QCoreApplication& app)
{
    const QString lang = argumentAhead(QCoreApplication::arguments(), QLatin1StringView("--lang"));
    if (lang == QLatin1StringView("nl") || lang == QLatin1StringView("en"))
        app::Language::store(lang);
    else if (lang == QLatin1StringView("system"))
        app::Language::store(QString());
    app::Language::install(app, app::Language::resolve(app::Language::stored()));
    return lang;
}

struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption server {
        QStringLiteral("server"),
        QCoreApplication::translate("main", "Server address, such as plein.example.org."),
        QStringLiteral("URL")};
    QCommandLineOption user {QStringLiteral("user"),
                             QCoreApplication::translate("main", "Username."),
                             QStringLiteral("NAME")};
    QCommandLineOption profile {
        QStringLiteral("profile"),
        QCoreApplication::translate(
            "main", "Folder for the offline caches and the settings instead of the default."),
        QStringLiteral("DIR")};
    QCommandLineOption passwordStdin {
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("main",
                                    "Read the password from the first line of standard input and "
                                    "log in without the dialog (needs --server and --user).")};
    QCommandLineOption remember {
        QStringLiteral("remember"),
        QCoreApplication::translate(
            "main", "With --password-stdin: keep the session in the system keyring.")};
    QCommandLineOption lang {
        QStringLiteral("lang"),
        QCoreApplication::translate(
            "main", "Interface language: nl, en, or system (the choice is remembered)."),
        QStringLiteral("LANGUAGE")};
    QCommandLineOption minimised {
        QStringLiteral("minimised"),
        QCoreApplication::translate("main",
                                    "Start in the tray (minimised where there is no tray).")};
    QCommandLineOption theme {
        QStringLiteral("theme"),
        QCoreApplication::translate(
            "main", "Appearance: light, dark, or system (the choice is remembered)."),
        QStringLiteral("THEME")};

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Plein, the town square of your organisation"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({server, user, profile, passwordStdin, remember, lang, theme, minimised});
        parser.addPositionalArgument(
            QStringLiteral("link"),
            QCoreApplication::translate("main", "A plein: link to open, such as plein:/group/12."),
            QStringLiteral("[link]"));
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        useProfileSettings();
        installLanguage(app);
        CommandLine cl;
        cl.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setDesktopFileName(QStringLiteral("nl.plein.Plein"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/plein.svg")));
    QApplication::setQuitOnLastWindowClosed(false);

    useProfileSettings();
    const QString lang = installLanguage(app);
    CommandLine cl;
    QCommandLineParser& parser = cl.parser;
    parser.process(app);
    if (parser.isSet(cl.lang) && lang != QLatin1StringView("nl") && lang != QLatin1StringView("en")
        && lang != QLatin1StringView("system")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "--lang takes nl, en or system.")));
        return 2;
    }

    if (parser.isSet(cl.theme)) {
        bool ok = false;
        const app::theme::Choice choice = app::theme::fromName(parser.value(cl.theme), &ok);
        if (!ok) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                             "main", "--theme takes light, dark or system.")));
            return 2;
        }
        app::theme::store(choice);
    }
    app::theme::apply(app::theme::stored());

    const QString profileDir
        = parser.isSet(cl.profile) ? parser.value(cl.profile) : client::Client::defaultProfileDir();
    const QString givenLink = parser.positionalArguments().value(0);
    // Already running on this profile (a plein: link clicked elsewhere, the launcher clicked
    // again): the running app shows itself and opens the link; this start ends here.
    app::SingleInstance instance(profileDir);
    switch (instance.start(QUrl(givenLink))) {
    case app::SingleInstance::Start::HandedOver:
        return 0;
    case app::SingleInstance::Start::Failed:
        // Two apps on one cache would fight over it: better to say so and stop.
        std::fprintf(stderr, "%s\n", qPrintable(instance.errorString()));
        return 1;
    case app::SingleInstance::Start::Running:
        break;
    }

    // Colours for code blocks in every page (setSafeMarkdown finds it), kept across starts in
    // the cache location.
    app::CodeHighlighter highlighter;

    app::LoginFlow::Options options;
    options.server = parser.value(cl.server);
    options.username = parser.value(cl.user);
    options.profileDir = profileDir;
    options.remember = parser.isSet(cl.remember);
    options.link = givenLink;
    options.startMinimised
        = parser.isSet(cl.minimised) || app::NotificationSettings::load().startMinimised;
    if (parser.isSet(cl.passwordStdin)) {
        if (!parser.isSet(cl.server) || !parser.isSet(cl.user)) {
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
    QObject::connect(&instance, &app::SingleInstance::activated, &flow, [&flow](const QUrl& link) {
        if (app::MainWindow* window = flow.window()) {
            window->bringToFront();
            if (!link.isEmpty())
                window->navigator().open(link);
        } else if (app::LoginDialog* dialog = flow.dialog()) {
            dialog->raise();
            dialog->activateWindow();
        }
    });
    flow.start();
    return app.exec();
}
