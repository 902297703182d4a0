#pragma once

#include <QObject>
#include <QPointer>

namespace plein::client {
class MyGroupsModel;
}

namespace plein::app {

class FeedCapability;
class GroupDirectoryPage;
class GroupPage;
class MainWindow;

// Groups in the shell: a sidebar entry listing the user's groups with their unread counts and
// "Browse groups"; the directory (`plein:/groups`) and group pages (`plein:/group/<id>`);
// "New group…"; and notifications of requests (to owners and moderators), invitations and
// approvals.
class GroupsCapability : public QObject
{
    Q_OBJECT

public:
    GroupsCapability(MainWindow& shell, FeedCapability& feed);
    ~GroupsCapability() override;

    client::MyGroupsModel* myGroups() const { return m_myGroups; }
    GroupDirectoryPage* directory();
    // The page of the group shown last, if it is still open.
    GroupPage* groupPage() const;
    void openGroup(qint64 id);
    void createGroup();

private:
    void notify(const QString& kind, qint64 groupId, const QString& title);
    bool mayPin(qint64 groupId) const;

    MainWindow& m_shell;
    FeedCapability& m_feed;
    client::MyGroupsModel* m_myGroups = nullptr;
    GroupDirectoryPage* m_directory = nullptr;
    QPointer<GroupPage> m_page;
};

} // namespace plein::app
