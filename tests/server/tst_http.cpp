// The HTTP side's gate against hostile and odd clients: every defect found in review of an
// earlier HTTP side has a test here (see the comment on each).
#include "http/httpserver.h"
#include "httpclient.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace plein::test;
using plein::server::HttpServer;

class TestHttp : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QByteArray m_token; // anna's
    quint16 m_port = 0;

    QByteArray login(const QString& user)
    {
        WsClient c;
        if (!c.connectTo(m_server.url()))
            return {};
        return c.login(user).toLatin1();
    }

    // The answer to `bytes` on a new connection, and whether the server closed it after.
    std::optional<HttpClient::Response> once(const QByteArray& bytes, bool* closed = nullptr)
    {
        HttpClient c;
        if (!c.connectTo(m_port))
            return std::nullopt;
        c.send(bytes);
        auto r = c.read(5000);
        if (closed)
            *closed = c.waitClosed(3000);
        return r;
    }

    // The server's resident memory in KiB (VmRSS), 0 when unknown.
    static qint64 rssKiB(qint64 pid)
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setConfig(QStringLiteral("http_head_timeout_ms"), QStringLiteral("1500"));
        m_server.setConfig(QStringLiteral("http_min_bytes_per_second"), QStringLiteral("1000"));
        m_server.setConfig(QStringLiteral("http_rate_grace_ms"), QStringLiteral("1000"));
        m_server.setConfig(QStringLiteral("http_body_budget_bytes"), QStringLiteral("4194304"));
        QVERIFY(m_server.addUser(QStringLiteral("anna")));
        QVERIFY(m_server.addUser(QStringLiteral("bram")));
        QVERIFY(m_server.addUser(QStringLiteral("rita")));
        QVERIFY(m_server.start());
        m_port = m_server.httpPort();
        QVERIFY(m_port > 0);
        m_token = login(QStringLiteral("anna"));
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }

    // The hello answer tells where the HTTP side is: its port, and no url of its own without
    // public_http_url (clients use the host they reached).
    void helloTellsHttp()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        const auto r = c.hello();
        QVERIFY(r.ok);
        const QJsonObject http = r.payload.value(QLatin1StringView("http")).toObject();
        QCOMPARE(http.value(QLatin1StringView("port")).toInt(), int(m_port));
        QCOMPARE(http.value(QLatin1StringView("url")).toString(), QString());
    }

    // Review defect: heads with bare LF or bare CR line ends slipped past the gate.
    void bareLineEndsRefused_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("bare LF everywhere") << QByteArray("GET /files/x HTTP/1.1\nHost: a\n\n");
        QTest::newRow("bare LF in one header")
            << QByteArray("GET /files/x HTTP/1.1\r\nHost: a\nX-Smuggled: 1\r\n\r\n");
        QTest::newRow("bare LF ending the head")
            << QByteArray("GET /files/x HTTP/1.1\r\nHost: a\r\n\n");
        QTest::newRow("bare CR") << QByteArray("GET /files/x HTTP/1.1\rHost: a\r\n\r\n");
        QTest::newRow("bare CR in a value")
            << QByteArray("GET /files/x HTTP/1.1\r\nHost: a\rb\r\n\r\n");
        QTest::newRow("folded header")
            << QByteArray("GET /files/x HTTP/1.1\r\nHost: a\r\n  folded\r\n\r\n");
        QTest::newRow("space before colon")
            << QByteArray("GET /files/x HTTP/1.1\r\nHost : a\r\n\r\n");
        QTest::newRow("two Content-Length")
            << QByteArray("POST /files HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
                          "Content-Length: 2\r\n\r\n");
        QTest::newRow("no Host") << QByteArray("GET /files/x HTTP/1.1\r\n\r\n");
        // Review defect: fields read as one value were taken from the first of several.
        for (const char* field : {"Host: b", "Authorization: Bearer x", "Range: bytes=0-1",
                                  "Expect: 100-continue", "Connection: close"})
            QTest::newRow(field)
                << "GET /files/x HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer y\r\n"
                   "Range: bytes=1-2\r\nExpect: 100-continue\r\nConnection: keep-alive\r\n"
                    + QByteArray(field) + "\r\n\r\n";
        QTest::newRow("two Host on HTTP/1.0")
            << QByteArray("GET /files/x HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n");
        for (const char* length : {"+1", "1,1", "-1", "1 1", "0x1", "1234567890123456789"})
            QTest::newRow(length) << "POST /files HTTP/1.1\r\nHost: a\r\nContent-Length: "
                    + QByteArray(length) + "\r\n\r\n";
        QTest::newRow("absolute target")
            << QByteArray("GET http://a/files HTTP/1.1\r\nHost: a\r\n\r\n");
    }
    void bareLineEndsRefused()
    {
        QFETCH(QByteArray, head);
        bool closed = false;
        const auto r = once(head, &closed);
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY(closed);
    }

    void transferEncodingRefused()
    {
        bool closed = false;
        const auto r = once("POST /files HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n0\r\n\r\n",
                            &closed);
        QVERIFY(r);
        QCOMPARE(r->status, 501);
        QVERIFY(closed);
    }

    void oversizeHead()
    {
        const QByteArray big
            = "GET /files/x HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n";
        const auto r = once(big);
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        const auto longTarget
            = once("GET /" + QByteArray(5000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(longTarget);
        QCOMPARE(longTarget->status, 414);
    }

    void unknownVersionAndMethod()
    {
        auto r = once("GET /files/x HTTP/2.0\r\nHost: a\r\n\r\n");
        QVERIFY(r);
        QCOMPARE(r->status, 505);
        r = once("BREW /files/x HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(r);
        QCOMPARE(r->status, 501);
        r = once(HttpClient::request("DELETE", "/files", m_token));
        QVERIFY(r);
        QCOMPARE(r->status, 405);
        QVERIFY(r->header("allow").contains("POST"));
    }

    // Review defect: a head trickling in a byte at a time kept the connection forever; the
    // head's deadline is not moved by each byte (408).
    void slowHead408()
    {
        HttpClient c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray head
            = "GET /files/x HTTP/1.1\r\nHost: a\r\nX-Slow: " + QByteArray(100, 'a') + "\r\n\r\n";
        QElapsedTimer t;
        t.start();
        std::optional<HttpClient::Response> r;
        for (qsizetype i = 0; i < head.size() && !r; ++i) {
            c.send(head.mid(i, 1));
            r = c.read(100);
        }
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(c.waitClosed(3000));
    }

    // Review defect (slowloris): a body sent a byte at a time stays under the minimum rate,
    // which single bytes do not reset.
    void slowBody408()
    {
        HttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + m_token
               + "\r\nContent-Length: 2000\r\n\r\n");
        QElapsedTimer t;
        t.start();
        std::optional<HttpClient::Response> r;
        for (int i = 0; i < 100 && !r; ++i) {
            c.send("{");
            r = c.read(50);
        }
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(c.waitClosed(3000));
    }

    // Review defect: the token was checked after the body was read and its memory reserved.
    // Unauthenticated requests are answered 401 at once, with the body unsent, and nothing is
    // reserved for them: with the whole body budget held by a stalled upload, an
    // unauthenticated request still gets 401, while an authenticated one gets 503.
    void unauthenticatedBeforeBody()
    {
        for (const QByteArray& auth :
             {QByteArray(), QByteArray("Authorization: Bearer nonsense\r\n"),
              QByteArray("Authorization: Basic YTpi\r\n")}) {
            HttpClient c;
            QVERIFY(c.connectTo(m_port));
            // A body far over every limit is announced and never sent.
            c.send("POST /files HTTP/1.1\r\nHost: a\r\n" + auth
                   + "Content-Length: 999999999999\r\nExpect: 100-continue\r\n\r\n");
            const auto r = c.read(2000);
            QVERIFY(r);
            QCOMPARE(r->status, 401);
            QCOMPARE(r->header("www-authenticate"), QByteArray("Bearer"));
            QVERIFY(c.waitClosed(3000));
        }

        // Hold the whole budget (4 MiB) with a chunk that never comes.
        const auto start = HttpClient::exchange(m_port, "POST", "/files", m_token,
                                                R"({"name":"big.bin","size":4194304})");
        QVERIFY(start);
        QVERIFY2(start->status == 201, start->body.constData());
        const QByteArray id = start->json(QStringLiteral("uploadId")).toLatin1();
        HttpClient holder;
        QVERIFY(holder.connectTo(m_port));
        holder.send("PUT /files/uploads/" + id
                    + "?offset=0 HTTP/1.1\r\nHost: a\r\nAuthorization: "
                      "Bearer "
                    + m_token + "\r\nContent-Length: 4194304\r\n\r\n" + QByteArray(5000, 'x'));
        QTest::qWait(200);
        auto r = HttpClient::exchange(m_port, "POST", "/files", QByteArray("bad-token"),
                                      R"({"name":"a","size":1})");
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        r = HttpClient::exchange(m_port, "POST", "/files", m_token, R"({"name":"a","size":1})");
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QVERIFY(!r->header("retry-after").isEmpty());
        holder.close();
        // The budget comes back when the stalled connection goes.
        QDeadlineTimer deadline(5000);
        int status = 0;
        while (!deadline.hasExpired() && status != 201) {
            r = HttpClient::exchange(m_port, "POST", "/files", m_token, R"({"name":"a","size":1})");
            status = r ? r->status : 0;
            QTest::qWait(50);
        }
        QCOMPARE(status, 201);
    }

    void continue100()
    {
        HttpClient c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray body = R"({"name":"c.txt","size":10})";
        c.send("POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + m_token
               + "\r\nExpect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size())
               + "\r\n\r\n");
        auto r = c.read(2000);
        QVERIFY(r);
        QCOMPARE(r->status, 100);
        c.send(body);
        r = c.read(2000);
        QVERIFY(r);
        QCOMPARE(r->status, 201);
        // A body over the route's limit: refused instead of 100, the body unsent.
        c.send("POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + m_token
               + "\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n");
        r = c.read(2000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosed(3000));
        // An expectation we do not know.
        const auto other = once("GET /files/x HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n");
        QVERIFY(other);
        QCOMPARE(other->status, 417);
    }

    // Review defect: pipelined requests were answered out of order or lost. Three requests in
    // one packet get three answers in order on the same connection (keep-alive).
    void pipeliningAndKeepAlive()
    {
        HttpClient c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray missingFile = "/files/AAAAAAAAAAAAAAAAAAAAAA";
        const QByteArray missingUpload = "/files/uploads/AAAAAAAAAAAAAAAAAAAAAA";
        c.send(HttpClient::request("GET", missingFile, m_token)
               + HttpClient::request("POST", "/files", m_token, R"({"name":"p.txt","size":3})")
               + HttpClient::request("GET", missingUpload, m_token));
        auto a = c.read();
        auto b = c.read();
        auto d = c.read();
        QVERIFY(a && b && d);
        QCOMPARE(a->status, 404);
        QCOMPARE(a->json(QStringLiteral("message")), QStringLiteral("no such file"));
        QCOMPARE(b->status, 201);
        QCOMPARE(d->status, 404);
        QCOMPARE(d->json(QStringLiteral("message")), QStringLiteral("no such upload"));
        QCOMPARE(d->header("connection"), QByteArray("keep-alive"));
        // And the connection goes on.
        c.send(HttpClient::request("GET", missingFile, m_token));
        const auto e = c.read();
        QVERIFY(e);
        QCOMPARE(e->status, 404);
        QVERIFY(c.isOpen());
    }

    // Review defect: in the head phase the server read everything the client sent and
    // answered one request at a time, so endless pipelined requests (404s that keep the
    // connection) grew its buffer without limit. Now it reads one head at a time and the rest
    // waits in the kernel.
    void pipelinedFloodBounded()
    {
        const QByteArray one = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        QByteArray chunk;
        while (chunk.size() < 1024 * 1024)
            chunk += one;
        const qint64 before = rssKiB(m_server.pid());
        QVERIFY(before > 0);
        qint64 peak = before;
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY(s.waitForConnected(3000));
        qint64 queued = 0;
        qint64 answered = 0;
        QElapsedTimer clock;
        clock.start();
        while (queued < 20LL * 1024 * 1024 && clock.elapsed() < 8000) {
            if (s.bytesToWrite() < 2 * chunk.size()) {
                s.write(chunk);
                queued += chunk.size();
            }
            s.waitForBytesWritten(20);
            s.waitForReadyRead(1);
            answered += s.readAll().count("HTTP/1.1 404");
            peak = std::max(peak, rssKiB(m_server.pid()));
        }
        QVERIFY(answered > 0);
        QVERIFY(s.state() == QAbstractSocket::ConnectedState);
        s.abort();
        QVERIFY2(peak - before < 8 * 1024,
                 qPrintable(QStringLiteral("RSS grew from %1 to %2 KiB").arg(before).arg(peak)));
        const auto r
            = HttpClient::exchange(m_port, "GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", m_token);
        QVERIFY(r);
        QCOMPARE(r->status, 404);
    }

    // Review defect: one user could hold the whole body budget with slow bodies. At most two of
    // a user's bodies are read at once (http_bodies_per_user); others still get theirs.
    void bodiesPerUser503()
    {
        const QByteArray head = "POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer "
            + m_token + "\r\nContent-Length: 2000\r\n\r\n";
        HttpClient one;
        HttpClient two;
        QVERIFY(one.connectTo(m_port));
        QVERIFY(two.connectTo(m_port));
        one.send(head);
        two.send(head);
        QVERIFY(!one.read(300)); // both wait for their bodies
        QVERIFY(!two.read(100));
        bool closed = false;
        const auto third = once(head, &closed);
        QVERIFY(third);
        QCOMPARE(third->status, 503);
        QVERIFY(closed);
        const QByteArray bram = login(QStringLiteral("bram"));
        QVERIFY(!bram.isEmpty());
        const auto other
            = HttpClient::exchange(m_port, "POST", "/files", bram, R"({"name":"b.txt","size":3})");
        QVERIFY(other);
        QCOMPARE(other->status, 201);
        one.close();
        two.close();
        QTest::qWait(300); // the server sees them go
        const auto again = HttpClient::exchange(m_port, "POST", "/files", m_token,
                                                R"({"name":"a.txt","size":3})");
        QVERIFY(again);
        QCOMPARE(again->status, 201);
    }

    // Review defect: a body that kept the minimum rate could take as long as it liked. Now it
    // has http_body_timeout_ms at most.
    void bodyDeadline408()
    {
        ServerProcess small;
        small.setConfig(QStringLiteral("http_min_bytes_per_second"), QStringLiteral("1"));
        small.setConfig(QStringLiteral("http_body_timeout_ms"), QStringLiteral("2000"));
        QVERIFY(small.addUser(QStringLiteral("anna")));
        QVERIFY(small.start());
        WsClient ws;
        QVERIFY(ws.connectTo(small.url()));
        const QByteArray token = ws.login(QStringLiteral("anna")).toLatin1();
        HttpClient c;
        QVERIFY(c.connectTo(small.httpPort()));
        c.send("POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + token
               + "\r\nContent-Length: 4000\r\n\r\n");
        QElapsedTimer t;
        t.start();
        std::optional<HttpClient::Response> r;
        while (!r && t.elapsed() < 8000) {
            c.send(QByteArray(10, ' '));
            r = c.read(100);
        }
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY2(t.elapsed() >= 1900 && t.elapsed() < 4000,
                 qPrintable(QString::number(t.elapsed())));
        QVERIFY(small.stop());
    }

    // Review defect: Connection tokens were not trimmed, so "keep-alive, close" kept the
    // connection. Content-Length may have spaces around it (they are not part of the value).
    void connectionTokens()
    {
        bool closed = false;
        auto r = once("GET /files/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: a\r\nAuthorization: "
                      "Bearer "
                          + m_token + "\r\nConnection: keep-alive, close\r\n\r\n",
                      &closed);
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(closed);
        const QByteArray body = R"({"name":"s.txt","size":3})";
        r = once("POST /files HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + m_token
                 + "\r\nContent-Length:   " + QByteArray::number(body.size()) + "  \r\n\r\n"
                 + body);
        QVERIFY(r);
        QCOMPARE(r->status, 201);
    }

    void http10()
    {
        bool closed = false;
        const auto r = once("GET /files/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.0\r\nAuthorization: Bearer "
                                + m_token + "\r\n\r\n",
                            &closed);
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(closed);
    }

    // Review defect: no per-user rate limit. 429 with Retry-After after the burst.
    void rateLimit429()
    {
        const QByteArray rita = login(QStringLiteral("rita"));
        QVERIFY(!rita.isEmpty());
        HttpClient c;
        QVERIFY(c.connectTo(m_port));
        int limited = 0;
        QByteArray retry;
        for (int i = 0; i < 150 && !limited; ++i) {
            c.send(HttpClient::request("GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", rita));
            const auto r = c.read();
            QVERIFY(r);
            if (r->status == 429) {
                limited = i;
                retry = r->header("retry-after");
            }
        }
        QVERIFY2(limited >= 100, "the burst of 100 passes");
        QVERIFY(retry.toInt() >= 1);
        // Another user is not held up.
        const auto other
            = HttpClient::exchange(m_port, "GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", m_token);
        QVERIFY(other);
        QCOMPARE(other->status, 404);
    }

    // Revoked sessions and deactivated users get 401 on the next request.
    void revokedAndDeactivated()
    {
        const QByteArray path = "/files/AAAAAAAAAAAAAAAAAAAAAA";
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        const QByteArray token = c.login(QStringLiteral("bram")).toLatin1();
        auto r = HttpClient::exchange(m_port, "GET", path, token);
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QVERIFY(c.request(QStringLiteral("auth.logout")).ok);
        r = HttpClient::exchange(m_port, "GET", path, token);
        QVERIFY(r);
        QCOMPARE(r->status, 401);

        const QByteArray again = login(QStringLiteral("bram"));
        QCOMPARE(HttpClient::exchange(m_port, "GET", path, again)->status, 404);
        QCOMPARE(m_server.command({QStringLiteral("user"), QStringLiteral("deactivate"),
                                   QStringLiteral("bram")}),
                 0);
        r = HttpClient::exchange(m_port, "GET", path, again);
        QVERIFY(r);
        QCOMPARE(r->status, 401);
    }

    // Review defect: sessions.last_used_at was written on every HTTP request.
    void lastUsedThrottled()
    {
        const QByteArray token = login(QStringLiteral("rita"));
        const QString path = QDir(m_server.dataDir()).filePath(QStringLiteral("plein.db"));
        const auto lastUsed = [&]() {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QString v;
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT max(last_used_at) FROM sessions WHERE user_id = "
                                      "(SELECT id FROM users WHERE username = 'rita')"));
                if (q.next())
                    v = q.value(0).toString();
            }
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("peek"));
            return v;
        };
        QTest::qWait(1100); // rita's bucket refills a little
        QVERIFY(HttpClient::exchange(m_port, "GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", token));
        const QString first = lastUsed();
        QVERIFY(!first.isEmpty());
        QTest::qWait(50);
        for (int i = 0; i < 3; ++i) {
            QTest::qWait(60);
            QVERIFY(HttpClient::exchange(m_port, "GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", token));
        }
        QCOMPARE(lastUsed(), first);
    }

    // Review defect: no cap on connections per address and in all. A second server with a
    // cap of 3: the fourth connection is answered 503 and closed at once; one closing makes
    // room.
    void perAddressCap503()
    {
        ServerProcess small;
        small.setConfig(QStringLiteral("http_connections_per_address"), QStringLiteral("3"));
        QVERIFY(small.start());
        std::vector<std::unique_ptr<HttpClient>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<HttpClient>());
            QVERIFY(held.back()->connectTo(small.httpPort()));
        }
        QTest::qWait(200);
        HttpClient fourth;
        QVERIFY(fourth.connectTo(small.httpPort()));
        const auto r = fourth.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QVERIFY(fourth.waitClosed(3000));
        held.front()->close();
        QTest::qWait(300);
        const auto ok
            = HttpClient::exchange(small.httpPort(), "GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", {});
        QVERIFY(ok);
        QCOMPARE(ok->status, 401);
        QVERIFY(small.stop());
    }

    // Everyone behind a proxy comes from its address: connections from a trusted proxy are not
    // capped per address (only in all). A bad address in the list stops the server.
    void trustedProxyIsNotCappedPerAddress()
    {
        ServerProcess bad;
        QCOMPARE(bad.command({QStringLiteral("init")}), 0);
        bad.setConfig(QStringLiteral("trusted_proxies"), QStringLiteral("127.0.0.1, proxy"));
        QByteArray out;
        QCOMPARE(bad.command({QStringLiteral("--port"), QStringLiteral("0")}, QByteArray(), &out),
                 2);
        QVERIFY2(out.contains("trusted_proxies: 'proxy' is not an IP address"), out.constData());

        ServerProcess proxied;
        proxied.setConfig(QStringLiteral("http_connections_per_address"), QStringLiteral("2"));
        proxied.setConfig(QStringLiteral("trusted_proxies"), QStringLiteral("10.0.0.7, 127.0.0.1"));
        QVERIFY(proxied.start());
        std::vector<std::unique_ptr<HttpClient>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<HttpClient>());
            QVERIFY(held.back()->connectTo(proxied.httpPort()));
        }
        QTest::qWait(200);
        for (auto& c : held) {
            c->send(HttpClient::request("GET", "/files/AAAAAAAAAAAAAAAAAAAAAA"));
            const auto r = c->read(3000);
            QVERIFY(r);
            QCOMPARE(r->status, 401);
        }
        QVERIFY(proxied.stop());
    }

    // IPv6 clients are counted by their /64, IPv4-mapped ones as IPv4.
    void addressKeys()
    {
        QCOMPARE(HttpServer::addressKey(QHostAddress(QStringLiteral("192.0.2.10"))),
                 QStringLiteral("192.0.2.10"));
        QCOMPARE(HttpServer::addressKey(QHostAddress(QStringLiteral("::ffff:192.0.2.10"))),
                 QStringLiteral("192.0.2.10"));
        const QString a
            = HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2:aaaa::1")));
        QCOMPARE(a, QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2:bbbb:1:2:3"))),
                 a);
        QVERIFY(HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:3::1"))) != a);
    }

    // With TLS configured the HTTP side speaks HTTPS with the same certificate, file bodies
    // included.
    void tls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
        ServerProcess secure;
        secure.setExtraArguments(
            {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY(secure.addUser(QStringLiteral("anna")));
        QVERIFY(secure.start());
        WsClient ws;
        ws.trustCertificate(cert);
        QVERIFY(ws.connectTo(QStringLiteral("wss://127.0.0.1:%1").arg(secure.port())));
        const QByteArray token = ws.login(QStringLiteral("anna")).toLatin1();
        QVERIFY(!token.isEmpty());

        const auto exchange = [&](const QByteArray& request) -> QByteArray {
            QSslSocket s;
            QSslConfiguration c = s.sslConfiguration();
            c.setCaCertificates(QSslCertificate::fromPath(cert));
            s.setSslConfiguration(c);
            s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), secure.httpPort());
            if (!s.waitForEncrypted(5000))
                return "not encrypted: " + s.errorString().toUtf8();
            s.write(request);
            QByteArray out;
            QDeadlineTimer deadline(5000);
            while (!deadline.hasExpired() && s.state() == QAbstractSocket::ConnectedState) {
                s.waitForReadyRead(50);
                out += s.readAll();
                if (out.endsWith("TLS body end"))
                    break;
            }
            return out;
        };
        QVERIFY(exchange(HttpClient::request("GET", "/files/AAAAAAAAAAAAAAAAAAAAAA", "nonsense", {},
                                             {"Connection: close"}))
                    .startsWith("HTTP/1.1 401 "));
        const QByteArray content = QByteArray(300000, 'z') + "TLS body end";
        QByteArray answer = exchange(HttpClient::request(
            "POST", "/files", token,
            "{\"name\":\"t.txt\",\"size\":" + QByteArray::number(content.size()) + "}",
            {"Connection: close"}));
        QVERIFY2(answer.startsWith("HTTP/1.1 201 "), answer.constData());
        const QByteArray id = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4))
                                  .object()
                                  .value(QLatin1StringView("uploadId"))
                                  .toString()
                                  .toLatin1();
        answer = exchange(HttpClient::request("PUT", "/files/uploads/" + id + "?offset=0", token,
                                              content, {"Connection: close"}));
        QVERIFY2(answer.startsWith("HTTP/1.1 201 "), answer.left(300).constData());
        const QByteArray fileId
            = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4))
                  .object()
                  .value(QLatin1StringView("fileId"))
                  .toString()
                  .toLatin1();
        answer = exchange(HttpClient::request("GET", "/files/" + fileId, token));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.left(300).constData());
        QVERIFY(answer.endsWith(content));
        QVERIFY(secure.stop());
    }

    // The global cap, below the per-address one: the third connection is refused.
    void globalCap503()
    {
        ServerProcess small;
        small.setConfig(QStringLiteral("http_max_connections"), QStringLiteral("2"));
        QVERIFY(small.start());
        HttpClient a;
        HttpClient b;
        QVERIFY(a.connectTo(small.httpPort()));
        QVERIFY(b.connectTo(small.httpPort()));
        QTest::qWait(200);
        HttpClient third;
        QVERIFY(third.connectTo(small.httpPort()));
        const auto r = third.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QVERIFY(third.waitClosed(3000));
        QVERIFY(small.stop());
    }

    // Review defect: no timeout while answering. A client that asks for a large file and
    // does not read it is cut off once the answer falls under the minimum rate.
    void answerTimeout()
    {
        ServerProcess small;
        small.setConfig(QStringLiteral("http_min_bytes_per_second"), QStringLiteral("10000000"));
        small.setConfig(QStringLiteral("http_rate_grace_ms"), QStringLiteral("1000"));
        QVERIFY(small.addUser(QStringLiteral("anna")));
        QVERIFY(small.start());
        WsClient ws;
        QVERIFY(ws.connectTo(small.url()));
        const QByteArray token = ws.login(QStringLiteral("anna")).toLatin1();
        const qint64 size = 40LL * 1024 * 1024;
        const qint64 chunk = 4LL * 1024 * 1024;
        const auto start = HttpClient::exchange(
            small.httpPort(), "POST", "/files", token,
            "{\"name\":\"big.bin\",\"size\":" + QByteArray::number(size) + "}");
        QVERIFY(start);
        QCOMPARE(start->status, 201);
        const QByteArray up
            = "/files/uploads/" + start->json(QStringLiteral("uploadId")).toLatin1();
        QString fileId;
        for (qint64 offset = 0; offset < size; offset += chunk) {
            const auto r = HttpClient::exchange(small.httpPort(), "PUT",
                                                up + "?offset=" + QByteArray::number(offset), token,
                                                QByteArray(chunk, char('a' + offset / chunk)));
            QVERIFY(r);
            QVERIFY2(r->status == 200 || r->status == 201, r->body.constData());
            fileId = r->json(QStringLiteral("fileId"));
        }
        QVERIFY(!fileId.isEmpty());
        QTcpSocket reader;
        reader.setReadBufferSize(64 * 1024);
        reader.connectToHost(QStringLiteral("127.0.0.1"), small.httpPort());
        QVERIFY(reader.waitForConnected(3000));
        reader.write(HttpClient::request("GET", "/files/" + fileId.toLatin1(), token));
        QVERIFY(reader.waitForBytesWritten(3000));
        QThread::sleep(4); // reads nothing meanwhile
        qint64 received = 0;
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired() && reader.state() == QAbstractSocket::ConnectedState) {
            reader.waitForReadyRead(50);
            received += reader.readAll().size();
        }
        received += reader.readAll().size();
        QCOMPARE(reader.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(received < size, qPrintable(QString::number(received)));
        QVERIFY(small.stop());
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
