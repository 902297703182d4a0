#include "pages/groups/grouppage.h"

#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "feed.h"
#include "feedmodel.h"
#include "groupmembersmodel.h"
#include "groups.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postactions.h"
#include "pages/feed/postdelegate.h"
#include "pages/groups/grouptexts.h"
#include "pages/groups/textdelegate.h"
#include "shell/navigator.h"
#include "shell/pageparts.h"
#include "ui/icons.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>
#include <functional>

namespace plein::app {

using client::GroupMembersModel;
using L = QLatin1StringView;

namespace {

QString memberText(const QModelIndex& index)
{
    QString name = index.data(GroupMembersModel::DisplayNameRole).toString();
    if (name.isEmpty())
        name = index.data(GroupMembersModel::UsernameRole).toString();
    QStringList parts {name};
    if (index.data(GroupMembersModel::StateRole).toString() == L("member"))
        parts << GroupTexts::role(index.data(GroupMembersModel::RoleRole).toString());
    const QString department = index.data(GroupMembersModel::DepartmentRole).toString();
    if (!department.isEmpty())
        parts << department;
    return parts.join(QStringLiteral(" · "));
}

bool moderates(const client::GroupRow& group)
{
    return group.isMember() && (group.myRole == L("owner") || group.myRole == L("moderator"));
}

const QString descriptionName = QStringLiteral("groupDescription");
// A description longer than this scrolls rather than pushing the posts down.
constexpr int descriptionLines = 8;

// The description as posts are shown (the safe Markdown renderer), read-only, as tall as its
// text up to descriptionLines. Links go through the app's rules (PostActions::openLink), never
// followed by the viewer itself.
QTextBrowser* makeDescription(QWidget* parent, FeedCapability& feed)
{
    auto* view = new QTextBrowser(parent);
    view->setObjectName(descriptionName);
    view->setFrameShape(QFrame::NoFrame);
    view->setOpenLinks(false);
    view->setOpenExternalLinks(false);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // On the page's background, like the labels around it.
    view->viewport()->setAutoFillBackground(false);
    view->document()->setDocumentMargin(0);
    QObject::connect(view, &QTextBrowser::anchorClicked, view, [&feed](const QUrl& url) {
        if (isFollowableLink(url))
            feed.actions().openLink(url);
    });
    QObject::connect(view->document()->documentLayout(),
                     &QAbstractTextDocumentLayout::documentSizeChanged, view,
                     [view](const QSizeF& size) {
                         const int most = descriptionLines * view->fontMetrics().lineSpacing();
                         view->setFixedHeight(std::min(int(std::ceil(size.height())), most)
                                              + 2 * view->frameWidth());
                     });
    return view;
}

} // namespace

GroupPage::GroupPage(client::Client& client, FeedCapability& feed, const PageParts& parts,
                     qint64 groupId, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_groupId(groupId)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_join(new QPushButton(this))
    , m_leave(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("groupPage"));
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setWordWrap(true);
    // Names, member counts and the server's reasons are text, never markup (AutoText would
    // render a group called "<img src=…>" as HTML).
    for (QLabel* label : {m_title, m_summary, m_hint})
        label->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_description = makeDescription(this, feed);

    auto* feedModel
        = new client::FeedModel(client.cache(), client::FeedScope::group(groupId), this);
    m_feed = new FeedView(client, feed.actions(), feedModel, this);
    m_feed->delegate()->setShowsGroup(false);
    m_feed->composer()->setPlaceholder(tr("Write to the group… (Ctrl+Enter sends)"));
    connect(m_feed->composer(), &Composer::submitted, this,
            [this](const QString& text, const QStringList& attachments) {
                m_client.feed().createPost(text, 0, m_groupId, attachments);
            });
    m_members = makeMemberList();
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_members, &QListView::customContextMenuRequested, this,
            [this, &feed](const QPoint& pos) {
                QMenu menu(this);
                // Anyone listed can be written to directly (chat).
                const qint64 user
                    = m_members->indexAt(pos).data(GroupMembersModel::UserIdRole).toLongLong();
                if (user > 0) {
                    menu.addAction(tr("View profile"), this, [&feed, user]() {
                        feed.actions().openLink(Navigator::link(QStringLiteral("person"), user));
                    });
                }
                if (user > 0 && user != m_client.connection().userId()) {
                    menu.addAction(tr("Send a message"), this, [&feed, user]() {
                        feed.actions().openLink(Navigator::link(QStringLiteral("chat-with"), user));
                    });
                }
                if (user > 0)
                    menu.addSeparator();
                menu.addActions(memberActions(m_members->indexAt(pos), &menu));
                if (!menu.isEmpty())
                    menu.exec(m_members->viewport()->mapToGlobal(pos));
            });
    // Read while it is open: what arrives does not count as unread.
    connect(feedModel, &QAbstractItemModel::rowsInserted, this, [this]() {
        if (isVisible())
            m_client.groups().markRead(m_groupId);
    });

    // Out of sight until it is a tab (for those who decide on requests).
    m_requestsTab = new QWidget(this);
    m_requestsTab->hide();
    m_requests = makeMemberList();
    m_approve = new QPushButton(tr("Approve"), m_requestsTab);
    m_refuse = new QPushButton(tr("Refuse"), m_requestsTab);
    auto* decisions = new QHBoxLayout;
    decisions->addStretch();
    decisions->addWidget(m_approve);
    decisions->addWidget(m_refuse);
    auto* requestsLayout = new QVBoxLayout(m_requestsTab);
    requestsLayout->setContentsMargins(0, 0, 0, 0);
    requestsLayout->addWidget(m_requests, 1);
    requestsLayout->addLayout(decisions);
    connect(m_approve, &QPushButton::clicked, this, [this]() { decide(true); });
    connect(m_refuse, &QPushButton::clicked, this, [this]() { decide(false); });

    m_tabs->addTab(m_feed, tr("Posts"));
    m_tabs->addTab(m_members, tr("Members"));
    for (const PageParts::GroupTab& tab : parts.groupTabs())
        m_tabs->addTab(tab.make(groupId, m_tabs), tab.title);
    for (const PageParts::GroupPart& make : parts.groupPanels())
        m_feed->addPanel(make(groupId, m_feed));

    // The group's chat, for its members.
    m_chat = new QPushButton(icons::icon(icons::Icon::Reply), tr("Chat"), this);
    m_chat->setObjectName(QStringLiteral("groupChatButton"));
    m_chat->setToolTip(tr("Open the chat of the group's members"));
    connect(m_chat, &QPushButton::clicked, this, [this, &feed]() {
        feed.actions().openLink(Navigator::link(QStringLiteral("group-chat"), m_groupId));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_join);
    buttons->addWidget(m_leave);
    buttons->addWidget(m_chat);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_description);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    auto& groups = client.groups();
    connect(m_join, &QPushButton::clicked, this,
            [this]() { track(m_client.groups().join(m_groupId)); });
    connect(m_leave, &QPushButton::clicked, this, [this]() {
        track(m_client.groups().leave(m_groupId));
        m_writeIsLeave = true;
    });
    connect(&groups, &client::Groups::groupChanged, this, [this](qint64 id) {
        if (id == m_groupId) {
            m_fetchFailed = false;
            refresh();
        }
    });
    connect(&groups, &client::Groups::groupFetchFailed, this, [this](qint64 id) {
        if (id == m_groupId) {
            m_fetchFailed = true;
            refresh();
        }
    });
    connect(&groups, &client::Groups::membershipChanged, this, [this](qint64 id) {
        if (id == m_groupId)
            reload();
    });
    connect(&client.outbox(), &client::Outbox::delivered, this, [this](const QString& clientId) {
        if (clientId == m_write)
            track(QString());
    });
    connect(&client.outbox(), &client::Outbox::refused, this,
            [this](const QString& clientId, const QString& code, const QString& message) {
                if (clientId != m_write)
                    return;
                // The refused write has nothing left to offer: the person reads why, and may
                // press the button again.
                m_client.outbox().discard(clientId);
                m_write.clear();
                // In the person's words, never the server's (which may name ids). Leaving is
                // refused as a conflict for one reason only: the last owner may not go.
                m_refusal = m_writeIsLeave && code == QLatin1StringView("conflict")
                    ? tr("You are the group's last owner: make someone else an owner before "
                         "you leave.")
                    : errorText(code, message);
                m_writeIsLeave = false;
                refresh();
            });
    refresh();
    reload();
}

GroupPage::~GroupPage()
{
    // Not a member: nobody keeps what the page read up to date once it is gone.
    m_client.feed().forgetUnlessMember(m_groupId);
}

QListView* GroupPage::makeMemberList()
{
    auto* view = new QListView(this);
    view->setItemDelegate(new TextDelegate(&memberText, view));
    view->setUniformItemSizes(true);
    return view;
}

void GroupPage::reload()
{
    m_client.groups().fetchGroup(m_groupId);
    m_client.groups().markRead(m_groupId);
    const auto group = m_client.groups().group(m_groupId);
    if (group && (group->isMember() || group->kind == L("public")))
        m_client.feed().fetchFeed(m_groupId);
}

void GroupPage::track(const QString& clientId)
{
    m_write = clientId;
    m_writeIsLeave = false;
    m_refusal.clear();
    refresh();
}

void GroupPage::decide(bool approve)
{
    const QModelIndex index = m_requests->currentIndex();
    const qint64 user = index.data(GroupMembersModel::UserIdRole).toLongLong();
    if (index.isValid() && user > 0)
        track(m_client.groups().decide(m_groupId, user, approve));
}

QList<QAction*> GroupPage::memberActions(const QModelIndex& index, QObject* parent)
{
    const auto group = m_client.groups().group(m_groupId);
    const qint64 user = index.data(GroupMembersModel::UserIdRole).toLongLong();
    if (!group || !index.isValid() || user <= 0 || group->archived || !moderates(*group)
        || user == m_client.connection().userId())
        return {};
    QList<QAction*> actions;
    const auto add = [&](const QString& text, std::function<QString()> write) {
        auto* action = new QAction(text, parent);
        connect(action, &QAction::triggered, this, [this, write]() { track(write()); });
        actions.append(action);
    };
    if (group->myRole == L("owner")) {
        const QString role = index.data(GroupMembersModel::RoleRole).toString();
        const std::pair<const char*, QString> roles[] = {
            {"owner", tr("Make owner")},
            {"moderator", tr("Make moderator")},
            {"member", tr("Make member")},
        };
        for (const auto& [name, text] : roles) {
            if (role != QLatin1StringView(name))
                add(text, [this, user, name]() {
                    return m_client.groups().setRole(m_groupId, user, QString::fromLatin1(name));
                });
        }
    }
    add(tr("Remove from the group"),
        [this, user]() { return m_client.groups().remove(m_groupId, user); });
    return actions;
}

void GroupPage::refresh()
{
    QTextBrowser* description = m_description;
    const auto found = m_client.groups().group(m_groupId);
    if (!found) {
        m_title->setText(m_fetchFailed ? tr("Group not found") : tr("Loading the group…"));
        m_summary->setText(m_fetchFailed
                               ? tr("This group does not exist, or it is not visible to you.")
                               : QString());
        for (QWidget* w : {static_cast<QWidget*>(description), static_cast<QWidget*>(m_hint),
                           static_cast<QWidget*>(m_join), static_cast<QWidget*>(m_leave),
                           static_cast<QWidget*>(m_chat), static_cast<QWidget*>(m_tabs)})
            w->hide();
        return;
    }
    const client::GroupRow& group = *found;
    m_title->setText(group.name);
    m_summary->setText(GroupTexts::summary(group));
    // Read again only when it changed: reading resets the reader's scroll and selection. (Not
    // the property "markdown": QTextEdit's own, which would read the text unsafely.)
    if (description->property("pleinDescription").toString() != group.description
        || description->document()->isEmpty()) {
        description->setProperty("pleinDescription", group.description);
        setSafeMarkdown(*description->document(), group.description,
                        m_client.connection().user().value(L("username")).toString());
    }
    description->setVisible(!group.description.trimmed().isEmpty());

    QString hint = GroupTexts::stateHint(group);
    if (!m_write.isEmpty())
        hint = tr("Waiting to be sent…");
    else if (!m_refusal.isEmpty())
        hint = m_refusal;
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());

    const QString& state = group.myState;
    QString join;
    if (!group.archived && state == L("invited"))
        join = tr("Accept invitation");
    else if (!group.archived && state == L("none") && group.kind == L("public"))
        join = tr("Join");
    else if (!group.archived && state == L("none") && group.kind == L("private"))
        join = tr("Ask to join");
    QString leave;
    if (state == L("member"))
        leave = tr("Leave group");
    else if (state == L("pending"))
        leave = tr("Withdraw request");
    else if (state == L("invited"))
        leave = tr("Decline");
    m_join->setText(join);
    m_join->setVisible(!join.isEmpty());
    m_leave->setText(leave);
    m_leave->setVisible(!leave.isEmpty());
    m_chat->setVisible(group.isMember());
    m_join->setEnabled(m_write.isEmpty());
    m_leave->setEnabled(m_write.isEmpty());

    const bool readable = group.isMember() || group.kind == L("public");
    m_tabs->setVisible(readable);
    // The server answers members and requests only to those who may see them: asked for then.
    if (readable && !m_membersModel) {
        m_membersModel = new GroupMembersModel(m_client, m_groupId, QStringLiteral("member"), this);
        m_members->setModel(m_membersModel);
    }
    m_feed->composer()->setVisible(group.isMember() && !group.archived);
    const bool runs = moderates(group);
    if (runs && !m_requestsModel) {
        m_requestsModel
            = new GroupMembersModel(m_client, m_groupId, QStringLiteral("pending"), this);
        m_requests->setModel(m_requestsModel);
        connect(m_requests->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &GroupPage::refresh);
    }
    const int requestsTab = m_tabs->indexOf(m_requestsTab);
    if (runs && requestsTab < 0)
        m_tabs->addTab(m_requestsTab, tr("Requests"));
    else if (!runs && requestsTab >= 0) {
        m_tabs->removeTab(requestsTab);
        m_requestsTab->hide();
    }
    const bool chosen = m_requests->currentIndex().isValid();
    m_approve->setEnabled(chosen && !group.archived);
    m_refuse->setEnabled(chosen && !group.archived);
}

} // namespace plein::app
