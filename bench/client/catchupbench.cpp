// Catch-up: a fresh client core (empty cache) logs in to a running server and syncs the
// whole event log. Reports the time from connected (authenticated, state Online) to
// SyncEngine::caughtUp and the events applied per second.
//
// --with-feed attaches the feed model to the cache, as the desktop app's window does: every
// page the engine commits then also refreshes the model.

#include "client.h"
#include "connection.h"
#include "feed/poststore.h"
#include "feedmodel.h"
#include "store/cache.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace plein;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein client catch-up benchmark."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server URL."),
                                          QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Username."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption feedOption(QStringLiteral("with-feed"),
                                        QStringLiteral("Keep a feed model on the cache."));
    const QCommandLineOption pageOption(
        QStringLiteral("page-size"),
        QStringLiteral("Events per sync page (default: the engine's)."), QStringLiteral("N"));
    parser.addOptions({serverOption, userOption, feedOption, pageOption});
    parser.process(app);
    if (!parser.isSet(serverOption) || !parser.isSet(userOption)) {
        std::fprintf(stderr,
                     "plein-bench-catchup: --server and --user are required; the "
                     "password comes on standard input\n");
        return 2;
    }
    const QString password = QTextStream(stdin).readLine();

    QTemporaryDir profile;
    client::Client core;
    if (auto err
        = core.open(QUrl(parser.value(serverOption)), parser.value(userOption), profile.path())) {
        std::fprintf(stderr, "plein-bench-catchup: %s\n", qPrintable(*err));
        return 1;
    }
    if (parser.isSet(pageOption))
        core.sync().setPageSize(parser.value(pageOption).toInt());
    std::unique_ptr<client::FeedModel> feed;
    if (parser.isSet(feedOption))
        feed = std::make_unique<client::FeedModel>(core.cache());

    QElapsedTimer sinceStart;
    qint64 onlineNs = -1;
    int pages = 0;
    QTextStream out(stdout);
    QObject::connect(&core.connection(), &client::Connection::stateChanged, &app,
                     [&](client::Connection::State state) {
                         if (state == client::Connection::State::Online && onlineNs < 0)
                             onlineNs = sinceStart.nsecsElapsed();
                     });
    QObject::connect(&core.sync(), &client::SyncEngine::progress, &app,
                     [&](qint64, qint64) { ++pages; });
    QObject::connect(&core.sync(), &client::SyncEngine::caughtUp, &app, [&](qint64 cursor) {
        const double ms = double(sinceStart.nsecsElapsed() - onlineNs) / 1e6;
        const int posts = client::PostStore(core.cache()).postCount();
        out << "events=" << cursor << " posts=" << posts << " pages=" << pages
            << " connect_ms=" << double(onlineNs) / 1e6 << " catchup_ms=" << ms
            << " events_per_s=" << qint64(double(cursor) / ms * 1000) << '\n';
        out.flush();
        QCoreApplication::quit();
    });
    QObject::connect(&core.sync(), &client::SyncEngine::syncFailed, &app,
                     [](const QString& message) {
                         std::fprintf(stderr, "plein-bench-catchup: %s\n", qPrintable(message));
                         QCoreApplication::exit(1);
                     });
    QObject::connect(&core.connection(), &client::Connection::authFailed, &app,
                     [](const QString& message) {
                         std::fprintf(stderr, "plein-bench-catchup: %s\n", qPrintable(message));
                         QCoreApplication::exit(1);
                     });
    QTimer::singleShot(600000, &app, []() {
        std::fprintf(stderr, "plein-bench-catchup: not caught up after 10 minutes\n");
        QCoreApplication::exit(1);
    });
    core.connection().setPassword(parser.value(userOption), password);
    sinceStart.start();
    core.connection().start();
    return app.exec();
}
