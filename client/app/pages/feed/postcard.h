#pragma once

#include "ui/attachmentblock.h"
#include "ui/icons.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetrics>
#include <QList>
#include <QRect>
#include <QRectF>
#include <QStaticText>
#include <QString>
#include <QStyleOptionViewItem>

#include <functional>

class QModelIndex;
class QPainter;
class QTextDocument;

namespace plein::app {

namespace cardstyle {
struct Colours;
}

// A row's post across refreshes and inserts: its id, or the outbox entry of a post that is not
// confirmed yet.
struct PostKey
{
    qint64 id = 0;
    QString clientId;

    bool operator==(const PostKey&) const = default;
};

size_t qHash(const PostKey& key, size_t seed = 0) noexcept;
PostKey postKey(const QModelIndex& index);

// What a body's layout depends on besides width and font. Every cached layout is checked
// against the row before use, so an edit shows even if its dataChanged was never seen; the check
// is cheap because a row that did not change shares its string with the cache.
struct BodyContent
{
    QString body;
    bool deleted = false;

    bool operator==(const BodyContent&) const = default;
};

BodyContent bodyContent(const QModelIndex& index);
// Lays out a post's body (safe Markdown, or the note of a deleted post) `width` wide.
// `reader`: the username whose mentions stand out (the person reading).
void layoutBody(QTextDocument& doc, const BodyContent& content, const QFont& font, int width,
                const QString& reader = QString());

// The parts of a card one can point at.
enum class CardPart {
    None,
    Avatar,
    Name,
    Time,
    Edited,
    Group,
    Pinned,
    State,
    Body,
    ShowMore,
    Like,
    Reply,
    More,
    Retry,
    Edit,
    Discard,
    Undo,
    Attachment, // an image or file chip (attachmentAt() says which and what a click does)
};

// The fonts of a card, made once for the list's font: fonts and their metrics are not free.
struct CardFonts
{
    explicit CardFonts(const QFont& font = QFont());

    QFont base;
    QFont bold; // names, "Show more"
    QFont small; // chips
    QFontMetrics baseMetrics;
    QFontMetrics boldMetrics;
    QFontMetrics smallMetrics;
};

// The parts that act when clicked.
bool isButton(CardPart part);
// What the header says of a change to a post that waits in the outbox ("Edit waiting to be
// sent"), by the kind of the write.
QString changeWaitingText(const QString& kind);
// Why the server refused the row's post or its change, in the user's words (errorText), never
// with the server's internal ids.
QString refusalText(const QModelIndex& index);

// One post's card with every part placed, relative to the top left of its row: what
// PostDelegate paints, hit tests and takes its height from. The delegate keeps the cards of the
// rows it painted, so that a frame draws prepared texts (QStaticText) instead of measuring and
// shaping every label again. A top-level post is a card;
// a reply hangs from its thread's line, with a smaller avatar, no card and no Reply button.
struct PostCard
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::PostDelegate)

public:
    using Part = CardPart;

    // What the delegate knows of the row that the row does not say.
    struct Context
    {
        const CardFonts* fonts = nullptr;
        QDateTime now; // for the relative time
        bool heightOnly = false; // the header's and the buttons' texts are not needed
        bool showGroup = true;
        bool queued = false; // its deletion waits for an Undo
        bool expanded = false; // a long post unfolded
        int editorHeight = -1; // 0 or more: the body is an editor this tall
        // The body laid out `width` wide, from the delegate's cache.
        std::function<QTextDocument&(const PostKey&, const BodyContent&, int width)> document;
    };
    // How to paint it: the colours, and which button the pointer is on or pressing.
    struct Look
    {
        const CardFonts* fonts = nullptr;
        const cardstyle::Colours* colours = nullptr;
        const cardstyle::Colours* lineColours = nullptr; // the thread's line under replies
        std::function<const QIcon&(icons::Icon, const QColor&)> icon;
        // The thumbnails of the files (none: placeholders).
        AttachmentBlock::Thumbnails thumbnails;
        bool hovered = false;
        Part hoveredPart = Part::None;
        Part pressedPart = Part::None;
    };

    struct Piece
    {
        Part part = Part::None;
        QRect rect;
        QString text;
        bool chip = false;
        bool danger = false;
        QStaticText label; // `text` laid out once
    };
    struct Button
    {
        Part part = Part::None;
        QRect rect;
        QString text;
        icons::Icon icon = icons::Icon::Like;
        bool accent = false; // a liked heart
        bool danger = false; // Try again
        QStaticText label;
    };

    // The card of the row at `index`, `rowWidth(option)` wide.
    static PostCard measure(const QStyleOptionViewItem& option, const QModelIndex& index,
                            const Context& context);
    // Paints it in `option.rect`; `doc` must be the body's document (valid) unless editing.
    void paint(QPainter& painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const Look& look) const;
    // Positions relative to the row's top left.
    Part partAt(const QPoint& pos) const;
    QRect rectOf(Part part) const;
    // The link under `pos` in the body, or an empty string.
    QString anchorAt(const QPoint& pos) const;
    // The file under `pos` (an index into `files`) and what a click on it does.
    std::pair<int, AttachmentBlock::Action> attachmentAt(const QPoint& pos) const;

    PostKey key;
    BodyContent content;
    bool reply = false;
    bool pending = false;
    bool failed = false;
    bool changePending = false;
    bool changeFailed = false;
    bool queued = false;
    bool editing = false;
    bool expanded = false;
    bool folded = false;

    QRect frame; // the card; for a reply, the area lit when it is selected or hovered
    QRect avatar;
    QRect header;
    QRect more;
    QRect body; // the visible part of the body, or the editor
    QPointF bodyOrigin; // where the document's top left is drawn
    int bodyWidth = 0; // the document's text width
    QRect fold;
    // The files the post carries, under its text.
    QList<ShownFile> files;
    AttachmentBlock attachments;
    QPoint attachmentsOrigin;
    QRect notice;
    QString noticeText;
    QList<Piece> pieces;
    QList<Button> buttons;
    int height = 0; // of the row
    // The body's layout, from the delegate's cache: set again before every use.
    QTextDocument* doc = nullptr;

private:
    // The header line placed in `header`: name, time, "(edited)", then chips.
    static QList<Piece> headerPieces(const QModelIndex& index, const Context& context,
                                     const QRect& header);
};

// The list view lays out with the viewport's width; 400 only when asked before it has one.
int rowWidth(const QStyleOptionViewItem& option);

} // namespace plein::app
