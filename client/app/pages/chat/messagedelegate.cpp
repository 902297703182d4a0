#include "pages/chat/messagedelegate.h"

#include "chat/messagelistmodel.h"
#include "markdown.h"
#include "pages/chat/reactorscache.h"
#include "pages/feed/cardstyle.h"
#include "pages/files/fileactions.h"
#include "ui/codehighlighter.h"
#include "ui/documentcache.h"
#include "ui/relativetime.h"
#include "ui/tooltip.h"

#include <QAbstractItemView>
#include <QCache>
#include <QClipboard>
#include <QCursor>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QSet>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>

namespace plein::app {

using client::MessageListModel;
using Part = MessagePart;

namespace {

constexpr int maxHeights = 20000;
// How long a code block's caption says "Copied".
constexpr int copiedMs = 1500;

} // namespace

struct MessageDelegate::Caches
{
    // A row's height at a width. It holds until the model says the row changed (dataChanged,
    // which the model also sends for the rows around a change whose layout follows from their
    // neighbours) or the fonts, the reader or a highlighted snippet change: a page of older
    // messages coming in then costs one lookup per row, not a measurement.
    struct Height
    {
        int width = 0;
        int height = 0;
    };
    void useFont(const QFont& next)
    {
        if (lineHeight > 0 && next == font)
            return;
        font = next;
        fonts = CardFonts(font);
        lineHeight = fonts.baseMetrics.lineSpacing();
        heights.clear();
        documents.clear();
    }

    QTextDocument& document(const MessageKey& key, const MessageBody& content, int width)
    {
        // The text spans exactly `width`: the document's margin lies outside it.
        return documents.get(
            key, content, content.body.size(),
            [&](QTextDocument& doc) { layoutMessageBody(doc, content, font, width, reader); },
            [width](const QTextDocument& doc) { return width + 2 * doc.documentMargin(); });
    }

    const cardstyle::Colours& colours(const QPalette& palette)
    {
        if (palette.cacheKey() != paletteKey) {
            paletteKey = palette.cacheKey();
            paletteColours = cardstyle::colours(palette, true, false, false);
        }
        return paletteColours;
    }

    QFont font;
    CardFonts fonts;
    int lineHeight = 0;
    QString reader;
    QCache<MessageKey, Height> heights {maxHeights};
    DocumentCache<MessageKey, MessageBody> documents;
    qint64 paletteKey = 0;
    cardstyle::Colours paletteColours;
    QSet<const QAbstractItemModel*> followed;
    bool direct = false;
};

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_caches(std::make_unique<Caches>())
{
    if (CodeHighlighter* highlighter = CodeHighlighter::instance())
        connect(highlighter, &CodeHighlighter::highlighted, this,
                &MessageDelegate::codeHighlighted);
}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::setReader(const QString& username)
{
    if (m_caches->reader == username)
        return;
    m_caches->reader = username;
    m_caches->documents.clear();
    m_caches->heights.clear();
}

void MessageDelegate::setReactors(ReactorsCache* reactors)
{
    m_reactors = reactors;
    if (reactors)
        connect(reactors, &ReactorsCache::loaded, this, &MessageDelegate::updateToolTip);
}

int MessageDelegate::layoutCount() const
{
    return m_caches->documents.layouts();
}

void MessageDelegate::codeHighlighted(const QString& key)
{
    Caches& c = *m_caches;
    const QSet<MessageKey> stale = c.documents.takeWaitingFor(key);
    if (stale.isEmpty())
        return;
    for (const MessageKey& k : stale)
        c.heights.remove(k);
    if (const QAbstractItemModel* model = m_view ? m_view->model() : nullptr) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (stale.contains(messageKey(index))) {
                Q_EMIT sizeHintChanged(index);
                repaint(index);
            }
        }
    }
}

void MessageDelegate::copyCode(const QModelIndex& index, int block)
{
    const MessageKey key = messageKey(index);
    QTextDocument* d = m_caches->documents.find(key);
    if (!d)
        return;
    QGuiApplication::clipboard()->setText(codeBlockText(*d, block));
    setCodeCopied(*d, block, true);
    repaint(index);
    const QPersistentModelIndex row = index;
    QTimer::singleShot(copiedMs, this, [this, key, row, block]() {
        if (QTextDocument* doc = m_caches->documents.find(key)) {
            setCodeCopied(*doc, block, false);
            repaint(row);
        }
    });
}

void MessageDelegate::follow(const QAbstractItemModel* model) const
{
    if (!model || m_caches->followed.contains(model))
        return;
    m_caches->followed.insert(model);
    auto* caches = m_caches.get();
    // A changed row is measured again.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [caches](const QModelIndex& from, const QModelIndex& to) {
                for (int row = from.row(); row <= to.row(); ++row) {
                    const MessageKey key = messageKey(from.siblingAtRow(row));
                    caches->heights.remove(key);
                }
            });
    // Whether a row starts a day or continues a group depends on the row above it: the row
    // that will be under rows coming or going is measured again when the view lays out (the
    // model's dataChanged for it comes after the insert, too late for a view keeping its
    // place, which lays out in its rowsInserted).
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [caches, model](const QModelIndex&, int first, int) {
                caches->heights.remove(messageKey(model->index(first, 0)));
            });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [caches, model](const QModelIndex&, int, int last) {
                caches->heights.remove(messageKey(model->index(last + 1, 0)));
            });
    // A reset may bring other contents under the same keys.
    connect(model, &QAbstractItemModel::modelReset, this, [caches]() { caches->heights.clear(); });
    connect(model, &QObject::destroyed, this,
            [caches, model]() { caches->followed.remove(model); });
}

MessageLayout MessageDelegate::layout(const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const
{
    Caches& c = *m_caches;
    c.useFont(option.font);
    MessageLayout::Context context;
    context.fonts = &c.fonts;
    context.today = QDate::currentDate();
    context.document
        = [&c](const MessageKey& key, const MessageBody& content, int width) -> QTextDocument& {
        return c.document(key, content, width);
    };
    context.seenBy = index.data(MessageListModel::SeenByRole).toStringList();
    context.direct = c.direct;
    return MessageLayout::measure(option, index, context);
}

void MessageDelegate::setFiles(FileActions* files)
{
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    if (files)
        files->repaintWhenReady(this, [this]() { return m_view ? m_view->viewport() : nullptr; });
}

void MessageDelegate::setDirect(bool direct)
{
    m_caches->direct = direct;
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    if (auto* view = qobject_cast<QAbstractItemView*>(const_cast<QWidget*>(option.widget)))
        m_view = view;
    follow(index.model());
    const MessageLayout m = layout(option, index);
    MessageLayout::Look look;
    look.fonts = &m_caches->fonts;
    look.colours = &m_caches->colours(option.palette);
    look.hovered = m_hover.isValid() && m_hover == index;
    look.current = option.state.testFlag(QStyle::State_HasFocus)
        && option.state.testFlag(QStyle::State_Selected);
    if (look.hovered) {
        look.hoveredHit = m_hoverHit;
        look.pressedHit = m_pressed;
    }
    if (m_files && !m.files.isEmpty())
        look.thumbnails = m_files->thumbnails();
    m.paint(*painter, option, index, look);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    follow(index.model());
    Caches& c = *m_caches;
    c.useFont(option.font);
    const int width = rowWidth(option);
    const MessageKey key = messageKey(index);
    if (const Caches::Height* known = c.heights.object(key); known && known->width == width)
        return QSize(width, known->height);
    QStyleOptionViewItem sized = option;
    sized.rect = QRect(0, 0, width, 0);
    const int height = layout(sized, index).height;
    c.heights.insert(key, new Caches::Height {width, height});
    return QSize(width, height);
}

MessageHit MessageDelegate::hitAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                  const QPoint& pos) const
{
    return layout(option, index).hitAt(pos - option.rect.topLeft());
}

QRect MessageDelegate::rectOf(const QStyleOptionViewItem& option, const QModelIndex& index,
                              const MessageHit& hit) const
{
    const QRect rect = layout(option, index).rectOf(hit);
    return rect.isNull() ? rect : rect.translated(option.rect.topLeft());
}

QString MessageDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                  const QPoint& pos) const
{
    return layout(option, index).anchorAt(pos - option.rect.topLeft());
}

void MessageDelegate::repaint(const QModelIndex& index) const
{
    if (m_view && index.isValid() && index.model() == m_view->model())
        m_view->viewport()->update(m_view->visualRect(index));
}

void MessageDelegate::setHover(const QModelIndex& index, const MessageHit& hit)
{
    if (m_hover == index && m_hoverHit == hit)
        return;
    const QModelIndex was = m_hover;
    m_hover = index;
    m_hoverHit = hit;
    repaint(was);
    repaint(index);
}

QString MessageDelegate::toolTipAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                   const QPoint& pos) const
{
    const MessageLayout m = layout(option, index);
    const MessageHit hit = m.hitAt(pos - option.rect.topLeft());
    switch (hit.part) {
    case Part::Avatar:
    case Part::Name: {
        const QString name = index.data(MessageListModel::AuthorNameRole).toString();
        QString tip = QStringLiteral("<qt><b>%1</b>").arg(name.toHtmlEscaped());
        const QString department = index.data(MessageListModel::AuthorDepartmentRole).toString();
        if (!department.isEmpty())
            tip += QStringLiteral("<br>") + department.toHtmlEscaped();
        const QString username = index.data(MessageListModel::AuthorUsernameRole).toString();
        if (!username.isEmpty())
            tip += QStringLiteral("<br>@") + username.toHtmlEscaped();
        return tip + QStringLiteral("</qt>");
    }
    case Part::Time:
        return plainToolTip(
            relativetime::fullText(index.data(MessageListModel::CreatedAtRole).toDateTime()));
    case Part::Edited:
        return plainToolTip(tr("Edited %1")
                                .arg(relativetime::fullText(
                                    index.data(MessageListModel::EditedAtRole).toDateTime())));
    case Part::Quote:
        return plainToolTip(tr("Show the message this replies to"));
    case Part::Reaction: {
        for (const MessageLayout::Chip& chip : m.chips) {
            if (chip.reaction != hit.reaction)
                continue;
            if (!m_reactors)
                return QString();
            return m_reactors->toolTip(m.key.id, chip.reaction, chip.count, m_online && m_online(),
                                       chip.mine ? tr("Click to take yours back")
                                                 : tr("Click to react with this too"));
        }
        return QString();
    }
    case Part::State:
        return plainToolTip(m.noticeText.isEmpty() ? tr("Sending…") : m.noticeText);
    case Part::SeenBy:
        return plainToolTip(m.seenByText);
    case Part::Retry:
        return plainToolTip(tr("Send it again"));
    case Part::EditFailed:
        return plainToolTip(tr("Change the text and send it again"));
    case Part::Discard:
        return plainToolTip(tr("Drop what was not sent"));
    default:
        break;
    }
    return QString();
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !view)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    m_view = view;
    const QString tip = toolTipAt(option, index, event->pos());
    const MessageHit hit = hitAt(option, index, event->pos());
    m_tipMessage = hit.part == Part::Reaction ? messageKey(index).id : 0;
    m_tipReaction = hit.reaction;
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view->viewport(), rectOf(option, index, hit));
    return true;
}

void MessageDelegate::updateToolTip(qint64 messageId)
{
    if (messageId != m_tipMessage || !m_view || !QToolTip::isVisible())
        return;
    const QPoint pos = m_view->viewport()->mapFromGlobal(QCursor::pos());
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || messageKey(index).id != messageId)
        return;
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.widget = m_view;
    option.rect = m_view->visualRect(index);
    const MessageHit hit = hitAt(option, index, pos);
    if (hit.part != Part::Reaction || hit.reaction != m_tipReaction)
        return;
    QToolTip::showText(QCursor::pos(), toolTipAt(option, index, pos), m_view->viewport(),
                       rectOf(option, index, hit));
}

} // namespace plein::app
