#pragma once

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QWidget;

namespace plein::bench {

// Waits (at most 5 s) until the window is on screen, then lets what that set off run.
void waitForExposed(QWidget& window);

// Frame times while scrolling `view` by `step` pixels a step (negative: upwards). A step moves
// the scroll bar, lets the event loop run what that set off (delayed item layout, paging in
// rows), then repaints the viewport synchronously (paint and flush): its wall time is a
// frame. `model` is the one that pages (the view's, or the one behind its proxy). Stops after
// `maxSteps`, or once a step moved nothing and nothing more can be fetched. Returns the report
// fields: rows, steps, step_px, total_s, frame_* and paint_* (p50, p99, max, over16),
// fetch_frames, fetch_frame_max_ms, viewport, rows_shown_p50.
QString scrollAndTime(QAbstractItemView& view, QAbstractItemModel& model, int step, int maxSteps);

} // namespace plein::bench
