#pragma once

#include "pages/chat/messagelayout.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>

#include <functional>
#include <memory>

class QAbstractItemView;

namespace plein::app {

class FileActions;
class ReactorsCache;

// Paints one message of a conversation (MessageLayout): day separators, the unread divider,
// the sender's avatar, name and time on the first message of a group and only the text on the
// ones that follow, a quoted reply, the body as safe Markdown, "(edited)", reactions as chips,
// the state of a message on its way or refused, and "Seen by". The list view (MessageView)
// handles the pointer and tells the delegate which row and part it is on; the delegate gives
// tooltips itself (the full date on a time, who reacted on a reaction).
//
// Laying out Markdown is what scrolling spends its time on, so the delegate keeps each row's
// height at the width it was measured for (checked against the row's body and the roles that
// change its height), and the laid-out documents of the messages shown last, both bounded.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject* parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // The message at `index` laid out in `option.rect` (valid until the next call).
    MessageLayout layout(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // What is under `pos` (viewport coordinates) of the row painted in `option.rect`.
    MessageHit hitAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                     const QPoint& pos) const;
    QRect rectOf(const QStyleOptionViewItem& option, const QModelIndex& index,
                 const MessageHit& hit) const;
    QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                     const QPoint& pos) const;
    QString toolTipAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                      const QPoint& pos) const;

    // The row under the pointer (lit, its time shown) and the part of it, and the part being
    // pressed; set by the view.
    void setHover(const QModelIndex& index, const MessageHit& hit);
    void setPressed(const MessageHit& hit) { m_pressed = hit; }
    QModelIndex hovered() const { return m_hover; }
    // The reader's username: their @mentions stand out.
    void setReader(const QString& username);
    // Who reacted, for the tooltip of a reaction.
    void setReactors(ReactorsCache* reactors);
    // Where the thumbnails of the messages' files come from; the view repaints when one comes.
    void setFiles(FileActions* files);
    // Whether the server can be asked now (who reacted is read from it).
    void setOnline(std::function<bool()> online) { m_online = std::move(online); }
    // In a direct conversation "Seen" says it all.
    void setDirect(bool direct);
    // How many bodies were laid out from their Markdown since the delegate was made.
    int layoutCount() const;
    // "Copy" on code block `block` of the message at `index`: its text to the clipboard, and
    // "Copied" on the block for a moment.
    void copyCode(const QModelIndex& index, int block);

private:
    struct Caches;

    void follow(const QAbstractItemModel* model) const;
    void repaint(const QModelIndex& index) const;
    void updateToolTip(qint64 messageId);
    // A code block's colours arrived: the bodies that showed it plain are laid out again.
    void codeHighlighted(const QString& key);

    std::unique_ptr<Caches> m_caches;
    mutable QPointer<QAbstractItemView> m_view;
    QPersistentModelIndex m_hover;
    MessageHit m_hoverHit;
    MessageHit m_pressed;
    QPointer<ReactorsCache> m_reactors;
    QPointer<FileActions> m_files;
    std::function<bool()> m_online;
    qint64 m_tipMessage = 0;
    QString m_tipReaction;
};

} // namespace plein::app
