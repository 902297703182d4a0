#include "client.h"
#include "connection.h"
#include "feedmodel.h"
#include "groupdirectorymodel.h"
#include "groupmembersmodel.h"
#include "groups.h"
#include "mygroupsmodel.h"
#include "outbox.h"
#include "pages/feed/composer.h"
#include "pages/feed/feedview.h"
#include "pages/groups/creategroupdialog.h"
#include "pages/groups/groupdirectorypage.h"
#include "pages/groups/grouppage.h"
#include "pages/groups/groupscapability.h"
#include "postlistmodel.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/sidebarmodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;

// The groups pages of the app against the real server and its demo organisation: the
// directory, a group page, joining and leaving, requests and invitations, a new group.
class TestGroupsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directorySearchesFiltersAndPages();
    void joiningAndLeavingAPublicGroup();
    void aRequestIsApprovedByTheGroupsModerator();
    void anInvitationIsAccepted();
    void theLastOwnerIsToldWhyLeavingFails();
    void anUnknownGroupSaysSo();
    void creatingAGroup();
    void serverTextIsShownAsText();

private:
    test::TestServer m_server;
};

namespace {

using client::GroupListModel;

// A user's window, online and caught up.
struct Session
{
    QTemporaryDir profile;
    std::unique_ptr<client::Client> core;
    std::unique_ptr<app::MainWindow> window;

    bool start(const QUrl& server, const QString& username)
    {
        core = test::makeClient(server, username, profile.path());
        if (!core)
            return false;
        window = std::make_unique<app::MainWindow>(*core, false);
        window->show();
        return test::goOnlineAndCatchUp(*core);
    }

    ~Session()
    {
        if (core)
            core->connection().stop();
    }

    app::GroupsCapability& groups() const { return *window->findChild<app::GroupsCapability*>(); }

    app::GroupDirectoryPage* openDirectory() const
    {
        window->navigator().open(QUrl(QStringLiteral("plein:/groups")));
        return qobject_cast<app::GroupDirectoryPage*>(window->currentPage());
    }

    app::GroupPage* openGroup(qint64 id) const
    {
        window->navigator().open(app::Navigator::link(QStringLiteral("group"), id));
        return qobject_cast<app::GroupPage*>(window->currentPage());
    }
};

QStringList names(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(GroupListModel::NameRole).toString();
    return out;
}

// The id of a group the user sees in the directory.
qint64 groupId(const Session& s, const QString& name)
{
    auto* directory = s.openDirectory();
    directory->searchEdit()->setText(name);
    directory->search();
    auto* model = directory->model();
    if (!QTest::qWaitFor([&]() { return !model->isLoading() && model->rowCount() > 0; }, 10000))
        return 0;
    return model->index(0, 0).data(GroupListModel::IdRole).toLongLong();
}

QStringList sidebarGroups(const app::MainWindow& window)
{
    const auto& sidebar = window.sidebarModel();
    const QModelIndex entry = sidebar.indexFor(QUrl(QStringLiteral("plein:/groups")));
    QStringList out;
    for (int row = 0; row < sidebar.rowCount(entry); ++row)
        out << sidebar.index(row, 0, entry).data().toString();
    return out;
}

} // namespace

void TestGroupsUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestGroupsUi::directorySearchesFiltersAndPages()
{
    Session eva;
    QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
    auto* directory = eva.openDirectory();
    QVERIFY(directory);
    auto* model = directory->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 10000);
    // Private groups show their name; eva sees the secret one because she is in it.
    QCOMPARE(names(*model).size(), 4);
    QVERIFY(names(*model).contains(QStringLiteral("Dijkbeheer")));
    QVERIFY(names(*model).contains(QStringLiteral("Directieoverleg")));
    const QModelIndex first = model->index(0, 0);
    QVERIFY(first.data(GroupListModel::MembersRole).toInt() > 0);

    directory->searchEdit()->setText(QStringLiteral("dijk"));
    directory->search();
    QTRY_COMPARE(names(*model), QStringList {QStringLiteral("Dijkbeheer")});
    directory->searchEdit()->setText(QStringLiteral("zzz"));
    directory->search();
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(directory->statusLabel()->isVisible());
    QVERIFY(directory->statusLabel()->text().contains(QStringLiteral("zzz")));

    directory->searchEdit()->clear();
    directory->search();
    directory->filterBox()->setCurrentIndex(
        directory->filterBox()->findData(QStringLiteral("mine")));
    QTRY_VERIFY(!model->isLoading());
    QTRY_COMPARE(names(*model).size(), 2);
    QVERIFY(names(*model).contains(QStringLiteral("Lunchwandelaars")));
    QVERIFY(names(*model).contains(QStringLiteral("Directieoverleg")));

    // A page at a time: the list asks for the next one while it has room to show it.
    directory->filterBox()->setCurrentIndex(
        directory->filterBox()->findData(QStringLiteral("all")));
    model->setPageSize(1);
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 10000);
    client::GroupDirectoryModel paged(*eva.core);
    // (No model tester here: it asks for more rows itself.)
    paged.setPageSize(3);
    paged.reload();
    QTRY_COMPARE(paged.rowCount(), 3);
    QTRY_VERIFY(paged.canFetchMore(QModelIndex()));
    paged.fetchMore(QModelIndex());
    QTRY_COMPARE(paged.rowCount(), 4);
    QTRY_VERIFY(!paged.isLoading());
    QVERIFY(!paged.canFetchMore(QModelIndex()));

    // A click opens the group's page.
    QVERIFY(QTest::qWaitForWindowExposed(eva.window.get()));
    const QModelIndex dikes
        = model->index(int(names(*model).indexOf(QStringLiteral("Dijkbeheer"))), 0);
    QTest::mouseClick(directory->view()->viewport(), Qt::LeftButton, {},
                      directory->view()->visualRect(dikes).center());
    auto* page = qobject_cast<app::GroupPage*>(eva.window->currentPage());
    QVERIFY(page);
    QCOMPARE(page->groupId(), dikes.data(GroupListModel::IdRole).toLongLong());
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Dijkbeheer"));
    // Private and eva is not a member: the name and description, no posts, and a request.
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("Private group")));
    QVERIFY(!page->tabs()->isVisible());
    QCOMPARE(page->joinButton()->text(), QStringLiteral("Ask to join"));
    QVERIFY(!page->leaveButton()->isVisible());
}

void TestGroupsUi::joiningAndLeavingAPublicGroup()
{
    Session chantal;
    QVERIFY(chantal.start(m_server.url(), QStringLiteral("chantal")));
    // The sidebar follows the user's groups as they change.
    QAbstractItemModelTester tester(&chantal.window->sidebarModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 walkers = groupId(chantal, QStringLiteral("Lunchwandelaars"));
    QVERIFY(walkers > 0);
    QVERIFY(!sidebarGroups(*chantal.window).contains(QStringLiteral("Lunchwandelaars")));
    auto* page = chantal.openGroup(walkers);
    QVERIFY(page);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Lunchwandelaars"));
    // Public: anyone reads it, members and all.
    QVERIFY(page->tabs()->isVisible());
    QVERIFY(!page->feedView()->composer()->isVisible());
    QTRY_VERIFY(page->feedView()->model()->rowCount() > 0);
    QTRY_VERIFY(page->membersModel() && page->membersModel()->rowCount() >= 4);
    QCOMPARE(page->joinButton()->text(), QStringLiteral("Join"));

    page->joinButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->leaveButton()->text(), QStringLiteral("Leave group"), 10000);
    QVERIFY(page->leaveButton()->isVisible());
    QVERIFY(!page->joinButton()->isVisible());
    QVERIFY(page->feedView()->composer()->isVisible());
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("you are a member")));
    QTRY_VERIFY(sidebarGroups(*chantal.window).contains(QStringLiteral("Lunchwandelaars")));

    // Posting from the group page posts into the group.
    QTest::keyClicks(page->feedView()->composer()->editor(), QStringLiteral("Ik loop mee!"));
    QTest::keyClick(page->feedView()->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(chantal.core->outbox().count(), 0);
    auto* feed = page->feedView()->model();
    QTRY_COMPARE(feed->index(0, 0).data(client::PostListModel::BodyRole).toString(),
                 QStringLiteral("Ik loop mee!"));
    QCOMPARE(feed->index(0, 0).data(client::PostListModel::GroupIdRole).toLongLong(), walkers);

    page->leaveButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->joinButton()->text(), QStringLiteral("Join"), 10000);
    QVERIFY(page->joinButton()->isVisible());
    QVERIFY(!page->feedView()->composer()->isVisible());
    QTRY_VERIFY(!sidebarGroups(*chantal.window).contains(QStringLiteral("Lunchwandelaars")));
}

void TestGroupsUi::aRequestIsApprovedByTheGroupsModerator()
{
    Session bram;
    QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
    Session eva;
    QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
    const qint64 dikes = groupId(eva, QStringLiteral("Dijkbeheer"));
    QVERIFY(dikes > 0);
    auto* evaPage = eva.openGroup(dikes);
    QVERIFY(evaPage);
    QTRY_COMPARE(evaPage->joinButton()->text(), QStringLiteral("Ask to join"));
    evaPage->joinButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(evaPage->leaveButton()->text(), QStringLiteral("Withdraw request"),
                              10000);
    QVERIFY(!evaPage->joinButton()->isVisible());
    QVERIFY(evaPage->hintLabel()->text().contains(QStringLiteral("asked to join")));

    // The owner is told, and the notification leads to the group.
    auto& notifications = bram.window->notifications();
    QTRY_VERIFY_WITH_TIMEOUT(notifications.rowCount() > 0
                                 && notifications.at(0).kind == QStringLiteral("group.request"),
                             10000);
    QVERIFY(notifications.at(0).title.contains(QStringLiteral("Dijkbeheer")));
    QVERIFY(bram.window->navigator().open(notifications.at(0).link));
    auto* bramPage = qobject_cast<app::GroupPage*>(bram.window->currentPage());
    QVERIFY(bramPage);
    QCOMPARE(bramPage->groupId(), dikes);
    QTRY_VERIFY(bramPage->requestsModel());
    QVERIFY(bramPage->tabs()->indexOf(bramPage->requestsView()->parentWidget()) >= 0);
    auto* requests = bramPage->requestsModel();
    QTRY_VERIFY_WITH_TIMEOUT(requests->rowCount() >= 2, 10000); // chantal (demo) and eva
    int evaRow = -1;
    for (int row = 0; row < requests->rowCount(); ++row) {
        if (requests->index(row).data(client::GroupMembersModel::UsernameRole).toString()
            == QStringLiteral("eva"))
            evaRow = row;
    }
    QVERIFY(evaRow >= 0);
    QVERIFY(!bramPage->approveButton()->isEnabled());
    bramPage->requestsView()->setCurrentIndex(requests->index(evaRow));
    QVERIFY(bramPage->approveButton()->isEnabled());
    bramPage->approveButton()->click();

    QTRY_COMPARE_WITH_TIMEOUT(evaPage->leaveButton()->text(), QStringLiteral("Leave group"), 10000);
    QVERIFY(evaPage->tabs()->isVisible());
    QVERIFY(evaPage->feedView()->composer()->isVisible());
    auto& told = eva.window->notifications();
    QTRY_VERIFY(told.rowCount() > 0 && told.at(0).kind == QStringLiteral("group.approval"));
    // Members do not see the requests.
    QVERIFY(!evaPage->requestsModel());

    // The owner promotes her, then removes her; she sees the group as an outsider again.
    QTRY_VERIFY(bramPage->membersModel());
    const auto memberRow = [&](const QString& username) {
        auto* members = bramPage->membersModel();
        for (int row = 0; row < members->rowCount(); ++row) {
            const QModelIndex index = members->index(row);
            if (index.data(client::GroupMembersModel::UsernameRole).toString() == username)
                return index;
        }
        return QModelIndex();
    };
    const auto trigger = [&](const QModelIndex& index, const QString& text) {
        for (QAction* action : bramPage->memberActions(index, this)) {
            if (action->text() == text) {
                action->trigger();
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(memberRow(QStringLiteral("eva")).isValid(), 10000);
    QVERIFY(bramPage->memberActions(memberRow(QStringLiteral("bram")), this).isEmpty());
    QVERIFY(trigger(memberRow(QStringLiteral("eva")), QStringLiteral("Make moderator")));
    QTRY_COMPARE_WITH_TIMEOUT(
        memberRow(QStringLiteral("eva")).data(client::GroupMembersModel::RoleRole).toString(),
        QStringLiteral("moderator"), 10000);
    QVERIFY(trigger(memberRow(QStringLiteral("eva")), QStringLiteral("Remove from the group")));
    QTRY_COMPARE_WITH_TIMEOUT(evaPage->joinButton()->text(), QStringLiteral("Ask to join"), 10000);
    QVERIFY(!evaPage->tabs()->isVisible());
    QTRY_VERIFY(!memberRow(QStringLiteral("eva")).isValid());
}

void TestGroupsUi::anInvitationIsAccepted()
{
    Session bram;
    QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
    // Secret, and bram is invited (the demo): he sees it, with the invitation.
    const qint64 board = groupId(bram, QStringLiteral("Directieoverleg"));
    QVERIFY(board > 0);
    auto* page = bram.openGroup(board);
    QVERIFY(page);
    QTRY_COMPARE(page->joinButton()->text(), QStringLiteral("Accept invitation"));
    QCOMPARE(page->leaveButton()->text(), QStringLiteral("Decline"));
    QVERIFY(page->hintLabel()->text().contains(QStringLiteral("invited")));
    page->joinButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->leaveButton()->text(), QStringLiteral("Leave group"), 10000);
    QVERIFY(!page->joinButton()->isVisible());
    QTRY_VERIFY(sidebarGroups(*bram.window).contains(QStringLiteral("Directieoverleg")));
}

void TestGroupsUi::theLastOwnerIsToldWhyLeavingFails()
{
    Session daan;
    QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
    const qint64 walkers = groupId(daan, QStringLiteral("Lunchwandelaars"));
    QVERIFY(walkers > 0);
    auto* page = daan.openGroup(walkers);
    QVERIFY(page);
    QTRY_COMPARE(page->leaveButton()->text(), QStringLiteral("Leave group"));
    page->leaveButton()->click();
    QCOMPARE(page->hintLabel()->text(), QStringLiteral("Waiting to be sent…"));
    QVERIFY(!page->leaveButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page->hintLabel()->text().contains(QStringLiteral("last owner")),
                             10000);
    // Still a member, the refused write gone from the outbox, and the button there again.
    QCOMPARE(page->leaveButton()->text(), QStringLiteral("Leave group"));
    QVERIFY(page->leaveButton()->isEnabled());
    QCOMPARE(daan.core->outbox().count(), 0);
}

void TestGroupsUi::anUnknownGroupSaysSo()
{
    Session daan;
    QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
    auto* page = daan.openGroup(987654);
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->titleLabel()->text(), QStringLiteral("Group not found"), 10000);
    QVERIFY(!page->joinButton()->isVisible());
    QVERIFY(!page->tabs()->isVisible());
}

void TestGroupsUi::creatingAGroup()
{
    Session daan;
    QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
    auto* directory = daan.openDirectory();
    directory->newGroupButton()->click();
    auto* dialog = daan.window->findChild<app::CreateGroupDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->nameEdit()->setText(QStringLiteral("Fotoclub"));
    dialog->descriptionEdit()->setPlainText(QStringLiteral("Foto's van het werk in het veld."));
    dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findData(QStringLiteral("private")));
    dialog->accept();
    QVERIFY(!dialog->clientId().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(daan.core->outbox().count(), 0, 10000);
    QTRY_VERIFY(sidebarGroups(*daan.window).contains(QStringLiteral("Fotoclub")));
    const auto& sidebar = daan.window->sidebarModel();
    const QModelIndex entry = sidebar.indexFor(QUrl(QStringLiteral("plein:/groups")));
    const QModelIndex row = sidebar.index(
        int(sidebarGroups(*daan.window).indexOf(QStringLiteral("Fotoclub"))), 0, entry);
    QVERIFY(daan.window->navigator().open(row.data(app::SidebarModel::LinkRole).toUrl()));
    auto* page = qobject_cast<app::GroupPage*>(daan.window->currentPage());
    QVERIFY(page);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Fotoclub"));
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("Private group")));
    // Its creator owns it: the requests are his to decide.
    QTRY_VERIFY(page->requestsModel());
}

// A group's name is text, whatever it looks like: never markup in a label.
void TestGroupsUi::serverTextIsShownAsText()
{
    Session daan;
    QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
    const QString name = QStringLiteral("<b>Vet</b> <img src=\"x.png\">");
    QSignalSpy delivered(&daan.core->outbox(), &client::Outbox::delivered);
    QVERIFY(!daan.core->groups().create(name, QString(), QStringLiteral("public")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
    const qint64 id = delivered.first()
                          .at(1)
                          .toJsonObject()
                          .value(QStringLiteral("group"))
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
    auto* page = daan.openGroup(id);
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->titleLabel()->text(), name, 10000);
    for (QLabel* label : {page->titleLabel(), page->summaryLabel(), page->hintLabel()})
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestGroupsUi)
#include "tst_groups_ui.moc"
