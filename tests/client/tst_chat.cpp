#include "chat/chat.h"
#include "chat/chatstore.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagelistmodel.h"
#include "client.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

qint64 userIdOf(Client& c)
{
    return c.sync().userId();
}

// Opens (or makes) the direct conversation of `c` with `other`; 0 when it failed.
qint64 openDirect(Client& c, qint64 other)
{
    qint64 id = 0;
    bool done = false;
    c.chat().openDirect(other, &c, [&](const Result<qint64>& r) {
        id = r ? r.value() : 0;
        done = true;
    });
    if (!QTest::qWaitFor([&]() { return done; }, 10000))
        return 0;
    return id;
}

qint64 create(Client& c, const QString& title, const QList<qint64>& others)
{
    qint64 id = 0;
    bool done = false;
    c.chat().create(title, others, QString(), &c, [&](const Result<qint64>& r) {
        id = r ? r.value() : 0;
        done = true;
    });
    if (!QTest::qWaitFor([&]() { return done; }, 10000))
        return 0;
    return id;
}

QStringList bodies(const MessageListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data(MessageListModel::BodyRole).toString());
    return out;
}

// The server's head: the newest sequence number of its event log.
qint64 serverHead(Client& c)
{
    qint64 head = -1;
    c.session().request(
        QLatin1StringView("sync.since"),
        QJsonObject {{QStringLiteral("cursor"), c.cache().cursor()}, {QStringLiteral("limit"), 1}},
        &c, [&](const Result<QJsonObject>& r) {
            head = r ? qint64(r->value(QLatin1StringView("head")).toDouble()) : 0;
        });
    if (!QTest::qWaitFor([&]() { return head >= 0; }, 10000))
        return -1;
    return head;
}

} // namespace

// Chat in the client core, end to end against the real server.
class TestChat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void messageGoesLiveFromAToB();
    void offlineMessagesGoPerLaneOnceAndInOrder();
    void readPositionFollowsTheUserAcrossDevices();
    void typingIsShownAndNeverStored();
    void unreadCountsAreRightAfterAResync();
    void groupChatFollowsGroupMembership();
    void historyPagesUpwardWithLayoutRoles();
    void olderPagesFromTheCacheComeAsInsertsAtTheTop();
    void seenByStandsUnderWhatTheReaderSaw();
    void reactionsEditsAndDeletes();
    void removedMemberForgetsTheConversation();

private:
    std::unique_ptr<Client> online(const QString& username, const QString& device = {});

    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

void TestChat::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

std::unique_ptr<Client> TestChat::online(const QString& username, const QString& device)
{
    auto c = test::makeClient(m_server.url(), username, m_profiles.filePath(username + device));
    if (c && !test::goOnlineAndCatchUp(*c))
        c.reset();
    return c;
}

void TestChat::messageGoesLiveFromAToB()
{
    auto anna = online(QStringLiteral("anna"));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(anna && bram);
    QVERIFY(anna->connection().agreedFeatures().contains(QStringLiteral("chat")));
    const qint64 id = openDirect(*anna, userIdOf(*bram));
    QVERIFY(id > 0);
    // Opening again finds the same conversation.
    QCOMPARE(openDirect(*anna, userIdOf(*bram)), id);
    // The demo organisation may have left bram messages to read already.
    QTRY_VERIFY(bram->chat().conversation(id));
    const int unreadBefore = bram->chat().conversation(id)->unread;
    const int totalBefore = bram->chat().unreadTotal();

    ConversationListModel list(bram->cache(), bram->chat());
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy concerns(&bram->chat(), &Chat::concernsMe);
    QVERIFY(!anna->chat().send(id, QStringLiteral("Koffie om tien?")).isEmpty());
    QTRY_VERIFY(list.rowOf(id) >= 0);
    // Rows move as conversations become active: the conversation's row, wherever it is now.
    const QPersistentModelIndex row = list.index(list.rowOf(id));
    QTRY_COMPARE(row.data(ConversationListModel::UnreadRole).toInt(), unreadBefore + 1);
    QCOMPARE(list.rowOf(id), 0); // the most recently active
    QCOMPARE(row.data(ConversationListModel::TitleRole).toString(),
             anna->chat().conversation(id) ? QStringLiteral("Anna de Vries") : QString());
    QCOMPARE(row.data(ConversationListModel::PreviewRole).toString(),
             QStringLiteral("Koffie om tien?"));
    QCOMPARE(row.data(ConversationListModel::OtherMemberRole).toLongLong(), userIdOf(*anna));
    QTRY_COMPARE(concerns.size(), 1);
    QVERIFY(concerns.first().at(1).toBool()); // direct
    QCOMPARE(bram->chat().unreadTotal(), totalBefore + 1);

    MessageListModel messages(bram->cache(), bram->chat(), id);
    QAbstractItemModelTester messageTester(&messages,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(bodies(messages).constLast(), QStringLiteral("Koffie om tien?"));
    QVERIFY(messages.firstUnreadRow() >= 0);
    QCOMPARE(messages.firstUnreadRow(), messages.rowCount() - 1 - unreadBefore);
    // Reading it clears the count at once and on the server.
    QVERIFY(!bram->chat().markRead(id).isEmpty());
    QCOMPARE(bram->chat().unreadTotal(), totalBefore - unreadBefore);
    QTRY_COMPARE(bram->outbox().count(), 0);
    QVERIFY(bram->chat().conversation(id)->readMessageId > 0);

    // The answer goes back: anna's own message was read by her when she sent it.
    QVERIFY(!bram->chat().send(id, QStringLiteral("Goed, bij de automaat.")).isEmpty());
    MessageListModel annaView(anna->cache(), anna->chat(), id);
    QTRY_COMPARE(bodies(annaView).mid(bodies(annaView).size() - 2),
                 (QStringList {QStringLiteral("Koffie om tien?"),
                               QStringLiteral("Goed, bij de automaat.")}));
    QTRY_COMPARE(anna->chat().conversation(id)->unread, 1);
}

void TestChat::offlineMessagesGoPerLaneOnceAndInOrder()
{
    auto anna = online(QStringLiteral("anna"));
    auto daan = online(QStringLiteral("daan"));
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(anna && daan && eva);
    const qint64 withAnna = openDirect(*daan, userIdOf(*anna));
    const qint64 withEva = openDirect(*daan, userIdOf(*eva));
    QVERIFY(withAnna > 0 && withEva > 0 && withAnna != withEva);

    daan->connection().stop();
    QSignalSpy refused(&daan->outbox(), &Outbox::refused);
    // Ten to each, the first to anna too long for the server: refused and kept, with the text.
    const QString tooLong(10001, u'x');
    const QString refusedId = daan->chat().send(withAnna, tooLong);
    QVERIFY(!refusedId.isEmpty());
    for (int i = 1; i < 10; ++i)
        QVERIFY(!daan->chat().send(withAnna, QStringLiteral("anna %1").arg(i)).isEmpty());
    for (int i = 0; i < 10; ++i)
        QVERIFY(!daan->chat().send(withEva, QStringLiteral("eva %1").arg(i)).isEmpty());
    MessageListModel pending(daan->cache(), daan->chat(), withEva);
    QCOMPARE(pending.rowCount(), 10);
    QVERIFY(pending.index(9).data(MessageListModel::PendingRole).toBool());

    daan->connection().start();
    QTRY_COMPARE_WITH_TIMEOUT(daan->outbox().count(), 1, 20000);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(0).toString(), refusedId);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("too_large"));
    const auto kept = OutboxStore(daan->cache()).entry(refusedId);
    QVERIFY(kept && kept->failed);
    QCOMPARE(kept->payload.value(QLatin1StringView("body")).toString(), tooLong);

    // Delivered once each and in the order written, as the others see them.
    QStringList toEva;
    QStringList toAnna;
    for (int i = 0; i < 10; ++i)
        toEva << QStringLiteral("eva %1").arg(i);
    for (int i = 1; i < 10; ++i)
        toAnna << QStringLiteral("anna %1").arg(i);
    MessageListModel evaView(eva->cache(), eva->chat(), withEva);
    QTRY_COMPARE(bodies(evaView), toEva);
    MessageListModel annaView(anna->cache(), anna->chat(), withAnna);
    QTRY_COMPARE(bodies(annaView), toAnna);
    // The refused one still shows where daan wrote it, with its error.
    MessageListModel daanView(daan->cache(), daan->chat(), withAnna);
    QCOMPARE(daanView.rowCount(), 10);
    const QModelIndex last = daanView.index(9);
    QVERIFY(last.data(MessageListModel::FailedRole).toBool());
    QCOMPARE(last.data(MessageListModel::ErrorCodeRole).toString(), QStringLiteral("too_large"));
    QVERIFY(daan->outbox().discard(refusedId));
    QCOMPARE(daanView.rowCount(), 9);
}

void TestChat::readPositionFollowsTheUserAcrossDevices()
{
    auto chantal = online(QStringLiteral("chantal"));
    auto laptop = online(QStringLiteral("eva"), QStringLiteral("-laptop"));
    auto desktop = online(QStringLiteral("eva"), QStringLiteral("-desktop"));
    QVERIFY(chantal && laptop && desktop);
    const qint64 id = openDirect(*chantal, userIdOf(*laptop));
    QVERIFY(id > 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!chantal->chat().send(id, QStringLiteral("vraag %1").arg(i)).isEmpty());
    QTRY_COMPARE(laptop->chat().conversation(id) ? laptop->chat().conversation(id)->unread : -1, 3);
    QTRY_COMPARE(desktop->chat().conversation(id) ? desktop->chat().conversation(id)->unread : -1,
                 3);
    QSignalSpy total(&desktop->chat(), &Chat::unreadTotalChanged);
    QVERIFY(!laptop->chat().markRead(id).isEmpty());
    // The other device hears of it through chat.state.
    QTRY_COMPARE(desktop->chat().conversation(id)->unread, 0);
    QCOMPARE(desktop->chat().conversation(id)->readMessageId,
             laptop->chat().conversation(id)->readMessageId);
    QVERIFY(!total.isEmpty());
    QCOMPARE(total.last().first().toInt(), desktop->chat().unreadTotal());
    // Reading an older position changes nothing.
    QVERIFY(laptop->chat().markRead(id).isEmpty());
}

void TestChat::typingIsShownAndNeverStored()
{
    auto anna = online(QStringLiteral("anna"));
    auto chantal = online(QStringLiteral("chantal"));
    QVERIFY(anna && chantal);
    const qint64 id = openDirect(*anna, userIdOf(*chantal));
    QVERIFY(id > 0);
    QTRY_VERIFY(chantal->chat().conversation(id));
    const qint64 head = serverHead(*anna);
    QVERIFY(head > 0);
    QSignalSpy typing(&chantal->chat(), &Chat::typingChanged);
    anna->chat().noteTyping(id, true);
    QTRY_COMPARE(chantal->chat().typing(id), QList<qint64> {userIdOf(*anna)});
    // Throttled: typing on does not send again within the resend interval.
    anna->chat().noteTyping(id, true);
    anna->chat().noteTyping(id, false);
    QTRY_VERIFY(chantal->chat().typing(id).isEmpty());
    QVERIFY(typing.size() >= 2);
    // Nothing of it reached the event log.
    QCOMPARE(serverHead(*anna), head);
    // Not sending typing is a setting.
    anna->chat().setSendTyping(false);
    anna->chat().noteTyping(id, true);
    QTest::qWait(300);
    QVERIFY(chantal->chat().typing(id).isEmpty());
}

void TestChat::unreadCountsAreRightAfterAResync()
{
    const QString profile = m_profiles.filePath(QStringLiteral("bram-resync"));
    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), profile);
    auto chantal = online(QStringLiteral("chantal"));
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(bram && chantal && eva && test::goOnlineAndCatchUp(*bram));
    const qint64 id = openDirect(*chantal, userIdOf(*bram));
    QVERIFY(id > 0);
    QVERIFY(!chantal->chat().send(id, QStringLiteral("een")).isEmpty());
    QTRY_VERIFY(bram->chat().conversation(id) && bram->chat().conversation(id)->unread == 1);
    bram->chat().fetchNewest(id);
    QTRY_VERIFY(bram->chat().conversation(id)->historyLoaded);
    QVERIFY(!bram->chat().markRead(id).isEmpty());
    QTRY_COMPARE(bram->outbox().count(), 0);
    bram->connection().stop();
    for (const char* text : {"twee", "drie", "vier"})
        QVERIFY(!chantal->chat().send(id, QLatin1StringView(text)).isEmpty());
    QTRY_COMPARE(chantal->outbox().count(), 0);
    // And a conversation bram never opened, made while he was away.
    const qint64 fromEva = create(*eva, QStringLiteral("Nieuw"), {userIdOf(*bram)});
    QVERIFY(fromEva > 0);
    for (const char* text : {"vijf", "zes"})
        QVERIFY(!eva->chat().send(fromEva, QLatin1StringView(text)).isEmpty());
    QTRY_COMPARE(eva->outbox().count(), 0);

    // A cache the server no longer vouches for: a conversation it never had, a wrong count.
    Cache& cache = bram->cache();
    ConversationRow ghost;
    ghost.id = 900000;
    ghost.kind = QStringLiteral("direct");
    QVERIFY(cache.transaction([&]() {
        return ChatStore(cache).upsert(ghost, std::nullopt)
            && ChatStore(cache).setLocalState(id, 0, 42, false) && cache.setCursor(1000000000);
    }));
    QSignalSpy resynced(&bram->sync(), &SyncEngine::resynced);
    QSignalSpy caughtUp(&bram->sync(), &SyncEngine::caughtUp);
    QSignalSpy concerns(&bram->chat(), &Chat::concernsMe);
    bram->connection().start();
    QVERIFY(caughtUp.wait(20000));
    QCOMPARE(resynced.size(), 1);
    QVERIFY(!bram->chat().conversation(900000));
    // Counted once, whatever was read again after the snapshot: as the server counts.
    QCOMPARE(bram->chat().conversation(id)->unread, 3);
    QVERIFY(bram->chat().conversation(fromEva));
    QCOMPARE(bram->chat().conversation(fromEva)->unread, 2);
    bram->chat().fetchConversation(fromEva);
    QSignalSpy fetched(&bram->chat(), &Chat::conversationFetched);
    QVERIFY(fetched.wait(5000));
    QCOMPARE(bram->chat().conversation(fromEva)->unread, 2);
    // What bram had read before never notifies again.
    for (const auto& call : std::as_const(concerns))
        QVERIFY(call.first().value<MessageRow>().body != QStringLiteral("een"));
    // The conversation's history was read again: the three are in the cache.
    MessageListModel messages(cache, bram->chat(), id);
    QTRY_COMPARE(
        bodies(messages).mid(bodies(messages).size() - 3),
        (QStringList {QStringLiteral("twee"), QStringLiteral("drie"), QStringLiteral("vier")}));
}

void TestChat::groupChatFollowsGroupMembership()
{
    auto chantal = online(QStringLiteral("chantal")); // in ICT-nieuws
    auto daan = online(QStringLiteral("daan")); // not
    QVERIFY(chantal && daan);
    qint64 ict = 0;
    for (const GroupRow& g :
         GroupStore(daan->cache()).directory(QStringLiteral("ICT"), false, 0, 5))
        ict = g.name == QStringLiteral("ICT-nieuws") ? g.id : ict;
    QVERIFY(ict > 0);
    qint64 chatId = 0;
    bool done = false;
    chantal->chat().openGroupChat(ict, chantal.get(), [&](const Result<qint64>& r) {
        chatId = r ? r.value() : 0;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(chatId > 0);
    QVERIFY(!chantal->chat().send(chatId, QStringLiteral("Release vanavond")).isEmpty());
    QTRY_COMPARE(chantal->outbox().count(), 0);
    // Not a member: the group's chat answers like a conversation that does not exist.
    QString failure;
    done = false;
    daan->chat().openGroupChat(ict, daan.get(), [&](const Result<qint64>& r) {
        failure = r ? QString() : protocol::errorCodeName(r.error().code);
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(failure == QStringLiteral("forbidden") || failure == QStringLiteral("not_found"),
             qPrintable(failure));
    QVERIFY(!daan->chat().conversation(chatId));

    // Joining lets daan read and write at once.
    QVERIFY(!daan->groups().join(ict).isEmpty());
    QTRY_COMPARE(daan->outbox().count(), 0);
    done = false;
    qint64 seen = 0;
    daan->chat().openGroupChat(ict, daan.get(), [&](const Result<qint64>& r) {
        seen = r ? r.value() : 0;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(seen, chatId);
    daan->chat().fetchNewest(chatId);
    MessageListModel messages(daan->cache(), daan->chat(), chatId);
    QTRY_VERIFY(bodies(messages).contains(QStringLiteral("Release vanavond")));
    QVERIFY(!daan->chat().send(chatId, QStringLiteral("Ik kijk mee")).isEmpty());
    QTRY_COMPARE(daan->outbox().count(), 0);

    // Leaving ends it at once: forgotten here, and the server refuses what daan still sends.
    QVERIFY(!daan->groups().leave(ict).isEmpty());
    QTRY_VERIFY(!daan->chat().conversation(chatId));
    QCOMPARE(ChatStore(daan->cache()).messageCount(chatId), 0);
    QSignalSpy refused(&daan->outbox(), &Outbox::refused);
    QVERIFY(!daan->chat().send(chatId, QStringLiteral("nog even")).isEmpty());
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("not_found"));
    // And chantal's next message never reaches daan's cache.
    QVERIFY(!chantal->chat().send(chatId, QStringLiteral("na daan")).isEmpty());
    QTRY_COMPARE(chantal->outbox().count(), 0);
    QTest::qWait(500);
    QVERIFY(!daan->chat().conversation(chatId));
}

void TestChat::historyPagesUpwardWithLayoutRoles()
{
    auto anna = online(QStringLiteral("anna"));
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(anna && eva);
    const qint64 id = create(*anna, QStringLiteral("Paging"), {userIdOf(*eva)});
    QVERIFY(id > 0);
    // 120 messages through one session: more than two pages of history.
    for (int i = 0; i < 120; ++i)
        QVERIFY(!anna->chat().send(id, QStringLiteral("m%1").arg(i)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(anna->outbox().count(), 0, 30000);

    // A fresh device of eva's: nothing cached; the newest page first, then upward.
    auto fresh = online(QStringLiteral("eva"), QStringLiteral("-fresh"));
    QVERIFY(fresh);
    QTRY_VERIFY(fresh->chat().conversation(id));
    MessageListModel messages(fresh->cache(), fresh->chat(), id);
    QAbstractItemModelTester tester(&messages,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    fresh->chat().fetchNewest(id);
    QTRY_VERIFY(messages.rowCount() >= 50);
    QCOMPARE(messages.index(messages.rowCount() - 1).data().toString(), QStringLiteral("m119"));
    // The first row starts a day and a group; the next ones by the same sender continue it.
    QVERIFY(messages.index(0).data(MessageListModel::DayBreakRole).toBool());
    QVERIFY(!messages.index(0).data(MessageListModel::ContinuesGroupRole).toBool());
    QVERIFY(messages.index(1).data(MessageListModel::ContinuesGroupRole).toBool());
    QVERIFY(!messages.index(1).data(MessageListModel::DayBreakRole).toBool());
    for (int guard = 0; guard < 20 && messages.canFetchMore(QModelIndex()); ++guard) {
        messages.fetchMore(QModelIndex());
        QTRY_VERIFY(!messages.isFetching());
    }
    QCOMPARE(messages.rowCount(), 120);
    QCOMPARE(messages.index(0).data().toString(), QStringLiteral("m0"));
    // The unread divider sits above the first message eva had not read.
    QCOMPARE(messages.firstUnreadRow(), 0);
    messages.clearUnreadDivider();
    QCOMPARE(messages.firstUnreadRow(), -1);
}

void TestChat::olderPagesFromTheCacheComeAsInsertsAtTheTop()
{
    auto anna = online(QStringLiteral("anna"));
    auto eva = online(QStringLiteral("eva"));
    QVERIFY(anna && eva);
    const qint64 id = create(*anna, QStringLiteral("Archief"), {userIdOf(*eva)});
    QVERIFY(id > 0);
    for (int i = 0; i < 23; ++i)
        QVERIFY(!anna->chat().send(id, QStringLiteral("p%1").arg(i)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(anna->outbox().count(), 0, 30000);
    // All 23 are in anna's cache (she sent them): pages of 10 come from it, each one insert
    // of its rows at the top, the rows below kept as they were.
    // (No QAbstractItemModelTester here: it calls fetchMore itself.)
    MessageListModel messages(anna->cache(), anna->chat(), id);
    messages.setPageSize(10);
    QTRY_COMPARE(messages.rowCount(), 10);
    QSignalSpy inserted(&messages, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&messages, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&messages, &QAbstractItemModel::modelReset);
    QVERIFY(messages.canFetchMore(QModelIndex()));
    messages.fetchMore(QModelIndex());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 9);
    messages.fetchMore(QModelIndex());
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(2).toInt(), 2); // the last three
    QVERIFY(!messages.canFetchMore(QModelIndex()));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QStringList expected;
    for (int i = 0; i < 23; ++i)
        expected.append(QStringLiteral("p%1").arg(i));
    QCOMPARE(bodies(messages), expected);
    // The old first row now continues the group of the page above it.
    QVERIFY(messages.index(3).data(MessageListModel::ContinuesGroupRole).toBool());
    QVERIFY(!messages.index(3).data(MessageListModel::DayBreakRole).toBool());
}

void TestChat::seenByStandsUnderWhatTheReaderSaw()
{
    auto anna = online(QStringLiteral("anna"));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(anna && bram);
    const qint64 id = create(*anna, QStringLiteral("Gezien"), {userIdOf(*bram)});
    QVERIFY(id > 0);
    QVERIFY(!anna->chat().send(id, QStringLiteral("a1")).isEmpty());
    QVERIFY(!anna->chat().send(id, QStringLiteral("a2")).isEmpty());
    QTRY_COMPARE(anna->outbox().count(), 0);
    MessageListModel annaView(anna->cache(), anna->chat(), id);
    QTRY_COMPARE(bodies(annaView), QStringList({QStringLiteral("a1"), QStringLiteral("a2")}));
    const auto seenAt = [&](int row) {
        return annaView.index(row).data(MessageListModel::SeenByRole).toStringList();
    };
    QTRY_COMPARE(bram->chat().conversation(id) ? bram->chat().conversation(id)->unread : -1, 2);
    QVERIFY(!bram->chat().markRead(id).isEmpty());
    QTRY_COMPARE(seenAt(1).size(), 1);
    const QString bramName = seenAt(1).first();
    QVERIFY(seenAt(0).isEmpty());
    // Bram answers and reads to the end of his own message: what he saw is still a2.
    QVERIFY(!bram->chat().send(id, QStringLiteral("b1")).isEmpty());
    QTRY_COMPARE(bram->outbox().count(), 0);
    bram->chat().markRead(id);
    QTRY_COMPARE(annaView.rowCount(), 3);
    QTRY_VERIFY(bram->outbox().count() == 0);
    QTest::qWait(300);
    QCOMPARE(seenAt(2), QStringList());
    QCOMPARE(seenAt(1), QStringList {bramName});
}

void TestChat::reactionsEditsAndDeletes()
{
    auto anna = online(QStringLiteral("anna"));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(anna && bram);
    const qint64 id = openDirect(*anna, userIdOf(*bram));
    QVERIFY(!anna->chat().send(id, QStringLiteral("Wie doet de notulen?")).isEmpty());
    QTRY_COMPARE(anna->outbox().count(), 0);
    const qint64 messageId = ChatStore(anna->cache()).newestMessageId(id);
    QVERIFY(messageId > 0);
    MessageListModel bramView(bram->cache(), bram->chat(), id);
    QTRY_VERIFY(bramView.rowOf(messageId) >= 0);

    // A reaction shows at once (from the outbox), and on the other side once delivered.
    QVERIFY(!bram->chat().react(messageId, QStringLiteral("thumbsup"), true).isEmpty());
    const auto reactions = [](const MessageListModel& m, qint64 messageId) {
        return m.index(m.rowOf(messageId)).data(MessageListModel::ReactionsRole).toList();
    };
    QCOMPARE(reactions(bramView, messageId).size(), 1);
    QVERIFY(reactions(bramView, messageId).first().toMap().value(QStringLiteral("mine")).toBool());
    MessageListModel annaView(anna->cache(), anna->chat(), id);
    QTRY_COMPARE(reactions(annaView, messageId).size(), 1);
    const QVariantMap given = reactions(annaView, messageId).first().toMap();
    QCOMPARE(given.value(QStringLiteral("count")).toInt(), 1);
    QVERIFY(!given.value(QStringLiteral("mine")).toBool());
    QCOMPARE(given.value(QStringLiteral("emoji")).toString(), QStringLiteral("👍"));

    // Edits are the author's; the other side sees the new text and the marker.
    QVERIFY(
        !anna->chat().edit(messageId, QStringLiteral("Wie doet vandaag de notulen?")).isEmpty());
    QTRY_COMPARE(bramView.index(bramView.rowOf(messageId)).data().toString(),
                 QStringLiteral("Wie doet vandaag de notulen?"));
    QVERIFY(!bramView.index(bramView.rowOf(messageId))
                 .data(MessageListModel::EditedAtRole)
                 .toString()
                 .isEmpty());
    QSignalSpy refused(&bram->outbox(), &Outbox::refused);
    QVERIFY(!bram->chat().edit(messageId, QStringLiteral("niet van mij")).isEmpty());
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("forbidden"));
    // Refused, the text stays over the message until bram retries or discards it.
    QCOMPARE(bramView.index(bramView.rowOf(messageId)).data().toString(),
             QStringLiteral("niet van mij"));
    QVERIFY(bramView.index(bramView.rowOf(messageId))
                .data(MessageListModel::ChangeFailedRole)
                .toBool());
    QVERIFY(bram->outbox().discard(refused.first().at(0).toString()));

    // A reply quotes; deleting the original empties the quote and the message.
    QVERIFY(!bram->chat().send(id, QStringLiteral("Ik!"), messageId).isEmpty());
    QTRY_COMPARE(
        annaView.index(annaView.rowCount() - 1).data(MessageListModel::ReplyBodyRole).toString(),
        QStringLiteral("Wie doet vandaag de notulen?"));
    QVERIFY(!anna->chat().remove(messageId).isEmpty());
    QTRY_VERIFY(
        bramView.index(bramView.rowOf(messageId)).data(MessageListModel::DeletedRole).toBool());
    QCOMPARE(bramView.index(bramView.rowOf(messageId)).data().toString(), QString());
    QTRY_COMPARE(
        bramView.index(bramView.rowCount() - 1).data(MessageListModel::ReplyBodyRole).toString(),
        QString());
}

void TestChat::removedMemberForgetsTheConversation()
{
    auto anna = online(QStringLiteral("anna"));
    auto bram = online(QStringLiteral("bram"));
    auto daan = online(QStringLiteral("daan"));
    QVERIFY(anna && bram && daan);
    const qint64 id = create(*anna, QStringLiteral("Sluis"), {userIdOf(*bram), userIdOf(*daan)});
    QVERIFY(id > 0);
    QVERIFY(!anna->chat().send(id, QStringLiteral("Start")).isEmpty());
    QTRY_VERIFY(daan->chat().conversation(id));
    QCOMPARE(daan->chat().conversation(id)->displayTitle(userIdOf(*daan)), QStringLiteral("Sluis"));
    QTRY_COMPARE(ChatStore(daan->cache()).messageCount(id), 1);
    QVERIFY(!anna->chat().removeMember(id, userIdOf(*daan)).isEmpty());
    QTRY_VERIFY(!daan->chat().conversation(id));
    QCOMPARE(ChatStore(daan->cache()).messageCount(id), 0);
    QTRY_COMPARE(bram->chat().conversation(id)->memberCount, 2);
    // bram leaves: forgotten at bram's, anna alone remains.
    QVERIFY(!bram->chat().leave(id).isEmpty());
    QTRY_VERIFY(!bram->chat().conversation(id));
    QTRY_COMPARE(anna->chat().conversation(id)->memberCount, 1);
}

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
