#include "pages/feed/postactions.h"

#include "client.h"
#include "connection.h"
#include "feed.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/feed/postdelegate.h"
#include "postlistmodel.h"
#include "shell/navigator.h"

#include <QDesktopServices>
#include <QInputDialog>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QRegularExpression>

#include <optional>

namespace plein::app {

using client::PostListModel;

namespace {

QUrl postLink(qint64 id)
{
    return Navigator::link(QStringLiteral("post"), id);
}

} // namespace

PostActions::PostActions(client::Client& client, Navigator& navigator, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_navigator(navigator)
    , m_window(window)
{ }

PostDelegate* PostActions::attach(QListView* view)
{
    auto* delegate = new PostDelegate(view);
    view->setItemDelegate(delegate);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Hovering a link shows the hand cursor (PostDelegate::editorEvent).
    view->setMouseTracking(true);
    connect(delegate, &PostDelegate::linkActivated, this, &PostActions::openLink);
    connect(view, &QListView::customContextMenuRequested, this,
            [this, view](const QPoint& pos) { showMenu(view, pos); });
    connect(view, &QListView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(PostListModel::IdRole).toLongLong();
        if (id > 0 && index.data(PostListModel::ParentIdRole).toLongLong() == 0)
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
        if (mods == Qt::NoModifier && key->key() == Qt::Key_L) {
            likeCurrent(view);
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_R) {
            replyToCurrent(view);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void PostActions::likeCurrent(QListView* view)
{
    const QModelIndex index = view->currentIndex();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    if (!index.isValid() || id == 0 || index.data(PostListModel::DeletedRole).toBool())
        return;
    m_client.feed().likePost(id, !index.data(PostListModel::LikedByMeRole).toBool());
}

void PostActions::replyToCurrent(QListView* view)
{
    const QModelIndex index = view->currentIndex();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    const qint64 parent = index.data(PostListModel::ParentIdRole).toLongLong();
    const qint64 root = parent ? parent : id;
    if (index.isValid() && root > 0)
        Q_EMIT replyRequested(root);
}

void PostActions::showMenu(QListView* view, const QPoint& pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(m_window);
    auto& outbox = m_client.outbox();
    auto& feed = m_client.feed();
    const qint64 id = index.data(PostListModel::IdRole).toLongLong();
    const QString clientId = index.data(PostListModel::ClientIdRole).toString();
    const QString body = index.data(PostListModel::BodyRole).toString();
    // The new text of a post, or nothing when the person cancelled or emptied it.
    const auto askText = [this, body]() -> std::optional<QString> {
        bool ok = false;
        const QString text
            = QInputDialog::getMultiLineText(m_window, tr("Edit post"), tr("Text:"), body, &ok);
        if (!ok || text.trimmed().isEmpty())
            return std::nullopt;
        return text;
    };
    if (index.data(PostListModel::PendingRole).toBool()) {
        if (index.data(PostListModel::FailedRole).toBool())
            menu.addAction(tr("Try again"), this,
                           [&outbox, clientId]() { outbox.retry(clientId); });
        menu.addAction(tr("Edit…"), this, [&outbox, clientId, askText]() {
            if (const auto text = askText())
                outbox.editPending(clientId, *text);
        });
        menu.addAction(tr("Discard"), this, [&outbox, clientId]() { outbox.discard(clientId); });
        menu.exec(view->viewport()->mapToGlobal(pos));
        return;
    }
    if (index.data(PostListModel::ChangePendingRole).toBool()) {
        // An edit, deletion or like that is waiting or was refused: the person decides.
        const QString change = index.data(PostListModel::ChangeClientIdRole).toString();
        if (index.data(PostListModel::ChangeFailedRole).toBool())
            menu.addAction(tr("Try the change again"), this,
                           [&outbox, change]() { outbox.retry(change); });
        menu.addAction(tr("Discard the change"), this,
                       [&outbox, change]() { outbox.discard(change); });
        menu.addSeparator();
    }
    if (!index.data(PostListModel::DeletedRole).toBool()) {
        const bool liked = index.data(PostListModel::LikedByMeRole).toBool();
        menu.addAction(liked ? tr("Unlike") : tr("Like"), this,
                       [&feed, id, liked]() { feed.likePost(id, !liked); });
        const bool topLevel = index.data(PostListModel::ParentIdRole).toLongLong() == 0;
        if (topLevel)
            menu.addAction(tr("Open thread"), this,
                           [this, id]() { m_navigator.open(postLink(id)); });
        const qint64 group = index.data(PostListModel::GroupIdRole).toLongLong();
        if (topLevel && group > 0 && m_mayPin && m_mayPin(group)) {
            const bool pinned = index.data(PostListModel::PinnedRole).toBool();
            menu.addAction(pinned ? tr("Unpin") : tr("Pin to the top of the group"), this,
                           [&feed, id, pinned]() { feed.pinPost(id, !pinned); });
        }
        if (index.data(PostListModel::AuthorIdRole).toLongLong()
            == m_client.connection().userId()) {
            menu.addAction(tr("Edit…"), this, [&feed, id, askText]() {
                if (const auto text = askText())
                    feed.editPost(id, *text);
            });
            menu.addAction(tr("Delete"), this, [&feed, id]() { feed.deletePost(id); });
        }
        static const QRegularExpression links(
            QStringLiteral("(https?://|mailto:|plein:)[^\\s)>\\]]+"));
        for (auto it = links.globalMatch(body); it.hasNext();) {
            const QUrl url(it.next().captured(0));
            if (isFollowableLink(url))
                menu.addAction(tr("Open %1").arg(url.toDisplayString()), this,
                               [this, url]() { openLink(url); });
        }
    }
    if (!menu.isEmpty())
        menu.exec(view->viewport()->mapToGlobal(pos));
}

} // namespace plein::app
