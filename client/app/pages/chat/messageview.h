#pragma once

#include "pages/chat/messagelayout.h"
#include "pages/chat/messagetoolbar.h"

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>

class QIdentityProxyModel;
class QToolButton;

namespace plein::client {
class MessageListModel;
}

namespace plein::app {

class MessageDelegate;

// A conversation's messages, newest at the bottom, as chat apps show them. The view stays at
// the bottom while it is there when messages arrive or change height, and keeps what the
// person reads in place when earlier messages are added above (read from the cache or the
// server as they scroll up: the model pages, but only when the top is near, never because the
// newest row is in sight). The message under the pointer is lit and carries a toolbar of
// actions (MessageToolbar); clicks on its parts (a quote, a reaction, Try again…) and on links
// come out as signals. When there are no messages it says why (setEmptyText); when newer
// messages came in while the person reads further up, a button takes them down to them.
class MessageView : public QListView
{
    Q_OBJECT

public:
    // Earlier messages are asked for while the top is this close.
    static constexpr int fetchMargin = 300;
    // Within this distance of the bottom counts as at the bottom.
    static constexpr int bottomSlack = 8;

    explicit MessageView(QWidget* parent = nullptr);

    void setMessages(client::MessageListModel* model);
    client::MessageListModel* messages() const { return m_messages; }
    MessageDelegate* messageDelegate() const { return m_delegate; }
    // The view's row of the model's `row`, and back (the view shows the model through a
    // proxy that pages only on request).
    QModelIndex indexOfRow(int row) const;

    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }
    bool isShowingEmptyText() const;

    bool isAtBottom() const { return m_atBottom; }
    void scrollToNewest();
    // Whether the newest message is on screen (not covered, at least partly visible).
    bool isNewestVisible() const;
    // Whether `row` of the model is above the top of the viewport.
    bool isAboveViewport(int row) const;
    // Scrolls so that the model's `row` is at the top (or centred), lighting it briefly.
    void showRow(int row, bool centred = false);
    QToolButton* newestButton() const { return m_newest; }
    // The toolbar over the message under the pointer (empty when none).
    const MessageToolbar& toolbar() const { return m_toolbar; }
    QModelIndex hoveredIndex() const { return m_hoverRow; }
    // The layout options of the row at `index`, as the view paints it.
    QStyleOptionViewItem optionFor(const QModelIndex& index) const;
    // Moves the pointer's hover to `pos` (viewport coordinates), as a mouse move would.
    void hoverAt(const QPoint& pos);

Q_SIGNALS:
    void toolbarTriggered(plein::app::MessageToolbar::Action action, const QString& reaction,
                          const QModelIndex& index, const QPoint& globalPos);
    void partTriggered(plein::app::MessagePart part, const QString& reaction,
                       const QModelIndex& index, const QPoint& globalPos);
    void linkActivated(const QUrl& url);
    // A click on an image (View) or a file chip (Open, Save as…) of the message at `index`.
    void fileActivated(const QModelIndex& index, int file,
                       plein::app::AttachmentBlock::Action action);
    void atBottomChanged(bool atBottom);
    // The newest message came into sight (or a new one arrived while it was).
    void newestShown();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void onValueChanged(int value);
    void onRangeChanged(int min, int max);
    void rememberAnchor();
    void restoreAnchor();
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void fetchOlderIfNear();
    void updateToolbar();
    void setHoverRow(const QModelIndex& index);
    void placeNewestButton();
    void updateNewestButton();
    void checkNewestShown();
    QPoint pointer() const;

    client::MessageListModel* m_messages = nullptr;
    QIdentityProxyModel* m_proxy = nullptr;
    MessageDelegate* m_delegate = nullptr;
    QToolButton* m_newest = nullptr;
    QString m_emptyText;
    bool m_atBottom = true;
    bool m_adjusting = false;
    int m_unseen = 0;
    bool m_newestWasShown = false;
    // The row at the top and its offset while rows go in above it.
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
    QPersistentModelIndex m_hoverRow;
    MessageToolbar m_toolbar;
    int m_toolHover = -1;
    int m_toolPressed = -1;
    QPersistentModelIndex m_pressedRow;
    MessageHit m_pressedHit;
};

} // namespace plein::app
