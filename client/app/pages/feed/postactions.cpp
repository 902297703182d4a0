#include "pages/feed/postactions.h"

#include "client.h"
#include "connection.h"
#include "feed.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/feed/deletequeue.h"
#include "pages/feed/likerscache.h"
#include "pages/files/fileactions.h"
#include "postlistmodel.h"
#include "poststore.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QDesktopServices>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QRegularExpression>

namespace plein::app {

using client::PostListModel;
using Part = PostDelegate::Part;

namespace {

QUrl postLink(qint64 id)
{
    return Navigator::link(QStringLiteral("post"), id);
}

qint64 idOf(const QModelIndex& index)
{
    return index.data(PostListModel::IdRole).toLongLong();
}

bool isPending(const QModelIndex& index)
{
    return index.data(PostListModel::PendingRole).toBool();
}

} // namespace

PostActions::PostActions(client::Client& client, Navigator& navigator, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_navigator(navigator)
    , m_window(window)
    , m_deletes(
          new DeleteQueue([&client](qint64 postId) { client.feed().deletePost(postId); }, this))
    , m_likers(new LikersCache(client, this))
{ }

PostActions::~PostActions()
{
    // Deletions still waiting for their Undo are what the user asked for.
    m_deletes->commitAll();
}

qint64 PostActions::me() const
{
    return m_client.connection().userId();
}

PostDelegate* PostActions::attach(QListView* view)
{
    auto* delegate = new PostDelegate(view);
    delegate->setDeleteQueue(m_deletes);
    delegate->setLikers(m_likers);
    delegate->setReader(m_client.username());
    view->setItemDelegate(delegate);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Hovering a link or a button shows the hand cursor and lights it (PostDelegate).
    view->setMouseTracking(true);
    connect(delegate, &PostDelegate::linkActivated, this, &PostActions::openLink);
    connect(delegate, &PostDelegate::triggered, this,
            [this, view](Part part, const QModelIndex& index, const QPoint& globalPos) {
                trigger(view, part, index, globalPos);
            });
    connect(delegate, &PostDelegate::editSubmitted, this, &PostActions::saveEdit);
    FileActions* files = FileActions::of(m_window);
    if (files) {
        delegate->setFiles(files);
        connect(
            delegate, &PostDelegate::fileActivated, files,
            [files, view](const QList<ShownFile>& shown, int file, AttachmentBlock::Action action) {
                files->activate(shown, file, action, view);
            });
    }
    connect(view, &QListView::customContextMenuRequested, this,
            [this, view, delegate, files](const QPoint& pos) {
                QList<ShownFile> shown;
                if (const int file = delegate->hoveredFile(&shown); files && file >= 0)
                    return files->showMenu(shown, file, view->viewport()->mapToGlobal(pos), view);
                const QModelIndex index = view->indexAt(pos);
                if (index.isValid())
                    showMenu(view, index, view->viewport()->mapToGlobal(pos));
            });
    connect(view, &QListView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = idOf(index);
        if (id > 0 && index.data(PostListModel::ParentIdRole).toLongLong() == 0
            && !m_deletes->contains(id))
            m_navigator.open(postLink(id));
    });
    view->installEventFilter(this);
    return delegate;
}

void PostActions::openLink(const QUrl& url)
{
    if (Navigator::isPleinLink(url))
        m_navigator.open(url);
    else if (isOpenableLink(url))
        QDesktopServices::openUrl(url);
}

bool PostActions::eventFilter(QObject* watched, QEvent* event)
{
    auto* view = qobject_cast<QListView*>(watched);
    if (view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        const QModelIndex current = view->currentIndex();
        if (mods == Qt::NoModifier && key->key() == Qt::Key_L) {
            like(current);
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_R) {
            reply(current);
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_E) {
            edit(view, current);
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            remove(current);
            return true;
        }
        if (key->matches(QKeySequence::Undo) && m_deletes->latest() > 0) {
            m_deletes->undo(m_deletes->latest());
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void PostActions::like(const QModelIndex& index)
{
    const qint64 id = idOf(index);
    if (!index.isValid() || id == 0 || index.data(PostListModel::DeletedRole).toBool()
        || m_deletes->contains(id))
        return;
    m_client.feed().likePost(id, !index.data(PostListModel::LikedByMeRole).toBool());
}

bool PostActions::mayReply(const QModelIndex& index) const
{
    const qint64 id = idOf(index);
    const qint64 parent = index.data(PostListModel::ParentIdRole).toLongLong();
    if (!index.isValid() || (parent == 0 && id <= 0) || m_deletes->contains(id))
        return false;
    if (parent == 0)
        return !index.data(PostListModel::DeletedRole).toBool();
    // A reply: the thread's post decides.
    const auto root = client::PostStore(m_client.cache()).post(parent);
    return !(root && root->deleted) && !m_deletes->contains(parent);
}

void PostActions::reply(const QModelIndex& index)
{
    if (!mayReply(index))
        return;
    const qint64 parent = index.data(PostListModel::ParentIdRole).toLongLong();
    Q_EMIT replyRequested(parent ? parent : idOf(index));
}

bool PostActions::mayEdit(const QModelIndex& index) const
{
    if (!index.isValid())
        return false;
    if (isPending(index))
        return true; // only the user's own posts wait in their outbox
    return idOf(index) > 0 && !index.data(PostListModel::DeletedRole).toBool()
        && !m_deletes->contains(idOf(index))
        && index.data(PostListModel::AuthorIdRole).toLongLong() == me();
}

bool PostActions::edit(QListView* view, const QModelIndex& index)
{
    auto* delegate = qobject_cast<PostDelegate*>(view->itemDelegate());
    if (!delegate || !mayEdit(index))
        return false;
    delegate->startEditing(view, index);
    return true;
}

void PostActions::saveEdit(const QModelIndex& index, const QString& text)
{
    if (!index.isValid()
        || (text.trimmed().isEmpty()
            && index.data(PostListModel::AttachmentsRole).toList().isEmpty()))
        return;
    if (isPending(index))
        m_client.outbox().editPending(index.data(PostListModel::ClientIdRole).toString(), text);
    else if (text != index.data(PostListModel::BodyRole).toString())
        m_client.feed().editPost(idOf(index), text);
}

bool PostActions::mayDelete(const QModelIndex& index) const
{
    return index.isValid() && !isPending(index) && idOf(index) > 0
        && !index.data(PostListModel::DeletedRole).toBool() && !m_deletes->contains(idOf(index))
        && index.data(PostListModel::AuthorIdRole).toLongLong() == me();
}

bool PostActions::remove(const QModelIndex& index)
{
    if (!mayDelete(index))
        return false;
    m_deletes->schedule(idOf(index));
    return true;
}

void PostActions::trigger(QListView* view, Part part, const QModelIndex& index,
                          const QPoint& globalPos)
{
    auto& outbox = m_client.outbox();
    // A refused post is retried or dropped whole; a refused change to a post, just the change.
    const QString write = isPending(index)
        ? index.data(PostListModel::ClientIdRole).toString()
        : index.data(PostListModel::ChangeClientIdRole).toString();
    switch (part) {
    case Part::Like:
        like(index);
        break;
    case Part::Reply:
        reply(index);
        break;
    case Part::More:
        showMenu(view, index, globalPos);
        break;
    case Part::Edit:
        edit(view, index);
        break;
    case Part::Retry:
        if (!write.isEmpty())
            outbox.retry(write);
        break;
    case Part::Discard:
        if (!write.isEmpty())
            outbox.discard(write);
        break;
    case Part::Undo:
        m_deletes->undo(idOf(index));
        break;
    default:
        break;
    }
}

void PostActions::showMenu(QListView* view, const QModelIndex& index, const QPoint& globalPos)
{
    if (!index.isValid())
        return;
    QMenu menu(m_window);
    auto& outbox = m_client.outbox();
    auto& feed = m_client.feed();
    const qint64 id = idOf(index);
    const QString clientId = index.data(PostListModel::ClientIdRole).toString();
    const QString body = index.data(PostListModel::BodyRole).toString();
    const QPersistentModelIndex row = index;
    using icons::Icon;
    if (m_deletes->contains(id)) {
        menu.addAction(icons::icon(Icon::Undo), tr("Undo the deletion"), this,
                       [this, id]() { m_deletes->undo(id); });
        menu.exec(globalPos);
        return;
    }
    if (isPending(index)) {
        if (index.data(PostListModel::FailedRole).toBool())
            menu.addAction(icons::icon(Icon::Reconnect), tr("Try again"), this,
                           [&outbox, clientId]() { outbox.retry(clientId); });
        menu.addAction(icons::icon(Icon::Edit), tr("Edit"), this,
                       [this, view, row]() { edit(view, row); });
        menu.addAction(icons::icon(Icon::Delete), tr("Discard"), this,
                       [&outbox, clientId]() { outbox.discard(clientId); });
        menu.exec(globalPos);
        return;
    }
    if (index.data(PostListModel::ChangePendingRole).toBool()) {
        // An edit, deletion or like that is waiting or was refused: the person decides.
        const QString change = index.data(PostListModel::ChangeClientIdRole).toString();
        if (index.data(PostListModel::ChangeFailedRole).toBool())
            menu.addAction(icons::icon(Icon::Reconnect), tr("Try the change again"), this,
                           [&outbox, change]() { outbox.retry(change); });
        menu.addAction(tr("Discard the change"), this,
                       [&outbox, change]() { outbox.discard(change); });
        menu.addSeparator();
    }
    if (!index.data(PostListModel::DeletedRole).toBool()) {
        const bool liked = index.data(PostListModel::LikedByMeRole).toBool();
        menu.addAction(icons::icon(liked ? Icon::Liked : Icon::Like),
                       liked ? tr("Unlike") : tr("Like"), this,
                       [&feed, id, liked]() { feed.likePost(id, !liked); });
        const bool topLevel = index.data(PostListModel::ParentIdRole).toLongLong() == 0;
        if (mayReply(index))
            menu.addAction(icons::icon(Icon::Reply), tr("Reply"), this,
                           [this, row]() { reply(row); });
        if (topLevel)
            menu.addAction(tr("Open thread"), this,
                           [this, id]() { m_navigator.open(postLink(id)); });
        const qint64 group = index.data(PostListModel::GroupIdRole).toLongLong();
        if (topLevel && group > 0 && m_mayPin && m_mayPin(group)) {
            const bool pinned = index.data(PostListModel::PinnedRole).toBool();
            menu.addAction(icons::icon(Icon::Pin),
                           pinned ? tr("Unpin") : tr("Pin to the top of the group"), this,
                           [&feed, id, pinned]() { feed.pinPost(id, !pinned); });
        }
        if (mayEdit(index))
            menu.addAction(icons::icon(Icon::Edit), tr("Edit"), this,
                           [this, view, row]() { edit(view, row); });
        if (mayDelete(index))
            menu.addAction(icons::icon(Icon::Delete), tr("Delete"), this,
                           [this, row]() { remove(row); });
        static const QRegularExpression links(
            QStringLiteral("(https?://|mailto:|plein:)[^\\s)>\\]]+"));
        bool first = true;
        for (auto it = links.globalMatch(body); it.hasNext();) {
            const QUrl url(it.next().captured(0));
            if (!isFollowableLink(url))
                continue;
            if (std::exchange(first, false))
                menu.addSeparator();
            menu.addAction(tr("Open %1").arg(url.toDisplayString()), this,
                           [this, url]() { openLink(url); });
        }
    }
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

} // namespace plein::app
