#include "client.h"
#include "feed/feed.h"
#include "feed/feedmodel.h"
#include "feed/poststore.h"
#include "groups/groupdirectorymodel.h"
#include "groups/groupmembersmodel.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "groups/mygroupsmodel.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/keptevents.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

// The demo organisation's groups (see `plein-server demo`).
const QString walkers = QStringLiteral("Lunchwandelaars"); // public: daan; anna, bram, eva
const QString dikes = QStringLiteral("Dijkbeheer"); // private: bram, daan; chantal asks
const QString board = QStringLiteral("Directieoverleg"); // secret: anna, eva; bram invited
const QString ict = QStringLiteral("ICT-nieuws"); // public: chantal, bram; a pinned post

qint64 groupNamed(Client& c, const QString& name)
{
    for (const GroupRow& g : GroupStore(c.cache()).directory(name, false, 0, 10)) {
        if (g.name == name)
            return g.id;
    }
    return 0;
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data().toString());
    return out;
}

} // namespace

// Groups in the client core, end to end against the real server.
class TestGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helloAgreesOnTheFeatures();
    void groupsArriveWithTheSync();
    void joiningShowsHistoryAndLeavingPurges();
    void requestIsApprovedLive();
    void offlineJoinAndPostGoInOrder();
    void directoryAndMembersPageFromTheServer();
    void leavingPurgesWhateverTheCacheThought();
    void groupLookedIntoIsNotKeptStale();
    void directoryDropsASecretGroupLeft();

private:
    std::unique_ptr<Client> online(const QString& username);

    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

void TestGroups::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

std::unique_ptr<Client> TestGroups::online(const QString& username)
{
    auto c = test::makeClient(m_server.url(), username, m_profiles.filePath(username));
    if (c && !test::goOnlineAndCatchUp(*c))
        c.reset();
    return c;
}

void TestGroups::helloAgreesOnTheFeatures()
{
    auto c = online(QStringLiteral("anna"));
    QVERIFY(c);
    const QStringList agreed = c->connection().agreedFeatures();
    for (const char* feature :
         {"feed", "sync", "idempotent-writes", "groups", "audience", "ephemeral"})
        QVERIFY2(agreed.contains(QLatin1StringView(feature)), feature);
}

void TestGroups::groupsArriveWithTheSync()
{
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    MyGroupsModel mine(*bram);
    QAbstractItemModelTester tester(&mine, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(names(mine), (QStringList {dikes, ict, walkers}));
    const qint64 dikesId = groupNamed(*bram, dikes);
    QCOMPARE(bram->groups().group(dikesId)->myRole, QStringLiteral("owner"));
    QCOMPARE(bram->groups().group(dikesId)->kind, QStringLiteral("private"));
    // The invitation to the secret group names it only by id: the group is read with group.get.
    QTRY_VERIFY(groupNamed(*bram, board) > 0);
    QCOMPARE(bram->groups().group(groupNamed(*bram, board))->myState, QStringLiteral("invited"));
    // Home shows the groups' posts, each marked with its group; the company feed does not.
    FeedModel home(bram->cache(), FeedScope::home());
    FeedModel company(bram->cache(), FeedScope::company());
    QStringList groupsShown;
    for (int row = 0; row < home.rowCount(); ++row)
        groupsShown.append(home.index(row).data(PostListModel::GroupNameRole).toString());
    QVERIFY(groupsShown.contains(dikes));
    QVERIFY(groupsShown.contains(ict));
    for (int row = 0; row < company.rowCount(); ++row)
        QCOMPARE(company.index(row).data(PostListModel::GroupIdRole).toLongLong(), 0);
    QVERIFY(home.rowCount() > company.rowCount());
    // In the group's own feed the pinned notice comes first.
    FeedModel ictFeed(bram->cache(), FeedScope::group(groupNamed(*bram, ict)));
    QVERIFY(ictFeed.rowCount() > 0);
    QVERIFY(ictFeed.index(0).data(PostListModel::PinnedRole).toBool());
}

void TestGroups::joiningShowsHistoryAndLeavingPurges()
{
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(eva);
    const qint64 ictId = groupNamed(*eva, ict);
    QVERIFY(ictId > 0); // public: everyone hears of it
    PostStore posts(eva->cache());
    QCOMPARE(posts.feedCount(FeedScope::group(ictId)), 0);
    QSignalSpy membership(&eva->groups(), &Groups::membershipChanged);
    QSignalSpy fetched(&eva->feed(), &Feed::feedFetched);
    QVERIFY(!eva->groups().join(ictId).isEmpty());
    QTRY_COMPARE(membership.size(), 1);
    QCOMPARE(membership.first().at(1).toString(), QStringLiteral("member"));
    // Its history, read on joining: the pinned notice from before eva joined.
    QTRY_VERIFY(std::any_of(fetched.cbegin(), fetched.cend(), [&](const QList<QVariant>& args) {
        return args.first().toLongLong() == ictId;
    }));
    FeedModel feed(eva->cache(), FeedScope::group(ictId));
    QAbstractItemModelTester tester(&feed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(feed.rowCount() > 0);
    QVERIFY(feed.index(0).data(PostListModel::PinnedRole).toBool());
    QCOMPARE(eva->groups().group(ictId)->myState, QStringLiteral("member"));

    // Leaving purges the group's posts from the cache.
    QVERIFY(!eva->groups().leave(ictId).isEmpty());
    QTRY_COMPARE(membership.size(), 2);
    QCOMPARE(membership.last().at(1).toString(), QStringLiteral("none"));
    QCOMPARE(feed.rowCount(), 0);
    QCOMPARE(posts.feedPage(FeedScope::group(ictId), 50).size(), 0);
    QCOMPARE(eva->groups().group(ictId)->myState, QStringLiteral("none"));
}

void TestGroups::requestIsApprovedLive()
{
    auto bram = online(QStringLiteral("bram"));
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(bram && eva);
    const qint64 dikesId = groupNamed(*eva, dikes);
    QVERIFY(dikesId > 0); // private: its name is visible
    QSignalSpy requests(&bram->groups(), &Groups::requestArrived);
    QSignalSpy approved(&eva->groups(), &Groups::approved);
    QVERIFY(!eva->groups().join(dikesId).isEmpty());
    QTRY_COMPARE(eva->groups().group(dikesId)->myState, QStringLiteral("pending"));
    QTRY_VERIFY(!requests.isEmpty());
    QCOMPARE(requests.last().at(0).toLongLong(), dikesId);
    const qint64 evaId = requests.last().at(1).toLongLong();
    QCOMPARE(evaId, eva->connection().userId());
    QVERIFY(!bram->groups().decide(dikesId, evaId, true).isEmpty());
    QTRY_COMPARE(approved.size(), 1);
    QCOMPARE(eva->groups().group(dikesId)->myState, QStringLiteral("member"));
    // The group's history (all, for Dijkbeheer) shows once she is in.
    QTRY_VERIFY(PostStore(eva->cache()).feedCount(FeedScope::group(dikesId)) > 0);

    // Removed by the owner: her cache forgets the group's posts at once.
    QSignalSpy membership(&eva->groups(), &Groups::membershipChanged);
    QVERIFY(!bram->groups().remove(dikesId, evaId).isEmpty());
    QTRY_COMPARE(membership.size(), 1);
    QCOMPARE(membership.first().at(1).toString(), QStringLiteral("none"));
    QCOMPARE(PostStore(eva->cache()).feedCount(FeedScope::group(dikesId)), 0);
}

void TestGroups::offlineJoinAndPostGoInOrder()
{
    auto daan = online(QStringLiteral("daan"));
    QVERIFY(daan);
    const qint64 ictId = groupNamed(*daan, ict);
    daan->connection().stop();
    // Both wait in the group's lane: the post goes after the join it needs.
    QVERIFY(!daan->groups().join(ictId).isEmpty());
    QVERIFY(!daan->feed().createPost(QStringLiteral("Written on the train"), 0, ictId).isEmpty());
    FeedModel feed(daan->cache(), FeedScope::group(ictId));
    QVERIFY(feed.index(0).data(PostListModel::PendingRole).toBool());
    QSignalSpy refused(&daan->outbox(), &Outbox::refused);
    daan->connection().start();
    QTRY_COMPARE_WITH_TIMEOUT(daan->outbox().count(), 0, 10000);
    QCOMPARE(refused.size(), 0);
    // Below the group's pinned notice, the newest post.
    QTRY_VERIFY(!feed.index(0).data(PostListModel::PendingRole).toBool());
    QVERIFY(feed.index(0).data(PostListModel::PinnedRole).toBool());
    QCOMPARE(feed.index(1).data(PostListModel::BodyRole).toString(),
             QStringLiteral("Written on the train"));
    QCOMPARE(feed.index(1).data(PostListModel::GroupIdRole).toLongLong(), ictId);
}

void TestGroups::directoryAndMembersPageFromTheServer()
{
    auto chantal = online(QStringLiteral("chantal"));
    QVERIFY(chantal);
    GroupDirectoryModel directory(*chantal);
    QAbstractItemModelTester tester(&directory,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    directory.setPageSize(2);
    QSignalSpy loading(&directory, &GroupDirectoryModel::loadingChanged);
    directory.reload();
    QTRY_VERIFY(directory.rowCount() >= 2);
    for (int guard = 0;
         guard < 20 && (directory.canFetchMore(QModelIndex()) || directory.isLoading()); ++guard) {
        directory.fetchMore(QModelIndex());
        QTest::qWait(50);
    }
    // Three groups chantal may see, two a page: the secret one is not among them.
    QCOMPARE(directory.rowCount(), 3);
    QVERIFY(!names(directory).contains(board));
    QVERIFY(!loading.isEmpty());
    directory.setQuery(QStringLiteral("dijk"));
    QTRY_COMPARE(names(directory), QStringList {dikes});
    QCOMPARE(directory.index(0).data(GroupListModel::MyStateRole).toString(),
             QStringLiteral("pending"));
    directory.setQuery(QString());
    directory.setFilter(QStringLiteral("mine"));
    QTRY_COMPARE(names(directory), QStringList {ict});

    GroupMembersModel members(*chantal, groupNamed(*chantal, walkers));
    QAbstractItemModelTester membersTester(&members,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    members.setPageSize(2);
    members.reload();
    QTRY_VERIFY(members.rowCount() >= 2);
    while (members.canFetchMore(QModelIndex()) || members.isLoading()) {
        members.fetchMore(QModelIndex());
        QTest::qWait(50);
    }
    QCOMPARE(members.rowCount(), 4); // daan, anna, bram, eva
    QStringList usernames;
    for (int row = 0; row < members.rowCount(); ++row)
        usernames.append(members.index(row).data(GroupMembersModel::UsernameRole).toString());
    QVERIFY(usernames.contains(QStringLiteral("daan")));
    QCOMPARE(members.index(usernames.indexOf(QStringLiteral("daan")))
                 .data(GroupMembersModel::RoleRole)
                 .toString(),
             QStringLiteral("owner"));
}

// The cache already said "none" (a group.get answered between, a leave answered between
// catch-up pages): the membership's end purges all the same, kept events of the group too.
void TestGroups::leavingPurgesWhateverTheCacheThought()
{
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(eva);
    Cache& cache = eva->cache();
    const qint64 walkersId = groupNamed(*eva, walkers);
    PostStore posts(cache);
    QVERIFY(posts.feedCount(FeedScope::group(walkersId)) > 0);
    KeptEvents kept(cache);
    const auto keptEvent = [](qint64 seq, const QJsonObject& audience) {
        return SyncEvent::fromJson(
            seq,
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("poll.created")},
                         {QStringLiteral("audience"), audience},
                         {QStringLiteral("data"), QJsonObject {}}});
    };
    QVERIFY(cache.transaction([&]() {
        return GroupStore(cache).setMembership(walkersId, QStringLiteral("none"), QString())
            && kept.keep(keptEvent(1,
                                   {{QStringLiteral("scope"), QStringLiteral("group")},
                                    {QStringLiteral("id"), walkersId}}))
            && kept.keep(keptEvent(2, {{QStringLiteral("scope"), QStringLiteral("all")}}));
    }));
    QVERIFY(posts.feedCount(FeedScope::group(walkersId)) > 0);
    QSignalSpy delivered(&eva->outbox(), &Outbox::delivered);
    QVERIFY(!eva->groups().leave(walkersId).isEmpty());
    QTRY_COMPARE(delivered.size(), 1);
    QTRY_COMPARE(posts.feedCount(FeedScope::group(walkersId)), 0);
    QCOMPARE(posts.feedPage(FeedScope::group(walkersId), 50).size(), 0);
    QCOMPARE(kept.count(), 1); // the company-wide one stays

    // A group.get that answers "none" purges too.
    QJsonObject stale {{QStringLiteral("id"), 990001},
                       {QStringLiteral("author"), QJsonObject {{QStringLiteral("id"), 1}}},
                       {QStringLiteral("groupId"), walkersId},
                       {QStringLiteral("body"), QStringLiteral("older than the leave")},
                       {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00.000Z")}};
    QVERIFY(cache.transaction([&]() { return posts.upsert(stale); }));
    QSignalSpy changed(&eva->groups(), &Groups::groupChanged);
    eva->groups().fetchGroup(walkersId);
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY(!posts.post(990001));

    // Back in, for the tests after this one; joining reads the group afresh.
    QVERIFY(!eva->groups().join(walkersId).isEmpty());
    QTRY_VERIFY(posts.feedCount(FeedScope::group(walkersId)) > 0);
}

// Someone who is not a member gets no events of a public group: what its page read is
// replaced by the next read and forgotten when the page closes.
void TestGroups::groupLookedIntoIsNotKeptStale()
{
    auto anna = online(QStringLiteral("anna"));
    auto chantal = online(QStringLiteral("chantal"));
    QVERIFY(anna && chantal);
    const qint64 walkersId = groupNamed(*chantal, walkers);
    QCOMPARE(chantal->groups().group(walkersId)->myState, QStringLiteral("none"));
    QSignalSpy delivered(&anna->outbox(), &Outbox::delivered);
    const QString create
        = anna->feed().createPost(QStringLiteral("regrettable text"), 0, walkersId);
    QTRY_COMPARE(delivered.size(), 1);
    const qint64 postId = delivered.first()
                              .at(1)
                              .toJsonObject()
                              .value(QStringLiteral("post"))
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toInteger();
    QVERIFY(postId > 0);
    PostStore posts(chantal->cache());
    QSignalSpy fetched(&chantal->feed(), &Feed::feedFetched);
    chantal->feed().fetchFeed(walkersId);
    QTRY_COMPARE(fetched.size(), 1);
    QVERIFY(posts.post(postId));

    QVERIFY(!anna->feed().deletePost(postId).isEmpty());
    QTRY_COMPARE(delivered.size(), 2);
    chantal->feed().fetchFeed(walkersId);
    QTRY_COMPARE(fetched.size(), 2);
    QVERIFY(!posts.post(postId));
    QVERIFY(posts.feedCount(FeedScope::group(walkersId)) > 0);

    // The page closes: nothing of the group stays.
    chantal->feed().forgetUnlessMember(walkersId);
    QCOMPARE(posts.feedCount(FeedScope::group(walkersId)), 0);
}

// Leaving a secret group forgets it: the directory shown stops listing it too.
void TestGroups::directoryDropsASecretGroupLeft()
{
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(eva);
    GroupDirectoryModel directory(*eva);
    QAbstractItemModelTester tester(&directory,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    directory.reload();
    QTRY_VERIFY(names(directory).contains(board));
    QVERIFY(!eva->groups().leave(groupNamed(*eva, board)).isEmpty());
    QTRY_VERIFY(groupNamed(*eva, board) == 0);
    QVERIFY(!names(directory).contains(board));
}

QTEST_GUILESS_MAIN(TestGroups)
#include "tst_groups.moc"
