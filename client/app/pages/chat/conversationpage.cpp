#include "pages/chat/conversationpage.h"

#include "cache.h"
#include "chat/chat.h"
#include "chat/chatstore.h"
#include "chat/messagelistmodel.h"
#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "pages/chat/chatavatar.h"
#include "pages/chat/chatcomposer.h"
#include "pages/chat/chattexts.h"
#include "pages/chat/messageactions.h"
#include "pages/chat/messagedelegate.h"
#include "pages/chat/messageview.h"
#include "pages/chat/reactorscache.h"
#include "people/peoplemodel.h"
#include "presence/presence.h"
#include "ui/avatar.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QShowEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

using client::Chat;
using client::ChatStore;
using client::MessageListModel;

namespace {

constexpr int headerAvatar = 32;

} // namespace

ConversationPage::ConversationPage(client::Client& client, Navigator& navigator,
                                   qint64 conversationId, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_id(conversationId)
    , m_reactors(new ReactorsCache(client.chat(), this))
    , m_view(new MessageView(this))
    , m_composer(new ChatComposer(this))
    , m_note(new QLabel(this))
    , m_typing(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationPage"));
    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("conversationHeader"));
    buildHeader(header);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Midlight);

    m_awaitingConversation = !client.chat().conversation(conversationId).has_value();
    makeModel();
    m_view->messageDelegate()->setReactors(m_reactors);
    m_view->messageDelegate()->setReader(m_client.username());
    m_view->messageDelegate()->setOnline([this]() { return isOnline(); });
    m_actions = new MessageActions(client, navigator, *m_view, *m_composer, this);
    m_composer->setPeople(&client.people());

    m_note->setObjectName(QStringLiteral("conversationNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setContentsMargins(12, 6, 12, 6);
    m_note->hide();
    // One line tall whether or not someone types, so the messages never jump.
    m_typing->setObjectName(QStringLiteral("typingLine"));
    m_typing->setTextFormat(Qt::PlainText);
    QFont small = m_typing->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setItalic(true);
    m_typing->setFont(small);
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setFixedHeight(QFontMetrics(small).height() + 4);
    m_typing->setContentsMargins(16, 0, 16, 0);

    auto* bottom = new QVBoxLayout;
    bottom->setContentsMargins(12, 0, 12, 12);
    bottom->setSpacing(2);
    bottom->addWidget(m_typing);
    bottom->addWidget(m_composer);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(line);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    Chat& chat = client.chat();
    connect(m_composer, &ChatComposer::submitted, this, &ConversationPage::send);
    connect(m_composer, &ChatComposer::typed, this,
            [this](bool hasText) { m_client.chat().noteTyping(m_id, hasText); });
    connect(m_composer, &ChatComposer::escapePressed, this,
            [this]() { m_view->setFocus(Qt::ShortcutFocusReason); });
    connect(m_actions, &MessageActions::wrote, this, [this]() { m_model->clearUnreadDivider(); });
    connect(&chat, &Chat::typingChanged, this, [this](qint64 id) {
        if (id == m_id)
            updateTyping();
    });
    connect(&chat, &Chat::historyLoaded, this, [this](qint64 id) {
        if (id != m_id)
            return;
        m_historyError.clear();
        refresh();
    });
    connect(&chat, &Chat::historyFailed, this,
            [this](qint64 id, const QString& message, const QString& code) {
                if (id != m_id)
                    return;
                // Offline is said by the offline note; anything else in the person's words.
                m_historyError = code == QLatin1StringView("unavailable") || code.isEmpty()
                    ? QString()
                    : errorText(code, message);
                refresh();
            });
    connect(&chat, &Chat::conversationFetched, this, [this](qint64 id) {
        if (id == m_id) {
            m_missing = false;
            refresh();
        }
    });
    connect(&chat, &Chat::conversationFetchFailed, this,
            [this](qint64 id, const QString&, const QString& code) {
                if (id == m_id && code == QLatin1StringView("not_found")) {
                    m_missing = true;
                    refresh();
                }
            });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (changes.touches(ChatStore::conversationsArea, m_id))
                    refresh();
            });
    connect(&client.presence(), &client::Presence::changed, this, [this](qint64 user) {
        if (user == m_watched)
            refresh();
    });
    connect(&client.connection(), &client::Connection::stateChanged, this, [this]() {
        refresh();
        // Back online: what was missed is read now.
        if (isOnline() && isVisible())
            reload();
    });
    connect(m_view, &MessageView::newestShown, this, &ConversationPage::markReadIfSeen);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this]() {
        updateJump();
        refresh();
    });

    refresh();
    reload();
}

void ConversationPage::makeModel()
{
    MessageListModel* previous = m_model;
    m_model = new MessageListModel(m_client.cache(), m_client.chat(), m_id, this);
    m_view->setMessages(m_model);
    if (previous)
        previous->deleteLater();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this]() {
        updateEmptyText();
        updateJump();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConversationPage::updateEmptyText);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationPage::updateEmptyText);
    connect(m_model, &MessageListModel::fetchingChanged, this, &ConversationPage::refresh);
    // The header's avatar is a pixmap made in refresh(): again once a photo came.
    connect(&avatar::Photos::instance(), &avatar::Photos::changed, this, &ConversationPage::refresh,
            Qt::UniqueConnection);
}

ConversationPage::~ConversationPage()
{
    m_client.chat().noteTyping(m_id, false);
}

void ConversationPage::buildHeader(QWidget* header)
{
    m_avatar = new QLabel(header);
    m_avatar->setFixedSize(headerAvatar, headerAvatar);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_summary = new QLabel(header);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel* label : {m_title, m_summary})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_jump = new QToolButton(header);
    m_jump->setObjectName(QStringLiteral("jumpToUnread"));
    m_jump->setText(tr("Jump to first unread"));
    m_jump->setArrowType(Qt::UpArrow);
    m_jump->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jump->setAutoRaise(true);
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, [this]() {
        const int row = m_model->firstUnreadRow();
        if (row >= 0)
            m_view->showRow(row);
        updateJump();
    });
    m_mute = new QToolButton(header);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setCheckable(true);
    m_mute->setAutoRaise(true);
    m_mute->setIcon(icons::icon(icons::Icon::Notifications));
    connect(m_mute, &QToolButton::clicked, this,
            [this](bool muted) { m_client.chat().setMuted(m_id, muted); });
    m_details = new QToolButton(header);
    m_details->setObjectName(QStringLiteral("detailsButton"));
    m_details->setAutoRaise(true);
    m_details->setIcon(icons::icon(icons::Icon::Groups));
    m_details->setToolTip(tr("Members and details"));
    m_details->setAccessibleName(tr("Members and details"));
    connect(m_details, &QToolButton::clicked, this, [this]() { Q_EMIT detailsRequested(m_id); });

    auto* texts = new QVBoxLayout;
    texts->setSpacing(0);
    texts->addWidget(m_title);
    texts->addWidget(m_summary);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(16, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_avatar);
    layout->addLayout(texts, 1);
    layout->addWidget(m_jump);
    layout->addWidget(m_mute);
    layout->addWidget(m_details);
}

void ConversationPage::reload()
{
    Chat& chat = m_client.chat();
    chat.fetchNewest(m_id);
    chat.fetchConversation(m_id);
}

bool ConversationPage::isOnline() const
{
    return m_client.connection().state() == client::Connection::State::Online;
}

void ConversationPage::refresh()
{
    Chat& chat = m_client.chat();
    const auto found = chat.conversation(m_id);
    const qreal ratio = devicePixelRatioF();
    if (!found) {
        m_title->setText(m_missing ? tr("Conversation not found")
                                   : tr("Loading the conversation…"));
        m_summary->setText(m_missing ? tr("It does not exist, or you are not one of its members.")
                                     : QString());
        setWindowTitle(m_title->text());
        m_avatar->clear();
        for (QWidget* w : {static_cast<QWidget*>(m_mute), static_cast<QWidget*>(m_details),
                           static_cast<QWidget*>(m_composer)})
            w->setVisible(!m_missing);
        updateEmptyText();
        return;
    }
    const client::ConversationRow& c = *found;
    if (std::exchange(m_awaitingConversation, false) && c.unread > 0) {
        // Known now, with its read position: the messages again, with the unread divider.
        makeModel();
    }
    const qint64 me = chat.me();
    const QString title = c.displayTitle(me);
    m_title->setText(title);
    setWindowTitle(title);
    QString department;
    if (c.isDirect()) {
        const qint64 other = c.otherMember(me);
        for (const client::ChatMember& member : c.members) {
            if (member.id == other || (other == 0 && member.id == me)) {
                department = member.department;
                m_avatar->setPixmap(
                    chatavatar::pixmap(member.name(), member.username, headerAvatar, ratio));
            }
        }
    } else if (c.isGroupChat()) {
        m_avatar->setPixmap(chatavatar::groupPixmap(title, headerAvatar, ratio));
    } else {
        QList<client::ChatMember> others;
        for (const client::ChatMember& member : c.members) {
            if (member.id != me)
                others.append(member);
        }
        if (others.size() >= 2)
            m_avatar->setPixmap(chatavatar::pairIcon(others.at(0).name(), others.at(0).username,
                                                     others.at(1).name(), others.at(1).username)
                                    .pixmap(QSize(headerAvatar, headerAvatar), ratio));
        else if (!others.isEmpty())
            m_avatar->setPixmap(chatavatar::pixmap(others.at(0).name(), others.at(0).username,
                                                   headerAvatar, ratio));
        else
            m_avatar->setPixmap(chatavatar::groupPixmap(title, headerAvatar, ratio));
    }
    QString summary = ChatTexts::summary(c.kind, c.memberCount, department);
    m_view->messageDelegate()->setDirect(c.isDirect());
    if (c.isDirect() && c.otherMember(me) > 0) {
        // Whether the other person is there: asked of the server while the page shows them.
        client::Presence& presence = m_client.presence();
        const qint64 other = c.otherMember(me);
        if (m_watched != other) {
            m_watched = other;
            presence.watch(this, {other});
        }
        summary = ChatTexts::presence(presence.state(other)) + QStringLiteral(" · ") + summary;
        if (const QPixmap shown = m_avatar->pixmap(); !shown.isNull())
            m_avatar->setPixmap(chatavatar::withPresence(shown, presence.state(other),
                                                         palette().color(QPalette::Window)));
    }
    m_summary->setText(summary);
    m_summary->setToolTip(plainToolTip(m_summary->text()));
    m_mute->setChecked(c.muted);
    m_mute->setToolTip(c.muted ? tr("Muted: no notifications but mentions. Click to unmute.")
                               : tr("Mute: no notifications from this conversation but mentions"));
    m_mute->setAccessibleName(c.muted ? tr("Unmute") : tr("Mute"));
    m_mute->show();
    m_details->show();
    m_composer->show();
    m_composer->setPlaceholder(tr("Message %1").arg(title));

    // What the list cannot show: earlier messages that need the server, or why they failed.
    QString note = m_historyError;
    const bool nearTop = m_view->verticalScrollBar()->value() <= MessageView::fetchMargin;
    if (note.isEmpty() && !isOnline() && c.olderOnServer && m_model->rowCount() > 0 && nearTop)
        note = tr("Connect to read earlier messages.");
    else if (note.isEmpty() && m_model->isFetching() && m_model->rowCount() > 0 && nearTop)
        note = tr("Loading earlier messages…");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    updateEmptyText();
    updateTyping();
}

void ConversationPage::updateEmptyText()
{
    const auto c = m_client.chat().conversation(m_id);
    QString text;
    if (m_missing)
        text = tr("Conversation not found\nIt does not exist, or you are not one of its members.");
    else if (!c || !c->historyLoaded) {
        text = isOnline() ? tr("Loading messages…")
                          : tr("Connect to read earlier messages\nPlein has not read this "
                               "conversation yet. What you write now is sent once you are "
                               "online.");
    } else if (c->isDirect()) {
        text = tr("No messages yet\nSay hello to %1.").arg(c->displayTitle(m_client.chat().me()));
    } else {
        text = tr("No messages yet\nWrite the first one below.");
    }
    m_view->setEmptyText(text);
}

void ConversationPage::updateJump()
{
    const int row = m_model->firstUnreadRow();
    m_jump->setVisible(row >= 0 && m_view->isAboveViewport(row));
}

QString ConversationPage::nameOf(qint64 userId) const
{
    if (const auto c = m_client.chat().conversation(m_id)) {
        for (const client::ChatMember& member : c->members) {
            if (member.id == userId)
                return member.name();
        }
    }
    // A group chat lists no members: the people who wrote in it are known by their messages.
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(MessageListModel::AuthorIdRole).toLongLong() == userId) {
            const QString name = index.data(MessageListModel::AuthorNameRole).toString();
            return name.isEmpty() ? index.data(MessageListModel::AuthorUsernameRole).toString()
                                  : name;
        }
    }
    return tr("Someone");
}

QString ConversationPage::typingText() const
{
    QStringList names;
    for (qint64 user : m_client.chat().typing(m_id))
        names << nameOf(user);
    return ChatTexts::typing(names);
}

void ConversationPage::updateTyping()
{
    m_typing->setText(typingText());
}

void ConversationPage::send(const QString& text, qint64 replyTo, const QStringList& attachments)
{
    m_client.chat().send(m_id, text, replyTo, attachments);
    m_client.chat().noteTyping(m_id, false);
    // Written: what was new is read, and the view goes down to the message.
    m_model->clearUnreadDivider();
    m_view->scrollToNewest();
}

void ConversationPage::markReadIfSeen()
{
    QWidget* top = window();
    if (!isVisible() || !top || !top->isActiveWindow() || top->isMinimized())
        return;
    const auto c = m_client.chat().conversation(m_id);
    if (!c || (c->unread <= 0 && c->readMessageId >= c->lastMessageId))
        return;
    if (!m_view->isNewestVisible())
        return;
    m_client.chat().markRead(m_id);
}

void ConversationPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_watchingWindow && window()) {
        window()->installEventFilter(this);
        m_watchingWindow = true;
    }
    markReadIfSeen();
}

void ConversationPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // The person left the conversation (not the window minimised): what was new is read.
    if (!event->spontaneous()) {
        m_model->clearUnreadDivider();
        m_client.chat().noteTyping(m_id, false);
    }
}

bool ConversationPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window() && event->type() == QEvent::ActivationChange)
        markReadIfSeen();
    return QWidget::eventFilter(watched, event);
}

} // namespace plein::app
