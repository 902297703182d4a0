#include "pages/feed/postdelegate.h"

#include "markdown.h"
#include "postlistmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCache>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QUrl>

namespace plein::app {

using client::PostListModel;

namespace {

constexpr int margin = 6;
// Every row a long session pages in: a height is a few bytes next to the row's own data.
constexpr int maxHeights = 50000;
// Laid-out documents are heavy (text layout, formats), so only a few screens' worth, costed by
// length so that one very long post counts for several short ones.
constexpr int maxDocumentCost = 400;
constexpr int charsPerCost = 500;

// A row's post across refreshes and inserts: its id, or the outbox entry of a post that is not
// confirmed yet.
struct PostKey
{
    qint64 id = 0;
    QString clientId;

    bool operator==(const PostKey&) const = default;
};

size_t qHash(const PostKey& key, size_t seed = 0) noexcept
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

// What a body's layout depends on besides width and font. Every cached layout is checked
// against the row before use, so an edit shows even if its dataChanged was never seen; the check
// is cheap because a row that did not change shares its string with the cache.
struct BodyContent
{
    QString body;
    bool deleted = false;

    bool operator==(const BodyContent&) const = default;
};

BodyContent bodyContent(const QModelIndex& index)
{
    return {index.data(PostListModel::BodyRole).toString(),
            index.data(PostListModel::DeletedRole).toBool()};
}

// The list view lays out with the viewport's width; 400 only when asked before it has one.
int rowWidth(const QStyleOptionViewItem& option)
{
    return option.rect.width() > 0 ? option.rect.width() : 400;
}

qreal textWidth(int rowWidth)
{
    return std::max(50, rowWidth - 2 * margin);
}

void layoutBody(QTextDocument& doc, const BodyContent& content, const QFont& font, int width)
{
    doc.setDefaultFont(font);
    if (content.deleted)
        doc.setPlainText(
            QCoreApplication::translate("plein::app::PostDelegate", "This post was deleted."));
    else
        setSafeMarkdown(doc, content.body);
    doc.setTextWidth(textWidth(width));
}

// The header line sits above the body document, as paint() draws it.
QPointF bodyOrigin(const QStyleOptionViewItem& option, const QTextDocument& doc)
{
    const QFontMetrics fm(option.font);
    return QPointF(option.rect.left() + margin - doc.documentMargin(),
                   option.rect.top() + margin + fm.height());
}

} // namespace

struct PostDelegate::Layouts
{
    struct Height
    {
        BodyContent content;
        int width = 0;
        int height = 0;
    };
    struct Document
    {
        BodyContent content;
        QTextDocument doc;
    };

    // Layouts made with another font are all wrong at once.
    void useFont(const QFont& next)
    {
        if (lineHeight > 0 && next == font)
            return;
        font = next;
        lineHeight = QFontMetrics(font).height();
        heights.clear();
        documents.clear();
    }

    void forget(const PostKey& key)
    {
        heights.remove(key);
        documents.remove(key);
    }

    QTextDocument& document(const PostKey& key, const BodyContent& content, int width)
    {
        Document* cached = documents.object(key);
        if (cached && cached->content == content) {
            // A new width only re-wraps the text; the Markdown is not read again.
            if (cached->doc.textWidth() != textWidth(width))
                cached->doc.setTextWidth(textWidth(width));
            return cached->doc;
        }
        auto fresh = std::make_unique<Document>();
        fresh->content = content;
        layoutBody(fresh->doc, content, font, width);
        ++layouts;
        cached = fresh.get();
        const int cost = std::min(maxDocumentCost / 4, 1 + int(content.body.size()) / charsPerCost);
        // QCache owns what it holds. The cost is capped below the maximum so that the insert
        // always succeeds and `cached` stays valid until the next insert.
        documents.insert(key, fresh.release(), cost);
        return cached->doc;
    }

    QFont font;
    int lineHeight = 0;
    QCache<PostKey, Height> heights {maxHeights};
    QCache<PostKey, Document> documents {maxDocumentCost};
    // The model whose dataChanged we follow; the delegate may be given rows of another later.
    const QAbstractItemModel* model = nullptr;
    QList<QMetaObject::Connection> connections;
    int layouts = 0;
};

PostDelegate::PostDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_layouts(std::make_unique<Layouts>())
{ }

PostDelegate::~PostDelegate() = default;

int PostDelegate::layoutCount() const
{
    return m_layouts->layouts;
}

void PostDelegate::follow(const QAbstractItemModel* model) const
{
    Layouts& l = *m_layouts;
    if (model == l.model)
        return;
    for (const auto& connection : std::as_const(l.connections))
        disconnect(connection);
    l.connections.clear();
    l.model = model;
    if (!model)
        return;
    l.connections.append(
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this, model](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        m_layouts->forget(postKey(model->index(row, 0, topLeft.parent())));
                }));
    l.connections.append(connect(model, &QAbstractItemModel::modelReset, this, [this]() {
        m_layouts->heights.clear();
        m_layouts->documents.clear();
    }));
    // Another model may later be made at the same address; it must be followed anew.
    l.connections.append(connect(model, &QObject::destroyed, this, [this]() {
        m_layouts->model = nullptr;
        m_layouts->connections.clear();
    }));
}

QTextDocument& PostDelegate::document(const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const
{
    follow(index.model());
    m_layouts->useFont(option.font);
    return m_layouts->document(postKey(index), bodyContent(index), rowWidth(option));
}

QString PostDelegate::headerText(const QModelIndex& index, bool showGroup)
{
    if (index.data(PostListModel::PendingRole).toBool()) {
        if (index.data(PostListModel::FailedRole).toBool())
            return tr("Not sent: %1").arg(index.data(PostListModel::ErrorRole).toString());
        return tr("Waiting to be sent");
    }
    const QDateTime at = index.data(PostListModel::CreatedAtRole).toDateTime().toLocalTime();
    QString header = tr("%1 · %2").arg(index.data(PostListModel::AuthorNameRole).toString(),
                                       QLocale().toString(at, QLocale::ShortFormat));
    if (index.data(PostListModel::EditedAtRole).isValid())
        header += tr(" · edited");
    // Home mixes the company's posts with those of the user's groups: say which is which.
    const QString group = index.data(PostListModel::GroupNameRole).toString();
    if (!group.isEmpty() && showGroup)
        header += tr(" · in %1").arg(group);
    if (index.data(PostListModel::PinnedRole).toBool())
        header += tr(" · pinned");
    if (index.data(PostListModel::ChangeFailedRole).toBool())
        return tr("%1 · not saved: %2")
            .arg(header, index.data(PostListModel::ChangeErrorRole).toString());
    if (index.data(PostListModel::ChangePendingRole).toBool()) {
        const QString kind = index.data(PostListModel::ChangeKindRole).toString();
        if (kind == QLatin1StringView("post.edit"))
            header += tr(" · edit waiting to be sent");
        else if (kind == QLatin1StringView("post.delete"))
            header += tr(" · deletion waiting to be sent");
        else
            header += tr(" · like waiting to be sent");
    }
    return header;
}

QString PostDelegate::footerText(const QModelIndex& index)
{
    if (index.data(PostListModel::PendingRole).toBool())
        return QString();
    const int likes = index.data(PostListModel::LikesRole).toInt();
    const int replies = index.data(PostListModel::RepliesRole).toInt();
    QString footer = tr("%n like(s)", nullptr, likes);
    if (index.data(PostListModel::LikedByMeRole).toBool())
        footer += tr(" (you)");
    if (index.data(PostListModel::ParentIdRole).toLongLong() == 0)
        footer += tr(" · %n repl(y/ies)", nullptr, replies);
    return footer;
}

void PostDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const QFontMetrics fm(opt.font);
    QRect r = opt.rect.adjusted(margin, margin, -margin, -margin);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    const bool waiting = index.data(PostListModel::PendingRole).toBool()
        || index.data(PostListModel::ChangePendingRole).toBool();
    const bool refused = index.data(PostListModel::FailedRole).toBool()
        || index.data(PostListModel::ChangeFailedRole).toBool();
    // Refused writes stand out: the person has to decide to retry or discard them.
    if (refused)
        painter->setPen(QColor(0xb0, 0x20, 0x20));
    else
        painter->setPen(opt.palette.color(waiting ? QPalette::PlaceholderText : QPalette::Text));
    painter->drawText(r.topLeft() + QPoint(0, fm.ascent()), headerText(index, m_showsGroup));
    painter->setFont(opt.font);

    const QTextDocument& doc = document(opt, index);
    painter->translate(bodyOrigin(opt, doc));
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    doc.documentLayout()->draw(painter, ctx);
    painter->translate(0, doc.size().height());
    painter->setPen(opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(QPoint(int(doc.documentMargin()), fm.ascent()), footerText(index));
    painter->restore();
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Called for every row after each change to the list, so a hit must not touch the text.
    follow(index.model());
    Layouts& l = *m_layouts;
    l.useFont(option.font);
    const int width = rowWidth(option);
    const PostKey key = postKey(index);
    const BodyContent content = bodyContent(index);
    int body = 0;
    if (const Layouts::Height* known = l.heights.object(key);
        known && known->width == width && known->content == content) {
        body = known->height;
    } else {
        body = int(l.document(key, content, width).size().height());
        l.heights.insert(key, std::make_unique<Layouts::Height>(content, width, body).release());
    }
    return QSize(width, body + 2 * l.lineHeight + 2 * margin);
}

QString PostDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                               const QPoint& pos)
{
    QTextDocument doc;
    layoutBody(doc, bodyContent(index), option.font, rowWidth(option));
    return doc.documentLayout()->anchorAt(QPointF(pos) - bodyOrigin(option, doc));
}

QString PostDelegate::anchorAtCached(const QStyleOptionViewItem& option, const QModelIndex& index,
                                     const QPoint& pos) const
{
    const QTextDocument& doc = document(option, index);
    return doc.documentLayout()->anchorAt(QPointF(pos) - bodyOrigin(option, doc));
}

bool PostDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                               const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const auto type = event->type();
    if (type == QEvent::MouseMove || type == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QString anchor = anchorAtCached(option, index, mouse->position().toPoint());
        const QUrl url(anchor);
        const bool openable = !anchor.isEmpty() && isFollowableLink(url);
        if (auto* view = qobject_cast<QAbstractItemView*>(parent()))
            view->viewport()->setCursor(openable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (type == QEvent::MouseButtonRelease && mouse->button() == Qt::LeftButton && openable) {
            Q_EMIT linkActivated(url);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace plein::app
