#pragma once

#include "pages/feed/postcard.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>

#include <memory>

class QAbstractItemView;
class QTextDocument;

namespace plein::app {

class DeleteQueue;
class FileActions;
class LikersCache;
class PostEditor;

// Paints one post as a card: the author's avatar, name (department on hover) and relative time,
// chips for its group, pin and outbox state, the body as safe Markdown (folded with "Show
// more" when long), then Like and Reply buttons with their counts. Replies (rows with a
// parent) are drawn lighter: indented under the thread's line, a smaller avatar, no card of
// their own and no Reply count. A refused write is red, with Try again and Discard at hand.
// Clicks on the buttons come out as triggered(); a click on a link in the body as
// linkActivated (http, https and mailto, and `plein:` links, which lead inside the app); "Copy"
// on a code block puts its code on the clipboard and says "Copied" for a moment.
//
// Laying out Markdown is what scrolling a long feed spends its time on: the list view asks for
// the size of every row again after each page that arrives. So the delegate keeps the height of
// each row at the last width it was laid out for, and the laid-out documents of the posts most
// recently shown, both bounded. Documents are checked against the row's body on every use;
// heights too, and are forgotten when the model says the row changed (dataChanged) or the
// card's own state changes (folded, edited in place, deletion waiting), so sizeHint() reads
// two roles and looks up a number. The cards painted last are kept as well (PostCard, with
// their labels laid out once), checked against what the row says and the minute of the clock,
// so a frame of scrolling measures and shapes nothing it drew before.
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using Part = CardPart;

    explicit PostDelegate(QObject* parent = nullptr);
    ~PostDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // The inline editor (startEditing): the body of the card becomes a PostEditor.
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

    // The link target under `pos` (viewport coordinates) of the post painted in `option.rect`,
    // or an empty string.
    static QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                            const QPoint& pos);
    // Where `part` of the card painted in `option.rect` is (empty when the card has none).
    QRect partRect(const QStyleOptionViewItem& option, const QModelIndex& index, Part part) const;
    Part partAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                const QPoint& pos) const;
    // The tooltip at `pos`: the department on the name, the full date on the time, who liked
    // on the like count, what a button does.
    QString toolTipAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                      const QPoint& pos) const;

    // The header and footer as one line of text each (for accessibility and tests).
    // `showGroup`: name the group of a group's post (Home does; a group's own page need not).
    static QString headerText(const QModelIndex& index, bool showGroup = true);
    void setShowsGroup(bool shows) { m_showsGroup = shows; }
    static QString footerText(const QModelIndex& index);

    // Long posts are folded; "Show more" unfolds one, kept by post.
    bool isExpanded(const QModelIndex& index) const;
    void setExpanded(const QModelIndex& index, bool expanded);
    // Whether the post's body is long enough to fold (at the width of `option`).
    bool isFoldable(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    // Turns the body of the post at `index` into an editor (one at a time); Save comes out as
    // editSubmitted, Cancel or Escape just closes it.
    void startEditing(QAbstractItemView* view, const QModelIndex& index);
    void stopEditing();
    bool isEditing(const QModelIndex& index) const;
    PostEditor* editor() const;

    // Deletions waiting for their Undo show as "Post deleted · Undo" (PostActions owns them).
    void setDeleteQueue(DeleteQueue* queue);
    // Who liked, for the tooltip of the like count; without it the tooltip says what L does.
    void setLikers(LikersCache* likers);
    // Where the thumbnails of the posts' files come from; the rows showing a file repaint when
    // its thumbnail arrives.
    void setFiles(FileActions* files);
    // The file under the pointer, for the context menu (its post's files and which one), or -1.
    int hoveredFile(QList<ShownFile>* files) const;

    // The reader's username: their @mentions stand out in the bodies.
    void setReader(const QString& username);

    void clearHover();
    // How many bodies were laid out from their Markdown since the delegate was made.
    int layoutCount() const;

Q_SIGNALS:
    void linkActivated(const QUrl& url);
    // A button of the card was clicked (Like, Reply, More, Retry, Edit, Discard, Undo);
    // `globalPos` is the bottom left of the button, where a menu opens.
    void triggered(plein::app::CardPart part, const QModelIndex& index, const QPoint& globalPos);
    void editSubmitted(const QModelIndex& index, const QString& text);
    // A click on an image (View) or a file chip (Open, Save as…): `file` indexes `files`.
    void fileActivated(const QList<plein::app::ShownFile>& files, int file,
                       plein::app::AttachmentBlock::Action action);

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    struct Layouts;

    // The card of the post at `index` painted in `option.rect`, with every part placed; its
    // body laid out from the cache when that still matches (valid until the next call).
    // `heightOnly`: only what sizeHint needs, not kept.
    PostCard card(const QStyleOptionViewItem& option, const QModelIndex& index,
                  bool heightOnly = false) const;
    QString anchorAtCached(const QStyleOptionViewItem& option, const QModelIndex& index,
                           const QPoint& pos) const;
    // Forgets the layouts of rows whose data changed, in whichever model the rows come from.
    void follow(const QAbstractItemModel* model) const;
    // The card of the row changed by the delegate's own state: a new height, a repaint.
    void rowChanged(const QModelIndex& index);
    void repaint(const QModelIndex& index) const;
    void updateToolTip(qint64 postId);
    void codeHighlighted(const QString& key);
    void copyCode(const PostCard& card, const QModelIndex& index, int block);

    struct Pointer
    {
        QPersistentModelIndex index;
        Part part = Part::None;
    };

    std::unique_ptr<Layouts> m_layouts;
    bool m_showsGroup = true;
    QPointer<DeleteQueue> m_deletes;
    QPointer<LikersCache> m_likers;
    QPointer<FileActions> m_files;
    QList<ShownFile> m_hoverFiles;
    int m_hoverFile = -1;
    mutable QPointer<QAbstractItemView> m_view; // the view whose rows were last painted
    Pointer m_hover;
    Pointer m_pressed;
    QPersistentModelIndex m_editing;
    QPointer<PostEditor> m_editor;
    // The tooltip on show for a like count, updated when its names arrive.
    qint64 m_tipPost = 0;
};

} // namespace plein::app
