// Frame times while scrolling the feed of the real main window through a cache of posts of
// mixed heights. Each step moves the scroll bar by --step pixels, lets the event loop run
// what the step set off (delayed item layout, paging in the next rows), then repaints the
// viewport synchronously (paint and flush): the step's wall time is one frame.
//
// --preload pages every row in before the first step, so that only scrolling is measured;
// without it the feed pages in rows as the scroll reaches the end, as it does for a user.

#include "benchsupport.h"
#include "client.h"
#include "connection.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "scrollrun.h"
#include "shell/mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QListView>
#include <QScrollBar>
#include <QTextStream>
#include <QWindow>

#include <cstdio>

using namespace plein;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein feed scrolling benchmark."));
    parser.addHelpOption();
    const bench::AccountOptions account;
    account.addTo(parser);
    const QCommandLineOption stepOption(QStringLiteral("step"),
                                        QStringLiteral("Pixels per step (default 60)."),
                                        QStringLiteral("PX"), QStringLiteral("60"));
    const QCommandLineOption preloadOption(QStringLiteral("preload"),
                                           QStringLiteral("Page in every row before scrolling."));
    const QCommandLineOption maxStepsOption(QStringLiteral("max-steps"),
                                            QStringLiteral("Stop after this many steps."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    parser.addOptions({stepOption, preloadOption, maxStepsOption});
    parser.process(app);
    bench::ClientApp client(app);
    if (const int rc = bench::openOffline(client, parser, account, "plein-bench-client-scroll"))
        return rc;
    app::MainWindow& window = client.window();
    QListView* view = app::FeedCapability::of(window)->home()->view();
    QAbstractItemModel* model = view->model();
    window.show();
    bench::waitForExposed(window);

    QElapsedTimer timer;
    if (parser.isSet(preloadOption)) {
        timer.start();
        while (model->canFetchMore(QModelIndex()))
            model->fetchMore(QModelIndex());
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QTextStream(stdout) << "preload_ms=" << timer.elapsed() << " rows=" << model->rowCount()
                            << '\n';
    }

    view->verticalScrollBar()->setValue(0);
    QCoreApplication::processEvents();
    QTextStream(stdout) << bench::scrollAndTime(*view, *model,
                                                std::max(1, parser.value(stepOption).toInt()),
                                                parser.value(maxStepsOption).toInt())
                        << '\n';
    return 0;
}
