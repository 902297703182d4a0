// The real plein-server binary, over real WebSockets.
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace plein::test;

namespace {

qint64 idOf(const QJsonObject& result)
{
    return qint64(result.value(QLatin1StringView("post"))
                      .toObject()
                      .value(QLatin1StringView("id"))
                      .toDouble());
}

qint64 number(const QJsonObject& o, const char* key)
{
    return qint64(o.value(QLatin1StringView(key)).toDouble());
}

} // namespace

class TestIntegration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ServerProcess>();
        QCOMPARE(m_server->command({QStringLiteral("init")}), 0);
        QVERIFY(m_server->addUser(QStringLiteral("alice")));
        QVERIFY(m_server->addUser(QStringLiteral("bob")));
        QVERIFY(m_server->addUser(QStringLiteral("root"), true));
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "server log:\n"
                                 << QString::fromUtf8(m_server->log()).right(4000);
        QVERIFY(m_server->stop());
    }

    void handshake()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server->url()));
        // Nothing before hello.
        QCOMPARE(c.request(QStringLiteral("ping")).errorCode, QStringLiteral("bad_request"));
        auto wrong
            = c.request(QStringLiteral("hello"), QJsonObject {{QStringLiteral("protocol"), 99}});
        QCOMPARE(wrong.errorCode, QStringLiteral("bad_request"));
        QVERIFY(wrong.errorMessage.contains(QStringLiteral("speaks version 1")));
        auto hello = c.hello();
        QVERIFY(hello.ok);
        QCOMPARE(hello.payload.value(QLatin1StringView("protocol")).toInt(), 1);
        QCOMPARE(hello.payload.value(QLatin1StringView("agreed")).toArray(),
                 QJsonArray {QStringLiteral("feed")});
        QCOMPARE(hello.payload.value(QLatin1StringView("limits"))
                     .toObject()
                     .value(QLatin1StringView("postChars"))
                     .toInt(),
                 5000);
    }

    void loginAndTokens()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server->url()));
        QVERIFY(c.hello().ok);
        auto bad
            = c.request(QStringLiteral("auth.login"),
                        QJsonObject {{QStringLiteral("username"), QStringLiteral("alice")},
                                     {QStringLiteral("password"), QStringLiteral("nope-nope")}});
        QCOMPARE(bad.errorCode, QStringLiteral("unauthorized"));
        auto unknown
            = c.request(QStringLiteral("auth.login"),
                        QJsonObject {{QStringLiteral("username"), QStringLiteral("nobody")},
                                     {QStringLiteral("password"), QStringLiteral("password123")}});
        QCOMPARE(unknown.errorCode, QStringLiteral("unauthorized"));
        QCOMPARE(c.request(QStringLiteral("feed.page")).errorCode, QStringLiteral("unauthorized"));

        const QString first = c.login(QStringLiteral("alice"));
        QVERIFY(!first.isEmpty());
        WsClient d;
        QVERIFY(d.connectTo(m_server->url()));
        const QString second = d.login(QStringLiteral("alice"));
        QVERIFY(!second.isEmpty());
        QVERIFY(first != second); // a new token at each login

        WsClient e;
        QVERIFY(e.connectTo(m_server->url()));
        QVERIFY(e.resume(first));
        QVERIFY(e.request(QStringLiteral("auth.logout")).ok);
        QCOMPARE(e.request(QStringLiteral("feed.page")).errorCode, QStringLiteral("unauthorized"));
        WsClient f;
        QVERIFY(f.connectTo(m_server->url()));
        QVERIFY(f.hello().ok);
        auto revoked = f.request(QStringLiteral("auth.resume"),
                                 QJsonObject {{QStringLiteral("token"), first}});
        QCOMPARE(revoked.errorCode, QStringLiteral("unauthorized"));
        QVERIFY(f.resume(second));
    }

    void postReplyLikeAndLivePush()
    {
        WsClient alice;
        WsClient bob;
        QVERIFY(alice.connectTo(m_server->url()));
        QVERIFY(bob.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(!bob.login(QStringLiteral("bob")).isEmpty());
        qint64 bobCursor = 0;
        bob.syncAll(0, &bobCursor); // caught up: bob is live now

        const QJsonObject created = alice.post(QStringLiteral("Hello @bob, **welcome**"));
        const qint64 postId = idOf(created);
        QVERIFY(postId > 0);
        QVERIFY(bob.waitForPushes(1));
        const auto push = bob.pushes().first();
        QCOMPARE(push.push->name, QLatin1StringView("event"));
        QCOMPARE(push.seq, number(created, "seq"));
        QCOMPARE(push.payload.value(QLatin1StringView("kind")).toString(),
                 QStringLiteral("post.created"));
        const QJsonObject data = push.payload.value(QLatin1StringView("data")).toObject();
        QCOMPARE(data.value(QLatin1StringView("mentions")).toArray().size(), 1);

        const QJsonObject reply = bob.post(QStringLiteral("thanks"), QString(), postId);
        QVERIFY(idOf(reply) > 0);
        auto like = bob.request(QStringLiteral("post.like"),
                                QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                             {QStringLiteral("postId"), postId},
                                             {QStringLiteral("liked"), true}});
        QVERIFY(like.ok);
        QCOMPARE(like.payload.value(QLatin1StringView("likes")).toInt(), 1);
        QVERIFY(bob.waitForPushes(3));
        QCOMPARE(bob.pushes().at(2).payload.value(QLatin1StringView("kind")).toString(),
                 QStringLiteral("post.liked"));
        // Pushes arrive in sequence order.
        QVERIFY(bob.pushes().at(1).seq < bob.pushes().at(2).seq);

        auto page = alice.request(QStringLiteral("feed.page"),
                                  QJsonObject {{QStringLiteral("limit"), 10}});
        QVERIFY(page.ok);
        const QJsonObject top
            = page.payload.value(QLatin1StringView("posts")).toArray().first().toObject();
        QCOMPARE(number(top, "id"), postId);
        QCOMPARE(top.value(QLatin1StringView("replies")).toInt(), 1);
        QCOMPARE(top.value(QLatin1StringView("likes")).toInt(), 1);
        auto thread = alice.request(QStringLiteral("thread.get"),
                                    QJsonObject {{QStringLiteral("postId"), postId}});
        QCOMPARE(thread.payload.value(QLatin1StringView("replies")).toArray().size(), 1);
    }

    void eventsSinceCursor()
    {
        WsClient alice;
        QVERIFY(alice.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        qint64 start = 0;
        alice.syncAll(0, &start);
        for (int i = 0; i < 30; ++i)
            QVERIFY(number(alice.post(QStringLiteral("post %1").arg(i)), "seq") > 0);
        WsClient bob;
        QVERIFY(bob.connectTo(m_server->url()));
        QVERIFY(!bob.login(QStringLiteral("bob")).isEmpty());
        qint64 next = 0;
        const auto events = bob.syncAll(start, &next, 7);
        QCOMPARE(events.size(), 30);
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(events[i].value(QLatin1StringView("kind")).toString(),
                     QStringLiteral("post.created"));
            QCOMPARE(events[i]
                         .value(QLatin1StringView("data"))
                         .toObject()
                         .value(QLatin1StringView("post"))
                         .toObject()
                         .value(QLatin1StringView("body"))
                         .toString(),
                     QStringLiteral("post %1").arg(i));
            if (i > 0)
                QVERIFY(number(events[i], "seq") > number(events[i - 1], "seq"));
        }
        QCOMPARE(next, number(events.last(), "seq"));
        // A cursor from the future (a restored backup) asks for a resync.
        auto future = bob.request(QStringLiteral("sync.since"),
                                  QJsonObject {{QStringLiteral("cursor"), next + 1000}});
        QVERIFY(future.payload.value(QLatin1StringView("resync")).toBool());
    }

    void sameClientIdGivesOnePost()
    {
        WsClient alice;
        QVERIFY(alice.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        const QString id = newClientId();
        const QJsonObject first = alice.post(QStringLiteral("only once"), id);
        // The acknowledgement was "lost": the client reconnects and sends the same write again.
        alice.close();
        WsClient again;
        QVERIFY(again.connectTo(m_server->url()));
        QVERIFY(!again.login(QStringLiteral("alice")).isEmpty());
        auto replay
            = again.request(QStringLiteral("post.create"),
                            QJsonObject {{QStringLiteral("clientId"), id},
                                         {QStringLiteral("body"), QStringLiteral("only once")}});
        QVERIFY(replay.ok);
        QVERIFY(replay.payload.value(QLatin1StringView("replayed")).toBool());
        QCOMPARE(idOf(replay.payload), idOf(first));
        auto clash = again.request(
            QStringLiteral("post.create"),
            QJsonObject {{QStringLiteral("clientId"), id},
                         {QStringLiteral("body"), QStringLiteral("something else")}});
        QCOMPARE(clash.errorCode, QStringLiteral("conflict"));
        auto page = again.request(QStringLiteral("feed.page"));
        QCOMPARE(page.payload.value(QLatin1StringView("posts")).toArray().size(), 1);
    }

    void restartLosesNothingAcknowledged()
    {
        QList<qint64> acknowledged;
        QString token;
        QString lastId;
        {
            WsClient alice;
            QVERIFY(alice.connectTo(m_server->url()));
            token = alice.login(QStringLiteral("alice"));
            for (int i = 0; i < 40; ++i) {
                lastId = newClientId();
                const qint64 id = idOf(alice.post(QStringLiteral("durable %1").arg(i), lastId));
                QVERIFY(id > 0);
                acknowledged << id;
            }
            // Kill without warning: only what was committed counts.
            m_server->kill();
            QVERIFY(alice.waitForClose());
        }
        QVERIFY(m_server->start());
        WsClient alice;
        QVERIFY(alice.connectTo(m_server->url()));
        QVERIFY(alice.resume(token)); // sessions survive restarts
        auto page = alice.request(QStringLiteral("feed.page"),
                                  QJsonObject {{QStringLiteral("limit"), 100}});
        QList<qint64> stored;
        for (const auto& p : page.payload.value(QLatin1StringView("posts")).toArray())
            stored.prepend(number(p.toObject(), "id"));
        QCOMPARE(stored, acknowledged);
        // The ledger survived too: the last write retried after the restart is not applied again.
        auto replay
            = alice.request(QStringLiteral("post.create"),
                            QJsonObject {{QStringLiteral("clientId"), lastId},
                                         {QStringLiteral("body"), QStringLiteral("durable 39")}});
        QVERIFY(replay.payload.value(QLatin1StringView("replayed")).toBool());
    }

    void gracefulShutdownSaysGoingAway()
    {
        WsClient alice;
        QVERIFY(alice.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(m_server->stop());
        QCOMPARE(alice.waitForClose(), std::optional<int>(1001));
        QVERIFY(m_server->start());
    }

    void deactivationIsImmediate()
    {
        WsClient bob;
        QVERIFY(bob.connectTo(m_server->url()));
        const QString token = bob.login(QStringLiteral("bob"));
        QVERIFY(!token.isEmpty());
        bob.syncAll(0);
        QCOMPARE(m_server->command(
                     {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("bob")}),
                 0);
        QCOMPARE(bob.waitForClose(5000), std::optional<int>(4001));
        QCOMPARE(bob.closeReason(), QStringLiteral("account deactivated"));
        WsClient again;
        QVERIFY(again.connectTo(m_server->url()));
        QVERIFY(again.hello().ok);
        QCOMPARE(again
                     .request(QStringLiteral("auth.resume"),
                              QJsonObject {{QStringLiteral("token"), token}})
                     .errorCode,
                 QStringLiteral("unauthorized"));
        auto login = again.request(
            QStringLiteral("auth.login"),
            QJsonObject {{QStringLiteral("username"), QStringLiteral("bob")},
                         {QStringLiteral("password"), QStringLiteral("password123")}});
        QCOMPARE(login.errorCode, QStringLiteral("forbidden"));
        QVERIFY(login.errorMessage.contains(QStringLiteral("deactivated")));
    }

    // A connection that logs in as a second user and then goes away leaves nothing behind that
    // a later deactivation of the first user could trip over.
    void secondLoginOnOneConnection()
    {
        {
            WsClient c;
            QVERIFY(c.connectTo(m_server->url()));
            QVERIFY(!c.login(QStringLiteral("alice")).isEmpty());
            auto again = c.request(
                QStringLiteral("auth.login"),
                QJsonObject {{QStringLiteral("username"), QStringLiteral("bob")},
                             {QStringLiteral("password"), QStringLiteral("password123")}});
            QVERIFY(again.ok);
            QCOMPARE(again.payload.value(QLatin1StringView("user"))
                         .toObject()
                         .value(QLatin1StringView("username"))
                         .toString(),
                     QStringLiteral("bob"));
        }
        QTest::qWait(200);
        QCOMPARE(m_server->command({QStringLiteral("user"), QStringLiteral("deactivate"),
                                    QStringLiteral("alice")}),
                 0);
        QTest::qWait(600);
        QVERIFY(m_server->isRunning());
        WsClient other;
        QVERIFY(other.connectTo(m_server->url()));
        QVERIFY(!other.login(QStringLiteral("bob")).isEmpty());
    }

    // Taking the admin role away counts at once for the sessions already open.
    void demotionIsImmediate()
    {
        WsClient alice;
        WsClient root;
        QVERIFY(alice.connectTo(m_server->url()) && root.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(!root.login(QStringLiteral("root")).isEmpty());
        const qint64 id = idOf(alice.post(QStringLiteral("alice's")));
        QCOMPARE(m_server->command({QStringLiteral("user"), QStringLiteral("set-role"),
                                    QStringLiteral("root"), QStringLiteral("member")}),
                 0);
        QTest::qWait(600); // the server hears of changes made on the command line within 250 ms
        auto edit
            = root.request(QStringLiteral("post.edit"),
                           QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                        {QStringLiteral("postId"), id},
                                        {QStringLiteral("body"), QStringLiteral("moderated")}});
        QCOMPARE(edit.errorCode, QStringLiteral("forbidden"));
    }

    void expiredTokenIsRefused()
    {
        QVERIFY(m_server->stop());
        m_server->setConfig(QStringLiteral("session_idle_seconds"), QStringLiteral("1"));
        QVERIFY(m_server->start());
        WsClient c;
        QVERIFY(c.connectTo(m_server->url()));
        const QString token = c.login(QStringLiteral("alice"));
        QTest::qWait(2100);
        WsClient d;
        QVERIFY(d.connectTo(m_server->url()));
        QVERIFY(d.hello().ok);
        auto r = d.request(QStringLiteral("auth.resume"),
                           QJsonObject {{QStringLiteral("token"), token}});
        QCOMPARE(r.errorCode, QStringLiteral("unauthorized"));
        QVERIFY(r.errorMessage.contains(QStringLiteral("expired")));
    }

    void editAndDeleteOnlyOwnPosts()
    {
        WsClient alice;
        WsClient bob;
        WsClient root;
        QVERIFY(alice.connectTo(m_server->url()) && bob.connectTo(m_server->url())
                && root.connectTo(m_server->url()));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(!bob.login(QStringLiteral("bob")).isEmpty());
        QVERIFY(!root.login(QStringLiteral("root")).isEmpty());
        const qint64 id = idOf(alice.post(QStringLiteral("mine")));
        const auto edit = [&](WsClient& c, const QString& body) {
            return c.request(QStringLiteral("post.edit"),
                             QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                          {QStringLiteral("postId"), id},
                                          {QStringLiteral("body"), body}});
        };
        QCOMPARE(edit(bob, QStringLiteral("hijacked")).errorCode, QStringLiteral("forbidden"));
        auto del = bob.request(QStringLiteral("post.delete"),
                               QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                            {QStringLiteral("postId"), id}});
        QCOMPARE(del.errorCode, QStringLiteral("forbidden"));
        auto own = edit(alice, QStringLiteral("mine, edited"));
        QVERIFY(own.ok);
        QVERIFY(!own.payload.value(QLatin1StringView("post"))
                     .toObject()
                     .value(QLatin1StringView("editedAt"))
                     .isNull());
        QVERIFY(edit(root, QStringLiteral("moderated")).ok);
        auto missing = alice.request(QStringLiteral("post.edit"),
                                     QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                                  {QStringLiteral("postId"), 424242},
                                                  {QStringLiteral("body"), QStringLiteral("x")}});
        QCOMPARE(missing.errorCode, QStringLiteral("not_found"));
        auto page = alice.request(QStringLiteral("feed.page"));
        QCOMPARE(page.payload.value(QLatin1StringView("posts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1StringView("body"))
                     .toString(),
                 QStringLiteral("moderated"));
    }

    // auth.logout ends every connection that resumed with the same token, not only this one.
    void logoutEndsTheSessionEverywhere()
    {
        WsClient first;
        QVERIFY(first.connectTo(m_server->url()));
        const QString token = first.login(QStringLiteral("alice"));
        QVERIFY(!token.isEmpty());
        WsClient second;
        QVERIFY(second.connectTo(m_server->url()));
        QVERIFY(second.resume(token));
        WsClient otherSession;
        QVERIFY(otherSession.connectTo(m_server->url()));
        QVERIFY(!otherSession.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(first.request(QStringLiteral("auth.logout")).ok);
        QCOMPARE(second.waitForClose(3000), std::optional<int>(4003));
        // The logged-out connection stays open but is no longer logged in; another login of
        // the same user goes on.
        QCOMPARE(first.request(QStringLiteral("feed.page")).errorCode,
                 QStringLiteral("unauthorized"));
        QVERIFY(otherSession.request(QStringLiteral("feed.page")).ok);
        WsClient third;
        QVERIFY(third.connectTo(m_server->url()));
        QVERIFY(!third.resume(token));
    }

    // SIGTERM while a client has many writes pipelined: every write that committed is answered,
    // the rest get "unavailable", and the connection closes with 1001, never a reset.
    void shutdownAnswersPipelinedWrites()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(m_server->url()));
        QVERIFY(connected.wait(5000));
        QHash<QString, QJsonObject> answers;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString& text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.contains(QLatin1StringView("re")))
                answers.insert(o.value(QLatin1StringView("re")).toString(), o);
        });
        const auto send = [&](const QString& id, const char* type, const QJsonObject& payload) {
            socket.sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject {{QStringLiteral("type"), QLatin1StringView(type)},
                                           {QStringLiteral("id"), id},
                                           {QStringLiteral("payload"), payload}})
                    .toJson(QJsonDocument::Compact)));
        };
        send(QStringLiteral("h"), "hello",
             {{QStringLiteral("protocol"), 1},
              {QStringLiteral("features"), QJsonArray {QStringLiteral("feed")}}});
        send(QStringLiteral("l"), "auth.login",
             {{QStringLiteral("username"), QStringLiteral("alice")},
              {QStringLiteral("password"), QStringLiteral("password123")}});
        QTRY_VERIFY_WITH_TIMEOUT(answers.contains(QStringLiteral("l")), 10000);
        constexpr int writes = 150; // within the per-connection burst of 200
        const auto write = [&](int i) {
            send(QString::number(i), "post.create",
                 {{QStringLiteral("clientId"), QStringLiteral("pipelined-%1").arg(i)},
                  {QStringLiteral("body"), QStringLiteral("pipelined %1").arg(i)}});
        };
        // Writes still arriving while the server stops.
        for (int i = 0; i < 50; ++i)
            write(i);
        socket.flush();
        QCOMPARE(::kill(pid_t(m_server->pid()), SIGTERM), 0);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        for (int i = 50; i < writes; i += 10) {
            for (int k = i; k < i + 10; ++k)
                write(k);
            socket.flush();
            QTest::qWait(5);
        }
        QVERIFY(disconnected.wait(15000));
        QCOMPARE(int(socket.closeCode()), 1001);
        int ok = 0;
        for (int i = 0; i < writes; ++i) {
            const QJsonObject a = answers.value(QString::number(i));
            QVERIFY2(!a.isEmpty(), qPrintable(QStringLiteral("write %1 got no answer").arg(i)));
            if (a.value(QLatin1StringView("ok")).toBool())
                ++ok;
            else
                QCOMPARE(a.value(QLatin1StringView("error"))
                             .toObject()
                             .value(QLatin1StringView("code"))
                             .toString(),
                         QStringLiteral("unavailable"));
        }
        // What committed is exactly what was answered: count the posts after a restart.
        QVERIFY(m_server->stop());
        QVERIFY(m_server->start());
        WsClient c;
        QVERIFY(c.connectTo(m_server->url()));
        QVERIFY(!c.login(QStringLiteral("alice")).isEmpty());
        int stored = 0;
        qint64 before = 0;
        for (;;) {
            QJsonObject payload {{QStringLiteral("limit"), 200}};
            if (before)
                payload.insert(QStringLiteral("before"), before);
            const auto page = c.request(QStringLiteral("feed.page"), payload);
            QVERIFY(page.ok);
            const QJsonArray posts = page.payload.value(QLatin1StringView("posts")).toArray();
            stored += int(posts.size());
            if (posts.isEmpty() || !page.payload.value(QLatin1StringView("more")).toBool())
                break;
            before = number(posts.last().toObject(), "id");
        }
        QCOMPARE(stored, ok);
    }
};

QTEST_GUILESS_MAIN(TestIntegration)
#include "tst_integration.moc"
