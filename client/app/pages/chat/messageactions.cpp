#include "pages/chat/messageactions.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat/chat.h"
#include "chat/messagelistmodel.h"
#include "client.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/chat/chatcomposer.h"
#include "pages/chat/chattexts.h"
#include "pages/chat/messagedelegate.h"
#include "pages/chat/messageview.h"
#include "pages/chat/reactionpicker.h"
#include "pages/files/fileactions.h"
#include "shell/navigator.h"
#include "ui/icons.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>

namespace plein::app {

using client::MessageListModel;
using Action = MessageToolbar::Action;
using Part = MessagePart;

namespace {

QString nameOf(const QModelIndex& index)
{
    const QString name = index.data(MessageListModel::AuthorNameRole).toString();
    return name.isEmpty() ? index.data(MessageListModel::AuthorUsernameRole).toString() : name;
}

// The reactions the user gave to the message at `index`.
QStringList myReactions(const QModelIndex& index)
{
    QStringList mine;
    for (const QVariant& value : index.data(MessageListModel::ReactionsRole).toList()) {
        const QVariantMap r = value.toMap();
        if (r.value(QStringLiteral("mine")).toBool())
            mine << r.value(QStringLiteral("reaction")).toString();
    }
    return mine;
}

} // namespace

MessageActions::MessageActions(client::Client& client, Navigator& navigator, MessageView& view,
                               ChatComposer& composer, QWidget* window)
    : QObject(&view)
    , m_client(client)
    , m_navigator(navigator)
    , m_view(view)
    , m_composer(composer)
    , m_window(window)
{
    connect(&view, &MessageView::toolbarTriggered, this, &MessageActions::onToolbar);
    connect(&view, &MessageView::partTriggered, this, &MessageActions::onPart);
    connect(&view, &MessageView::linkActivated, this, &MessageActions::openLink);
    // The files of a message: the shell's FileActions (the page is the shell's child).
    FileActions* files = FileActions::of(window ? window->window() : nullptr);
    if (files) {
        view.messageDelegate()->setFiles(files);
        connect(&view, &MessageView::fileActivated, files,
                [files, &view](const QModelIndex& index, int file, AttachmentBlock::Action action) {
                    files->activate(
                        ShownFile::fromVariantList(index.data(MessageListModel::AttachmentsRole)),
                        file, action, &view);
                });
    }
    connect(&view, &QWidget::customContextMenuRequested, this, [this, files](const QPoint& pos) {
        const QModelIndex index = m_view.indexAt(pos);
        if (!index.isValid())
            return;
        const MessageHit hit = m_view.messageDelegate()->hitAt(m_view.optionFor(index), index, pos);
        if (files && hit.part == Part::Attachment) {
            files->showMenu(
                ShownFile::fromVariantList(index.data(MessageListModel::AttachmentsRole)), hit.file,
                m_view.viewport()->mapToGlobal(pos), &m_view);
            return;
        }
        showMenu(index, m_view.viewport()->mapToGlobal(pos));
    });
    connect(&composer, &ChatComposer::editSubmitted, this, &MessageActions::saveEdit);
    connect(&composer, &ChatComposer::editLastRequested, this, &MessageActions::editLast);
    view.installEventFilter(this);
}

qint64 MessageActions::idOf(const QModelIndex& index) const
{
    return index.data(MessageListModel::IdRole).toLongLong();
}

bool MessageActions::mayEdit(const QModelIndex& index) const
{
    return index.isValid() && index.data(MessageListModel::MineRole).toBool()
        && !index.data(MessageListModel::DeletedRole).toBool();
}

bool MessageActions::mayDelete(const QModelIndex& index) const
{
    return mayEdit(index);
}

void MessageActions::react(const QModelIndex& index, const QString& reaction)
{
    const qint64 id = idOf(index);
    if (id <= 0 || index.data(MessageListModel::DeletedRole).toBool())
        return;
    m_client.chat().react(id, reaction, !myReactions(index).contains(reaction));
}

void MessageActions::reply(const QModelIndex& index)
{
    const qint64 id = idOf(index);
    if (id <= 0 || index.data(MessageListModel::DeletedRole).toBool())
        return;
    m_composer.setReplyTo(id, nameOf(index), index.data(MessageListModel::BodyRole).toString());
}

bool MessageActions::edit(const QModelIndex& index)
{
    if (!mayEdit(index))
        return false;
    const qint64 id = idOf(index);
    // A message still in the outbox is changed there; a confirmed one gets a chat.edit.
    const QString key = id > 0
        ? QStringLiteral("m:%1").arg(id)
        : QStringLiteral("c:") + index.data(MessageListModel::ClientIdRole).toString();
    m_composer.setEditing(key, index.data(MessageListModel::BodyRole).toString(),
                          !index.data(MessageListModel::AttachmentsRole).toList().isEmpty());
    return true;
}

bool MessageActions::editLast()
{
    const QAbstractItemModel* model = m_view.model();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row, 0);
        if (mayEdit(index) && !index.data(MessageListModel::FailedRole).toBool()) {
            m_view.scrollTo(index);
            return edit(index);
        }
    }
    return false;
}

void MessageActions::saveEdit(const QString& key, const QString& text)
{
    if (key.startsWith(QLatin1StringView("m:")))
        m_client.chat().edit(key.mid(2).toLongLong(), text);
    else if (key.startsWith(QLatin1StringView("c:")))
        m_client.outbox().editPending(key.mid(2), text);
    Q_EMIT wrote();
}

void MessageActions::remove(const QModelIndex& index)
{
    if (!mayDelete(index))
        return;
    const qint64 id = idOf(index);
    if (id <= 0) {
        // Never sent: nobody else has it, there is nothing to confirm.
        m_client.outbox().discard(index.data(MessageListModel::ClientIdRole).toString());
        return;
    }
    if (m_confirm)
        m_confirm->close();
    m_confirm = new QMessageBox(QMessageBox::Question, tr("Delete the message?"),
                                tr("It is removed for everyone in the conversation. This cannot "
                                   "be undone."),
                                QMessageBox::Cancel, m_window);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = m_confirm->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    m_confirm->setDefaultButton(QMessageBox::Cancel);
    connect(yes, &QPushButton::clicked, this, [this, id]() {
        m_client.chat().remove(id);
        Q_EMIT wrote();
    });
    m_confirm->open();
}

void MessageActions::copyText(const QModelIndex& index)
{
    if (!index.isValid() || index.data(MessageListModel::DeletedRole).toBool())
        return;
    QGuiApplication::clipboard()->setText(index.data(MessageListModel::BodyRole).toString());
}

void MessageActions::retry(const QModelIndex& index)
{
    const bool message = index.data(MessageListModel::FailedRole).toBool();
    m_client.outbox().retry(
        index.data(message ? MessageListModel::ClientIdRole : MessageListModel::ChangeClientIdRole)
            .toString());
}

void MessageActions::discard(const QModelIndex& index)
{
    const bool message = index.data(MessageListModel::FailedRole).toBool()
        || index.data(MessageListModel::PendingRole).toBool();
    m_client.outbox().discard(
        index.data(message ? MessageListModel::ClientIdRole : MessageListModel::ChangeClientIdRole)
            .toString());
}

void MessageActions::showMessage(qint64 messageId)
{
    client::MessageListModel* model = m_view.messages();
    if (!model || messageId <= 0)
        return;
    const int row = model->ensureLoaded(messageId);
    if (row >= 0) {
        m_view.showRow(row, true);
        return;
    }
    // Still being read from the cache or the server: shown once it is there.
    if (m_waitingFor == 0)
        connect(model, &MessageListModel::messageLoaded, this, [this](qint64 id, int loaded) {
            if (id != m_waitingFor)
                return;
            m_waitingFor = 0;
            if (loaded >= 0)
                m_view.showRow(loaded, true);
        });
    m_waitingFor = messageId;
}

void MessageActions::openLink(const QUrl& url)
{
    if (Navigator::isPleinLink(url))
        m_navigator.open(url);
    else if (isOpenableLink(url))
        QDesktopServices::openUrl(url);
}

void MessageActions::onToolbar(Action action, const QString& reaction, const QModelIndex& index,
                               const QPoint& globalPos)
{
    switch (action) {
    case Action::QuickReaction:
        react(index, reaction);
        break;
    case Action::React:
        pickReaction(index, globalPos);
        break;
    case Action::Reply:
        reply(index);
        break;
    case Action::Edit:
        edit(index);
        break;
    case Action::Delete:
        remove(index);
        break;
    case Action::More:
        showMenu(index, globalPos);
        break;
    }
}

void MessageActions::onPart(Part part, const QString& reaction, const QModelIndex& index,
                            const QPoint& globalPos)
{
    switch (part) {
    case Part::Quote:
        showMessage(index.data(MessageListModel::ReplyToIdRole).toLongLong());
        break;
    case Part::Reaction:
        react(index, reaction);
        break;
    case Part::Retry:
        retry(index);
        break;
    case Part::EditFailed:
        edit(index);
        break;
    case Part::Discard:
        discard(index);
        break;
    case Part::Name:
    case Part::Avatar:
        showPersonMenu(index, globalPos);
        break;
    default:
        break;
    }
}

void MessageActions::pickReaction(const QModelIndex& index, const QPoint& globalPos)
{
    const QPersistentModelIndex row = index;
    auto* picker = new ReactionPicker(myReactions(index), m_view.window());
    connect(picker, &ReactionPicker::chosen, this, [this, row](const QString& reaction, bool on) {
        const qint64 id = row.isValid() ? idOf(row) : 0;
        if (id > 0)
            m_client.chat().react(id, reaction, on);
    });
    picker->popup(globalPos);
}

void MessageActions::fillMenu(QMenu& menu, const QModelIndex& index)
{
    const QPersistentModelIndex row = index;
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const bool confirmed = idOf(index) > 0;
    const bool refused = index.data(MessageListModel::FailedRole).toBool()
        || index.data(MessageListModel::ChangeFailedRole).toBool();
    if (confirmed && !deleted) {
        QMenu* reactions = menu.addMenu(tr("React"));
        const QStringList mine = myReactions(index);
        for (const auto& r : protocol::chat::reactions) {
            const QString name(r.name);
            QAction* action = reactions->addAction(QString::fromUtf8(r.emoji) + QStringLiteral("  ")
                                                   + ChatTexts::reactionName(name));
            action->setCheckable(true);
            action->setChecked(mine.contains(name));
            connect(action, &QAction::triggered, this, [this, row, name]() {
                if (row.isValid())
                    react(row, name);
            });
        }
        menu.addAction(icons::icon(icons::Icon::Reply), tr("Reply"), this, [this, row]() {
            if (row.isValid())
                reply(row);
        });
    }
    if (refused) {
        menu.addAction(icons::icon(icons::Icon::Reconnect), tr("Try again"), this, [this, row]() {
            if (row.isValid())
                retry(row);
        });
        menu.addAction(tr("Discard"), this, [this, row]() {
            if (row.isValid())
                discard(row);
        });
    }
    if (mayEdit(index)) {
        menu.addAction(icons::icon(icons::Icon::Edit), tr("Edit"), this, [this, row]() {
            if (row.isValid())
                edit(row);
        });
        if (confirmed)
            menu.addAction(icons::icon(icons::Icon::Delete), tr("Delete…"), this, [this, row]() {
                if (row.isValid())
                    remove(row);
            });
        else if (!refused)
            menu.addAction(tr("Discard"), this, [this, row]() {
                if (row.isValid())
                    discard(row);
            });
    }
    if (!deleted) {
        menu.addSeparator();
        menu.addAction(tr("Copy text"), this, [this, row]() {
            if (row.isValid())
                copyText(row);
        });
    }
}

void MessageActions::showMenu(const QModelIndex& index, const QPoint& globalPos)
{
    QMenu menu(m_view.window());
    fillMenu(menu, index);
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

void MessageActions::showPersonMenu(const QModelIndex& index, const QPoint& globalPos)
{
    const qint64 user = index.data(MessageListModel::AuthorIdRole).toLongLong();
    const QString username = index.data(MessageListModel::AuthorUsernameRole).toString();
    const QString name = nameOf(index);
    QMenu menu(m_view.window());
    if (user > 0 && user != m_client.chat().me())
        menu.addAction(tr("Message %1").arg(name), this, [this, user]() {
            m_navigator.open(Navigator::link(QStringLiteral("chat-with"), user));
        });
    if (!username.isEmpty())
        menu.addAction(tr("Mention %1").arg(name), this, [this, username]() {
            m_composer.setText(m_composer.text() + u'@' + username + u' ');
            m_composer.editor()->setFocus(Qt::OtherFocusReason);
        });
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

bool MessageActions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        const QModelIndex current = m_view.currentIndex();
        if (!current.isValid())
            return false;
        if (mods == Qt::NoModifier && key->key() == Qt::Key_R) {
            reply(current);
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_E)
            return edit(current);
        if (mods == Qt::NoModifier && key->key() == Qt::Key_Delete && mayDelete(current)) {
            remove(current);
            return true;
        }
        if (key->matches(QKeySequence::Copy)) {
            copyText(current);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace plein::app
