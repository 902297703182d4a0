#include "pages/groups/groupscapability.h"

#include "client.h"
#include "groups.h"
#include "mygroupsmodel.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/postactions.h"
#include "pages/groups/creategroupdialog.h"
#include "pages/groups/groupdirectorypage.h"
#include "pages/groups/grouppage.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/sidebarmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QMenu>

namespace plein::app {

using client::GroupListModel;

GroupsCapability::GroupsCapability(MainWindow& shell, FeedCapability& feed)
    : QObject(&shell)
    , m_shell(shell)
    , m_feed(feed)
    , m_myGroups(new client::MyGroupsModel(shell.client(), this))
{
    const QUrl directoryLink = Navigator::link(QStringLiteral("groups"));
    shell.sidebarModel().addEntry(
        {.title = tr("Groups"),
         .link = directoryLink,
         .rows = m_myGroups,
         .rowTitleRole = GroupListModel::NameRole,
         .rowBadgeRole = GroupListModel::UnreadRole,
         .rowLink =
             [](const QModelIndex& index) {
                 return Navigator::link(QStringLiteral("group"),
                                        index.data(GroupListModel::IdRole).toLongLong());
             },
         .fixed = {{tr("Browse groups"), directoryLink, icons::icon(icons::Icon::Search)}},
         .icon = icons::icon(icons::Icon::Groups)});

    Navigator& navigator = shell.navigator();
    navigator.addRoute(QStringLiteral("groups"), Navigator::Id::None, [this](qint64) {
        m_shell.showPage(directory());
        return true;
    });
    navigator.addRoute(QStringLiteral("group"), Navigator::Id::Required, [this](qint64 id) {
        openGroup(id);
        return true;
    });

    auto* newGroup = new QAction(tr("New &group…"), &shell);
    shell.appMenu()->insertAction(shell.appMenu()->actions().value(1), newGroup);
    connect(newGroup, &QAction::triggered, this, &GroupsCapability::createGroup);

    feed.actions().setMayPin([this](qint64 groupId) { return mayPin(groupId); });

    auto& groups = shell.client().groups();
    connect(&groups, &client::Groups::requestArrived, this, [this](qint64 groupId) {
        notify(QStringLiteral("group.request"), groupId, tr("New request to join %1"));
    });
    connect(&groups, &client::Groups::invited, this, [this](qint64 groupId) {
        notify(QStringLiteral("group.invitation"), groupId, tr("You are invited to join %1"));
    });
    connect(&groups, &client::Groups::approved, this, [this](qint64 groupId) {
        notify(QStringLiteral("group.approval"), groupId, tr("You are now a member of %1"));
    });
}

GroupsCapability::~GroupsCapability() = default;

GroupPage* GroupsCapability::groupPage() const
{
    return m_page;
}

GroupDirectoryPage* GroupsCapability::directory()
{
    if (!m_directory) {
        m_directory = new GroupDirectoryPage(m_shell.client(), m_shell.navigator(), &m_shell);
        connect(m_directory, &GroupDirectoryPage::newGroupRequested, this,
                &GroupsCapability::createGroup);
    }
    return m_directory;
}

void GroupsCapability::openGroup(qint64 id)
{
    if (m_page && m_page->groupId() == id) {
        m_page->reload();
        m_shell.showPage(m_page);
        return;
    }
    // One group page at a time: the previous one goes once the new one shows.
    QPointer<GroupPage> previous = m_page;
    m_page = new GroupPage(m_shell.client(), m_feed, m_shell.pageParts(), id, &m_shell);
    m_shell.showPage(m_page);
    if (previous)
        previous->deleteLater();
}

void GroupsCapability::createGroup()
{
    auto* dialog = new CreateGroupDialog(m_shell.client().groups(), &m_shell);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this]() {
        m_shell.showShortNotice(
            tr("Creating the group: it shows under Groups once the server has it."));
    });
    dialog->open();
}

bool GroupsCapability::mayPin(qint64 groupId) const
{
    const auto group = m_shell.client().groups().group(groupId);
    return group && group->isMember() && !group->archived
        && (group->myRole == QLatin1StringView("owner")
            || group->myRole == QLatin1StringView("moderator"));
}

void GroupsCapability::notify(const QString& kind, qint64 groupId, const QString& title)
{
    const auto group = m_shell.client().groups().group(groupId);
    NotificationModel::Notification notification;
    notification.kind = kind;
    notification.title = title.arg(group ? group->name : tr("a group"));
    notification.link = Navigator::link(QStringLiteral("group"), groupId);
    m_shell.notifications().add(notification);
}

} // namespace plein::app
