#include "client.h"
#include "feed/feedmodel.h"
#include "feed/poststore.h"
#include "feed/threadmodel.h"
#include "groups/groupdirectorymodel.h"
#include "groups/groupmembersmodel.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "groups/mygroupsmodel.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein::client;

namespace {

QJsonObject post(qint64 id, qint64 parentId = 0)
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), 2},
                      {QStringLiteral("username"), QStringLiteral("bram")},
                      {QStringLiteral("displayName"), QStringLiteral("Bram")}}},
        {QStringLiteral("parentId"), parentId ? QJsonValue(parentId) : QJsonValue()},
        {QStringLiteral("body"), QStringLiteral("post %1").arg(id)},
        {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("likes"), 0},
        {QStringLiteral("replies"), 0}};
}

void addPosts(Cache& cache, qint64 from, qint64 to, qint64 parentId = 0, qint64 groupId = 0)
{
    QVERIFY(cache.transaction([&]() {
        for (qint64 id = from; id <= to; ++id) {
            QJsonObject p = post(id, parentId);
            if (groupId)
                p.insert(QStringLiteral("groupId"), groupId);
            if (!PostStore(cache).upsert(p))
                return false;
        }
        return true;
    }));
}

GroupRow group(qint64 id, const QString& name)
{
    GroupRow g;
    g.id = id;
    g.name = name;
    g.kind = QStringLiteral("public");
    g.history = QStringLiteral("all");
    g.members = 3;
    return g;
}

QList<qint64> ids(const QAbstractItemModel& model, int role)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(role).toLongLong());
    return out;
}

void addPending(Cache& cache, const QString& clientId, qint64 parentId = 0)
{
    OutboxEntry e;
    e.clientId = clientId;
    e.kind = QStringLiteral("post.create");
    e.payload
        = QJsonObject {{QStringLiteral("clientId"), clientId}, {QStringLiteral("body"), clientId}};
    if (parentId)
        e.payload.insert(QStringLiteral("parentId"), parentId);
    QVERIFY(cache.transaction([&]() { return OutboxStore(cache).add(e); }));
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void feedPagesFromCache();
    void fetchMoreAppendsOnlyTheNewPage();
    void feedFollowsChanges();
    void feedShowsPendingOnTop();
    void threadShowsRootRepliesAndPending();
    void pendingChangesShowOnTheirPosts();
    void feedScopesShowTheirPosts();
    void groupModelsFollowTheCache();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
};

void TestModels::init()
{
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<Cache>();
    QVERIFY(!m_cache->open(m_dir->filePath(QStringLiteral("c.sqlite"))));
}

void TestModels::feedPagesFromCache()
{
    addPosts(*m_cache, 1, 120);
    FeedModel model(*m_cache);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.index(0).data(PostListModel::IdRole).toLongLong(), 120);
    QCOMPARE(model.index(0).data(PostListModel::AuthorNameRole).toString(), QStringLiteral("Bram"));
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 100);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.index(119).data(PostListModel::IdRole).toLongLong(), 1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestModels::fetchMoreAppendsOnlyTheNewPage()
{
    addPosts(*m_cache, 1, 300);
    FeedModel model(*m_cache);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy relaid(&model, &QAbstractItemModel::layoutChanged);
    const int before = model.rowCount();
    model.fetchMore(QModelIndex());
    // A view must only see rows added at the end: anything else makes it lay out every row.
    QCOMPARE(model.rowCount(), before + 50);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), before);
    QCOMPARE(inserted.first().at(2).toInt(), before + 49);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(relaid.size(), 0);
    QCOMPARE(model.index(before + 49).data(PostListModel::IdRole).toLongLong(), 300 - before - 49);

    // A change in place among the shown rows is one dataChanged of that row, nothing more.
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).setLikes(290, 2, false); }));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 10);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 10);
    QCOMPARE(model.index(10).data(PostListModel::LikesRole).toInt(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    // Last, because the tester pages in rows of its own.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestModels::feedFollowsChanges()
{
    addPosts(*m_cache, 1, 10);
    FeedModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    addPosts(*m_cache, 11, 12);
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(0).data(PostListModel::IdRole).toLongLong(), 12);
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).setLikes(5, 3, true); }));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(7).data(PostListModel::LikesRole).toInt(), 3);
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).markDeleted(6); }));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(reset.size(), 0);
}

void TestModels::feedShowsPendingOnTop()
{
    addPosts(*m_cache, 1, 3);
    FeedModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    addPending(*m_cache, QStringLiteral("pending-one"));
    addPending(*m_cache, QStringLiteral("pending-two"));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.index(0).data(PostListModel::PendingRole).toBool());
    QCOMPARE(model.index(0).data(PostListModel::ClientIdRole).toString(),
             QStringLiteral("pending-two"));
    QCOMPARE(model.index(2).data(PostListModel::IdRole).toLongLong(), 3);
    // Confirmation swaps the pending row for the real post in one change.
    QVERIFY(m_cache->transaction([&]() {
        return OutboxStore(*m_cache).remove(QStringLiteral("pending-one"))
            && PostStore(*m_cache).upsert(post(4));
    }));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(1).data(PostListModel::IdRole).toLongLong(), 4);
    QVERIFY(!model.index(1).data(PostListModel::PendingRole).toBool());
}

void TestModels::pendingChangesShowOnTheirPosts()
{
    addPosts(*m_cache, 1, 3);
    FeedModel feed(*m_cache);
    QAbstractItemModelTester tester(&feed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(feed.rowCount(), 3);
    const auto change = [&](const QString& clientId, const QString& kind, QJsonObject payload) {
        OutboxEntry e;
        e.clientId = clientId;
        e.kind = kind;
        payload.insert(QStringLiteral("clientId"), clientId);
        e.payload = payload;
        QVERIFY(m_cache->transaction([&]() { return OutboxStore(*m_cache).add(e); }));
    };
    change(QStringLiteral("e"), QStringLiteral("post.edit"),
           {{QStringLiteral("postId"), 3}, {QStringLiteral("body"), QStringLiteral("better")}});
    change(QStringLiteral("d"), QStringLiteral("post.delete"), {{QStringLiteral("postId"), 2}});
    change(QStringLiteral("l"), QStringLiteral("post.like"),
           {{QStringLiteral("postId"), 1}, {QStringLiteral("liked"), true}});
    // Newest first: rows 0, 1, 2 are posts 3, 2, 1; no pending rows of their own.
    QCOMPARE(feed.rowCount(), 3);
    const QModelIndex edited = feed.index(0);
    QCOMPARE(edited.data(PostListModel::BodyRole).toString(), QStringLiteral("better"));
    QVERIFY(edited.data(PostListModel::ChangePendingRole).toBool());
    QVERIFY(!edited.data(PostListModel::PendingRole).toBool());
    QCOMPARE(edited.data(PostListModel::ChangeKindRole).toString(), QStringLiteral("post.edit"));
    QCOMPARE(edited.data(PostListModel::ChangeClientIdRole).toString(), QStringLiteral("e"));
    QVERIFY(feed.index(1).data(PostListModel::DeletedRole).toBool());
    QCOMPARE(feed.index(1).data(PostListModel::ChangeKindRole).toString(),
             QStringLiteral("post.delete"));
    QVERIFY(feed.index(2).data(PostListModel::LikedByMeRole).toBool());
    QCOMPARE(feed.index(2).data(PostListModel::LikesRole).toInt(), 1);

    // Refused: the reason shows until the change is discarded, and then the post is as before.
    QVERIFY(m_cache->transaction([&]() {
        return OutboxStore(*m_cache).setFailed(QStringLiteral("e"), QStringLiteral("forbidden"),
                                               QStringLiteral("not yours"));
    }));
    QVERIFY(feed.index(0).data(PostListModel::ChangeFailedRole).toBool());
    QCOMPARE(feed.index(0).data(PostListModel::ChangeErrorRole).toString(),
             QStringLiteral("not yours"));
    QVERIFY(
        m_cache->transaction([&]() { return OutboxStore(*m_cache).remove(QStringLiteral("e")); }));
    QCOMPARE(feed.index(0).data(PostListModel::BodyRole).toString(), QStringLiteral("post 3"));
    QVERIFY(!feed.index(0).data(PostListModel::ChangePendingRole).toBool());
}

void TestModels::threadShowsRootRepliesAndPending()
{
    addPosts(*m_cache, 1, 1);
    addPosts(*m_cache, 2, 80, 1);
    ThreadModel model(*m_cache, 1);
    QCOMPARE(model.rowCount(), 51);
    QCOMPARE(model.index(0).data(PostListModel::IdRole).toLongLong(), 1);
    QCOMPARE(model.index(0).data(PostListModel::RepliesRole).toInt(), 79);
    QCOMPARE(model.index(1).data(PostListModel::IdRole).toLongLong(), 2);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 80);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    addPending(*m_cache, QStringLiteral("pending-reply"), 1);
    addPending(*m_cache, QStringLiteral("pending-top"));
    QCOMPARE(model.rowCount(), 81);
    QVERIFY(model.index(80).data(PostListModel::PendingRole).toBool());
}

void TestModels::feedScopesShowTheirPosts()
{
    addPosts(*m_cache, 1, 3); // company
    addPosts(*m_cache, 4, 6, 0, 10); // the user's group
    addPosts(*m_cache, 7, 7, 0, 11); // a group the user only looked at
    GroupStore groups(*m_cache);
    QVERIFY2(m_cache->transaction([&]() {
        return groups.upsert(group(10, QStringLiteral("Dijkbeheer")))
            && groups.upsert(group(11, QStringLiteral("Elders")))
            && groups.setMembership(10, QStringLiteral("member"), QStringLiteral("member"))
            && PostStore(*m_cache).setPinned(5, true);
    }),
             qPrintable(m_cache->lastError()));
    FeedModel home(*m_cache, FeedScope::home());
    FeedModel company(*m_cache, FeedScope::company());
    FeedModel dikes(*m_cache, FeedScope::group(10));
    QAbstractItemModelTester homeTester(&home,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester companyTester(&company,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester dikesTester(&dikes,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(ids(home, PostListModel::IdRole), (QList<qint64> {6, 5, 4, 3, 2, 1}));
    QCOMPARE(home.index(0).data(PostListModel::GroupIdRole).toLongLong(), 10);
    QCOMPARE(home.index(0).data(PostListModel::GroupNameRole).toString(),
             QStringLiteral("Dijkbeheer"));
    QCOMPARE(home.index(3).data(PostListModel::GroupIdRole).toLongLong(), 0);
    QCOMPARE(ids(company, PostListModel::IdRole), (QList<qint64> {3, 2, 1}));
    // Pinned first in a group's feed.
    QCOMPARE(ids(dikes, PostListModel::IdRole), (QList<qint64> {5, 6, 4}));
    QVERIFY(dikes.index(0).data(PostListModel::PinnedRole).toBool());
    QVERIFY(!dikes.canFetchMore(QModelIndex()));

    // A post in the group reaches home and the group, not the company feed.
    QSignalSpy companyChanged(&company, &QAbstractItemModel::rowsInserted);
    addPosts(*m_cache, 8, 8, 0, 10);
    QCOMPARE(ids(dikes, PostListModel::IdRole), (QList<qint64> {5, 8, 6, 4}));
    QCOMPARE(home.index(0).data(PostListModel::IdRole).toLongLong(), 8);
    QCOMPARE(companyChanged.size(), 0);
    // A waiting post to the group shows on top of the group and home.
    OutboxEntry e;
    e.clientId = QStringLiteral("waiting-in-group");
    e.kind = QStringLiteral("post.create");
    e.lane = QStringLiteral("group:10");
    e.payload = QJsonObject {{QStringLiteral("clientId"), e.clientId},
                             {QStringLiteral("body"), QStringLiteral("hello group")},
                             {QStringLiteral("groupId"), 10}};
    QVERIFY(m_cache->transaction([&]() { return OutboxStore(*m_cache).add(e); }));
    QVERIFY(dikes.index(0).data(PostListModel::PendingRole).toBool());
    QCOMPARE(dikes.index(0).data(PostListModel::GroupIdRole).toLongLong(), 10);
    QVERIFY(home.index(0).data(PostListModel::PendingRole).toBool());
    QVERIFY(!company.index(0).data(PostListModel::PendingRole).toBool());
    // Leaving the group takes its posts out of home.
    QVERIFY(m_cache->transaction([&]() {
        return groups.setMembership(10, QStringLiteral("none"), QString())
            && OutboxStore(*m_cache).remove(e.clientId);
    }));
    QCOMPARE(ids(home, PostListModel::IdRole), (QList<qint64> {3, 2, 1}));
}

void TestModels::groupModelsFollowTheCache()
{
    m_cache.reset();
    Client client;
    QVERIFY(!client.open(QUrl(QStringLiteral("ws://127.0.0.1:9")), QStringLiteral("bram"),
                         m_dir->path()));
    Cache& cache = client.cache();
    GroupStore groups(cache);
    QVERIFY(cache.transaction([&]() {
        return cache.setMeta(QStringLiteral("userId"), QStringLiteral("3"))
            && groups.upsert(group(1, QStringLiteral("Lunchwandelaars")))
            && groups.upsert(group(2, QStringLiteral("dijkbeheer")))
            && groups.upsert(group(3, QStringLiteral("ICT-nieuws")))
            && groups.setMembership(2, QStringLiteral("member"), QStringLiteral("owner"));
    }));
    MyGroupsModel mine(client);
    QAbstractItemModelTester mineTester(&mine,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(mine.rowCount(), 1);
    QCOMPARE(mine.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("dijkbeheer"));
    QCOMPARE(mine.index(0).data(GroupListModel::MyRoleRole).toString(), QStringLiteral("owner"));
    QCOMPARE(mine.index(0).data(GroupListModel::UnreadRole).toInt(), 0);
    // Joining one more: by name, case aside.
    QVERIFY(cache.transaction([&]() {
        return groups.setMembership(3, QStringLiteral("member"), QStringLiteral("member"));
    }));
    QCOMPARE(ids(mine, GroupListModel::IdRole), (QList<qint64> {2, 3}));
    // Posts by others count as unread until the group is read.
    addPosts(cache, 100, 102, 0, 2);
    QCOMPARE(mine.index(0).data(GroupListModel::UnreadRole).toInt(), 3);
    QVERIFY(cache.transaction([&]() { return groups.markRead(2); }));
    QCOMPARE(mine.index(0).data(GroupListModel::UnreadRole).toInt(), 0);

    // Offline, the directory shows what the cache has, paged.
    GroupDirectoryModel directory(client);
    QAbstractItemModelTester directoryTester(
        &directory, QAbstractItemModelTester::FailureReportingMode::QtTest);
    directory.setPageSize(2);
    directory.reload();
    QCOMPARE(directory.rowCount(), 2);
    QVERIFY(directory.canFetchMore(QModelIndex()));
    directory.fetchMore(QModelIndex());
    QCOMPARE(ids(directory, GroupListModel::IdRole), (QList<qint64> {2, 3, 1}));
    directory.setQuery(QStringLiteral("NIEUWS"));
    QCOMPARE(ids(directory, GroupListModel::IdRole), (QList<qint64> {3}));
    directory.setQuery(QString());
    directory.setFilter(QStringLiteral("mine"));
    QCOMPARE(ids(directory, GroupListModel::IdRole), (QList<qint64> {2, 3}));
    QVERIFY(cache.transaction([&]() {
        return groups.setMembership(3, QStringLiteral("pending"), QStringLiteral("member"));
    }));
    QCOMPARE(directory.index(1).data(GroupListModel::MyStateRole).toString(),
             QStringLiteral("pending"));

    // Members come from the server only: offline, none, and a reason.
    QSignalSpy failed(&client.groups(), &Groups::groupFetchFailed);
    GroupMembersModel members(client, 2);
    QAbstractItemModelTester membersTester(&members,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(members.rowCount(), 0);
    QVERIFY(!members.canFetchMore(QModelIndex()));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
