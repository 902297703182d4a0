#include "capabilities/feed/feedprotocol.h"
#include "client.h"
#include "connection.h"
#include "feed/feed.h"
#include "feed/poststore.h"
#include "feedmodel.h"
#include "groups/groupstore.h"
#include "outbox.h"
#include "outbox/outboxstore.h"
#include "session.h"
#include "store/cache.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace plein;
using namespace plein::client;

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void storedBeforeShownAndKeptAcrossRestart();
    void refusedWriteKeepsErrorAndOthersGoOn();
    void editedRefusedPostIsDelivered();
    void lostReplyIsDeliveredExactlyOnce();
    void replayedResultDoesNotUndoLaterChanges();
    void sentWriteIsEditedByAFollowUp();
    void refusedPostEditedAfterAFollowUpKeepsTheNewestText();
    void stuckLaneDoesNotHoldUpAnother();

private:
    // A post.create in the outbox, as the app queues it.
    OutboxEntry queuePost(const QString& body);
    // Sends a request as bram through a session of its own, whose answers the outbox never
    // sees: a write the server applied while its answer was lost. nullopt when it failed.
    std::optional<QJsonObject> sendBehindTheOutbox(QLatin1StringView type,
                                                   const QJsonObject& payload);

    test::TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<Client> m_client;
};

void TestOutbox::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestOutbox::init()
{
    m_profile = std::make_unique<QTemporaryDir>();
    m_client = test::makeClient(m_server.url(), QStringLiteral("bram"), m_profile->path());
    QVERIFY(m_client);
}

void TestOutbox::cleanup()
{
    m_client.reset();
}

void TestOutbox::storedBeforeShownAndKeptAcrossRestart()
{
    FeedModel feed(m_client->cache());
    QSignalSpy inserted(&feed, &QAbstractItemModel::rowsInserted);
    const QString id = m_client->outbox().createPost(QStringLiteral("written offline"));
    QCOMPARE(inserted.size(), 1);
    QVERIFY(OutboxStore(m_client->cache()).entry(id)); // on disk by the time the row shows
    QVERIFY(feed.index(0).data(PostListModel::PendingRole).toBool());
    // The app is closed before the network returns: the write waits in the next run.
    m_client.reset();
    m_client = test::makeClient(m_server.url(), QStringLiteral("bram"), m_profile->path());
    QCOMPARE(m_client->outbox().count(), 1);
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QTRY_COMPARE(m_client->outbox().count(), 0);
    QCOMPARE(PostStore(m_client->cache()).feedPage(FeedScope::company(), 1).first().body,
             QStringLiteral("written offline"));
}

void TestOutbox::refusedWriteKeepsErrorAndOthersGoOn()
{
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QSignalSpy refused(&m_client->outbox(), &Outbox::refused);
    const QString bad = m_client->outbox().editPost(999999, QStringLiteral("no such post"));
    const QString good = m_client->outbox().createPost(QStringLiteral("after the refused one"));
    QTRY_COMPARE(refused.size(), 1);
    QTRY_VERIFY(!OutboxStore(m_client->cache()).entry(good));
    const auto entry = OutboxStore(m_client->cache()).entry(bad);
    QVERIFY(entry && entry->failed);
    QCOMPARE(entry->errorCode, QStringLiteral("not_found"));
    QVERIFY(!entry->errorMessage.isEmpty());
    QCOMPARE(m_client->outbox().count(), 1);
    QVERIFY(m_client->outbox().discard(bad));
    QCOMPARE(m_client->outbox().count(), 0);
}

void TestOutbox::editedRefusedPostIsDelivered()
{
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    FeedModel feed(m_client->cache());
    QSignalSpy refused(&m_client->outbox(), &Outbox::refused);
    const QString id = m_client->outbox().createPost(QStringLiteral("   "));
    QTRY_COMPARE(refused.size(), 1);
    QVERIFY(feed.index(0).data(PostListModel::FailedRole).toBool());
    QVERIFY(!feed.index(0).data(PostListModel::ErrorRole).toString().isEmpty());
    QVERIFY(m_client->outbox().editPending(id, QStringLiteral("now with text")));
    QTRY_COMPARE(m_client->outbox().count(), 0);
    QCOMPARE(feed.index(0).data(PostListModel::BodyRole).toString(),
             QStringLiteral("now with text"));
    QVERIFY(!feed.index(0).data(PostListModel::PendingRole).toBool());
}

OutboxEntry TestOutbox::queuePost(const QString& body)
{
    OutboxEntry entry;
    entry.clientId = Outbox::newClientId();
    entry.kind = QStringLiteral("post.create");
    entry.payload = QJsonObject {{QStringLiteral("clientId"), entry.clientId},
                                 {QStringLiteral("body"), body}};
    if (!m_client->cache().transaction([&]() { return OutboxStore(m_client->cache()).add(entry); }))
        entry.clientId.clear();
    return entry;
}

std::optional<QJsonObject> TestOutbox::sendBehindTheOutbox(QLatin1StringView type,
                                                           const QJsonObject& payload)
{
    Session session;
    Connection connection(session);
    test::announceFeatures(connection);
    connection.setServer(m_server.url());
    connection.setPassword(QStringLiteral("bram"), test::TestServer::password());
    QSignalSpy authenticated(&connection, &Connection::authenticated);
    connection.start();
    if (!authenticated.wait(20000))
        return std::nullopt;
    std::optional<QJsonObject> answer;
    bool done = false;
    session.request(type, payload, this, [&](const Result<QJsonObject>& r) {
        done = true;
        if (r)
            answer = r.value();
    });
    if (!QTest::qWaitFor([&]() { return done; }, 10000))
        return std::nullopt;
    return answer;
}

void TestOutbox::lostReplyIsDeliveredExactlyOnce()
{
    // The server applied the write but its reply never arrived: the same clientId goes again.
    const OutboxEntry entry = queuePost(QStringLiteral("once"));
    QVERIFY(!entry.clientId.isEmpty());
    QVERIFY(sendBehindTheOutbox(protocol::feed::PostCreate, entry.payload));
    QSignalSpy delivered(&m_client->outbox(), &Outbox::delivered);
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().at(1).toJsonObject().value(QLatin1StringView("replayed")).toBool(),
             true);
    const auto rows = PostStore(m_client->cache()).feedPage(FeedScope::company(), 5);
    int copies = 0;
    for (const PostRow& p : rows)
        copies += p.body == QLatin1StringView("once") ? 1 : 0;
    QCOMPARE(copies, 1);
}

// The server applied a post, the answer was lost, and the post was deleted since. When the
// outbox resends it, the replayed answer carries the post as first written: it must not bring
// the deleted post back.
void TestOutbox::replayedResultDoesNotUndoLaterChanges()
{
    const OutboxEntry entry = queuePost(QStringLiteral("soon deleted"));
    QVERIFY(!entry.clientId.isEmpty());
    const auto created = sendBehindTheOutbox(protocol::feed::PostCreate, entry.payload);
    QVERIFY(created);
    const qint64 postId = qint64(created->value(QLatin1StringView("post"))
                                     .toObject()
                                     .value(QLatin1StringView("id"))
                                     .toDouble());
    QVERIFY(postId > 0);
    QVERIFY(sendBehindTheOutbox(protocol::feed::PostDelete,
                                QJsonObject {{QStringLiteral("clientId"), Outbox::newClientId()},
                                             {QStringLiteral("postId"), postId}}));
    QSignalSpy delivered(&m_client->outbox(), &Outbox::delivered);
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QTRY_COMPARE(delivered.size(), 1);
    for (const PostRow& p : PostStore(m_client->cache()).feedPage(FeedScope::company(), 20))
        QVERIFY(p.body != QLatin1StringView("soon deleted"));
}

// A write that went out may have been applied even though no answer came: changing or
// dropping it now would turn its resend into a conflict or hide a published post. The typed
// text is kept all the same, as an edit that follows it.
void TestOutbox::sentWriteIsEditedByAFollowUp()
{
    const QString id = m_client->outbox().createPost(QStringLiteral("on its way"));
    QVERIFY(!id.isEmpty());
    QVERIFY(m_client->cache().transaction(
        [&]() { return OutboxStore(m_client->cache()).setSent(id); }));
    FeedModel feed(m_client->cache());
    QVERIFY(m_client->outbox().editPending(id, QStringLiteral("changed my mind")));
    QVERIFY(!m_client->outbox().discard(id));
    QCOMPARE(OutboxStore(m_client->cache())
                 .entry(id)
                 ->payload.value(QLatin1StringView("body"))
                 .toString(),
             QStringLiteral("on its way"));
    QCOMPARE(m_client->outbox().count(), 2);
    // Shown with the new text at once, still waiting.
    QCOMPARE(feed.index(0).data(PostListModel::BodyRole).toString(),
             QStringLiteral("changed my mind"));
    QVERIFY(feed.index(0).data(PostListModel::PendingRole).toBool());
    // Once delivered, the post is written and then edited: the text the user typed last.
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QTRY_COMPARE(m_client->outbox().count(), 0);
    const auto newest = PostStore(m_client->cache()).feedPage(FeedScope::company(), 1);
    QCOMPARE(newest.first().body, QStringLiteral("changed my mind"));
    QVERIFY(!newest.first().editedAt.isEmpty());
}

// The post went out (its answer lost), the user changed it (a follow-up edit), the server
// refused the post, and the user fixed it: the fix is the text that stays, not the follow-up's
// older one applied after it.
void TestOutbox::refusedPostEditedAfterAFollowUpKeepsTheNewestText()
{
    // Each sent once, too long for the server, and changed since: a follow-up edit each.
    const auto sentAndChanged = [&](QChar fill, const QString& change) {
        const QString id = m_client->outbox().createPost(QString(6000, fill));
        const bool sent = m_client->cache().transaction(
            [&]() { return OutboxStore(m_client->cache()).setSent(id); });
        return sent && m_client->outbox().editPending(id, change) ? id : QString();
    };
    const QString edited = sentAndChanged(u'x', QStringLiteral("older text"));
    const QString retried = sentAndChanged(u'y', QStringLiteral("short now"));
    QVERIFY(!edited.isEmpty() && !retried.isEmpty());
    QCOMPARE(m_client->outbox().count(), 4);
    QSignalSpy refused(&m_client->outbox(), &Outbox::refused);
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    QTRY_COMPARE(refused.size(), 2);

    // The user fixes one: their text is the newest, shown and sent as it is.
    FeedModel feed(m_client->cache(), FeedScope::company());
    QVERIFY(m_client->outbox().editPending(edited, QStringLiteral("newest text")));
    QStringList shown;
    for (int row = 0; row < feed.rowCount(); ++row)
        shown.append(feed.index(row).data(PostListModel::BodyRole).toString());
    QVERIFY2(shown.contains(QStringLiteral("newest text")), qPrintable(shown.join(u'|')));
    QVERIFY(!shown.contains(QStringLiteral("older text")));
    // And retries the other: the follow-up's text is the newest and goes with it.
    QVERIFY(m_client->outbox().retry(retried));
    QTRY_COMPARE(m_client->outbox().count(), 0);
    QCOMPARE(refused.size(), 2);
    QTest::qWait(200); // nothing older follows
    const auto newest = PostStore(m_client->cache()).feedPage(FeedScope::company(), 2);
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).body, QStringLiteral("short now"));
    QCOMPARE(newest.at(1).body, QStringLiteral("newest text"));
}

// Writes of one lane go in order, but a write that keeps failing holds up only its own lane:
// here the disk refuses to store one confirmation (a trigger stands in for a full disk), and
// the group's lane goes on while the company feed's waits behind it.
void TestOutbox::stuckLaneDoesNotHoldUpAnother()
{
    QVERIFY(test::goOnlineAndCatchUp(*m_client));
    const QList<qint64> groups = GroupStore(m_client->cache()).memberGroupIds();
    QVERIFY(!groups.isEmpty()); // bram is in the demo's groups
    m_client->connection().stop();
    QSqlQuery q(m_client->cache().database());
    QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER hold BEFORE DELETE ON outbox "
                                  "WHEN json_extract(old.payload, '$.body') = 'stuck' "
                                  "BEGIN SELECT RAISE(ABORT, 'the disk says no'); END")));
    const QString stuck = m_client->outbox().createPost(QStringLiteral("stuck"));
    const QString behind = m_client->outbox().createPost(QStringLiteral("behind the stuck one"));
    const QString other
        = m_client->feed().createPost(QStringLiteral("in another lane"), 0, groups.first());
    QVERIFY(!stuck.isEmpty() && !behind.isEmpty() && !other.isEmpty());
    QSignalSpy delivered(&m_client->outbox(), &Outbox::delivered);
    m_client->connection().start();
    QTRY_VERIFY_WITH_TIMEOUT(!OutboxStore(m_client->cache()).entry(other), 10000);
    QTest::qWait(500);
    QVERIFY(OutboxStore(m_client->cache()).entry(stuck));
    QVERIFY(OutboxStore(m_client->cache()).entry(behind));
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().first().toString(), other);

    // The disk works again: the stuck write is answered as a replay, and its lane goes on.
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER hold")));
    QVERIFY(m_client->outbox().retry(stuck));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->outbox().count(), 0, 10000);
    const auto rows = PostStore(m_client->cache()).feedPage(FeedScope::company(), 2);
    QCOMPARE(rows.at(0).body, QStringLiteral("behind the stuck one"));
    QCOMPARE(rows.at(1).body, QStringLiteral("stuck"));
    const auto inGroup = PostStore(m_client->cache()).feedPage(FeedScope::group(groups.first()), 1);
    QCOMPARE(inGroup.first().body, QStringLiteral("in another lane"));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
