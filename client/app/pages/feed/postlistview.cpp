#include "pages/feed/postlistview.h"

#include "pages/feed/cardstyle.h"
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
    // The first line says what is the matter, the rest what to do about it.
    const QString title = m_emptyText.section(u'\n', 0, 0);
    const QString hint = m_emptyText.section(u'\n', 1);
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(font().pointSizeF() * 1.15);
    const auto colours = cardstyle::colours(palette(), false, false, false);
    const int flags = Qt::AlignHCenter | Qt::TextWordWrap;
    const QRect titleRect = QFontMetrics(heading).boundingRect(free, flags, title);
    const QRect hintRect = hint.isEmpty() ? QRect() : fontMetrics().boundingRect(free, flags, hint);
    const int height = titleRect.height() + (hint.isEmpty() ? 0 : 6 + hintRect.height());
    QRect at = free;
    at.setTop(free.top() + std::max(0, (free.height() - height) / 2));
    QPainter painter(viewport());
    painter.setFont(heading);
    painter.setPen(colours.text);
    painter.drawText(at, flags, title);
    if (hint.isEmpty())
        return;
    at.setTop(at.top() + titleRect.height() + 6);
    painter.setFont(font());
    painter.setPen(colours.secondary);
    painter.drawText(at, flags, hint);
}

void PostListView::leaveEvent(QEvent* event)
{
    QListView::leaveEvent(event);
    if (auto* delegate = qobject_cast<PostDelegate*>(itemDelegate()))
        delegate->clearHover();
}

} // namespace plein::app
