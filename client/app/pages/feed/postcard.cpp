#include "pages/feed/postcard.h"

#include "errortext.h"
#include "markdown.h"
#include "pages/feed/cardstyle.h"
#include "postlistmodel.h"
#include "ui/avatar.h"
#include "ui/relativetime.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QLinearGradient>
#include <QPainter>
#include <QPixmapCache>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace plein::app {

using client::PostListModel;
using Part = CardPart;
using icons::Icon;

namespace {

// The card's measures, in device-independent pixels.
constexpr int outerX = 12; // the card's distance from the sides of the list
constexpr int outerY = 5; // half the space between two cards
constexpr int pad = 12; // inside the card
constexpr int avatarSize = 36;
constexpr int replyAvatarSize = 26;
constexpr int gap = 10; // between the avatar and the text
constexpr int buttonHeight = 28;
constexpr int replyButtonHeight = 24;
constexpr int moreSize = 26;
// Replies hang from a line under the avatar of the thread's post.
constexpr int threadLineX = outerX + pad + avatarSize / 2;
constexpr int replyInset = threadLineX + 12;
// A body taller than this many lines is folded to foldLines, so that folding always hides a few.
constexpr int foldThresholdLines = 12;
constexpr int foldLines = 10;

// Where the text of a card starts and how wide it is, for a row `width` wide.
int contentLeft(bool reply)
{
    return reply ? replyInset + 8 + replyAvatarSize + 8 : outerX + pad + avatarSize + gap;
}

int contentWidth(int width, bool reply)
{
    return std::max(50, width - contentLeft(reply) - (reply ? outerX + 8 : outerX + pad));
}

QFont boldFont(const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QFont smallFont(const QFont& font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    else if (font.pixelSize() > 0)
        small.setPixelSize(std::max(8, font.pixelSize() * 9 / 10));
    return small;
}

// A label drawn many times: laid out once, as plain text whatever it holds (a name may look
// like markup).
QStaticText staticText(const QString& text, const QFont& font)
{
    QStaticText label(text);
    label.setTextFormat(Qt::PlainText);
    label.setPerformanceHint(QStaticText::AggressiveCaching);
    label.prepare(QTransform(), font);
    return label;
}

// Draws `label` left-aligned and centred vertically in `rect`.
void drawLabel(QPainter& painter, const QRect& rect, const QStaticText& label,
               const QFontMetrics& metrics)
{
    painter.drawStaticText(
        QPointF(rect.left(), rect.top() + (rect.height() - metrics.height()) / 2.0), label);
}

} // namespace

QString refusalText(const QModelIndex& index)
{
    const bool post = index.data(PostListModel::FailedRole).toBool();
    const QString code
        = index.data(post ? PostListModel::ErrorCodeRole : PostListModel::ChangeErrorCodeRole)
              .toString();
    const QString message
        = index.data(post ? PostListModel::ErrorRole : PostListModel::ChangeErrorRole).toString();
    // A refusal stored before its code was kept has only the server's message.
    return code.isEmpty() ? message : errorText(code, message);
}

CardFonts::CardFonts(const QFont& font)
    : base(font)
    , bold(boldFont(font))
    , small(smallFont(font))
    , baseMetrics(base)
    , boldMetrics(bold)
    , smallMetrics(small)
{ }

QString changeWaitingText(const QString& kind)
{
    if (kind == QLatin1StringView("post.edit"))
        return QCoreApplication::translate("plein::app::PostDelegate", "Edit waiting to be sent");
    if (kind == QLatin1StringView("post.delete"))
        return QCoreApplication::translate("plein::app::PostDelegate",
                                           "Deletion waiting to be sent");
    if (kind == QLatin1StringView("post.pin"))
        return QCoreApplication::translate("plein::app::PostDelegate", "Pin waiting to be sent");
    return QCoreApplication::translate("plein::app::PostDelegate", "Like waiting to be sent");
}

size_t qHash(const PostKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.id, key.clientId);
}

PostKey postKey(const QModelIndex& index)
{
    PostKey key;
    key.id = index.data(PostListModel::IdRole).toLongLong();
    if (key.id == 0)
        key.clientId = index.data(PostListModel::ClientIdRole).toString();
    return key;
}

BodyContent bodyContent(const QModelIndex& index)
{
    return {index.data(PostListModel::BodyRole).toString(),
            index.data(PostListModel::DeletedRole).toBool()};
}

int rowWidth(const QStyleOptionViewItem& option)
{
    return option.rect.width() > 0 ? option.rect.width() : 400;
}

void layoutBody(QTextDocument& doc, const BodyContent& content, const QFont& font, int width,
                const QString& reader)
{
    doc.setDefaultFont(font);
    if (content.deleted)
        doc.setPlainText(
            QCoreApplication::translate("plein::app::PostDelegate", "This post was deleted."));
    else
        setSafeMarkdown(doc, content.body, reader);
    // Keep each line's shaped glyphs: without, every paint of a row shapes its text again.
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        block.layout()->setCacheEnabled(true);
    doc.setTextWidth(width);
}

bool isButton(CardPart part)
{
    switch (part) {
    case CardPart::ShowMore:
    case CardPart::Like:
    case CardPart::Reply:
    case CardPart::More:
    case CardPart::Retry:
    case CardPart::Edit:
    case CardPart::Discard:
    case CardPart::Undo:
    case CardPart::Attachment:
        return true;
    default:
        return false;
    }
}

QList<PostCard::Piece> PostCard::headerPieces(const QModelIndex& index, const Context& context,
                                              const QRect& header)
{
    const CardFonts& fonts = *context.fonts;
    const bool reply = index.data(PostListModel::ParentIdRole).toLongLong() != 0;
    const bool pending = index.data(PostListModel::PendingRole).toBool();
    const QString name = index.data(PostListModel::AuthorNameRole).toString();
    QList<Piece> pieces;
    pieces.append({Part::Name, {}, name.isEmpty() ? tr("You") : name});
    if (!pending) {
        const QDateTime at = index.data(PostListModel::CreatedAtRole).toDateTime();
        pieces.append({Part::Time, {}, relativetime::shortText(at, context.now)});
        if (index.data(PostListModel::EditedAtRole).isValid()
            && !index.data(PostListModel::DeletedRole).toBool())
            pieces.append({Part::Edited, {}, tr("(edited)")});
    }
    const QString group = index.data(PostListModel::GroupNameRole).toString();
    if (context.showGroup && !group.isEmpty() && !reply)
        pieces.append({Part::Group, {}, group, true});
    if (index.data(PostListModel::PinnedRole).toBool() && !reply)
        pieces.append({Part::Pinned, {}, tr("Pinned"), true});
    if (pending) {
        const bool failed = index.data(PostListModel::FailedRole).toBool();
        pieces.append(
            {Part::State, {}, failed ? tr("Not sent") : tr("Waiting to be sent"), true, failed});
    } else if (index.data(PostListModel::ChangeFailedRole).toBool()) {
        pieces.append({Part::State, {}, tr("Not saved"), true, true});
    } else if (index.data(PostListModel::ChangePendingRole).toBool()) {
        pieces.append({Part::State,
                       {},
                       changeWaitingText(index.data(PostListModel::ChangeKindRole).toString()),
                       true});
    }

    // What does not fit goes, the least needed first; then the name gives way.
    const auto metrics = [&](const Piece& p) -> const QFontMetrics& {
        return p.chip ? fonts.smallMetrics
                      : (p.part == Part::Name ? fonts.boldMetrics : fonts.baseMetrics);
    };
    const auto padding = [](const Piece& p) { return p.chip ? 2 * cardstyle::chipPadding + 2 : 0; };
    const auto spacing = [](const Piece& p) { return p.part == Part::Time ? 8 : 6; };
    QList<int> natural;
    for (const Piece& p : std::as_const(pieces))
        natural.append(metrics(p).horizontalAdvance(p.text) + padding(p));
    const auto total = [&]() {
        int sum = 0;
        for (qsizetype i = 0; i < pieces.size(); ++i)
            sum += natural.at(i) + (i ? spacing(pieces.at(i)) : 0);
        return sum;
    };
    for (Part drop : {Part::Edited, Part::Pinned, Part::Group}) {
        if (total() <= header.width())
            break;
        for (qsizetype i = pieces.size() - 1; i >= 0; --i) {
            if (pieces.at(i).part == drop) {
                pieces.removeAt(i);
                natural.removeAt(i);
            }
        }
    }
    const int overflow = total() - header.width();
    const int chipHeight = fonts.smallMetrics.height() + 4;
    QList<Piece> placed;
    int x = header.left();
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        Piece p = pieces.at(i);
        if (i)
            x += spacing(p);
        int w = natural.at(i);
        if (p.part == Part::Name && overflow > 0)
            w = std::max(40, w - overflow);
        w = std::min(w, header.right() + 1 - x);
        if (w <= padding(p) + 8)
            break;
        if (p.chip)
            p.rect = QRect(x, header.center().y() - chipHeight / 2 + 1, w, chipHeight);
        else
            p.rect = QRect(x, header.top(), w, header.height());
        if (w < natural.at(i))
            p.text = metrics(p).elidedText(p.text, Qt::ElideRight, w - padding(p));
        p.label = staticText(
            p.text, p.chip ? fonts.small : (p.part == Part::Name ? fonts.bold : fonts.base));
        placed.append(p);
        x += w;
    }
    return placed;
}

PostCard PostCard::measure(const QStyleOptionViewItem& option, const QModelIndex& index,
                           const Context& context)
{
    PostCard c;
    c.key = postKey(index);
    c.content = bodyContent(index);
    c.reply = index.data(PostListModel::ParentIdRole).toLongLong() != 0;
    c.pending = index.data(PostListModel::PendingRole).toBool();
    c.failed = index.data(PostListModel::FailedRole).toBool();
    c.changePending = index.data(PostListModel::ChangePendingRole).toBool();
    c.changeFailed = index.data(PostListModel::ChangeFailedRole).toBool();
    c.queued = context.queued;
    c.editing = context.editorHeight >= 0;
    c.expanded = context.expanded;
    const PostCard& f = c;
    const QRect r(0, 0, rowWidth(option), 0);
    const CardFonts& fonts = *context.fonts;
    const QFont& bold = fonts.bold;
    const QFontMetrics& fm = fonts.baseMetrics;
    const QFontMetrics& boldFm = fonts.boldMetrics;
    const QFontMetrics& smallFm = fonts.smallMetrics;

    if (f.queued) {
        // "Post deleted · Undo": one quiet line where the post was.
        c.frame = QRect(r.left() + outerX, r.top() + outerY, r.width() - 2 * outerX,
                        2 * 8 + buttonHeight);
        const QString undo = tr("Undo");
        c.body = QRect(c.frame.left() + pad, c.frame.top() + 8, 0, buttonHeight);
        c.body.setWidth(fm.horizontalAdvance(tr("Post deleted.")) + 8);
        c.buttons.append({Part::Undo,
                          QRect(c.body.right() + 1, c.body.top(),
                                cardstyle::buttonWidth(undo, bold, true), buttonHeight),
                          undo, Icon::Undo, false, false, staticText(undo, bold)});
        c.height = c.frame.height() + 2 * outerY;
        return c;
    }

    const bool reply = f.reply;
    const int left = r.left() + contentLeft(reply);
    const int width = contentWidth(r.width(), reply);
    const int top = r.top() + (reply ? 2 : outerY);
    if (reply) {
        c.frame = QRect(r.left() + replyInset, top, r.width() - replyInset - outerX, 0);
        c.avatar = QRect(c.frame.left() + 8, top + 6, replyAvatarSize, replyAvatarSize);
    } else {
        c.frame = QRect(r.left() + outerX, top, r.width() - 2 * outerX, 0);
        c.avatar = QRect(c.frame.left() + pad, top + pad, avatarSize, avatarSize);
    }
    const int chipHeight = smallFm.height() + 4;
    const int headerHeight = std::max(boldFm.height(), chipHeight);
    const bool hasMore = !f.editing && !(!f.pending && f.content.deleted && !f.changePending);
    c.header = QRect(left, c.avatar.top() - (reply ? 2 : 1), width - (hasMore ? moreSize + 4 : 0),
                     headerHeight);
    if (hasMore)
        c.more = QRect(left + width - moreSize, c.header.center().y() - moreSize / 2, moreSize,
                       moreSize);

    if (!context.heightOnly)
        c.pieces = headerPieces(index, context, c.header);

    // The body, or the editor in its place.
    int y = c.header.bottom() + 1 + 3;
    const int lineHeight = fm.lineSpacing();
    if (f.editing) {
        c.body = QRect(left, y, width, context.editorHeight);
        y = c.body.bottom() + 1;
    } else {
        QTextDocument& doc = context.document(c.key, c.content, width);
        c.doc = &doc;
        const qreal margin = doc.documentMargin();
        // Files without a word: no empty line above them.
        const bool filesAlone = c.content.body.trimmed().isEmpty() && !c.content.deleted
            && !index.data(PostListModel::AttachmentsRole).toList().isEmpty();
        const int full
            = filesAlone ? 0 : std::max(lineHeight, int(doc.size().height() - 2 * margin));
        const bool foldable = full > foldThresholdLines * lineHeight;
        c.folded = foldable && !f.expanded;
        c.body = QRect(left, y, width, c.folded ? foldLines * lineHeight : full);
        c.bodyOrigin = QPointF(left - margin, y - margin);
        c.bodyWidth = width;
        y = c.body.bottom() + 1;
        if (foldable) {
            const QString link = f.expanded ? tr("Show less") : tr("Show more");
            c.fold = QRect(left, y + 2, boldFm.horizontalAdvance(link) + 2, fm.height() + 2);
            y = c.fold.bottom() + 1;
        }
    }
    if (!f.editing && !f.content.deleted) {
        c.files = ShownFile::fromVariantList(index.data(PostListModel::AttachmentsRole));
        c.attachments = AttachmentBlock::layout(c.files, width, fonts.base);
        if (!c.attachments.isEmpty()) {
            c.attachmentsOrigin = QPoint(left, y + (c.body.height() > 0 ? 6 : 0));
            y = c.attachmentsOrigin.y() + c.attachments.height();
        }
    }
    if (f.failed || f.changeFailed) {
        c.noticeText = refusalText(index);
        if (!c.noticeText.isEmpty()) {
            c.notice = QRect(left, y + 4, width, fm.height());
            y = c.notice.bottom() + 1;
        }
    }

    // The buttons under the body.
    const int bh = reply ? replyButtonHeight : buttonHeight;
    QList<Button> buttons;
    const int likes = index.data(PostListModel::LikesRole).toInt();
    const int replies = index.data(PostListModel::RepliesRole).toInt();
    const bool liked = index.data(PostListModel::LikedByMeRole).toBool();
    if (!f.editing) {
        if (f.pending) {
            if (f.failed) {
                buttons.append({Part::Retry, {}, tr("Try again"), Icon::Reconnect});
                buttons.append({Part::Edit, {}, tr("Edit"), Icon::Edit});
                buttons.append({Part::Discard, {}, tr("Discard"), Icon::Delete});
            }
        } else {
            if (!f.content.deleted) {
                buttons.append({Part::Like,
                                {},
                                likes > 0 ? QLocale().toString(likes) : tr("Like"),
                                liked ? Icon::Liked : Icon::Like,
                                liked});
                if (!reply)
                    buttons.append(
                        {Part::Reply,
                         {},
                         replies > 0 ? tr("%n repl(y/ies)", nullptr, replies) : tr("Reply"),
                         Icon::Reply});
            }
            if (f.changeFailed) {
                buttons.append({Part::Retry, {}, tr("Try again"), Icon::Reconnect});
                buttons.append({Part::Discard, {}, tr("Discard the change"), Icon::Close});
            }
        }
    }
    if (!buttons.isEmpty()) {
        y += reply ? 2 : 6;
        // The first icon lines up with the text above it.
        int bx = left - cardstyle::buttonPadding;
        for (Button& b : buttons) {
            b.danger = b.part == Part::Retry;
            if (context.heightOnly)
                continue;
            const int w = cardstyle::buttonWidth(b.text, fonts.base, true);
            b.rect = QRect(bx, y, w, bh);
            b.label = staticText(b.text, fonts.base);
            bx += w + 4;
        }
        c.buttons = buttons;
        y += bh;
    }
    const int bottom
        = std::max(y, c.avatar.bottom() + 1) + (reply ? 4 : (buttons.isEmpty() ? pad : 6));
    c.frame.setBottom(bottom - 1);
    c.height = bottom - r.top() + (reply ? 2 : outerY);
    return c;
}

namespace {

// The avatar as a pixmap, drawn once per person and size: painting a circle and text for every
// row of every frame would cost more than the rest of the card.
QPixmap avatarPixmap(const QString& name, const QString& username, int size, qreal ratio,
                     const QFont& font)
{
    const QString key = QStringLiteral("plein-avatar:%1:%2:%3:%4:%5")
                            .arg(username, name)
                            .arg(size)
                            .arg(int(ratio * 100))
                            .arg(avatar::Photos::instance().generation());
    QPixmap pm;
    if (QPixmapCache::find(key, &pm))
        return pm;
    pm = QPixmap(QSize(size, size) * ratio);
    pm.setDevicePixelRatio(ratio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setFont(font);
    avatar::paint(p, QRect(0, 0, size, size), name, username.isEmpty() ? name : username);
    p.end();
    QPixmapCache::insert(key, pm);
    return pm;
}

} // namespace

void PostCard::paint(QPainter& painter, const QStyleOptionViewItem& option,
                     const QModelIndex& index, const Look& look) const
{
    const cardstyle::Colours& colours = *look.colours;
    const CardFonts& fonts = *look.fonts;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool refused = failed || changeFailed;
    const auto buttonFill = [&](Part part) {
        if (look.pressedPart == part)
            return colours.pressed;
        if (look.hoveredPart == part)
            return colours.hover;
        return QColor();
    };

    painter.save();
    painter.setClipRect(option.rect);
    painter.translate(option.rect.topLeft());
    const QRect row(0, 0, option.rect.width(), option.rect.height());
    // The card, or for a reply the line of its thread and a light frame when it is selected.
    if (!reply) {
        cardstyle::paintFrame(painter, frame, 8, colours.background,
                              refused && !selected ? colours.danger : colours.border,
                              selected || refused ? 2.0 : 1.0);
    } else {
        painter.fillRect(QRect(threadLineX - 1, row.top(), 2, row.height()),
                         look.lineColours ? look.lineColours->border : colours.border);
        if (selected || look.hovered || refused)
            cardstyle::paintFrame(
                painter, frame, 6, selected ? colours.background : QColor(Qt::transparent),
                refused ? colours.danger : (selected ? colours.border : colours.hover),
                selected || refused ? 2.0 : 1.0);
    }

    if (queued) {
        painter.setPen(colours.secondary);
        painter.setFont(fonts.base);
        painter.drawText(body, Qt::AlignLeft | Qt::AlignVCenter, tr("Post deleted."));
        for (const Button& b : buttons)
            cardstyle::paintButton(painter, b.rect, look.icon(b.icon, colours.text), &b.label,
                                   fonts.bold, colours.text, buttonFill(b.part));
        painter.restore();
        return;
    }

    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    painter.drawPixmap(
        avatar.topLeft(),
        avatarPixmap(pending ? tr("You") : index.data(PostListModel::AuthorNameRole).toString(),
                     index.data(PostListModel::AuthorUsernameRole).toString(), avatar.width(),
                     ratio, fonts.base));

    for (const Piece& p : pieces) {
        if (p.chip) {
            cardstyle::paintChip(painter, p.rect, p.label, fonts.small,
                                 p.danger ? colours.dangerChip : colours.chip,
                                 p.danger ? colours.danger : colours.secondary);
            continue;
        }
        const bool name = p.part == Part::Name;
        painter.setFont(name ? fonts.bold : fonts.base);
        painter.setPen(name ? colours.text : colours.secondary);
        drawLabel(painter, p.rect, p.label, name ? fonts.boldMetrics : fonts.baseMetrics);
    }
    if (!more.isNull())
        cardstyle::paintButton(painter, more, look.icon(Icon::More, colours.secondary), nullptr,
                               fonts.base, colours.secondary, buttonFill(Part::More));

    if (doc && !editing) {
        painter.save();
        painter.setClipRect(body.adjusted(-4, 0, 4, 0), Qt::IntersectClip);
        painter.translate(bodyOrigin);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = option.palette;
        ctx.palette.setColor(QPalette::Text, content.deleted ? colours.secondary : colours.text);
        ctx.clip = QRectF(QPointF(body.topLeft()) - bodyOrigin, QSizeF(body.size()))
                       .adjusted(-4, 0, 4, 0);
        doc->documentLayout()->draw(&painter, ctx);
        painter.restore();
        if (folded) {
            // The cut is faded out, so that it reads as "there is more".
            const int fade = std::min(body.height(), 2 * fonts.baseMetrics.lineSpacing());
            const QRect shade(body.left() - 4, body.bottom() + 1 - fade, body.width() + 8, fade);
            QLinearGradient gradient(shade.topLeft(), shade.bottomLeft());
            QColor clear = colours.background;
            clear.setAlpha(0);
            gradient.setColorAt(0, clear);
            gradient.setColorAt(1, colours.background);
            painter.fillRect(shade, gradient);
        }
    }
    if (!fold.isNull()) {
        QFont link = fonts.bold;
        link.setUnderline(look.hoveredPart == Part::ShowMore);
        painter.setFont(link);
        painter.setPen(cardstyle::readable(option.palette.color(QPalette::Link), colours.background,
                                           colours.text));
        painter.drawText(fold, Qt::AlignLeft | Qt::AlignVCenter,
                         expanded ? tr("Show less") : tr("Show more"));
    }
    if (!attachments.isEmpty()) {
        AttachmentBlock::Look fileLook;
        fileLook.chip = {fonts.base,   colours.chip,      colours.border,
                         colours.text, colours.secondary, colours.danger};
        fileLook.placeholder = colours.chip;
        fileLook.hover = colours.hover;
        fileLook.progress = option.palette.color(QPalette::Highlight);
        attachments.paint(painter, attachmentsOrigin, files, look.thumbnails, fileLook);
    }
    if (!notice.isNull()) {
        painter.setFont(fonts.base);
        painter.setPen(colours.danger);
        painter.drawText(notice, Qt::AlignLeft | Qt::AlignVCenter,
                         fonts.baseMetrics.elidedText(noticeText, Qt::ElideRight, notice.width()));
    }
    for (const Button& b : buttons) {
        const QColor colour = b.accent ? colours.accent
            : b.danger                 ? colours.danger
                                       : colours.secondary;
        cardstyle::paintButton(painter, b.rect, look.icon(b.icon, colour), &b.label, fonts.base,
                               b.danger ? colours.danger : colours.secondary, buttonFill(b.part));
    }
    painter.restore();
}

QRect PostCard::rectOf(Part part) const
{
    switch (part) {
    case Part::None:
        return QRect();
    case Part::Avatar:
        return avatar;
    case Part::Body:
        return body;
    case Part::ShowMore:
        return fold;
    case Part::More:
        return more;
    case Part::Attachment:
        return QRect(attachmentsOrigin, QSize(body.width(), attachments.height()));
    default:
        break;
    }
    for (const Piece& p : pieces) {
        if (p.part == part)
            return p.rect;
    }
    for (const Button& b : buttons) {
        if (b.part == part)
            return b.rect;
    }
    return QRect();
}

CardPart PostCard::partAt(const QPoint& pos) const
{
    for (const Button& b : buttons) {
        if (b.rect.contains(pos))
            return b.part;
    }
    if (more.contains(pos))
        return Part::More;
    if (fold.contains(pos))
        return Part::ShowMore;
    for (const Piece& p : pieces) {
        if (p.rect.contains(pos))
            return p.part;
    }
    if (attachmentAt(pos).first >= 0)
        return Part::Attachment;
    if (notice.contains(pos))
        return Part::State; // its tooltip holds the whole reason
    if (avatar.contains(pos))
        return Part::Avatar;
    if (body.contains(pos))
        return Part::Body;
    return Part::None;
}

std::pair<int, AttachmentBlock::Action> PostCard::attachmentAt(const QPoint& pos) const
{
    const auto [item, action] = attachments.at(pos - attachmentsOrigin);
    if (item < 0)
        return {-1, AttachmentBlock::Action::None};
    return {attachments.items().at(item).file, action};
}

QString PostCard::anchorAt(const QPoint& pos) const
{
    if (!doc || !body.contains(pos))
        return QString();
    return doc->documentLayout()->anchorAt(QPointF(pos) - bodyOrigin);
}

} // namespace plein::app
