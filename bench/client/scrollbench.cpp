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

namespace {

void waitForExposed(QWidget& window)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && !(window.windowHandle() && window.windowHandle()->isExposed()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

QString stats(const QString& name, const QList<double>& ms)
{
    const auto over = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 16.0; });
    return QStringLiteral("%1_p50_ms=%2 %1_p99_ms=%3 %1_max_ms=%4 %1_over16=%5")
        .arg(name)
        .arg(bench::percentile(ms, 50), 0, 'f', 2)
        .arg(bench::percentile(ms, 99), 0, 'f', 2)
        .arg(bench::percentile(ms, 100), 0, 'f', 2)
        .arg(over);
}

} // namespace

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
    if (!parser.isSet(account.profile)) {
        std::fprintf(stderr, "plein-bench-client-scroll: --profile is required\n");
        return 2;
    }

    bench::ClientApp client(app);
    if (auto err = client.open(QUrl(parser.value(account.server)), parser.value(account.user),
                               parser.value(account.profile))) {
        std::fprintf(stderr, "plein-bench-client-scroll: %s\n", qPrintable(*err));
        return 1;
    }
    client.core().connection().setToken(QStringLiteral("offline-benchmark"));
    client.core().connection().start();
    app::MainWindow& window = client.window();
    QListView* view = app::FeedCapability::of(window)->home()->view();
    QAbstractItemModel* model = view->model();
    auto* paints = new bench::PaintTimer(view);
    window.show();
    waitForExposed(window);

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

    QScrollBar* bar = view->verticalScrollBar();
    const int step = std::max(1, parser.value(stepOption).toInt());
    const int maxSteps = parser.value(maxStepsOption).toInt();
    QList<double> frames;
    QList<double> paintTimes;
    QList<double> fetchFrames;
    QList<double> rowsShown; // rows on screen per frame: frame times scale with it
    QElapsedTimer total;
    total.start();
    bar->setValue(0);
    QCoreApplication::processEvents();
    for (int i = 0; i < maxSteps; ++i) {
        const int rowsBefore = model->rowCount();
        const int before = bar->value();
        timer.start();
        bar->setValue(before + step);
        QCoreApplication::processEvents();
        const int paintsBefore = paints->paints();
        view->viewport()->repaint();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        frames.append(ms);
        if (paints->paints() > paintsBefore)
            paintTimes.append(double(paints->lastPaintUs()) / 1000);
        if (model->rowCount() != rowsBefore)
            fetchFrames.append(ms);
        const QModelIndex top = view->indexAt(QPoint(1, 1));
        QModelIndex bottom = view->indexAt(QPoint(1, view->viewport()->height() - 1));
        if (!bottom.isValid())
            bottom = model->index(model->rowCount() - 1, 0);
        if (top.isValid())
            rowsShown.append(bottom.row() - top.row() + 1);
        if (bar->value() == before && !model->canFetchMore(QModelIndex()))
            break;
    }
    QTextStream(stdout) << "rows=" << model->rowCount() << " steps=" << frames.size()
                        << " step_px=" << step << " total_s=" << double(total.elapsed()) / 1000
                        << ' ' << stats(QStringLiteral("frame"), frames) << ' '
                        << stats(QStringLiteral("paint"), paintTimes)
                        << " fetch_frames=" << fetchFrames.size()
                        << " fetch_frame_max_ms=" << bench::percentile(fetchFrames, 100)
                        << " viewport=" << view->viewport()->width() << 'x'
                        << view->viewport()->height()
                        << " rows_shown_p50=" << bench::percentile(rowsShown, 50) << '\n';
    return 0;
}
