#include "scrollrun.h"

#include "benchsupport.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTextStream>
#include <QWindow>

namespace plein::bench {

namespace {

QString stats(const QString& name, const QList<double>& ms)
{
    const auto over = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 16.0; });
    return QStringLiteral("%1_p50_ms=%2 %1_p99_ms=%3 %1_max_ms=%4 %1_over16=%5")
        .arg(name)
        .arg(percentile(ms, 50), 0, 'f', 2)
        .arg(percentile(ms, 99), 0, 'f', 2)
        .arg(percentile(ms, 100), 0, 'f', 2)
        .arg(over);
}

} // namespace

void waitForExposed(QWidget& window)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && !(window.windowHandle() && window.windowHandle()->isExposed()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

QString scrollAndTime(QAbstractItemView& view, QAbstractItemModel& model, int step, int maxSteps)
{
    auto* paints = new PaintTimer(&view);
    QScrollBar* bar = view.verticalScrollBar();
    QList<double> frames;
    QList<double> paintTimes;
    QList<double> fetchFrames;
    QList<double> rowsShown; // rows on screen per frame: frame times scale with it
    QElapsedTimer total;
    total.start();
    QElapsedTimer timer;
    for (int i = 0; i < maxSteps; ++i) {
        const int rowsBefore = model.rowCount();
        const int before = bar->value();
        timer.start();
        bar->setValue(before + step);
        QCoreApplication::processEvents();
        const int paintsBefore = paints->paints();
        view.viewport()->repaint();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        frames.append(ms);
        if (paints->paints() > paintsBefore)
            paintTimes.append(double(paints->lastPaintUs()) / 1000);
        if (model.rowCount() != rowsBefore)
            fetchFrames.append(ms);
        const QModelIndex top = view.indexAt(QPoint(1, 1));
        QModelIndex bottom = view.indexAt(QPoint(1, view.viewport()->height() - 1));
        if (!bottom.isValid())
            bottom = view.model()->index(view.model()->rowCount() - 1, 0);
        if (top.isValid())
            rowsShown.append(bottom.row() - top.row() + 1);
        if (bar->value() == before && !model.canFetchMore(QModelIndex()))
            break;
    }
    delete paints;
    QString out;
    QTextStream(&out) << "rows=" << model.rowCount() << " steps=" << frames.size()
                      << " step_px=" << step << " total_s=" << double(total.elapsed()) / 1000 << ' '
                      << stats(QStringLiteral("frame"), frames) << ' '
                      << stats(QStringLiteral("paint"), paintTimes)
                      << " fetch_frames=" << fetchFrames.size()
                      << " fetch_frame_max_ms=" << percentile(fetchFrames, 100)
                      << " viewport=" << view.viewport()->width() << 'x'
                      << view.viewport()->height()
                      << " rows_shown_p50=" << percentile(rowsShown, 50);
    return out;
}

} // namespace plein::bench
