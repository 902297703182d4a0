#include "pages/chat/messageview.h"

#include "chat/messagelistmodel.h"
#include "markdown.h"
#include "pages/chat/messagedelegate.h"
#include "pages/feed/cardstyle.h"
#include "ui/tooltip.h"

#include <QCursor>
#include <QHelpEvent>
#include <QIdentityProxyModel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

namespace plein::app {

using client::MessageListModel;

namespace {

// The model as the view sees it: the same rows, but never "more to fetch". A list view asks
// for more whenever its last row is in sight, which in a chat is always; this view asks the
// model itself when the top comes near.
class NoAutoFetch : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    bool canFetchMore(const QModelIndex&) const override { return false; }
    void fetchMore(const QModelIndex&) override { }
};

} // namespace

MessageView::MessageView(QWidget* parent)
    : QListView(parent)
    , m_proxy(new NoAutoFetch(this))
    , m_delegate(new MessageDelegate(this))
    , m_newest(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageView"));
    setFrameShape(QFrame::NoFrame);
    setItemDelegate(m_delegate);
    setModel(m_proxy);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(Adjust);
    setSelectionMode(SingleSelection);
    setEditTriggers(NoEditTriggers);
    setMouseTracking(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setWordWrap(true);
    // Messages on the text background, as in Slack, Teams and Element: no cards.
    viewport()->setBackgroundRole(QPalette::Base);
    verticalScrollBar()->setSingleStep(24);

    m_newest->setObjectName(QStringLiteral("jumpToNewest"));
    m_newest->setArrowType(Qt::DownArrow);
    m_newest->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newest->setCursor(Qt::PointingHandCursor);
    m_newest->hide();
    connect(m_newest, &QToolButton::clicked, this, &MessageView::scrollToNewest);

    auto* bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &MessageView::onValueChanged);
    connect(bar, &QScrollBar::rangeChanged, this, &MessageView::onRangeChanged);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) {
                if (first == 0 && m_proxy->rowCount() > 0)
                    rememberAnchor();
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MessageView::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this]() {
        m_atBottom = true;
        m_unseen = 0;
        scrollToNewest();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this]() {
        if (m_atBottom)
            QTimer::singleShot(0, this, [this]() {
                if (m_atBottom)
                    scrollToBottom();
            });
    });
}

void MessageView::setMessages(client::MessageListModel* model)
{
    m_messages = model;
    m_proxy->setSourceModel(model);
    if (model)
        connect(model, &MessageListModel::fetchingChanged, this, [this](bool fetching) {
            if (!fetching)
                QTimer::singleShot(0, this, &MessageView::fetchOlderIfNear);
        });
    m_atBottom = true;
    scrollToNewest();
}

QModelIndex MessageView::indexOfRow(int row) const
{
    return m_proxy->index(row, 0);
}

void MessageView::setEmptyText(const QString& text)
{
    m_emptyText = text;
    viewport()->update();
}

bool MessageView::isShowingEmptyText() const
{
    return !m_emptyText.isEmpty() && m_proxy->rowCount() == 0;
}

void MessageView::scrollToNewest()
{
    m_atBottom = true;
    m_unseen = 0;
    doItemsLayout();
    m_adjusting = true;
    scrollToBottom();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = false;
    updateNewestButton();
    Q_EMIT atBottomChanged(true);
    checkNewestShown();
}

bool MessageView::isNewestVisible() const
{
    const int rows = m_proxy->rowCount();
    if (rows == 0 || !isVisible())
        return false;
    return visualRect(m_proxy->index(rows - 1, 0)).intersects(viewport()->rect());
}

bool MessageView::isAboveViewport(int row) const
{
    const QModelIndex index = indexOfRow(row);
    return index.isValid() && visualRect(index).bottom() < 0;
}

void MessageView::showRow(int row, bool centred)
{
    const QModelIndex index = indexOfRow(row);
    if (!index.isValid())
        return;
    doItemsLayout();
    scrollTo(index, centred ? PositionAtCenter : PositionAtTop);
    setCurrentIndex(index);
}

QStyleOptionViewItem MessageView::optionFor(const QModelIndex& index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    option.widget = this;
    return option;
}

QPoint MessageView::pointer() const
{
    return viewport()->mapFromGlobal(QCursor::pos());
}

// ---- Scrolling ----------------------------------------------------------------------------

void MessageView::onValueChanged(int value)
{
    if (!m_adjusting) {
        const bool at = value >= verticalScrollBar()->maximum() - bottomSlack;
        if (at != m_atBottom) {
            m_atBottom = at;
            Q_EMIT atBottomChanged(at);
        }
        if (at)
            m_unseen = 0;
    }
    updateNewestButton();
    fetchOlderIfNear();
    checkNewestShown();
}

void MessageView::onRangeChanged(int, int max)
{
    // New messages, a reaction that made a row taller, a wider window: still at the bottom.
    if (m_atBottom) {
        m_adjusting = true;
        verticalScrollBar()->setValue(max);
        m_adjusting = false;
    }
    fetchOlderIfNear();
}

void MessageView::rememberAnchor()
{
    m_anchor = QPersistentModelIndex();
    if (m_atBottom)
        return;
    const QModelIndex top = indexAt(QPoint(4, 4));
    if (!top.isValid())
        return;
    m_anchor = top;
    m_anchorTop = visualRect(top).top();
}

void MessageView::restoreAnchor()
{
    if (!m_anchor.isValid())
        return;
    // Laid out now, so the anchor's new place is known; scrolled by what went in above it.
    doItemsLayout();
    auto* bar = verticalScrollBar();
    m_adjusting = true;
    bar->setValue(bar->value() + visualRect(m_anchor).top() - m_anchorTop);
    m_adjusting = false;
    m_anchor = QPersistentModelIndex();
}

void MessageView::onRowsInserted(const QModelIndex&, int first, int last)
{
    if (m_anchor.isValid()) {
        restoreAnchor();
    } else if (m_atBottom) {
        doItemsLayout();
        m_adjusting = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjusting = false;
    } else if (last == m_proxy->rowCount() - 1 && first > 0) {
        // Newer messages below what is being read: counted on the button, not scrolled to.
        for (int row = first; row <= last; ++row) {
            if (!m_proxy->index(row, 0).data(MessageListModel::MineRole).toBool())
                ++m_unseen;
        }
    }
    updateNewestButton();
    updateToolbar();
    checkNewestShown();
    QTimer::singleShot(0, this, &MessageView::fetchOlderIfNear);
}

void MessageView::fetchOlderIfNear()
{
    if (!m_messages || m_messages->isFetching() || !isVisible())
        return;
    if (verticalScrollBar()->value() > fetchMargin || !m_messages->canFetchMore(QModelIndex()))
        return;
    // Out of the scroll bar's signal: the rows it adds move the scroll bar again.
    QTimer::singleShot(0, this, [this]() {
        if (m_messages && !m_messages->isFetching() && verticalScrollBar()->value() <= fetchMargin
            && m_messages->canFetchMore(QModelIndex()))
            m_messages->fetchMore(QModelIndex());
    });
}

void MessageView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    // The messages moved under a pointer that stood still.
    if (viewport()->underMouse())
        hoverAt(pointer());
    else
        updateToolbar();
}

void MessageView::checkNewestShown()
{
    const bool shown = isNewestVisible();
    if (shown)
        Q_EMIT newestShown();
    m_newestWasShown = shown;
}

void MessageView::placeNewestButton()
{
    const QSize size = m_newest->sizeHint();
    const QRect area = viewport()->geometry();
    m_newest->setGeometry(area.left() + (area.width() - size.width()) / 2,
                          area.bottom() - size.height() - 12, size.width(), size.height());
}

void MessageView::updateNewestButton()
{
    const bool show = !m_atBottom && m_proxy->rowCount() > 0;
    m_newest->setText(m_unseen > 0 ? tr("%n new message(s)", nullptr, m_unseen)
                                   : tr("Jump to the newest"));
    if (show) {
        placeNewestButton();
        m_newest->raise();
    }
    m_newest->setVisible(show);
}

void MessageView::resizeEvent(QResizeEvent* event)
{
    QListView::resizeEvent(event);
    placeNewestButton();
    updateToolbar();
}

// ---- The pointer --------------------------------------------------------------------------

void MessageView::setHoverRow(const QModelIndex& index)
{
    if (m_hoverRow == index)
        return;
    m_hoverRow = index;
    m_toolHover = -1;
    updateToolbar();
}

void MessageView::updateToolbar()
{
    const QRect was = m_toolbar.rect;
    if (m_hoverRow.isValid()) {
        const QStyleOptionViewItem option = optionFor(m_hoverRow);
        const MessageLayout layout = m_delegate->layout(option, m_hoverRow);
        m_toolbar = MessageToolbar::forMessage(
            m_hoverRow, layout.message.translated(option.rect.topLeft()), viewport()->width(),
            !layout.divider.isNull() || !layout.daySeparator.isNull());
    } else {
        m_toolbar = {};
    }
    if (was != m_toolbar.rect) {
        viewport()->update(was.adjusted(-2, -2, 2, 3));
        viewport()->update(m_toolbar.rect.adjusted(-2, -2, 2, 3));
    }
}

void MessageView::hoverAt(const QPoint& pos)
{
    if (!m_toolbar.isEmpty() && m_toolbar.rect.contains(pos)) {
        const int item = m_toolbar.itemAt(pos);
        if (item != m_toolHover) {
            m_toolHover = item;
            viewport()->update(m_toolbar.rect.adjusted(-2, -2, 2, 3));
        }
        m_delegate->setHover(m_hoverRow, {});
        viewport()->setCursor(item >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        return;
    }
    if (m_toolHover >= 0) {
        m_toolHover = -1;
        viewport()->update(m_toolbar.rect.adjusted(-2, -2, 2, 3));
    }
    const QModelIndex index = indexAt(pos);
    setHoverRow(index);
    MessageHit hit;
    bool link = false;
    if (index.isValid()) {
        const QStyleOptionViewItem option = optionFor(index);
        hit = m_delegate->hitAt(option, index, pos);
        if (hit.part == MessagePart::Body) {
            const QString anchor = m_delegate->anchorAt(option, index, pos);
            link = isFollowableLink(QUrl(anchor)) || copyAnchorIndex(anchor) >= 0;
        }
    }
    m_delegate->setHover(index, isButton(hit.part) ? hit : MessageHit {});
    viewport()->setCursor(link || isButton(hit.part) ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void MessageView::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position().toPoint());
    if (event->buttons() == Qt::NoButton)
        QListView::mouseMoveEvent(event);
}

void MessageView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        if (!m_toolbar.isEmpty() && m_toolbar.rect.contains(pos)) {
            m_toolPressed = m_toolbar.itemAt(pos);
            viewport()->update(m_toolbar.rect.adjusted(-2, -2, 2, 3));
            return;
        }
        const QModelIndex index = indexAt(pos);
        if (index.isValid()) {
            const MessageHit hit = m_delegate->hitAt(optionFor(index), index, pos);
            if (isButton(hit.part)) {
                // A chip or a button: acted on when released, without selecting the row.
                m_pressedRow = index;
                m_pressedHit = hit;
                m_delegate->setPressed(hit);
                viewport()->update(visualRect(index));
                return;
            }
        }
    }
    QListView::mousePressEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && m_toolPressed >= 0) {
        const int pressed = std::exchange(m_toolPressed, -1);
        viewport()->update(m_toolbar.rect.adjusted(-2, -2, 2, 3));
        if (m_toolbar.itemAt(pos) == pressed && m_hoverRow.isValid()) {
            const MessageToolbar::Item item = m_toolbar.items.at(pressed);
            Q_EMIT toolbarTriggered(item.action, item.reaction, m_hoverRow,
                                    viewport()->mapToGlobal(item.rect.bottomLeft()));
        }
        return;
    }
    if (event->button() == Qt::LeftButton && m_pressedHit.part != MessagePart::None) {
        const QPersistentModelIndex row = std::exchange(m_pressedRow, {});
        const MessageHit pressed = std::exchange(m_pressedHit, {});
        m_delegate->setPressed({});
        if (row.isValid()) {
            viewport()->update(visualRect(row));
            const QStyleOptionViewItem option = optionFor(row);
            if (m_delegate->hitAt(option, row, pos) == pressed
                && pressed.part == MessagePart::Attachment) {
                Q_EMIT fileActivated(row, pressed.file, pressed.action);
            } else if (m_delegate->hitAt(option, row, pos) == pressed) {
                const QRect rect = m_delegate->rectOf(option, row, pressed);
                Q_EMIT partTriggered(pressed.part, pressed.reaction, row,
                                     viewport()->mapToGlobal(rect.bottomLeft()));
            }
        }
        return;
    }
    if (event->button() == Qt::LeftButton) {
        const QModelIndex index = indexAt(pos);
        if (index.isValid()) {
            const QString anchor = m_delegate->anchorAt(optionFor(index), index, pos);
            // "Copy" on a code block.
            if (const int block = copyAnchorIndex(anchor); block >= 0) {
                QListView::mouseReleaseEvent(event);
                m_delegate->copyCode(index, block);
                return;
            }
            const QUrl url(anchor);
            if (!url.isEmpty() && isFollowableLink(url)) {
                QListView::mouseReleaseEvent(event);
                Q_EMIT linkActivated(url);
                return;
            }
        }
    }
    QListView::mouseReleaseEvent(event);
}

void MessageView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (!m_toolbar.isEmpty() && m_toolbar.rect.contains(event->position().toPoint()))
        return;
    QListView::mouseDoubleClickEvent(event);
}

void MessageView::leaveEvent(QEvent* event)
{
    QListView::leaveEvent(event);
    m_toolHover = -1;
    m_delegate->setHover({}, {});
    setHoverRow({});
}

bool MessageView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && !m_toolbar.isEmpty()) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (m_toolbar.rect.contains(help->pos())) {
            const int item = m_toolbar.itemAt(help->pos());
            if (item >= 0)
                QToolTip::showText(help->globalPos(),
                                   plainToolTip(MessageToolbar::toolTip(m_toolbar.items.at(item))),
                                   viewport(), m_toolbar.items.at(item).rect);
            else
                QToolTip::hideText();
            return true;
        }
    }
    return QListView::viewportEvent(event);
}

// ---- Painting -----------------------------------------------------------------------------

void MessageView::paintEvent(QPaintEvent* event)
{
    QListView::paintEvent(event);
    QPainter painter(viewport());
    if (isShowingEmptyText()) {
        QRect free = viewport()->rect().adjusted(24, 16, -24, -16);
        const QString title = m_emptyText.section(u'\n', 0, 0);
        const QString hint = m_emptyText.section(u'\n', 1);
        QFont heading = font();
        heading.setBold(true);
        heading.setPointSizeF(font().pointSizeF() * 1.15);
        const auto colours = cardstyle::colours(palette(), true, false, false);
        const int flags = Qt::AlignHCenter | Qt::TextWordWrap;
        const QRect titleRect = QFontMetrics(heading).boundingRect(free, flags, title);
        const QRect hintRect
            = hint.isEmpty() ? QRect() : fontMetrics().boundingRect(free, flags, hint);
        const int height = titleRect.height() + (hint.isEmpty() ? 0 : 6 + hintRect.height());
        free.setTop(free.top() + std::max(0, (free.height() - height) / 2));
        painter.setFont(heading);
        painter.setPen(colours.text);
        painter.drawText(free, flags, title);
        if (!hint.isEmpty()) {
            free.setTop(free.top() + titleRect.height() + 6);
            painter.setFont(font());
            painter.setPen(colours.secondary);
            painter.drawText(free, flags, hint);
        }
    }
    // Over the rows, last: the bar reaches into the row above its message.
    m_toolbar.paint(painter, palette(), m_toolHover, m_toolPressed);
}

} // namespace plein::app
