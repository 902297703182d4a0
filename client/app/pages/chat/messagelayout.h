#pragma once

#include "pages/feed/postcard.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QRect>
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

// A row's message across refreshes: its id, or the outbox entry while it is not confirmed.
struct MessageKey
{
    qint64 id = 0;
    QString clientId;

    bool operator==(const MessageKey&) const = default;
};

size_t qHash(const MessageKey& key, size_t seed = 0) noexcept;
MessageKey messageKey(const QModelIndex& index);

// What a message body's layout depends on besides width and font.
struct MessageBody
{
    QString body;
    bool deleted = false;

    bool operator==(const MessageBody&) const = default;
};

MessageBody messageBody(const QModelIndex& index);
// Lays out a message's body (safe Markdown) `width` wide; `reader` is the username whose
// mentions stand out.
void layoutMessageBody(QTextDocument& doc, const MessageBody& content, const QFont& font, int width,
                       const QString& reader);

// The parts of a message one can point at.
enum class MessagePart {
    None,
    Avatar,
    Name,
    Time,
    Edited,
    Quote,
    Body,
    Reaction, // `reaction` says which
    Retry,
    EditFailed,
    Discard,
    State, // the clock of a message being sent, or why it was refused
    SeenBy,
    Divider,
    Attachment, // an image or a file chip: `file` and `action` say which and what a click does
};

struct MessageHit
{
    MessagePart part = MessagePart::None;
    QString reaction;
    int file = -1;
    AttachmentBlock::Action action = AttachmentBlock::Action::None;

    bool operator==(const MessageHit&) const = default;
};

bool isButton(MessagePart part);

// One message with every part placed, relative to the top left of its row: what MessageDelegate
// paints, hit tests and takes its height from. Above the message may come a day separator
// ("Today") and the unread divider ("New"); the first message of a sender's group has their
// avatar, name and time, the ones that follow only their text (the time shows on hover).
struct MessageLayout
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::MessageDelegate)

public:
    struct Context
    {
        const CardFonts* fonts = nullptr;
        QDate today;
        bool heightOnly = false;
        // The body laid out `width` wide, from the delegate's cache.
        std::function<QTextDocument&(const MessageKey&, const MessageBody&, int width)> document;
        // Who has seen the message, to say under it (the delegate's seenBy()).
        QStringList seenBy;
        bool direct = false;
    };
    struct Look
    {
        const CardFonts* fonts = nullptr;
        const cardstyle::Colours* colours = nullptr;
        bool hovered = false;
        bool current = false; // the keyboard's row in a focused list
        MessageHit hoveredHit;
        MessageHit pressedHit;
        // The thumbnails of the files (none: placeholders).
        AttachmentBlock::Thumbnails thumbnails;
    };
    struct Chip
    {
        QString reaction;
        QString emoji;
        QString countText;
        int count = 0;
        bool mine = false;
        QRect rect;
    };
    struct Button
    {
        MessagePart part = MessagePart::None;
        QString text;
        QRect rect;
    };

    static MessageLayout measure(const QStyleOptionViewItem& option, const QModelIndex& index,
                                 const Context& context);
    void paint(QPainter& painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const Look& look) const;
    MessageHit hitAt(const QPoint& pos) const;
    QRect rectOf(const MessageHit& hit) const;
    // The link under `pos` in the body, or an empty string.
    QString anchorAt(const QPoint& pos) const;

    // Where the text of messages starts, for a list `width` wide.
    static int contentLeft(int width);

    MessageKey key;
    MessageBody content;
    bool continues = false;
    bool pending = false;
    bool failed = false;
    bool changePending = false;
    bool changeFailed = false;
    bool mentionsMe = false;
    bool edited = false;

    QRect daySeparator;
    QString dayText;
    QRect divider;
    QRect message; // the message itself, below any separator: lit on hover
    QRect avatar;
    QRect name;
    QString nameText;
    QRect time; // first of a group: beside the name; else in the left margin, on hover
    QString timeText;
    QRect clock; // a message on its way
    QRect quote;
    QString quoteAuthor;
    QString quoteText;
    QRect body;
    QPointF bodyOrigin;
    QRect editedMark; // "(edited)" after the last line of the body
    // The files the message carries, under its text.
    QList<ShownFile> files;
    AttachmentBlock attachments;
    QPoint attachmentsOrigin;
    QList<Chip> chips;
    QRect notice;
    QString noticeText;
    bool noticeDanger = false;
    QList<Button> buttons;
    QRect seenBy;
    QString seenByText;
    int height = 0;
    QTextDocument* doc = nullptr;
};

} // namespace plein::app
