// Two plein-server nodes sharing one PostgreSQL database: a post written through one node is
// pushed live to a client of the other (LISTEN/NOTIFY), and both serve the same data.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

class TestMultiNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoNodesOneDatabase()
    {
        const auto url = postgresUrl();
        if (!url) {
            if (postgresRequired())
                QFAIL("CI requires PLEIN_TEST_POSTGRES");
            QSKIP("PLEIN_TEST_POSTGRES is not set (scripts/test.sh sets it)");
        }
        QString error;
        QVERIFY2(resetPostgres(*url, &error), qPrintable(error));
        ServerProcess a;
        ServerProcess b;
        a.setExtraArguments({QStringLiteral("--database"), *url});
        b.setExtraArguments({QStringLiteral("--database"), *url});
        QCOMPARE(a.command({QStringLiteral("init")}), 0);
        QVERIFY(a.addUser(QStringLiteral("alice")));
        QVERIFY(a.addUser(QStringLiteral("bob")));
        QVERIFY(a.start());
        QVERIFY(b.start());

        WsClient alice;
        WsClient bob;
        QVERIFY(alice.connectTo(a.url()));
        QVERIFY(bob.connectTo(b.url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(!bob.login(QStringLiteral("bob")).isEmpty());
        bob.syncAll(0);
        const auto created = alice.post(QStringLiteral("from node A"));
        QVERIFY(!created.isEmpty());
        QVERIFY(bob.waitForPushes(1, 3000)); // well before the 5 s safety poll
        QCOMPARE(bob.pushes().first().payload.value(QLatin1StringView("kind")).toString(),
                 QStringLiteral("post.created"));

        // Deactivation on the command line closes the session on every node.
        QCOMPARE(a.command(
                     {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("bob")}),
                 0);
        QCOMPARE(bob.waitForClose(8000), std::optional<int>(4001));
        QVERIFY(a.stop());
        QVERIFY(b.stop());
    }
};

QTEST_GUILESS_MAIN(TestMultiNode)
#include "tst_multinode.moc"
