// Cold start to the first painted feed, and the memory of the running app.
//
// Builds what the desktop app's main() builds after its login dialog (client core on the
// given profile, main window), goes "online" against the given server (by default a closed
// port, so the feed comes from the cache alone), and reports when the feed view has painted
// for the first time with at least one row, measured from process start. With --scroll-once
// it then scrolls the feed to the end of the loaded rows (which pages in more) and reports
// the proportional set size. With --password-stdin it logs in for real and waits until caught
// up; --hold-ms keeps the window up afterwards (for screenshots).

#include "benchsupport.h"
#include "client.h"
#include "connection.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "shell/mainwindow.h"
#include "syncengine.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QListView>
#include <QScrollBar>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace plein;

int main(int argc, char** argv)
{
    const qint64 mainUs = bench::microsSinceProcessStart();
    QApplication app(argc, argv);
    const qint64 appUs = bench::microsSinceProcessStart();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein desktop start-up benchmark."));
    parser.addHelpOption();
    const bench::AccountOptions account;
    account.addTo(parser);
    const QCommandLineOption scrollOption(
        QStringLiteral("scroll-once"),
        QStringLiteral("After the first paint, scroll once and report memory."));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Log in with the password on standard input; wait until caught up."));
    const QCommandLineOption holdOption(QStringLiteral("hold-ms"),
                                        QStringLiteral("Stay up this long before quitting."),
                                        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption widthOption(QStringLiteral("size"),
                                         QStringLiteral("Window size, WxH (default 1000x700)."),
                                         QStringLiteral("WxH"));
    parser.addOptions({scrollOption, passwordOption, holdOption, widthOption});
    parser.process(app);
    if (!parser.isSet(account.profile)) {
        std::fprintf(stderr, "plein-bench-client-start: --profile is required\n");
        return 2;
    }
    const bool online = parser.isSet(passwordOption);
    QString password;
    if (online)
        password = QTextStream(stdin).readLine();

    bench::ClientApp client(app);
    const qint64 beforeOpenUs = bench::microsSinceProcessStart();
    if (auto err = client.open(QUrl(parser.value(account.server)), parser.value(account.user),
                               parser.value(account.profile))) {
        std::fprintf(stderr, "plein-bench-client-start: %s\n", qPrintable(*err));
        return 1;
    }
    const qint64 windowUs = bench::microsSinceProcessStart();
    app::MainWindow& window = client.window();
    if (parser.isSet(widthOption)) {
        const QStringList wh = parser.value(widthOption).split(u'x');
        window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    }
    QListView* view = app::FeedCapability::of(window)->home()->view();
    auto* paints = new bench::PaintTimer(view);

    auto& connection = client.core().connection();
    if (online)
        connection.setPassword(parser.value(account.user), password);
    else
        connection.setToken(QStringLiteral("offline-benchmark"));
    connection.start();
    window.show();
    const qint64 shownUs = bench::microsSinceProcessStart();

    qint64 firstPaintUs = -1;
    qint64 firstPaintDurationUs = 0;
    int firstRows = 0;
    bool caughtUp = !online;
    const int holdMs = parser.value(holdOption).toInt();
    QTextStream out(stdout);

    const auto finish = [&]() { QTimer::singleShot(holdMs, &app, &QCoreApplication::quit); };
    const auto afterFirstPaint = [&]() {
        if (parser.isSet(scrollOption)) {
            // Scroll once: to the end of what is loaded, which pages in the next rows.
            QScrollBar* bar = view->verticalScrollBar();
            bar->setValue(bar->maximum());
            for (int i = 0; i < 5; ++i)
                QCoreApplication::processEvents();
            view->viewport()->repaint();
            QCoreApplication::processEvents();
            out << "rows_after_scroll=" << view->model()->rowCount()
                << " pss_kb=" << bench::smapsRollupKb(QStringLiteral("Pss"))
                << " rss_kb=" << bench::smapsRollupKb(QStringLiteral("Rss"))
                << " pss_anon_kb=" << bench::smapsRollupKb(QStringLiteral("Pss_Anon")) << '\n';
        }
        if (caughtUp)
            finish();
    };
    QObject::connect(paints, &bench::PaintTimer::painted, &app, [&](qint64 paintUs, int rows) {
        if (firstPaintUs >= 0 || rows == 0)
            return;
        firstPaintUs = bench::microsSinceProcessStart();
        firstPaintDurationUs = paintUs;
        firstRows = rows;
        // Once the frame is on screen (flushed in this same paint cycle), carry on.
        QTimer::singleShot(0, &app, [&]() {
            const qint64 flushedUs = bench::microsSinceProcessStart();
            out << "first_paint_ms=" << double(firstPaintUs) / 1000
                << " flushed_ms=" << double(flushedUs) / 1000
                << " main_ms=" << double(mainUs) / 1000 << " qapp_ms=" << double(appUs) / 1000
                << " open_ms=" << double(windowUs - beforeOpenUs) / 1000
                << " shown_ms=" << double(shownUs) / 1000
                << " paint_ms=" << double(firstPaintDurationUs) / 1000 << " rows=" << firstRows
                << '\n';
            out.flush();
            afterFirstPaint();
        });
    });
    if (online) {
        QObject::connect(&client.core().sync(), &client::SyncEngine::caughtUp, &app,
                         [&](qint64 cursor) {
                             if (caughtUp)
                                 return;
                             caughtUp = true;
                             out << "caught_up_cursor=" << cursor << '\n';
                             out.flush();
                             if (firstPaintUs >= 0)
                                 finish();
                         });
        QObject::connect(
            &connection, &client::Connection::authFailed, &app, [&](const QString& message) {
                std::fprintf(stderr, "plein-bench-client-start: %s\n", qPrintable(message));
                QCoreApplication::exit(1);
            });
    }
    // Never hang a benchmark run.
    QTimer::singleShot(120000, &app, [&]() {
        std::fprintf(stderr, "plein-bench-client-start: no painted feed after 120 s\n");
        QCoreApplication::exit(1);
    });
    const int rc = app.exec();
    out.flush();
    return rc;
}
