#include "pages/search/searchresultdelegate.h"

#include "pages/feed/cardstyle.h"
#include "search/searchmodel.h"
#include "ui/icons.h"
#include "ui/relativetime.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace plein::app {

using client::SearchModel;

namespace {

constexpr int iconSide = 34;
constexpr int padX = 12;
constexpr int padY = 9;
constexpr int gap = 2;
constexpr int snippetLines = 2;

// One line or two of rich text, drawn in `colour` at `rect`'s top left, cut at its bottom.
void drawHtml(QPainter& painter, const QString& html, const QFont& font, const QColor& colour,
              const QRect& rect)
{
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(font);
    doc.setHtml(html);
    doc.setTextWidth(rect.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, colour);
    context.clip = QRectF(0, 0, rect.width(), rect.height());
    painter.save();
    painter.translate(rect.topLeft());
    painter.setClipRect(context.clip);
    doc.documentLayout()->draw(&painter, context);
    painter.restore();
}

// The plain text of `html` elided to `width`, then marked again: a title is one line.
QString oneLine(const QString& markedHtml, const QFont& font, int width)
{
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setHtml(markedHtml);
    const QString plain = doc.toPlainText();
    const QFontMetrics fm(font);
    if (fm.horizontalAdvance(plain) <= width)
        return markedHtml;
    return fm.elidedText(plain, Qt::ElideRight, width).toHtmlEscaped();
}

} // namespace

QString SearchResultDelegate::kindName(const QString& kind)
{
    if (kind == QLatin1StringView("post"))
        return tr("Post");
    if (kind == QLatin1StringView("chat"))
        return tr("Message");
    if (kind == QLatin1StringView("article"))
        return tr("Article");
    if (kind == QLatin1StringView("person"))
        return tr("Person");
    if (kind == QLatin1StringView("group"))
        return tr("Group");
    return kind;
}

QIcon SearchResultDelegate::kindIcon(const QString& kind)
{
    if (kind == QLatin1StringView("post"))
        return icons::icon(icons::Icon::Home);
    if (kind == QLatin1StringView("chat"))
        return icons::icon(icons::Icon::Reply);
    if (kind == QLatin1StringView("article"))
        return icons::icon(icons::Icon::Article);
    if (kind == QLatin1StringView("person"))
        return icons::icon(icons::Icon::Account);
    if (kind == QLatin1StringView("group"))
        return icons::icon(icons::Icon::Groups);
    return icons::icon(icons::Icon::Search);
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics sm(small);
    return QSize(240,
                 2 * padY + fm.lineSpacing() + sm.lineSpacing() + 2 * gap
                     + snippetLines * fm.lineSpacing() + 4);
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const auto colours = cardstyle::colours(pal, true, false, false);
    const QRect row = cardstyle::paintListRow(*painter, option, colours, true);

    const QString kind = index.data(SearchModel::KindRole).toString();
    // The kind's icon on a soft disc of the accent colour.
    const QRect disc(row.left() + padX - 4, row.top() + padY, iconSide, iconSide);
    painter->setPen(Qt::NoPen);
    painter->setBrush(cardstyle::mix(colours.background, pal.color(QPalette::Highlight), 0.12));
    painter->drawEllipse(disc);
    const int inner = 18;
    kindIcon(kind).paint(
        painter,
        QRect(disc.center().x() - inner / 2 + 1, disc.center().y() - inner / 2 + 1, inner, inner));

    const int left = disc.right() + 1 + 12;
    const int right = row.right() - padX;
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics tm(titleFont);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics sm(small);
    const QFontMetrics fm(option.font);

    // When, on the right of the title.
    const QDateTime time = index.data(SearchModel::TimeRole).toDateTime();
    int titleRight = right;
    if (time.isValid()) {
        const QString when
            = relativetime::shortText(time.toLocalTime(), QDateTime::currentDateTime());
        const int w = sm.horizontalAdvance(when);
        painter->setFont(small);
        painter->setPen(colours.secondary);
        painter->drawText(QRect(right - w, row.top() + padY, w, tm.lineSpacing()),
                          Qt::AlignRight | Qt::AlignVCenter, when);
        titleRight = right - w - 10;
    }
    int y = row.top() + padY;
    drawHtml(
        *painter,
        oneLine(index.data(SearchModel::TitleHtmlRole).toString(), titleFont, titleRight - left),
        titleFont, colours.text, QRect(left, y, titleRight - left, tm.lineSpacing()));
    y += tm.lineSpacing() + gap;

    // What and where.
    QString where = kindName(kind);
    const QString context = index.data(SearchModel::ContextRole).toString();
    if (!context.isEmpty())
        where += QStringLiteral(" · ") + context;
    else if (kind == QLatin1StringView("chat"))
        where += QStringLiteral(" · ") + tr("Direct message");
    painter->setFont(small);
    painter->setPen(colours.secondary);
    painter->drawText(QRect(left, y, right - left, sm.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      sm.elidedText(where, Qt::ElideRight, right - left));
    y += sm.lineSpacing() + gap;

    const QString snippet = index.data(SearchModel::SnippetHtmlRole).toString();
    if (!snippet.isEmpty())
        drawHtml(*painter, snippet, option.font, colours.text,
                 QRect(left, y, right - left, snippetLines * fm.lineSpacing()));
    painter->restore();
}

} // namespace plein::app
