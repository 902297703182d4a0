#include "pages/chat/messagelayout.h"

#include "chat/messagelistmodel.h"
#include "errortext.h"
#include "markdown.h"
#include "pages/chat/chatavatar.h"
#include "pages/chat/chattexts.h"
#include "pages/feed/cardstyle.h"
#include "ui/emoji.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

namespace plein::app {

using client::MessageListModel;
using Part = MessagePart;

namespace {

// Measures in device-independent pixels. Below narrowWidth the margins and avatars shrink.
constexpr int narrowWidth = 480;
constexpr int sideX = 16;
constexpr int narrowSideX = 10;
constexpr int avatarSize = 36;
constexpr int narrowAvatarSize = 30;
constexpr int avatarGap = 10;
constexpr int narrowAvatarGap = 8;
constexpr int dayHeight = 40;
constexpr int dividerHeight = 22;
constexpr int groupTop = 8; // above the first message of a sender's group
constexpr int continuationTop = 1;
constexpr int bottomPad = 3;
constexpr int chipHeight = 24;
constexpr int chipGap = 4;
constexpr int chipPad = 8;
// A reaction's emoji in its chip, and the space before its count.
constexpr int chipEmoji = 15;
constexpr int chipEmojiGap = 5;
constexpr int buttonHeight = 24;
constexpr int quoteBar = 3;
constexpr int clockSize = 12;

int sideOf(int width)
{
    return width < narrowWidth ? narrowSideX : sideX;
}

QDateTime createdAt(const QModelIndex& index)
{
    const QDateTime at = index.data(MessageListModel::CreatedAtRole).toDateTime();
    // A message still in the outbox may have no time of the server's yet.
    return at.isValid() ? at.toLocalTime() : QDateTime::currentDateTime();
}

// The first line of a quoted message, as plain words.
QString firstLine(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype newline = trimmed.indexOf(u'\n');
    return (newline < 0 ? trimmed : trimmed.left(newline)).simplified();
}

// A clock: the message is on its way.
void paintClock(QPainter& painter, const QRect& rect, const QColor& colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1.2));
    painter.setBrush(Qt::NoBrush);
    const QRectF r = QRectF(rect).adjusted(0.6, 0.6, -0.6, -0.6);
    painter.drawEllipse(r);
    const QPointF c = r.center();
    painter.drawLine(c, QPointF(c.x(), r.top() + r.height() * 0.22));
    painter.drawLine(c, QPointF(c.x() + r.width() * 0.25, c.y()));
    painter.restore();
}

QColor linkColour(const QPalette& palette, const cardstyle::Colours& colours)
{
    return cardstyle::readable(palette.color(QPalette::Link), colours.background, colours.text);
}

} // namespace

size_t qHash(const MessageKey& key, size_t seed) noexcept
{
    return key.id != 0 ? qHashMulti(seed, key.id) : qHashMulti(seed, key.clientId);
}

MessageKey messageKey(const QModelIndex& index)
{
    return {index.data(MessageListModel::IdRole).toLongLong(),
            index.data(MessageListModel::ClientIdRole).toString()};
}

MessageBody messageBody(const QModelIndex& index)
{
    return {index.data(MessageListModel::BodyRole).toString(),
            index.data(MessageListModel::DeletedRole).toBool()};
}

void layoutMessageBody(QTextDocument& doc, const MessageBody& content, const QFont& font, int width,
                       const QString& reader)
{
    doc.setDefaultFont(font);
    // The same safe renderer as posts: a message is somebody's text, never markup we trust.
    setSafeMarkdown(doc, content.deleted ? QString() : content.body, reader);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        block.layout()->setCacheEnabled(true);
    // The text spans exactly `width`: the document's margin lies outside it.
    doc.setTextWidth(width + 2 * doc.documentMargin());
}

bool isButton(MessagePart part)
{
    switch (part) {
    case Part::Quote:
    case Part::Reaction:
    case Part::Retry:
    case Part::EditFailed:
    case Part::Discard:
    case Part::Name:
    case Part::Avatar:
    case Part::Attachment:
        return true;
    default:
        return false;
    }
}

int MessageLayout::contentLeft(int width)
{
    return width < narrowWidth ? narrowSideX + narrowAvatarSize + narrowAvatarGap
                               : sideX + avatarSize + avatarGap;
}

MessageLayout MessageLayout::measure(const QStyleOptionViewItem& option, const QModelIndex& index,
                                     const Context& context)
{
    const CardFonts& f = *context.fonts;
    MessageLayout m;
    const int width = rowWidth(option);
    const bool narrow = width < narrowWidth;
    const int side = sideOf(width);
    const int left = contentLeft(width);
    const int textWidth = std::max(60, width - left - side);
    m.key = messageKey(index);
    m.content = messageBody(index);
    m.continues = index.data(MessageListModel::ContinuesGroupRole).toBool();
    m.pending = index.data(MessageListModel::PendingRole).toBool();
    m.failed = index.data(MessageListModel::FailedRole).toBool();
    m.changePending = index.data(MessageListModel::ChangePendingRole).toBool();
    m.changeFailed = index.data(MessageListModel::ChangeFailedRole).toBool();
    m.mentionsMe = index.data(MessageListModel::MentionsMeRole).toBool();
    m.edited
        = !m.content.deleted && !index.data(MessageListModel::EditedAtRole).toString().isEmpty();
    const QDateTime at = createdAt(index);

    int y = 0;
    if (index.data(MessageListModel::DayBreakRole).toBool()) {
        m.daySeparator = QRect(0, y, width, dayHeight);
        m.dayText = ChatTexts::day(at.date(), context.today);
        y += dayHeight;
    }
    if (index.data(MessageListModel::UnreadDividerRole).toBool()) {
        m.divider = QRect(0, y, width, dividerHeight);
        y += dividerHeight;
    }
    const int messageTop = y;
    y += m.continues ? continuationTop : groupTop;

    m.timeText = QLocale().toString(at.time(), QLocale::ShortFormat);
    const int lineHeight = f.baseMetrics.height();
    if (!m.continues) {
        const int side2 = narrow ? narrowAvatarSize : avatarSize;
        m.avatar = QRect(side, y + 1, side2, side2);
        QString name = index.data(MessageListModel::AuthorNameRole).toString();
        if (name.isEmpty())
            name = index.data(MessageListModel::AuthorUsernameRole).toString();
        if (name.isEmpty())
            name = tr("You");
        const int timeWidth = f.smallMetrics.horizontalAdvance(m.timeText);
        const int room = std::max(20, textWidth - timeWidth - 8 - clockSize - 6);
        m.nameText = f.boldMetrics.elidedText(name, Qt::ElideRight, room);
        const int headerHeight = f.boldMetrics.height();
        m.name = QRect(left, y, f.boldMetrics.horizontalAdvance(m.nameText), headerHeight);
        m.time = QRect(m.name.right() + 1 + 8, y, timeWidth, headerHeight);
        if (m.pending && !m.failed)
            m.clock = QRect(m.time.right() + 1 + 6, y + (headerHeight - clockSize) / 2, clockSize,
                            clockSize);
        y += headerHeight + 1;
    } else {
        // In the margin, lined up with the first line of the text; shown on hover.
        m.time = QRect(side - 4, y, left - side - 2, lineHeight);
        if (m.pending && !m.failed)
            m.clock = QRect(width - side - clockSize, y + (lineHeight - clockSize) / 2, clockSize,
                            clockSize);
    }

    const qint64 replyTo = index.data(MessageListModel::ReplyToIdRole).toLongLong();
    if (replyTo > 0 && !m.content.deleted) {
        m.quoteAuthor = index.data(MessageListModel::ReplyAuthorNameRole).toString();
        const QString quoted = index.data(MessageListModel::ReplyBodyRole).toString();
        m.quoteText = quoted.isEmpty() ? tr("This message was deleted") : firstLine(quoted);
        QFont smallBold = f.small;
        smallBold.setBold(true);
        const QFontMetrics sbm(smallBold);
        const int wanted = std::max(sbm.horizontalAdvance(m.quoteAuthor),
                                    f.smallMetrics.horizontalAdvance(m.quoteText))
            + quoteBar + 18;
        const int height = 5 + 2 * f.smallMetrics.lineSpacing() + 5;
        m.quote = QRect(left, y + 3, std::clamp(wanted, 120, textWidth), height);
        y = m.quote.bottom() + 1 + 4;
    }

    if (m.content.deleted) {
        m.body = QRect(left, y, textWidth, lineHeight);
    } else {
        QTextDocument& doc = context.document(m.key, m.content, textWidth);
        m.doc = &doc;
        const qreal margin = doc.documentMargin();
        // Files without a word: no empty line above them.
        const bool filesAlone = m.content.body.trimmed().isEmpty()
            && !index.data(MessageListModel::AttachmentsRole).toList().isEmpty();
        const int full = filesAlone
            ? 0
            : std::max(lineHeight, int(std::ceil(doc.size().height() - 2 * margin)));
        m.body = QRect(left, y, textWidth, full);
        m.bodyOrigin = QPointF(left - margin, y - margin);
    }
    y = m.body.bottom() + 1;

    if (m.edited && m.doc) {
        const QString label = tr("(edited)");
        const int w = f.smallMetrics.horizontalAdvance(label);
        const QTextBlock last = m.doc->lastBlock();
        QTextLayout* layout = last.layout();
        bool placed = false;
        if (layout && layout->lineCount() > 0) {
            const QTextLine line = layout->lineAt(layout->lineCount() - 1);
            const QRectF block = m.doc->documentLayout()->blockBoundingRect(last);
            const qreal x = block.left() + line.x() + line.naturalTextWidth() + 5;
            // Only after a line of text that has room left; else on a line of its own.
            if (x + w <= m.doc->textWidth() - m.doc->documentMargin()
                && line.naturalTextWidth() > 0) {
                const qreal baseline = block.top() + line.y() + line.ascent();
                m.editedMark = QRect(int(m.bodyOrigin.x() + x),
                                     int(m.bodyOrigin.y() + baseline) - f.smallMetrics.ascent(), w,
                                     f.smallMetrics.height());
                placed = true;
            }
        }
        if (!placed) {
            m.editedMark = QRect(left, y, w, f.smallMetrics.height());
            y = m.editedMark.bottom() + 1;
        }
    }

    if (!m.content.deleted) {
        m.files = ShownFile::fromVariantList(index.data(MessageListModel::AttachmentsRole));
        m.attachments = AttachmentBlock::layout(m.files, m.body.width(), f.base);
        if (!m.attachments.isEmpty()) {
            m.attachmentsOrigin = QPoint(left, y + (m.body.height() > 0 ? 4 : 0));
            y = m.attachmentsOrigin.y() + m.attachments.height();
        }
    }

    const QVariantList reactions = index.data(MessageListModel::ReactionsRole).toList();
    if (!reactions.isEmpty() && !m.content.deleted) {
        y += 4;
        int x = left;
        int rowTop = y;
        for (const QVariant& value : reactions) {
            const QVariantMap r = value.toMap();
            Chip chip;
            chip.reaction = r.value(QStringLiteral("reaction")).toString();
            chip.count = r.value(QStringLiteral("count")).toInt();
            chip.mine = r.value(QStringLiteral("mine")).toBool();
            if (chip.count <= 0)
                continue;
            chip.emoji = r.value(QStringLiteral("emoji")).toString();
            chip.countText = QString::number(chip.count);
            const int w = 2 * chipPad + chipEmoji + chipEmojiGap
                + f.baseMetrics.horizontalAdvance(chip.countText);
            if (x > left && x + w > left + textWidth) {
                x = left;
                rowTop += chipHeight + chipGap;
            }
            chip.rect = QRect(x, rowTop, w, chipHeight);
            x += w + chipGap;
            m.chips.append(chip);
        }
        if (!m.chips.isEmpty())
            y = rowTop + chipHeight;
    }

    if (m.failed || m.changeFailed) {
        const bool message = m.failed;
        const QString code = index
                                 .data(message ? MessageListModel::ErrorCodeRole
                                               : MessageListModel::ChangeErrorCodeRole)
                                 .toString();
        const QString reason = errorText(
            code, message ? index.data(MessageListModel::ErrorRole).toString() : QString());
        m.noticeText = message ? tr("Not sent: %1").arg(reason)
                               : tr("The change was not saved: %1").arg(reason);
        m.noticeDanger = true;
        m.buttons.append({Part::Retry, tr("Try again"), {}});
        if (message)
            m.buttons.append({Part::EditFailed, tr("Edit"), {}});
        m.buttons.append({Part::Discard, tr("Discard"), {}});
    } else if (m.changePending) {
        const QString kind = index.data(MessageListModel::ChangeKindRole).toString();
        m.noticeText = kind == QLatin1StringView("chat.edit") ? tr("Edit waiting to be sent")
            : kind == QLatin1StringView("chat.delete")        ? tr("Deletion waiting to be sent")
                                                              : tr("Waiting to be sent");
    }
    if (!m.noticeText.isEmpty()) {
        y += 3;
        m.notice = QRect(left, y, textWidth, f.smallMetrics.lineSpacing());
        y = m.notice.bottom() + 1;
    }
    if (!m.buttons.isEmpty()) {
        y += 3;
        int x = left;
        for (Button& b : m.buttons) {
            const int w = cardstyle::buttonWidth(b.text, f.small, false);
            b.rect = QRect(x, y, w, buttonHeight);
            x += w + 6;
        }
        y += buttonHeight;
    }

    const QStringList& seen = context.seenBy;
    if (!seen.isEmpty()) {
        m.seenByText = ChatTexts::seenBy(seen, context.direct);
        y += 2;
        m.seenBy = QRect(left, y, textWidth, f.smallMetrics.lineSpacing());
        y = m.seenBy.bottom() + 1;
    }

    y += bottomPad;
    if (!m.avatar.isNull())
        y = std::max(y, m.avatar.bottom() + 1 + bottomPad);
    m.height = y;
    m.message = QRect(0, messageTop + (m.continues ? 0 : groupTop / 2), width,
                      y - messageTop - (m.continues ? 0 : groupTop / 2));
    return m;
}

void MessageLayout::paint(QPainter& painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index, const Look& look) const
{
    const cardstyle::Colours& c = *look.colours;
    const CardFonts& f = *look.fonts;
    const int width = option.rect.width();
    const int side = sideOf(width);
    const QPalette& palette = option.palette;
    painter.save();
    painter.translate(option.rect.topLeft());
    painter.setClipRect(QRect(0, 0, width, option.rect.height()));

    if (!daySeparator.isNull()) {
        // A hairline across with the day in a pill on it, as Slack and Teams draw it.
        const int mid = daySeparator.center().y();
        painter.fillRect(QRect(side, mid, width - 2 * side, 1), c.border);
        QFont bold = f.small;
        bold.setBold(true);
        const QFontMetrics bm(bold);
        const int w = bm.horizontalAdvance(dayText) + 2 * 12;
        const int h = bm.height() + 8;
        const QRect pill((width - w) / 2, mid - h / 2, w, h);
        cardstyle::paintFrame(painter, pill, h / 2, c.background, c.border);
        painter.setFont(bold);
        painter.setPen(c.text);
        painter.drawText(pill, Qt::AlignCenter, dayText);
    }
    if (!divider.isNull()) {
        // The unread divider: a red line with "New" at its right end.
        const QString label = tr("New");
        QFont bold = f.small;
        bold.setBold(true);
        const QFontMetrics bm(bold);
        const int w = bm.horizontalAdvance(label);
        const int mid = divider.center().y();
        const QRect text(width - side - w, divider.top(), w, divider.height());
        painter.fillRect(QRect(side, mid, text.left() - 6 - side, 1), c.accent);
        painter.setFont(bold);
        painter.setPen(c.accent);
        painter.drawText(text, Qt::AlignRight | Qt::AlignVCenter, label);
    }

    // The message's background: a mention of the reader stands out with a warm tint and a bar
    // (as Slack marks them); the row under the pointer or the keyboard is lit lightly.
    if (mentionsMe) {
        const bool dark = c.background.lightness() < 128;
        const QColor amber = dark ? QColor(0xe8, 0xb3, 0x39) : QColor(0xd9, 0x9a, 0x0b);
        painter.fillRect(message, cardstyle::mix(c.background, amber, dark ? 0.14 : 0.10));
        painter.fillRect(QRect(message.left(), message.top(), 3, message.height()), amber);
    }
    if (look.hovered || look.current)
        painter.fillRect(
            message,
            look.current && !look.hovered
                ? cardstyle::mix(c.background, palette.color(QPalette::Highlight), 0.10)
                : cardstyle::mix(c.background, c.text, 0.04));

    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    if (!avatar.isNull()) {
        const QString username
            = index.data(client::MessageListModel::AuthorUsernameRole).toString();
        painter.drawPixmap(avatar.topLeft(),
                           chatavatar::pixmap(nameText, username, avatar.width(), ratio));
        painter.setFont(f.bold);
        painter.setPen(c.text);
        painter.drawText(name, Qt::AlignLeft | Qt::AlignVCenter, nameText);
        painter.setFont(f.small);
        painter.setPen(c.secondary);
        painter.drawText(time, Qt::AlignLeft | Qt::AlignVCenter, timeText);
    } else if (look.hovered && !pending) {
        painter.setFont(f.small);
        painter.setPen(c.secondary);
        painter.drawText(time, Qt::AlignRight | Qt::AlignVCenter, timeText);
    }
    if (!clock.isNull())
        paintClock(painter, clock, c.secondary);

    if (!quote.isNull()) {
        const bool lit = look.hoveredHit.part == Part::Quote;
        cardstyle::paintFrame(painter, quote, 4, lit ? c.pressed : c.chip, QColor());
        painter.fillRect(QRect(quote.left(), quote.top(), quoteBar, quote.height()),
                         cardstyle::mix(c.background, c.text, 0.35));
        QFont bold = f.small;
        bold.setBold(true);
        const QRect inner = quote.adjusted(quoteBar + 8, 5, -8, -5);
        const int line = f.smallMetrics.lineSpacing();
        painter.setFont(bold);
        painter.setPen(c.text);
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(bold).elidedText(quoteAuthor, Qt::ElideRight, inner.width()));
        painter.setFont(f.small);
        painter.setPen(c.secondary);
        painter.drawText(QRect(inner.left(), inner.top() + line, inner.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         f.smallMetrics.elidedText(quoteText, Qt::ElideRight, inner.width()));
    }

    if (content.deleted) {
        QFont italic = f.base;
        italic.setItalic(true);
        painter.setFont(italic);
        painter.setPen(c.secondary);
        painter.drawText(body, Qt::AlignLeft | Qt::AlignVCenter, tr("This message was deleted"));
    } else if (doc) {
        painter.save();
        // Not confirmed yet: drawn lighter until the server has it, as every chat app does.
        if (pending && !failed)
            painter.setOpacity(0.6);
        painter.translate(bodyOrigin);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = palette;
        ctx.palette.setColor(QPalette::Text, c.text);
        ctx.palette.setColor(QPalette::Link, linkColour(palette, c));
        ctx.clip = QRectF(QPointF(body.topLeft()) - bodyOrigin, QSizeF(body.size()))
                       .adjusted(-6, -2, 6, 2);
        doc->documentLayout()->draw(&painter, ctx);
        painter.restore();
    }
    if (!editedMark.isNull()) {
        painter.setFont(f.small);
        painter.setPen(c.secondary);
        painter.drawText(editedMark, Qt::AlignLeft | Qt::AlignVCenter, tr("(edited)"));
    }
    if (!attachments.isEmpty()) {
        AttachmentBlock::Look fileLook;
        fileLook.chip = {f.base, c.chip, c.border, c.text, c.secondary, c.danger};
        fileLook.placeholder = c.chip;
        fileLook.hover = c.hover;
        fileLook.progress = palette.color(QPalette::Highlight);
        // The item under the pointer, for its button's fill.
        int lit = -1;
        if (look.hoveredHit.part == Part::Attachment) {
            for (int i = 0; i < attachments.items().size(); ++i) {
                if (attachments.items().at(i).file == look.hoveredHit.file)
                    lit = i;
            }
        }
        attachments.paint(painter, attachmentsOrigin, files, look.thumbnails, fileLook, lit,
                          look.hoveredHit.action);
    }

    const QColor highlight = palette.color(QPalette::Highlight);
    for (const Chip& chip : chips) {
        const bool lit
            = look.hoveredHit.part == Part::Reaction && look.hoveredHit.reaction == chip.reaction;
        const QColor fill = chip.mine ? cardstyle::mix(c.background, highlight, 0.16)
                                      : (lit ? c.pressed : c.chip);
        const QColor border = chip.mine ? highlight : (lit ? c.secondary : QColor());
        cardstyle::paintFrame(painter, chip.rect, chipHeight / 2, fill, border);
        painter.setFont(f.base);
        painter.setPen(chip.mine ? cardstyle::readable(highlight, fill, c.text) : c.text);
        const QRect emojiRect(chip.rect.left() + chipPad, chip.rect.top(), chipEmoji,
                              chip.rect.height());
        emoji::paint(painter, emojiRect, chip.emoji, chipEmoji);
        painter.drawText(chip.rect.adjusted(chipPad + chipEmoji + chipEmojiGap, 0, -chipPad, 0),
                         Qt::AlignLeft | Qt::AlignVCenter, chip.countText);
    }

    if (!notice.isNull()) {
        painter.setFont(f.small);
        painter.setPen(noticeDanger ? c.danger : c.secondary);
        painter.drawText(notice, Qt::AlignLeft | Qt::AlignVCenter,
                         f.smallMetrics.elidedText(noticeText, Qt::ElideRight, notice.width()));
    }
    for (const Button& b : buttons) {
        const bool lit = look.hoveredHit.part == b.part;
        const bool pressed = look.pressedHit.part == b.part;
        const bool danger = b.part == Part::Retry;
        cardstyle::paintFrame(painter, b.rect, 6,
                              pressed ? c.pressed : (lit ? c.hover : c.background),
                              danger ? c.danger : c.border);
        painter.setFont(f.small);
        painter.setPen(danger ? c.danger : c.text);
        painter.drawText(b.rect, Qt::AlignCenter, b.text);
    }
    if (!seenBy.isNull()) {
        painter.setFont(f.small);
        painter.setPen(c.secondary);
        painter.drawText(seenBy, Qt::AlignRight | Qt::AlignVCenter,
                         f.smallMetrics.elidedText(seenByText, Qt::ElideLeft, seenBy.width()));
    }
    painter.restore();
}

MessageHit MessageLayout::hitAt(const QPoint& pos) const
{
    for (const Button& b : buttons) {
        if (b.rect.contains(pos))
            return {b.part, {}};
    }
    for (const Chip& chip : chips) {
        if (chip.rect.contains(pos))
            return {Part::Reaction, chip.reaction};
    }
    if (quote.contains(pos))
        return {Part::Quote, {}};
    if (editedMark.contains(pos))
        return {Part::Edited, {}};
    if (!avatar.isNull() && avatar.contains(pos))
        return {Part::Avatar, {}};
    if (name.contains(pos))
        return {Part::Name, {}};
    if (time.contains(pos))
        return {Part::Time, {}};
    if (clock.contains(pos) || notice.contains(pos))
        return {Part::State, {}};
    if (seenBy.contains(pos))
        return {Part::SeenBy, {}};
    if (const auto [item, action] = attachments.at(pos - attachmentsOrigin); item >= 0)
        return {Part::Attachment, {}, attachments.items().at(item).file, action};
    if (body.contains(pos))
        return {Part::Body, {}};
    if (divider.contains(pos))
        return {Part::Divider, {}};
    return {};
}

QRect MessageLayout::rectOf(const MessageHit& hit) const
{
    switch (hit.part) {
    case Part::Avatar:
        return avatar;
    case Part::Name:
        return name;
    case Part::Time:
        return time;
    case Part::Edited:
        return editedMark;
    case Part::Quote:
        return quote;
    case Part::Body:
        return body;
    case Part::Reaction:
        for (const Chip& chip : chips) {
            if (chip.reaction == hit.reaction)
                return chip.rect;
        }
        return {};
    case Part::Retry:
    case Part::EditFailed:
    case Part::Discard:
        for (const Button& b : buttons) {
            if (b.part == hit.part)
                return b.rect;
        }
        return {};
    case Part::State:
        return clock.isNull() ? notice : clock;
    case Part::SeenBy:
        return seenBy;
    case Part::Divider:
        return divider;
    case Part::None:
        break;
    }
    return {};
}

QString MessageLayout::anchorAt(const QPoint& pos) const
{
    if (!doc || !body.contains(pos))
        return QString();
    return doc->documentLayout()->anchorAt(QPointF(pos) - bodyOrigin);
}

} // namespace plein::app
