// Bad input against the real server: each gets its error code, changes nothing, and the server
// goes on serving everyone else.
#include "protocol/limits.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace plein::test;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    WsClient m_bystander; // a well-behaved client that must keep working throughout
    qint64 m_postId = 0;

    qint64 postCount()
    {
        auto page = m_bystander.request(QStringLiteral("feed.page"),
                                        QJsonObject {{QStringLiteral("limit"), 200}});
        return page.payload.value(QLatin1StringView("posts")).toArray().size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_server.command({QStringLiteral("init")}), 0);
        QVERIFY(m_server.addUser(QStringLiteral("alice")));
        QVERIFY(m_server.addUser(QStringLiteral("mallory")));
        QVERIFY(m_server.start());
        QVERIFY(m_bystander.connectTo(m_server.url()));
        QVERIFY(!m_bystander.login(QStringLiteral("alice")).isEmpty());
        const auto created = m_bystander.post(QStringLiteral("alice's post"));
        m_postId = qint64(created.value(QLatin1StringView("post"))
                              .toObject()
                              .value(QLatin1StringView("id"))
                              .toDouble());
        QVERIFY(m_postId > 0);
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }

    void frames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed json")
            << QByteArray("{\"type\": \"post.create\", ") << QStringLiteral("bad_request");
        QTest::newRow("not an object") << QByteArray("\"hello\"") << QStringLiteral("bad_request");
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"admin.dropall","id":"1"})") << QStringLiteral("bad_request");
        QTest::newRow("wrong field type") << QByteArray(
            R"({"type":"post.create","id":"2","payload":{"clientId":"abcdefgh1","body":42}})")
                                          << QStringLiteral("bad_request");
        QTest::newRow("unknown field") << QByteArray(
            R"({"type":"post.create","id":"3","payload":{"clientId":"abcdefgh2","body":"x","authorId":1}})")
                                       << QStringLiteral("bad_request");
        QTest::newRow("oversized field")
            << QByteArray(
                   R"({"type":"post.create","id":"4","payload":{"clientId":"abcdefgh3","body":")")
                + QByteArray(plein::protocol::maxPostChars + 1, 'x') + QByteArray(R"("}})")
            << QStringLiteral("too_large");
        QTest::newRow("oversized frame")
            << QByteArray(
                   R"({"type":"post.create","id":"5","payload":{"clientId":"abcdefgh4","body":")")
                + QByteArray(plein::protocol::maxFrameBytes, 'x') + QByteArray(R"("}})")
            << QStringLiteral("too_large");
    }

    void frames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(!c.login(QStringLiteral("mallory")).isEmpty());
        const qint64 before = postCount();
        auto r = c.raw(frame);
        QVERIFY(r.received);
        QCOMPARE(r.errorCode, code);
        QVERIFY(!r.errorMessage.isEmpty());
        // The same connection still works, nothing was written, everyone else is served.
        QVERIFY(c.request(QStringLiteral("ping")).ok);
        QCOMPARE(postCount(), before);
    }

    void binaryFrameIsRefused()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(m_server.url()));
        QVERIFY(connected.wait(5000));
        QSignalSpy text(&socket, &QWebSocket::textMessageReceived);
        socket.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
        QVERIFY(text.wait(5000));
        QVERIFY(text.first().first().toString().contains(QStringLiteral("bad_request")));
    }

    void hugeFrameClosesOnlyThatConnection_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("just over twice the limit")
            << qint64(2 * plein::protocol::maxFrameBytes + 1);
        QTest::newRow("2 MiB") << qint64(2 * 1024 * 1024);
        QTest::newRow("8 MiB") << qint64(8 * 1024 * 1024);
    }

    // Far over the limit: the connection is closed with 1009 ("too big"), a close frame the
    // client reads, never a TCP reset; other connections go on.
    void hugeFrameClosesOnlyThatConnection()
    {
        QFETCH(qint64, bytes);
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(c.hello().ok);
        c.raw(QByteArray(bytes, 'x'), 3000);
        QCOMPARE(c.waitForClose(10000), std::optional<int>(1009));
        QVERIFY(m_bystander.request(QStringLiteral("ping")).ok);
    }

    void requestsBeforeLogin()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(c.hello().ok);
        for (const char* type : {"sync.since", "feed.page", "post.create", "auth.logout"}) {
            QJsonObject payload;
            if (QByteArray(type) == "sync.since")
                payload.insert(QStringLiteral("cursor"), 0);
            if (QByteArray(type) == "post.create")
                payload = QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                       {QStringLiteral("body"), QStringLiteral("x")}};
            QCOMPARE(c.request(QString::fromLatin1(type), payload).errorCode,
                     QStringLiteral("unauthorized"));
        }
    }

    void badTokens()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(c.hello().ok);
        auto r = c.request(QStringLiteral("auth.resume"),
                           QJsonObject {{QStringLiteral("token"), QStringLiteral("made-up")}});
        QCOMPARE(r.errorCode, QStringLiteral("unauthorized"));
        QCOMPARE(c.request(QStringLiteral("feed.page")).errorCode, QStringLiteral("unauthorized"));
    }

    void someoneElsesPost()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(!c.login(QStringLiteral("mallory")).isEmpty());
        auto edit = c.request(QStringLiteral("post.edit"),
                              QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                           {QStringLiteral("postId"), m_postId},
                                           {QStringLiteral("body"), QStringLiteral("pwned")}});
        QCOMPARE(edit.errorCode, QStringLiteral("forbidden"));
        auto del = c.request(QStringLiteral("post.delete"),
                             QJsonObject {{QStringLiteral("clientId"), newClientId()},
                                          {QStringLiteral("postId"), m_postId}});
        QCOMPARE(del.errorCode, QStringLiteral("forbidden"));
        auto thread = m_bystander.request(QStringLiteral("thread.get"),
                                          QJsonObject {{QStringLiteral("postId"), m_postId}});
        QCOMPARE(thread.payload.value(QLatin1StringView("post"))
                     .toObject()
                     .value(QLatin1StringView("body"))
                     .toString(),
                 QStringLiteral("alice's post"));
    }

    void rateLimited()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(m_server.url()));
        QVERIFY(connected.wait(5000));
        QSignalSpy replies(&socket, &QWebSocket::textMessageReceived);
        socket.sendTextMessage(
            QStringLiteral(R"({"type":"hello","id":"h","payload":{"protocol":1}})"));
        for (int i = 0; i < 500; ++i)
            socket.sendTextMessage(QStringLiteral(R"({"type":"ping","id":"p%1"})").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 501, 10000);
        int limited = 0;
        for (const auto& reply : replies)
            limited += reply.first().toString().contains(QStringLiteral("rate_limited")) ? 1 : 0;
        QVERIFY(limited > 0);
        QVERIFY(limited < 500);
        QVERIFY(m_bystander.request(QStringLiteral("ping")).ok);
    }

    void loginThrottling()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(c.hello().ok);
        QString code;
        for (int i = 0; i < 7; ++i) {
            code = c.request(QStringLiteral("auth.login"),
                             QJsonObject {
                                 {QStringLiteral("username"), QStringLiteral("alice")},
                                 {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}})
                       .errorCode;
        }
        QCOMPARE(code, QStringLiteral("rate_limited"));
        // Even the right password waits; the wait is short (capped at a minute).
        auto r
            = c.request(QStringLiteral("auth.login"),
                        QJsonObject {{QStringLiteral("username"), QStringLiteral("alice")},
                                     {QStringLiteral("password"), QStringLiteral("password123")}});
        QCOMPARE(r.errorCode, QStringLiteral("rate_limited"));
        QVERIFY(m_bystander.request(QStringLiteral("ping")).ok);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
