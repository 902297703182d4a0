#include "client.h"
#include "connection.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

using namespace plein;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plein"));
    QApplication::setOrganizationName(QStringLiteral("Plein"));
    QApplication::setApplicationVersion(QStringLiteral(PLEIN_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("plein"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

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
    parser.addOptions({serverOption, userOption, profileOption});
    parser.process(app);

    app::LoginDialog login;
    login.setServer(parser.value(serverOption));
    login.setUsername(parser.value(userOption));
    if (login.exec() != QDialog::Accepted)
        return 0;
    const QString profile = parser.isSet(profileOption) ? parser.value(profileOption)
                                                        : client::Client::defaultProfileDir();
    const QString account
        = QStringLiteral("%1@%2").arg(login.username(), login.server().toString());

    client::Client core;
    if (auto err = core.open(login.server(), login.username(), profile)) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Plein"),
            QApplication::translate("main", "The offline cache cannot be opened: %1").arg(*err));
        return 1;
    }
    app::TokenStore tokens;
    app::MainWindow window(core);
    QObject::connect(&core.connection(), &client::Connection::tokenChanged, &tokens,
                     [&](const QString& token) {
                         if (!login.remember())
                             return;
                         tokens.write(account, token, [&window](bool ok, const QString& error) {
                             if (!ok)
                                 QMessageBox::information(
                                     &window, QApplication::translate("main", "Plein"), error);
                         });
                     });
    QObject::connect(
        &core.connection(), &client::Connection::authFailed, &window, [&](const QString& message) {
            QMessageBox::warning(&window, QApplication::translate("main", "Plein"), message);
        });
    core.connection().setPassword(login.username(), login.password());
    core.connection().start();
    window.show();
    return app.exec();
}
