#include "pages/chat/chatcapability.h"

#include "chat/chat.h"
#include "chat/conversationlistmodel.h"
#include "client.h"
#include "errortext.h"
#include "pages/chat/chatcomposer.h"
#include "pages/chat/conversationdetails.h"
#include "pages/chat/conversationlistpage.h"
#include "pages/chat/conversationpage.h"
#include "pages/chat/conversationrows.h"
#include "pages/chat/newconversationdialog.h"
#include "presence/presence.h"
#include "protocol/errorcode.h"
// DesktopNotifier keeps a QPointer<DoNotDisturb>, which needs the class.
#include "shell/desktopnotifier.h"
#include "shell/donotdisturb.h"
#include "shell/header.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/sidebarmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>

namespace plein::app {

using client::Chat;
using client::ConversationListModel;

namespace {

// Clocks differ a little between machines.
constexpr int startSlackSeconds = 120;

QString keyOf(qint64 conversationId)
{
    return QStringLiteral("chat:%1").arg(conversationId);
}

} // namespace

ChatCapability::ChatCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
{
    client::Client& client = shell.client();
    Chat& chat = client.chat();
    m_conversations = new ConversationListModel(client.cache(), chat, this);
    m_rows = new ConversationRows(*m_conversations, chat, this);
    m_rows->setPresence(&client.presence());
    chat.setSendTyping(QSettings().value(QLatin1StringView(sendTypingKey), true).toBool());

    const QUrl listLink = Navigator::link(QStringLiteral("chats"));
    shell.sidebarModel().addEntry(
        {.title = tr("Chat"),
         .link = listLink,
         .rows = m_rows,
         .rowTitleRole = ConversationListModel::TitleRole,
         .rowBadgeRole = ConversationRows::BadgeRole,
         .rowLink =
             [](const QModelIndex& index) {
                 return Navigator::link(QStringLiteral("chat"),
                                        index.data(ConversationListModel::IdRole).toLongLong());
             },
         .fixed = {{tr("New conversation…"), Navigator::link(QStringLiteral("new-chat")),
                    icons::icon(icons::Icon::Add)}},
         .icon = icons::icon(icons::Icon::Reply)});
    registerRoutes();
    buildActions();

    // The unread total, in the window's title and the tray.
    connect(&chat, &Chat::unreadTotalChanged, &shell, &MainWindow::setUnreadMessages);
    shell.setUnreadMessages(chat.unreadTotal());
    connect(&chat, &Chat::concernsMe, this, &ChatCapability::notify);
    // A conversation read (here, on another device, by Mark as read): its bubble goes.
    connect(m_conversations, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                for (int row = from.row(); row <= to.row(); ++row) {
                    const QModelIndex index = m_conversations->index(row, 0);
                    if (index.data(ConversationListModel::UnreadRole).toInt() == 0)
                        m_shell.notifications().markKeyRead(
                            keyOf(index.data(ConversationListModel::IdRole).toLongLong()));
                }
            });

    if (DesktopNotifier* notifier = shell.desktopNotifier()) {
        // A muted conversation is listed, but only a mention of the user bubbles.
        notifier->addMuteCheck(this, [this](const NotificationModel::Notification& n) {
            const qint64 id = conversationOfKey(n.key);
            if (id <= 0 || n.kind == QLatin1StringView("chat.mention"))
                return false;
            const auto c = m_shell.client().chat().conversation(id);
            return c && c->muted;
        });
        connect(notifier, &DesktopNotifier::actionInvoked, this,
                [this](const NotificationModel::Notification& n, const QString& action) {
                    const qint64 id = conversationOfKey(n.key);
                    if (id <= 0)
                        return;
                    if (action == QLatin1StringView(NotificationModel::markReadAction)) {
                        m_shell.client().chat().markRead(id);
                    } else if (action == QLatin1StringView(NotificationModel::replyAction)) {
                        // The bubble opened the conversation: the reply is written there.
                        openConversation(id);
                        if (m_page)
                            m_page->composer()->editor()->setFocus(Qt::OtherFocusReason);
                    }
                });
        connect(notifier, &DesktopNotifier::replied, this,
                [this](const NotificationModel::Notification& n, const QString& text) {
                    const qint64 id = conversationOfKey(n.key);
                    if (id <= 0 || text.trimmed().isEmpty())
                        return;
                    Chat& own = m_shell.client().chat();
                    own.send(id, text);
                    // Answered from the bubble: what it showed has been read.
                    own.markRead(id);
                });
    }
}

ChatCapability::~ChatCapability() = default;

ChatCapability* ChatCapability::of(const MainWindow& shell)
{
    return shell.findChild<ChatCapability*>(QString(), Qt::FindDirectChildrenOnly);
}

void ChatCapability::registerRoutes()
{
    Navigator& navigator = m_shell.navigator();
    navigator.addRoute(QStringLiteral("chats"), Navigator::Id::None, [this](qint64) {
        m_shell.showPage(listPage());
        return true;
    });
    navigator.addRoute(QStringLiteral("chat"), Navigator::Id::Required, [this](qint64 id) {
        openConversation(id);
        return true;
    });
    navigator.addRoute(QStringLiteral("chat-with"), Navigator::Id::Required, [this](qint64 id) {
        openDirectWith(id);
        return true;
    });
    navigator.addRoute(QStringLiteral("group-chat"), Navigator::Id::Required, [this](qint64 id) {
        openGroupChat(id);
        return true;
    });
    navigator.addRoute(QStringLiteral("new-chat"), Navigator::Id::None, [this](qint64) {
        newConversation();
        return true;
    });
}

void ChatCapability::buildActions()
{
    auto* start = new QAction(tr("New &conversation…"), &m_shell);
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_shell.appMenu()->insertAction(m_shell.appMenu()->actions().value(2), start);
    connect(start, &QAction::triggered, this, &ChatCapability::newConversation);

    // Settings → Chat: what the user tells others of themselves.
    if (QMenu* settings = m_shell.settingsMenu()) {
        QMenu* chat = new QMenu(tr("&Chat"), settings);
        settings->insertMenu(settings->actions().value(1), chat);
        QAction* typing = chat->addAction(tr("Send &typing indicators"));
        typing->setCheckable(true);
        typing->setChecked(m_shell.client().chat().sendsTyping());
        typing->setToolTip(tr("Others see “typing…” while you write to them"));
        connect(typing, &QAction::toggled, this, [this](bool on) {
            QSettings().setValue(QLatin1StringView(sendTypingKey), on);
            m_shell.client().chat().setSendTyping(on);
        });
        QAction* receipts = chat->addAction(tr("Share &read receipts"));
        receipts->setCheckable(true);
        receipts->setToolTip(tr("Others see when you read their messages, and you see when "
                                "they read yours; off, neither"));
        connect(chat, &QMenu::aboutToShow, receipts,
                [this, receipts]() { receipts->setChecked(m_shell.client().chat().receipts()); });
        connect(receipts, &QAction::triggered, this,
                [this](bool on) { m_shell.client().chat().setReceipts(on); });
    }

    const QString section = tr("Chat");
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_Return), tr("Send the message"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::SHIFT | Qt::Key_Return),
                            tr("Start a new line in the message"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_Up),
                            tr("Edit your last message (in an empty composer)"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_Escape),
                            tr("Cancel the reply or the edit"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_R), tr("Reply to the message"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_E), tr("Edit your message"));
    m_shell.addShortcutHelp(section, QKeySequence(Qt::Key_Delete), tr("Delete your message"));
    m_shell.addShortcutHelp(section, QKeySequence::Copy, tr("Copy the message's text"));
}

ConversationListPage* ChatCapability::listPage()
{
    if (!m_list) {
        m_list = new ConversationListPage(*m_rows, m_shell.navigator(), &m_shell);
        connect(m_list, &ConversationListPage::newConversationRequested, this,
                &ChatCapability::newConversation);
    }
    return m_list;
}

ConversationPage* ChatCapability::page() const
{
    return m_page;
}

ConversationDetails* ChatCapability::details()
{
    if (!m_details) {
        m_details = new ConversationDetails(m_shell.client(), m_shell.navigator(), &m_shell);
        connect(m_details, &ConversationDetails::closeRequested, &m_shell,
                &MainWindow::closeDetail);
    }
    return m_details;
}

void ChatCapability::openConversation(qint64 id)
{
    if (m_page && m_page->conversationId() == id) {
        m_page->reload();
        m_shell.showPage(m_page);
        return;
    }
    // One conversation page at a time: the previous one goes once the new one shows, leaving
    // what was typed in it for when it is opened again.
    QPointer<ConversationPage> previous = m_page;
    if (previous) {
        const QString draft = previous->composer()->text();
        if (draft.trimmed().isEmpty())
            m_drafts.remove(previous->conversationId());
        else
            m_drafts.insert(previous->conversationId(), draft);
    }
    m_page = new ConversationPage(m_shell.client(), m_shell.navigator(), id, &m_shell);
    m_page->composer()->setText(m_drafts.take(id));
    connect(m_page, &ConversationPage::detailsRequested, this, &ChatCapability::showDetails);
    // The header names the conversation, also once it is known (opened before it was synced).
    connect(m_page, &QWidget::windowTitleChanged, this, [this](const QString& title) {
        if (m_page && m_shell.currentPage() == m_page)
            m_shell.header()->setTitle(title);
    });
    m_shell.showPage(m_page);
    if (m_details && m_shell.detail() == m_details && m_details->conversationId() != id)
        m_shell.closeDetail();
    if (previous)
        previous->deleteLater();
    m_page->composer()->editor()->setFocus(Qt::OtherFocusReason);
}

void ChatCapability::showDetails(qint64 conversationId)
{
    details()->open(conversationId);
    m_shell.showDetail(m_details);
}

void ChatCapability::newConversation()
{
    auto* dialog = new NewConversationDialog(m_shell.client(), &m_shell);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewConversationDialog::opened, this, [this](qint64 id) {
        m_shell.navigator().open(Navigator::link(QStringLiteral("chat"), id));
    });
    dialog->open();
}

void ChatCapability::openDirectWith(qint64 userId)
{
    Chat& chat = m_shell.client().chat();
    if (const auto known = chat.directWith(userId)) {
        m_shell.navigator().open(Navigator::link(QStringLiteral("chat"), *known));
        return;
    }
    chat.openDirect(userId, this, [this](const Result<qint64>& result) {
        if (result.ok())
            m_shell.navigator().open(Navigator::link(QStringLiteral("chat"), result.value()));
        else
            m_shell.showShortNotice(
                errorText(protocol::errorCodeName(result.error().code), result.error().message));
    });
}

void ChatCapability::openGroupChat(qint64 groupId)
{
    Chat& chat = m_shell.client().chat();
    if (const auto known = chat.chatOfGroup(groupId)) {
        m_shell.navigator().open(Navigator::link(QStringLiteral("chat"), *known));
        return;
    }
    chat.openGroupChat(groupId, this, [this](const Result<qint64>& result) {
        if (result.ok())
            m_shell.navigator().open(Navigator::link(QStringLiteral("chat"), result.value()));
        else
            m_shell.showShortNotice(
                errorText(protocol::errorCodeName(result.error().code), result.error().message));
    });
}

bool ChatCapability::isShowing(qint64 conversationId) const
{
    return m_page && m_page->conversationId() == conversationId && m_page->isVisible()
        && m_shell.isActiveWindow() && !m_shell.isMinimized();
}

qint64 ChatCapability::conversationOfKey(const QString& key)
{
    return key.startsWith(QLatin1StringView("chat:")) ? key.mid(5).toLongLong() : 0;
}

void ChatCapability::notify(const client::MessageRow& message, bool isDirect, bool isMention,
                            bool isReply)
{
    // Being read right now: nothing to tell.
    if (isShowing(message.conversationId))
        return;
    const QDateTime written = QDateTime::fromString(message.createdAt, Qt::ISODate);
    if (written.isValid() && written < m_started.addSecs(-startSlackSeconds))
        return;
    Chat& chat = m_shell.client().chat();
    const auto c = chat.conversation(message.conversationId);
    const QString where = c ? c->displayTitle(chat.me()) : QString();
    const QString who = message.name();
    NotificationModel::Notification n;
    // A mention says more than a reply, a reply more than a message.
    if (isMention) {
        n.kind = QStringLiteral("chat.mention");
        n.title = isDirect || where.isEmpty() ? tr("%1 mentioned you").arg(who)
                                              : tr("%1 mentioned you in %2").arg(who, where);
    } else if (isReply) {
        n.kind = QStringLiteral("chat.reply");
        n.title = isDirect || where.isEmpty() ? tr("%1 replied to you").arg(who)
                                              : tr("%1 replied to you in %2").arg(who, where);
    } else {
        n.kind = QStringLiteral("chat.direct");
        n.title = who;
    }
    n.body = message.body.trimmed().isEmpty() && !message.attachments.isEmpty()
        ? tr("Sent %n file(s): %1", nullptr, int(message.attachments.size()))
              .arg(message.attachments.first().name)
        : message.body.left(300);
    n.link = Navigator::link(QStringLiteral("chat"), message.conversationId);
    n.key = keyOf(message.conversationId);
    n.actions = {NotificationModel::reply(), NotificationModel::markRead()};
    m_shell.notifications().add(n);
}

} // namespace plein::app
