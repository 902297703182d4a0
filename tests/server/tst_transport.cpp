// Transport-level behaviour of the real server: TLS, refusing plain ws:// off loopback, and
// bounded memory for a connection that stops reading.
#include "serverprocess.h"
#include "wsclient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace plein::test;

namespace {

// A self-signed certificate for 127.0.0.1 and its key, made with the openssl tool.
bool makeCertificate(const QString& cert, const QString& key)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesPlainWsOffLoopback()
    {
        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        QByteArray out;
        QCOMPARE(server.command({QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                                 QStringLiteral("--port"), QStringLiteral("0")},
                                QByteArray(), &out),
                 2);
        QVERIFY2(out.contains("refusing plain ws://"), out.constData());
    }

    // Behind a TLS proxy (--allow-insecure-remote) the HTTP side is plain as well: the server
    // starts only when clients are sent to the proxy's https:// address for it.
    void insecureRemoteNeedsHttpsHttpSide()
    {
        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        const QStringList remote {QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                                  QStringLiteral("--allow-insecure-remote")};
        const QStringList serve
            = remote + QStringList {QStringLiteral("--port"), QStringLiteral("0")};
        QByteArray out;
        QCOMPARE(server.command(serve, QByteArray(), &out), 2);
        QVERIFY2(out.contains("refusing a plain HTTP side"), out.constData());
        server.setConfig(QStringLiteral("public_http_url"),
                         QStringLiteral("http://127.0.0.1:9000"));
        QCOMPARE(server.command(serve, QByteArray(), &out), 2);
        QVERIFY2(out.contains("refusing a plain HTTP side"), out.constData());
        server.setConfig(QStringLiteral("public_http_url"), QStringLiteral("https://u:p@x/"));
        QCOMPARE(server.command(serve, QByteArray(), &out), 2);
        QVERIFY2(out.contains("public_http_url: 'https://u:p@x/'"), out.constData());
        server.setConfig(QStringLiteral("public_http_url"),
                         QStringLiteral("HTTPS://plein.example/files-side"));
        server.setExtraArguments(remote);
        QVERIFY2(server.start(), server.log().constData());
        QVERIFY(server.stop());
    }

    // On loopback too: a plain http:// public_http_url is refused unless its host is this
    // machine, for clients would send their token across the network in the clear.
    void plainPublicHttpUrlOnlyForThisMachine()
    {
        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        server.setConfig(QStringLiteral("public_http_url"), QStringLiteral("http://plein.example"));
        QByteArray out;
        QCOMPARE(
            server.command({QStringLiteral("--port"), QStringLiteral("0")}, QByteArray(), &out), 2);
        QVERIFY2(out.contains("in the clear"), out.constData());
        server.setConfig(QStringLiteral("public_http_url"),
                         QStringLiteral("http://127.0.0.1:9000"));
        QVERIFY2(server.start(), server.log().constData());
        QVERIFY(server.stop());
    }

    void badConfigValueIsNamed()
    {
        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        server.setConfig(QStringLiteral("port"), QStringLiteral("seventy"));
        QByteArray out;
        QCOMPARE(server.command({QStringLiteral("migrate")}, QByteArray(), &out), 2);
        QVERIFY2(out.contains("port: 'seventy'"), out.constData());
    }

    void tls()
    {
        QTemporaryDir keys;
        const QString cert = keys.filePath(QStringLiteral("cert.pem"));
        const QString key = keys.filePath(QStringLiteral("key.pem"));
        QVERIFY(makeCertificate(cert, key));

        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        QVERIFY(server.addUser(QStringLiteral("alice")));
        server.setExtraArguments(
            {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY(server.start());
        const QString url = QStringLiteral("wss://127.0.0.1:%1").arg(server.port());

        WsClient trusting;
        trusting.trustCertificate(cert);
        QVERIFY2(trusting.connectTo(url), qPrintable(trusting.sslErrors()));
        QVERIFY(!trusting.login(QStringLiteral("alice")).isEmpty());
        QVERIFY(!trusting.post(QStringLiteral("over TLS")).isEmpty());

        // A client that does not trust the certificate does not get through.
        WsClient wary;
        QVERIFY(!wary.connectTo(url, 3000));
        // Plain ws:// to a wss:// port fails too.
        WsClient plain;
        QVERIFY(!plain.connectTo(QStringLiteral("ws://127.0.0.1:%1").arg(server.port()), 3000));
        QVERIFY(server.stop());
    }

    // A laptop that stops reading (here: a frozen process) does not make the server buffer
    // without bound: past pause_bytes live pushes stop and the client is told to catch up.
    void stalledClientIsPausedThenCatchesUp_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("ws") << false;
        QTest::newRow("wss") << true;
    }

    void stalledClientIsPausedThenCatchesUp()
    {
        QFETCH(bool, tls);
        QTemporaryDir keys;
        const QString cert = keys.filePath(QStringLiteral("cert.pem"));
        const QString key = keys.filePath(QStringLiteral("key.pem"));
        ServerProcess server;
        QCOMPARE(server.command({QStringLiteral("init")}), 0);
        QVERIFY(server.addUser(QStringLiteral("alice")));
        QVERIFY(server.addUser(QStringLiteral("bob")));
        server.setConfig(QStringLiteral("pause_bytes"), QStringLiteral("65536"));
        server.setConfig(QStringLiteral("drop_bytes"), QStringLiteral("67108864"));
        server.setConfig(QStringLiteral("requests_per_second"), QStringLiteral("10000"));
        if (tls) {
            QVERIFY(makeCertificate(cert, key));
            server.setExtraArguments(
                {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        }
        QVERIFY(server.start());
        const QString url
            = tls ? QStringLiteral("wss://127.0.0.1:%1").arg(server.port()) : server.url();

        QProcess stalled;
        QStringList args {url, QStringLiteral("bob")};
        if (tls)
            args << cert;
        stalled.start(QStringLiteral(PLEIN_STALLED_CLIENT), args);
        QVERIFY(stalled.waitForStarted());
        QByteArray ready;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (ready += stalled.readAllStandardOutput()).contains("ready"),
            qPrintable(QString::fromUtf8(ready + stalled.readAllStandardError())), 10000);
        ::kill(pid_t(stalled.processId()), SIGSTOP);

        WsClient alice;
        if (tls)
            alice.trustCertificate(cert);
        QVERIFY(alice.connectTo(url));
        QVERIFY(!alice.login(QStringLiteral("alice")).isEmpty());
        const QString body(4900, u'x');
        qint64 lastSeq = 0;
        for (int i = 0; i < 1500; ++i)
            lastSeq = qint64(alice.post(body).value(QLatin1StringView("seq")).toDouble());
        QVERIFY(lastSeq > 0);

        ::kill(pid_t(stalled.processId()), SIGCONT);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += stalled.readAllStandardOutput()).contains("behind"),
                                 20000);
        // It got some events live, then was paused well before the last one.
        QVERIFY(out.contains("event "));
        QVERIFY(!out.contains(QByteArray("event ") + QByteArray::number(lastSeq) + '\n'));
        stalled.kill();
        stalled.waitForFinished();
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
