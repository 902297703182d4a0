// Presence against the real plein-server: watching answers the states now; a change goes only
// to the sessions that watch the person; a person is the most present of their sessions and
// offline when the last one closes or logs out; clients without the feature get nothing; and
// on PostgreSQL the same across two nodes.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Frame = plein::protocol::ServerFrame;

const QStringList users {QStringLiteral("anna"), QStringLiteral("bram"), QStringLiteral("chantal"),
                         QStringLiteral("daan"), QStringLiteral("eva"),  QStringLiteral("frits"),
                         QStringLiteral("gijs"), QStringLiteral("hanna")};

ChatKit::Match anyPresenceOf(qint64 userId)
{
    return [=](const Frame& p) {
        return p.pushType == QLatin1StringView("presence")
            && number(p.payload.value(L("userId"))) == userId;
    };
}

QJsonObject ids(const QList<qint64>& list)
{
    QJsonArray a;
    for (qint64 id : list)
        a.append(id);
    return QJsonObject {{QStringLiteral("userIds"), a}};
}

QJsonObject state(const char* s)
{
    return QJsonObject {{QStringLiteral("state"), QLatin1StringView(s)}};
}

// The states a presence.watch answer gives, by user id.
QHash<qint64, QString> statesOf(const WsClient::Response& r)
{
    QHash<qint64, QString> out;
    for (const auto& v : r.payload.value(L("presence")).toArray())
        out.insert(number(v.toObject().value(L("userId"))),
                   v.toObject().value(L("state")).toString());
    return out;
}

} // namespace

class TestPresence : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, users);
    }};

    ChatKit* kit() { return m_kits.current(); }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    // The answer names everyone asked for: connected people online, others (and ids of no
    // one) offline.
    void watchAnswersStatesNow()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        k->disconnect(QStringLiteral("hanna"));
        const qint64 nobody = 987654321;
        QTRY_COMPARE_WITH_TIMEOUT(
            statesOf(k->read(QStringLiteral("anna"), QStringLiteral("presence.watch"),
                             ids({k->id("bram"), k->id("hanna"), nobody})))
                .value(k->id("hanna")),
            QStringLiteral("offline"), 5000);
        const auto r = k->read(QStringLiteral("anna"), QStringLiteral("presence.watch"),
                               ids({k->id("bram"), k->id("hanna"), nobody}));
        QVERIFY(r.ok);
        const auto states = statesOf(r);
        QCOMPARE(states.size(), 3);
        QCOMPARE(states.value(k->id("bram")), QStringLiteral("online"));
        QCOMPARE(states.value(k->id("hanna")), QStringLiteral("offline"));
        QCOMPARE(states.value(nobody), QStringLiteral("offline"));
        // Watching nobody is allowed and stops the pushes.
        QVERIFY(k->read(QStringLiteral("anna"), QStringLiteral("presence.watch"), ids({})).ok);
    }

    // A change reaches the sessions that watch the person, and no other.
    void pushOnlyToWatchers()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 bram = k->id("bram");
        QVERIFY(
            k->read(QStringLiteral("chantal"), QStringLiteral("presence.watch"), ids({bram})).ok);
        QVERIFY(
            k->read(QStringLiteral("daan"), QStringLiteral("presence.watch"), ids({k->id("eva")}))
                .ok);
        QVERIFY(k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("dnd")).ok);
        QVERIFY2(
            ChatKit::waitFor(k->client(QStringLiteral("chantal")), ChatKit::presence(bram, "dnd")),
            "the watcher was not told");
        QVERIFY(k->barrier(QStringLiteral("daan")));
        QVERIFY2(!ChatKit::pushed(k->client(QStringLiteral("daan")), anyPresenceOf(bram)),
                 "someone who does not watch bram was told");
        QVERIFY(k->barrier(QStringLiteral("bram")));
        QVERIFY2(!ChatKit::pushed(k->client(QStringLiteral("bram")), anyPresenceOf(bram)),
                 "bram, who watches nobody, was told about himself");
        QVERIFY(
            k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("online")).ok);
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("chantal")),
                                 ChatKit::presence(bram, "online")));
        // A new watch list replaces the old one.
        QVERIFY(k->read(QStringLiteral("chantal"), QStringLiteral("presence.watch"),
                        ids({k->id("frits")}))
                    .ok);
        k->client(QStringLiteral("chantal")).pushes().clear();
        QVERIFY(k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("away")).ok);
        QVERIFY(k->barrier(QStringLiteral("chantal")));
        QVERIFY(!ChatKit::pushed(k->client(QStringLiteral("chantal")), anyPresenceOf(bram)));
        QVERIFY(
            k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("online")).ok);
    }

    // A person is the most present of their sessions: online before dnd before away.
    void sessionsCombine()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 daan = k->id("daan");
        WsClient& watcher = k->client(QStringLiteral("eva"));
        QVERIFY(k->read(QStringLiteral("eva"), QStringLiteral("presence.watch"), ids({daan})).ok);
        auto second = k->connect(QStringLiteral("daan"));
        QVERIFY2(second, qPrintable(k->error));
        WsClient& first = k->client(QStringLiteral("daan"));
        watcher.pushes().clear();
        QVERIFY(first.request(QStringLiteral("presence.set"), state("away")).ok);
        // The other session is online: daan stays online, and nobody is told anything.
        QVERIFY(k->barrier(QStringLiteral("eva")));
        QVERIFY(!ChatKit::pushed(watcher, anyPresenceOf(daan)));
        QVERIFY(second->request(QStringLiteral("presence.set"), state("dnd")).ok);
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(daan, "dnd")));
        QVERIFY(second->request(QStringLiteral("presence.set"), state("away")).ok);
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(daan, "away")));
        QVERIFY(first.request(QStringLiteral("presence.set"), state("online")).ok);
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(daan, "online")));
        // Closing the online session leaves the away one.
        watcher.pushes().clear();
        k->disconnect(QStringLiteral("daan"));
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(daan, "away")));
        QCOMPARE(
            statesOf(k->read(QStringLiteral("eva"), QStringLiteral("presence.watch"), ids({daan})))
                .value(daan),
            QStringLiteral("away"));
        // The last session closes: offline.
        second.reset();
        QVERIFY2(ChatKit::waitFor(watcher, ChatKit::presence(daan, "offline")),
                 "no offline push when the last session closed");
    }

    // Logging out ends a session's presence and its watch list, like closing it.
    void logoutLeaves()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 frits = k->id("frits");
        auto watcher = k->connect(QStringLiteral("gijs"));
        QVERIFY(watcher);
        QVERIFY(watcher->request(QStringLiteral("presence.watch"), ids({frits, k->id("anna")})).ok);
        WsClient& other = k->client(QStringLiteral("anna"));
        QVERIFY(other.request(QStringLiteral("presence.watch"), ids({frits})).ok);
        // frits logs out on his only session: offline for those who watch him.
        QVERIFY(k->client(QStringLiteral("frits")).request(QStringLiteral("auth.logout")).ok);
        QVERIFY(ChatKit::waitFor(other, ChatKit::presence(frits, "offline")));
        QVERIFY(ChatKit::waitFor(*watcher, ChatKit::presence(frits, "offline")));
        // gijs logs out this session: it hears nothing more, and gijs's other session (still
        // logged in) keeps him online.
        QVERIFY(watcher->request(QStringLiteral("auth.logout")).ok);
        watcher->pushes().clear();
        QVERIFY(other.request(QStringLiteral("presence.watch"), ids({k->id("gijs")})).ok);
        QCOMPARE(statesOf(other.request(QStringLiteral("presence.watch"), ids({k->id("gijs")})))
                     .value(k->id("gijs")),
                 QStringLiteral("online"));
        QVERIFY(k->read(QStringLiteral("anna"), QStringLiteral("presence.set"), state("dnd")).ok);
        QVERIFY(
            k->read(QStringLiteral("anna"), QStringLiteral("presence.set"), state("online")).ok);
        QTest::qWait(200);
        QVERIFY2(!ChatKit::pushed(*watcher, anyPresenceOf(k->id("anna"))),
                 "a logged-out session was still told");
    }

    // A client that did not agree on the feature may not watch, and is told nothing; it still
    // counts as connected.
    void withoutTheFeature()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        QStringList features = ChatKit::allFeatures();
        features.removeAll(QStringLiteral("presence"));
        auto old = k->connect(QStringLiteral("chantal"), features);
        QVERIFY2(old, qPrintable(k->error));
        const auto watch = old->request(QStringLiteral("presence.watch"), ids({k->id("bram")}));
        QCOMPARE(answerOf(watch), QStringLiteral("bad_request"));
        QVERIFY(watch.errorMessage.contains(QStringLiteral("presence")));
        QCOMPARE(answerOf(old->request(QStringLiteral("presence.set"), state("away"))),
                 QStringLiteral("bad_request"));
        QVERIFY(k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("dnd")).ok);
        QVERIFY(
            k->read(QStringLiteral("bram"), QStringLiteral("presence.set"), state("online")).ok);
        QTest::qWait(200);
        for (const Frame& p : old->pushes())
            QVERIFY(p.pushType != QLatin1StringView("presence"));
    }

    // Two nodes on one PostgreSQL database: a person on one node is seen from the other,
    // also by a node that starts later, and goes offline there when they leave.
    void twoNodes()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1StringView("postgresql"))
            QSKIP("two nodes need PostgreSQL");
        ServerProcess* b = k->addNode();
        QVERIFY2(b, qPrintable(k->error));
        const qint64 hanna = k->id("hanna");
        WsClient& watcher = k->client(QStringLiteral("anna")); // on node A
        QVERIFY(watcher.request(QStringLiteral("presence.watch"), ids({hanna})).ok);
        watcher.pushes().clear();
        auto onB = k->connect(QStringLiteral("hanna"), {}, b);
        QVERIFY2(onB, qPrintable(k->error));
        QVERIFY2(ChatKit::waitFor(watcher, ChatKit::presence(hanna, "online")),
                 "node A was not told that hanna came online on node B");
        QVERIFY(onB->request(QStringLiteral("presence.set"), state("dnd")).ok);
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(hanna, "dnd")));
        // A node that starts now learns it from the others.
        ServerProcess* c = k->addNode();
        QVERIFY2(c, qPrintable(k->error));
        auto onC = k->connect(QStringLiteral("eva"), {}, c);
        QVERIFY(onC);
        QTRY_COMPARE_WITH_TIMEOUT(
            statesOf(onC->request(QStringLiteral("presence.watch"), ids({hanna}))).value(hanna),
            QStringLiteral("dnd"), 5000);
        onB.reset();
        QVERIFY(ChatKit::waitFor(watcher, ChatKit::presence(hanna, "offline")));
        QVERIFY(ChatKit::waitFor(*onC, ChatKit::presence(hanna, "offline")));
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
