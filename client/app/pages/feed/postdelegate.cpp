#include "pages/feed/postdelegate.h"

#include "markdown.h"
#include "pages/feed/cardstyle.h"
#include "pages/feed/deletequeue.h"
#include "pages/feed/likerscache.h"
#include "pages/feed/posteditor.h"
#include "pages/files/fileactions.h"
#include "postlistmodel.h"
#include "ui/codehighlighter.h"
#include "ui/documentcache.h"
#include "ui/relativetime.h"
#include "ui/tooltip.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCache>
#include <QClipboard>
#include <QCursor>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSet>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QUrl>

namespace plein::app {

using client::PostListModel;
using Part = PostDelegate::Part;
using icons::Icon;

namespace {

// Every row a long session pages in: a height is a few bytes next to the row's own data.
constexpr int maxHeights = 50000;
// Cards measured for painting: a few screens' worth.
constexpr int maxCards = 300;
// How long a code block's caption says "Copied".
constexpr int copiedMs = 1500;

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// toolTipAt() builds the tooltips that format (the author's, the likers') as "<qt>…</qt>" with
// every piece of user text escaped; all others are plain text, which may carry a group's name
// or the like: shown as plain text, never read as HTML (ui/tooltip.h).
QString safeTip(const QString& tip)
{
    return tip.startsWith(QLatin1StringView("<qt>")) ? tip : plainToolTip(tip);
}

// What a card's measures depend on: a cached card is used only while the row still says the
// same (the minute too, for its relative time).
struct CardSignature
{
    int width = 0;
    qint64 minute = 0;
    BodyContent content;
    QString name;
    QString group;
    int likes = 0;
    int replies = 0;
    int editorHeight = -1;
    bool liked = false;
    bool pending = false;
    bool failed = false;
    bool changePending = false;
    bool changeFailed = false;
    bool pinned = false;
    bool showGroup = false;
    bool queued = false;
    bool expanded = false;

    bool operator==(const CardSignature&) const = default;
};

} // namespace

struct PostDelegate::Layouts
{
    struct CachedCard
    {
        CardSignature signature;
        PostCard card;
    };

    struct Height
    {
        BodyContent content;
        int width = 0;
        int height = 0; // of the row
    };
    // Layouts made with another font are all wrong at once.
    void useFont(const QFont& next)
    {
        if (lineHeight > 0 && next == font)
            return;
        font = next;
        fonts = CardFonts(font);
        lineHeight = fonts.baseMetrics.lineSpacing();
        heights.clear();
        documents.clear();
        cards.clear();
    }

    void forget(const PostKey& key)
    {
        heights.remove(key);
        documents.remove(key);
        cards.remove(key);
    }

    QTextDocument& document(const PostKey& key, const BodyContent& content, int width)
    {
        return documents.get(
            key, content, content.body.size(),
            [&](QTextDocument& doc) { layoutBody(doc, content, font, width, reader); },
            [width](const QTextDocument&) { return qreal(width); });
    }

    const cardstyle::Colours& colours(const QPalette& palette, bool card, bool selected,
                                      bool hovered)
    {
        const quint64 key
            = (palette.cacheKey() << 3) | (card ? 4 : 0) | (selected ? 2 : 0) | (hovered ? 1 : 0);
        auto it = palettes.find(key);
        if (it == palettes.end()) {
            if (palettes.size() > 64)
                palettes.clear();
            it = palettes.insert(key, cardstyle::colours(palette, card, selected, hovered));
        }
        return *it;
    }

    const QIcon& icon(Icon which, const QColor& colour)
    {
        const quint64 key = (quint64(which) << 32) | colour.rgba();
        auto it = iconCache.find(key);
        if (it == iconCache.end())
            it = iconCache.insert(key, icons::ownIcon(which, colour));
        return *it;
    }

    QFont font;
    QString reader;
    CardFonts fonts;
    int lineHeight = 0;
    QCache<PostKey, Height> heights {maxHeights};
    // The cards of the rows painted last: a frame draws them without measuring again.
    QCache<PostKey, CachedCard> cards {maxCards};
    DocumentCache<PostKey, BodyContent> documents;
    QHash<quint64, cardstyle::Colours> palettes;
    QHash<quint64, QIcon> iconCache;
    QSet<PostKey> expanded;
    // The model whose dataChanged we follow; the delegate may be given rows of another later.
    const QAbstractItemModel* model = nullptr;
    QList<QMetaObject::Connection> connections;
};

PostDelegate::PostDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_layouts(std::make_unique<Layouts>())
{
    if (CodeHighlighter* highlighter = CodeHighlighter::instance())
        connect(highlighter, &CodeHighlighter::highlighted, this, &PostDelegate::codeHighlighted);
}

PostDelegate::~PostDelegate() = default;

int PostDelegate::layoutCount() const
{
    return m_layouts->documents.layouts();
}

void PostDelegate::setDeleteQueue(DeleteQueue* queue)
{
    m_deletes = queue;
    if (!queue)
        return;
    connect(queue, &DeleteQueue::changed, this, [this](qint64 postId) {
        const QAbstractItemModel* model = m_layouts->model;
        m_layouts->forget({postId, QString()});
        if (!model)
            return;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(PostListModel::IdRole).toLongLong() == postId)
                rowChanged(index);
        }
    });
}

// A code block's colours arrived: the bodies that showed it plain are laid out again.
void PostDelegate::codeHighlighted(const QString& key)
{
    Layouts& l = *m_layouts;
    const QSet<PostKey> stale = l.documents.takeWaitingFor(key);
    if (stale.isEmpty())
        return;
    for (const PostKey& k : stale)
        l.forget(k);
    if (const QAbstractItemModel* model = l.model) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (stale.contains(postKey(index)))
                rowChanged(index);
        }
    }
}

// "Copy" on a code block: its text to the clipboard, and "Copied" on it for a moment.
void PostDelegate::copyCode(const PostCard& card, const QModelIndex& index, int block)
{
    if (!card.doc)
        return;
    QGuiApplication::clipboard()->setText(codeBlockText(*card.doc, block));
    setCodeCopied(*card.doc, block, true);
    repaint(index);
    const PostKey key = postKey(index);
    const QPersistentModelIndex row = index;
    QTimer::singleShot(copiedMs, this, [this, key, row, block]() {
        if (QTextDocument* doc = m_layouts->documents.find(key)) {
            setCodeCopied(*doc, block, false);
            repaint(row);
        }
    });
}

void PostDelegate::setReader(const QString& username)
{
    Layouts& l = *m_layouts;
    if (l.reader == username)
        return;
    l.reader = username;
    // Every body may mention them: lay them all out again.
    l.heights.clear();
    l.documents.clear();
    l.cards.clear();
}

void PostDelegate::setLikers(LikersCache* likers)
{
    m_likers = likers;
    if (likers)
        connect(likers, &LikersCache::loaded, this, &PostDelegate::updateToolTip);
}

void PostDelegate::follow(const QAbstractItemModel* model) const
{
    Layouts& l = *m_layouts;
    if (model == l.model)
        return;
    for (const auto& connection : std::as_const(l.connections))
        disconnect(connection);
    l.connections.clear();
    // Heights hold state the row's body does not show (waiting, refused): another model's
    // changes were not followed.
    l.heights.clear();
    l.cards.clear();
    l.model = model;
    if (!model)
        return;
    l.connections.append(
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this, model](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        const PostKey key = postKey(model->index(row, 0, topLeft.parent()));
                        m_layouts->forget(key);
                        if (m_likers && key.id > 0)
                            m_likers->forget(key.id);
                    }
                }));
    l.connections.append(connect(model, &QAbstractItemModel::modelReset, this, [this]() {
        m_layouts->heights.clear();
        m_layouts->documents.clear();
        m_layouts->cards.clear();
    }));
    // Another model may later be made at the same address; it must be followed anew.
    l.connections.append(connect(model, &QObject::destroyed, this, [this]() {
        m_layouts->model = nullptr;
        m_layouts->connections.clear();
    }));
}

PostCard PostDelegate::card(const QStyleOptionViewItem& option, const QModelIndex& index,
                            bool heightOnly) const
{
    follow(index.model());
    Layouts& l = *m_layouts;
    l.useFont(option.font);
    const PostKey key = postKey(index);
    CardSignature signature;
    signature.width = rowWidth(option);
    signature.content = bodyContent(index);
    signature.showGroup = m_showsGroup;
    signature.queued = key.id > 0 && m_deletes && m_deletes->contains(key.id);
    signature.expanded = l.expanded.contains(key);
    if (m_editor && m_editing.isValid() && m_editing == index)
        signature.editorHeight = m_editor->sizeHint().height();
    const auto document
        = [&l](const PostKey& k, const BodyContent& content, int width) -> QTextDocument& {
        return l.document(k, content, width);
    };
    PostCard::Context context;
    context.fonts = &l.fonts;
    context.showGroup = signature.showGroup;
    context.queued = signature.queued;
    context.expanded = signature.expanded;
    context.editorHeight = signature.editorHeight;
    context.document = document;
    if (heightOnly) {
        context.heightOnly = true;
        return PostCard::measure(option, index, context);
    }
    signature.minute = QDateTime::currentSecsSinceEpoch() / 60;
    signature.name = index.data(PostListModel::AuthorNameRole).toString();
    signature.group = index.data(PostListModel::GroupNameRole).toString();
    signature.likes = index.data(PostListModel::LikesRole).toInt();
    signature.replies = index.data(PostListModel::RepliesRole).toInt();
    signature.liked = index.data(PostListModel::LikedByMeRole).toBool();
    signature.pending = index.data(PostListModel::PendingRole).toBool();
    signature.failed = index.data(PostListModel::FailedRole).toBool();
    signature.changePending = index.data(PostListModel::ChangePendingRole).toBool();
    signature.changeFailed = index.data(PostListModel::ChangeFailedRole).toBool();
    signature.pinned = index.data(PostListModel::PinnedRole).toBool();
    if (const Layouts::CachedCard* cached = l.cards.object(key);
        cached && cached->signature == signature) {
        PostCard c = cached->card;
        if (!c.editing && !c.queued)
            c.doc = &l.document(key, c.content, c.bodyWidth);
        return c;
    }
    context.now = QDateTime::currentDateTime();
    PostCard c = PostCard::measure(option, index, context);
    auto cached = std::make_unique<Layouts::CachedCard>();
    cached->signature = signature;
    cached->card = c;
    cached->card.doc = nullptr; // the documents' cache owns it
    l.cards.insert(key, cached.release());
    return c;
}

QString PostDelegate::headerText(const QModelIndex& index, bool showGroup)
{
    if (index.data(PostListModel::PendingRole).toBool()) {
        if (index.data(PostListModel::FailedRole).toBool())
            return tr("Not sent: %1").arg(refusalText(index));
        return tr("Waiting to be sent");
    }
    const QDateTime at = index.data(PostListModel::CreatedAtRole).toDateTime();
    QStringList parts {index.data(PostListModel::AuthorNameRole).toString(),
                       relativetime::shortText(at, QDateTime::currentDateTime())};
    if (index.data(PostListModel::EditedAtRole).isValid())
        parts << tr("(edited)");
    // Home mixes the company's posts with those of the user's groups: say which is which.
    const QString group = index.data(PostListModel::GroupNameRole).toString();
    if (!group.isEmpty() && showGroup)
        parts << tr("in %1").arg(group);
    if (index.data(PostListModel::PinnedRole).toBool())
        parts << tr("Pinned");
    if (index.data(PostListModel::ChangeFailedRole).toBool())
        parts << tr("Not saved: %1").arg(refusalText(index));
    else if (index.data(PostListModel::ChangePendingRole).toBool())
        parts << changeWaitingText(index.data(PostListModel::ChangeKindRole).toString());
    return parts.join(QStringLiteral(" · "));
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
    if (auto* view = qobject_cast<QAbstractItemView*>(const_cast<QWidget*>(option.widget)))
        m_view = view;
    const PostCard c = card(option, index);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    PostCard::Look look;
    look.hovered = m_hover.index.isValid() && m_hover.index == index;
    look.colours = &m_layouts->colours(option.palette, !c.reply, selected, look.hovered);
    look.lineColours = &m_layouts->colours(option.palette, true, false, false);
    if (look.hovered)
        look.hoveredPart = m_hover.part;
    if (m_pressed.index.isValid() && m_pressed.index == index)
        look.pressedPart = m_pressed.part;
    look.fonts = &m_layouts->fonts;
    look.icon = [this](icons::Icon which, const QColor& colour) -> const QIcon& {
        return m_layouts->icon(which, colour);
    };
    if (m_files && !c.files.isEmpty())
        look.thumbnails = m_files->thumbnails();
    c.paint(*painter, option, index, look);
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
    if (const Layouts::Height* known = l.heights.object(key);
        known && known->width == width && known->content == content)
        return QSize(width, known->height);
    QStyleOptionViewItem sized = option;
    sized.rect = QRect(0, 0, width, 0);
    const int height = card(sized, index, true).height;
    // The editor's height follows its text: not kept.
    if (!(m_editing.isValid() && m_editing == index))
        l.heights.insert(key, std::make_unique<Layouts::Height>(content, width, height).release());
    return QSize(width, height);
}

QString PostDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                               const QPoint& pos)
{
    // A delegate of its own: nothing folded open, nothing cached from another list.
    const PostDelegate delegate;
    return delegate.anchorAtCached(option, index, pos);
}

QString PostDelegate::anchorAtCached(const QStyleOptionViewItem& option, const QModelIndex& index,
                                     const QPoint& pos) const
{
    return card(option, index).anchorAt(pos - option.rect.topLeft());
}

QRect PostDelegate::partRect(const QStyleOptionViewItem& option, const QModelIndex& index,
                             Part part) const
{
    const QRect rect = card(option, index).rectOf(part);
    return rect.isNull() ? rect : rect.translated(option.rect.topLeft());
}

PostDelegate::Part PostDelegate::partAt(const QStyleOptionViewItem& option,
                                        const QModelIndex& index, const QPoint& pos) const
{
    return card(option, index).partAt(pos - option.rect.topLeft());
}

void PostDelegate::repaint(const QModelIndex& index) const
{
    if (m_view && index.isValid() && index.model() == m_view->model())
        m_view->viewport()->update(m_view->visualRect(index));
}

void PostDelegate::setFiles(FileActions* files)
{
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    if (files)
        files->repaintWhenReady(this, [this]() { return m_view ? m_view->viewport() : nullptr; });
}

int PostDelegate::hoveredFile(QList<ShownFile>* files) const
{
    if (files)
        *files = m_hoverFiles;
    return m_hoverFile;
}

void PostDelegate::clearHover()
{
    const QModelIndex was = m_hover.index;
    m_hover = {};
    m_pressed = {};
    repaint(was);
}

void PostDelegate::rowChanged(const QModelIndex& index)
{
    m_layouts->heights.remove(postKey(index));
    m_layouts->cards.remove(postKey(index));
    Q_EMIT sizeHintChanged(index);
    repaint(index);
}

bool PostDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                               const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (auto* view = qobject_cast<QAbstractItemView*>(const_cast<QWidget*>(option.widget)))
        m_view = view;
    const auto type = event->type();
    if (type != QEvent::MouseMove && type != QEvent::MouseButtonPress
        && type != QEvent::MouseButtonRelease && type != QEvent::MouseButtonDblClick)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const QPoint pos = mouse->position().toPoint();
    // Measured once for the whole event: the hostile-text test clicks all over every card.
    const PostCard c = card(option, index);
    const QPoint local = pos - option.rect.topLeft();
    const Part part = c.partAt(local);
    QString anchor;
    if (part == Part::Body)
        anchor = c.anchorAt(local);
    const QUrl url(anchor);
    const bool openable = !anchor.isEmpty() && isFollowableLink(url);
    const int copyBlock = copyAnchorIndex(anchor);
    // The author's avatar and name open their profile.
    const qint64 authorId = index.data(PostListModel::AuthorIdRole).toLongLong();
    const bool author = (part == Part::Avatar || part == Part::Name) && authorId > 0;

    if (type == QEvent::MouseMove) {
        m_hoverFile = part == Part::Attachment ? c.attachmentAt(local).first : -1;
        m_hoverFiles = m_hoverFile >= 0 ? c.files : QList<ShownFile>();
        if (m_view)
            m_view->viewport()->setCursor(openable || copyBlock >= 0 || isButton(part) || author
                                              ? Qt::PointingHandCursor
                                              : Qt::ArrowCursor);
        const Part lit = isButton(part) ? part : Part::None;
        if (m_hover.index != index || m_hover.part != lit) {
            const QModelIndex was = m_hover.index;
            m_hover = {index, lit};
            repaint(was);
            repaint(index);
        }
        if (!mouse->buttons().testFlag(Qt::LeftButton) && m_pressed.part != Part::None) {
            const QModelIndex was = m_pressed.index;
            m_pressed = {};
            repaint(was);
        }
        return false;
    }
    if (mouse->button() != Qt::LeftButton)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    if (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonDblClick) {
        if (!isButton(part))
            return QStyledItemDelegate::editorEvent(event, model, option, index);
        // Pressing a button does not select the post, and a quick second click is no
        // double click that opens the thread.
        m_pressed = {index, part};
        repaint(index);
        return true;
    }
    // Released: a click when it is where it was pressed.
    const Pointer pressed = std::exchange(m_pressed, {});
    if (pressed.part != Part::None) {
        repaint(pressed.index);
        if (pressed.index == index && pressed.part == part) {
            if (part == Part::ShowMore) {
                setExpanded(index, !isExpanded(index));
            } else if (part == Part::Attachment) {
                const auto [file, action] = c.attachmentAt(local);
                if (file >= 0)
                    Q_EMIT fileActivated(c.files, file, action);
            } else {
                const QRect rect = c.rectOf(part).translated(option.rect.topLeft());
                const QPoint global = m_view ? m_view->viewport()->mapToGlobal(rect.bottomLeft())
                                             : rect.bottomLeft();
                Q_EMIT triggered(part, index, global);
            }
        }
        return true;
    }
    if (openable) {
        Q_EMIT linkActivated(url);
        return true;
    }
    if (author) {
        Q_EMIT linkActivated(QUrl(QStringLiteral("plein:/person/%1").arg(authorId)));
        return true;
    }
    if (copyBlock >= 0) {
        copyCode(c, index, copyBlock);
        return true;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QString PostDelegate::toolTipAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                const QPoint& pos) const
{
    const Part part = partAt(option, index, pos);
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    switch (part) {
    case Part::Name:
    case Part::Avatar: {
        const QString name = index.data(PostListModel::AuthorNameRole).toString();
        if (name.isEmpty())
            return QString();
        QString tip = QStringLiteral("<qt><b>%1</b>").arg(escaped(name));
        const QString department = index.data(PostListModel::AuthorDepartmentRole).toString();
        if (!department.isEmpty())
            tip += QStringLiteral("<br>") + escaped(department);
        const QString username = index.data(PostListModel::AuthorUsernameRole).toString();
        if (!username.isEmpty())
            tip += QStringLiteral("<br>@") + escaped(username);
        return tip + QStringLiteral("</qt>");
    }
    case Part::Time:
        return relativetime::fullText(index.data(PostListModel::CreatedAtRole).toDateTime());
    case Part::Edited:
        return tr("Edited %1")
            .arg(relativetime::fullText(index.data(PostListModel::EditedAtRole).toDateTime()));
    case Part::Group:
        return tr("Posted in the group %1")
            .arg(index.data(PostListModel::GroupNameRole).toString());
    case Part::Pinned:
        return tr("Pinned to the top of the group");
    case Part::State:
        if (index.data(PostListModel::FailedRole).toBool()
            || index.data(PostListModel::ChangeFailedRole).toBool())
            return refusalText(index);
        return tr("Sent as soon as there is a connection");
    case Part::Like: {
        const int likes = index.data(PostListModel::LikesRole).toInt();
        if (m_likers && likes > 0) {
            const QString who = m_likers->toolTip(id, likes);
            if (!who.isEmpty())
                return who;
        }
        return index.data(PostListModel::LikedByMeRole).toBool() ? tr("Unlike (L)")
                                                                 : tr("Like (L)");
    }
    case Part::Reply:
        return tr("Reply in the thread (R)");
    case Part::More:
        return tr("More actions");
    case Part::ShowMore:
        return isExpanded(index) ? tr("Fold the post again") : tr("Show the whole post");
    case Part::Retry:
        return tr("Send it again");
    case Part::Edit:
        return tr("Change the text (E)");
    case Part::Discard:
        return tr("Drop what was not sent");
    case Part::Undo:
        return tr("Keep the post");
    case Part::Body:
    case Part::None:
        break;
    }
    return QString();
}

bool PostDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                             const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !view)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    m_view = view;
    const QString tip = toolTipAt(option, index, event->pos());
    const Part part = partAt(option, index, event->pos());
    m_tipPost = part == Part::Like ? index.data(PostListModel::IdRole).toLongLong() : 0;
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QToolTip::showText(event->globalPos(), safeTip(tip), view->viewport(),
                       partRect(option, index, part));
    return true;
}

void PostDelegate::updateToolTip(qint64 postId)
{
    if (postId != m_tipPost || !m_view || !QToolTip::isVisible())
        return;
    const QPoint pos = m_view->viewport()->mapFromGlobal(QCursor::pos());
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || index.data(PostListModel::IdRole).toLongLong() != postId)
        return;
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.widget = m_view;
    option.rect = m_view->visualRect(index);
    if (partAt(option, index, pos) != Part::Like)
        return;
    QToolTip::showText(QCursor::pos(), safeTip(toolTipAt(option, index, pos)), m_view->viewport(),
                       partRect(option, index, Part::Like));
}

bool PostDelegate::isExpanded(const QModelIndex& index) const
{
    return m_layouts->expanded.contains(postKey(index));
}

void PostDelegate::setExpanded(const QModelIndex& index, bool expanded)
{
    const PostKey key = postKey(index);
    if (expanded == m_layouts->expanded.contains(key))
        return;
    if (expanded)
        m_layouts->expanded.insert(key);
    else
        m_layouts->expanded.remove(key);
    rowChanged(index);
}

bool PostDelegate::isFoldable(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return !card(option, index).fold.isNull();
}

// ---- Editing in place ---------------------------------------------------------------------

QWidget* PostDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                    const QModelIndex&) const
{
    return new PostEditor(parent);
}

void PostDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    // The view calls this again whenever the row changes (a like arrives): what the person has
    // typed so far stays.
    auto* edit = qobject_cast<PostEditor*>(editor);
    if (!edit || edit->property("plein-filled").toBool())
        return;
    edit->setText(index.data(PostListModel::BodyRole).toString());
    // Its files may stand alone, as when it was written.
    edit->setMayBeEmpty(!index.data(PostListModel::AttachmentsRole).toList().isEmpty());
    edit->setProperty("plein-filled", true);
}

void PostDelegate::setModelData(QWidget*, QAbstractItemModel*, const QModelIndex&) const
{
    // Posts change through the outbox, never in the model: see editSubmitted.
}

void PostDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const
{
    if (m_editor != editor)
        return;
    editor->setGeometry(
        card(option, index).body.translated(option.rect.topLeft()).adjusted(-2, 0, 2, 0));
}

bool PostDelegate::eventFilter(QObject* object, QEvent* event)
{
    // The editor handles its own keys and focus (Ctrl+Enter, Escape); the item delegate's
    // filter would commit on focus loss and close on Escape behind its back.
    if (qobject_cast<PostEditor*>(object))
        return false;
    return QStyledItemDelegate::eventFilter(object, event);
}

void PostDelegate::startEditing(QAbstractItemView* view, const QModelIndex& index)
{
    if (!view || !index.isValid())
        return;
    stopEditing();
    m_view = view;
    m_editing = index;
    view->openPersistentEditor(index);
    m_editor = qobject_cast<PostEditor*>(view->indexWidget(index));
    if (!m_editor) {
        m_editing = QPersistentModelIndex();
        return;
    }
    const QPersistentModelIndex editing = m_editing;
    connect(m_editor, &PostEditor::saved, this, [this, editing](const QString& text) {
        if (!editing.isValid())
            return;
        Q_EMIT editSubmitted(editing, text);
        stopEditing();
    });
    connect(m_editor, &PostEditor::cancelled, this, &PostDelegate::stopEditing);
    connect(m_editor, &PostEditor::heightChanged, this, [this, editing]() {
        if (editing.isValid())
            Q_EMIT sizeHintChanged(editing);
    });
    rowChanged(index);
    view->scrollTo(index);
    m_editor->editor()->setFocus(Qt::OtherFocusReason);
}

void PostDelegate::stopEditing()
{
    const QPersistentModelIndex editing = std::exchange(m_editing, QPersistentModelIndex());
    QPointer<PostEditor> editor = std::exchange(m_editor, nullptr);
    if (!m_view)
        return;
    const bool hadFocus = editor && editor->isAncestorOf(QApplication::focusWidget());
    if (editing.isValid())
        m_view->closePersistentEditor(editing);
    else if (editor)
        editor->deleteLater();
    if (editing.isValid())
        rowChanged(editing);
    if (hadFocus)
        m_view->setFocus(Qt::OtherFocusReason);
}

PostEditor* PostDelegate::editor() const
{
    return m_editor;
}

bool PostDelegate::isEditing(const QModelIndex& index) const
{
    return m_editing.isValid() && m_editing == index && m_editor;
}

} // namespace plein::app
