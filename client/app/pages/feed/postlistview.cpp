#include "pages/feed/postlistview.h"

#include "pages/feed/postdelegate.h"

#include <QDateTime>
#include <QPainter>

namespace plein::app {

PostListView::PostListView(QWidget* parent)
    : QListView(parent)
{
    setFrameShape(QFrame::NoFrame);
    // Cards (QPalette::Base) stand on the window's colour, as in Slack, Teams or Viva Engage.
    viewport()->setBackgroundRole(QPalette::Window);
    m_clock.setSingleShot(true);
    connect(&m_clock, &QTimer::timeout, this, &PostListView::tick);
    tick();
}

void PostListView::setEmptyText(const QString& text, int ignoredRows)
{
    m_emptyText = text;
    m_ignoredRows = ignoredRows;
    viewport()->update();
}

bool PostListView::isShowingEmptyText() const
{
    return !m_emptyText.isEmpty() && (!model() || model()->rowCount() <= m_ignoredRows);
}

void PostListView::tick()
{
    // On the minute, when relative times change.
    viewport()->update();
    const QTime now = QTime::currentTime();
    m_clock.start(std::max(1000, (60 - now.second()) * 1000 - now.msec()));
}

void PostListView::paintEvent(QPaintEvent* event)
{
    QListView::paintEvent(event);
    if (!isShowingEmptyText())
        return;
    QRect free = viewport()->rect();
    if (model() && model()->rowCount() > 0) {
        const QRect last = visualRect(model()->index(model()->rowCount() - 1, 0));
        free.setTop(std::max(free.top(), last.bottom() + 1));
    }
    free.adjust(24, 16, -24, -16);
    if (free.height() < fontMetrics().height() || free.width() < 40)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(free, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void PostListView::leaveEvent(QEvent* event)
{
    QListView::leaveEvent(event);
    if (auto* delegate = qobject_cast<PostDelegate*>(itemDelegate()))
        delegate->clearHover();
}

} // namespace plein::app
