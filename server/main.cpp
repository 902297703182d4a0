#include "app/commands.h"
#include "app/config.h"
#include "app/serverapp.h"
#include "auth/passwords.h"
#include "protocol/doctable.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(signalPipe[0], &byte, 1);
}

// SIGTERM and SIGINT arrive as a byte on a socket pair, so the shutdown itself runs in the
// event loop and not in a signal handler.
void watchSignals(QObject* parent, std::function<void()> onStop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [onStop = std::move(onStop)]() {
        char byte;
        [[maybe_unused]] auto r = ::read(signalPipe[1], &byte, 1);
        onStop();
    });
    struct sigaction sa
    { };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

// Each connection is a file descriptor; the usual soft limit of 1,024 would cap the server far
// below what one node serves. Raise it to the hard limit the administrator allows.
void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's default GLib event loop walks every socket's watcher on each pass, which makes
    // fan-out to 10,000 connections quadratic; Qt's own poll()-based loop does not.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plein-server"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(plein::versionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Plein sync server: the company feed, groups, blogs, chat and YamJams for one "
        "organisation.\n\n"
        "Without a command it runs the server. Commands:\n"
        "  init                         create the data folder, config file and database\n"
        "  demo                         init plus a demo organisation with users and posts\n"
        "  user add USERNAME            create a user (--admin for an administrator)\n"
        "  user deactivate USERNAME     block a user at once and end their sessions\n"
        "  user activate USERNAME       allow a deactivated user again\n"
        "  user set-role USERNAME ROLE  make a user 'admin' or 'member'\n"
        "  user passwd USERNAME         set a new password and end all sessions\n"
        "  user quota USERNAME BYTES    set how many bytes of files a user may store\n"
        "  migrate                      upgrade the database schema and exit\n\n"
        "Passwords are read from a prompt, or from the first line of standard input; never from "
        "the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("Optional command, see above."),
                                 QStringLiteral("[command] [args...]"));
    parser.addOptions({
        {{QStringLiteral("d"), QStringLiteral("data")},
         QStringLiteral("Data folder: config file, SQLite database (default %1).")
             .arg(plein::server::defaultDataDir()),
         QStringLiteral("dir")},
        {{QStringLiteral("l"), QStringLiteral("listen")},
         QStringLiteral("Address to listen on (default 127.0.0.1)."),
         QStringLiteral("address")},
        {{QStringLiteral("p"), QStringLiteral("port")},
         QStringLiteral("Port (default 7447; 0 picks a free one)."),
         QStringLiteral("port")},
        {QStringLiteral("database"),
         QStringLiteral("sqlite (default, in the data folder), sqlite:/path/file.db or "
                        "postgresql://user:password@host:port/dbname."),
         QStringLiteral("spec")},
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate chain: serve wss://."),
         QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."),
         QStringLiteral("file")},
        {QStringLiteral("allow-insecure-remote"),
         QStringLiteral("Allow plain ws:// on a non-loopback address (only behind a TLS proxy).")},
        {QStringLiteral("organisation"), QStringLiteral("Organisation name (init, demo)."),
         QStringLiteral("name")},
        {QStringLiteral("chat-edit-minutes"),
         QStringLiteral("Minutes after sending in which a chat message may be edited (default 0: "
                        "no limit)."),
         QStringLiteral("minutes")},
        {QStringLiteral("display-name"), QStringLiteral("Display name (user add)."),
         QStringLiteral("name")},
        {QStringLiteral("email"), QStringLiteral("E-mail address (user add)."),
         QStringLiteral("address")},
        {QStringLiteral("department"), QStringLiteral("Department (user add)."),
         QStringLiteral("name")},
        {QStringLiteral("admin"), QStringLiteral("Create an administrator (user add).")},
        {QStringLiteral("password-stdin"),
         QStringLiteral("Read the password from the first line of standard input.")},
        {QStringLiteral("protocol-table"),
         QStringLiteral("Print the protocol's message table (Markdown) and exit.")},
        {QStringLiteral("event-table"),
         QStringLiteral("Print the protocol's event-kind table (Markdown) and exit.")},
    });
    parser.process(app);

    QTextStream err(stderr);
    if (parser.isSet(QStringLiteral("protocol-table"))) {
        QTextStream(stdout) << plein::protocol::messageTableMarkdown();
        return 0;
    }
    if (parser.isSet(QStringLiteral("event-table"))) {
        QTextStream(stdout) << plein::protocol::eventTableMarkdown();
        return 0;
    }
    if (!plein::server::initialiseCrypto()) {
        err << "plein-server: libsodium cannot initialise" << Qt::endl;
        return 1;
    }

    plein::server::ServerConfig config;
    config.dataDir = parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data"))
                                                          : plein::server::defaultDataDir();
    if (auto e = config.loadFile()) {
        err << "plein-server: " << *e << Qt::endl;
        return 2;
    }
    if (auto e = config.applyCommandLine(parser)) {
        err << "plein-server: " << *e << Qt::endl;
        return 2;
    }

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty() && args.first() != QLatin1StringView("run"))
        return plein::server::runCommand(args, parser, config);

    if (auto e = config.validate()) {
        err << "plein-server: " << *e << Qt::endl;
        return 2;
    }
    raiseFileLimit();
    plein::server::ServerApp server(config);
    watchSignals(&app, [&server]() { server.shutdown(); });
    QObject::connect(&server, &plein::server::ServerApp::stopped, &app, &QCoreApplication::quit);
    if (auto e = server.start()) {
        err << "plein-server: " << *e << Qt::endl;
        return 1;
    }
    return app.exec();
}
