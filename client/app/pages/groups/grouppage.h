#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace plein::client {
class Client;
class GroupMembersModel;
struct GroupRow;
} // namespace plein::client

namespace plein::app {

class FeedCapability;
class PageParts;
class FeedView;

// One group (`plein:/group/<id>`): its name, kind, member count and description; the buttons
// the user's state calls for (join, ask to join, accept or decline an invitation, withdraw a
// request, leave); its feed with pinned posts on top and, for members, a composer that posts
// into it; its members a page at a time; and, for owners and moderators, the requests to join
// with Approve and Refuse. Writes go through the outbox, so all of it works offline too.
class GroupPage : public QWidget
{
    Q_OBJECT

public:
    // The tabs and panels other capabilities add come from `parts` (the blog, for one).
    GroupPage(client::Client& client, FeedCapability& feed, const PageParts& parts, qint64 groupId,
              QWidget* parent = nullptr);
    ~GroupPage() override;

    qint64 groupId() const { return m_groupId; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* hintLabel() const { return m_hint; }
    // Join, Ask to join or Accept invitation; hidden when none applies.
    QPushButton* joinButton() const { return m_join; }
    // Leave, Withdraw request or Decline; hidden when none applies.
    QPushButton* leaveButton() const { return m_leave; }
    // Opens the group's chat (members only).
    QPushButton* chatButton() const { return m_chat; }
    QTabWidget* tabs() const { return m_tabs; }
    FeedView* feedView() const { return m_feed; }
    QListView* membersView() const { return m_members; }
    QListView* requestsView() const { return m_requests; }
    // The pending requests (made once the user runs the group), or null.
    client::GroupMembersModel* requestsModel() const { return m_requestsModel; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* refuseButton() const { return m_refuse; }

    // The members shown (made once the user may read them), or null.
    client::GroupMembersModel* membersModel() const { return m_membersModel; }
    // What the user may do with the member at `index` of the members list (owners and
    // moderators remove; owners change roles), as actions parented to `parent`.
    QList<QAction*> memberActions(const QModelIndex& index, QObject* parent);

    // Reads the group again from the server (and its feed when the user may read it).
    void reload();

private:
    void refresh();
    void track(const QString& clientId);
    void decide(bool approve);
    QListView* makeMemberList();

    client::Client& m_client;
    qint64 m_groupId = 0;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    // The description, as safe Markdown (as tall as its text, up to a few lines).
    QTextBrowser* m_description = nullptr;
    // Whether the write being tracked is leaving the group (its refusal has its own words).
    bool m_writeIsLeave = false;
    QLabel* m_hint = nullptr;
    QPushButton* m_join = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_chat = nullptr;
    QTabWidget* m_tabs = nullptr;
    FeedView* m_feed = nullptr;
    client::GroupMembersModel* m_membersModel = nullptr;
    QListView* m_members = nullptr;
    QWidget* m_requestsTab = nullptr;
    client::GroupMembersModel* m_requestsModel = nullptr;
    QListView* m_requests = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_refuse = nullptr;
    // The write of a button press until the server answers it, and the answer's refusal.
    QString m_write;
    QString m_refusal;
    bool m_fetchFailed = false;
};

} // namespace plein::app
