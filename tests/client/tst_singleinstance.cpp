#include "singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace plein;

// A second start hands its link to the running app (the desktop file's %u, a link clicked in a
// mail) instead of opening a second window on the same cache.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartHandsItsLinkOver();
    void onlyPleinLinksArePassedOn();
    void garbageIsDroppedAndTheAppKeepsListening();
    void aStaleSocketFromACrashIsReplaced();
    void profilesHaveTheirOwnApp();
    void twoStartsAtOnceCannotBothRun();
    void theRealAppHandsOverAndExits();
};

namespace {

// forward() blocks; the running app answers from this thread's event loop.
bool forwardFromThread(const app::SingleInstance& second, const QUrl& link)
{
    std::atomic<int> result {-1};
    std::thread sender([&]() { result = second.forward(link, 3000) ? 1 : 0; });
    QDeadlineTimer deadline(5000);
    while (result == -1 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    sender.join();
    return result == 1;
}

// Writes raw bytes to the running app from another thread, as any local program could.
void sendRaw(const QString& name, const QByteArray& bytes)
{
    std::atomic<bool> done {false};
    std::thread sender([&]() {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (socket.waitForConnected(2000)) {
            socket.write(bytes);
            socket.waitForBytesWritten(2000);
            socket.waitForReadyRead(500);
        }
        done = true;
    });
    QDeadlineTimer deadline(5000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    sender.join();
}

} // namespace

void TestSingleInstance::secondStartHandsItsLinkOver()
{
    QTemporaryDir profile;
    app::SingleInstance running(profile.path());
    QVERIFY2(running.listen(), qPrintable(running.errorString()));
    QSignalSpy activated(&running, &app::SingleInstance::activated);

    const app::SingleInstance second(profile.path());
    QVERIFY(forwardFromThread(second, QUrl(QStringLiteral("plein:/group/12"))));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(QStringLiteral("plein:/group/12")));

    // Without a link: just "show the window".
    QVERIFY(forwardFromThread(second, QUrl()));
    QTRY_COMPARE(activated.size(), 2);
    QVERIFY(activated.at(1).at(0).toUrl().isEmpty());
}

void TestSingleInstance::onlyPleinLinksArePassedOn()
{
    QTemporaryDir profile;
    app::SingleInstance running(profile.path());
    QVERIFY(running.listen());
    QSignalSpy activated(&running, &app::SingleInstance::activated);
    const app::SingleInstance second(profile.path());
    for (const char* link : {"javascript:alert(1)", "file:///etc/passwd", "https://example.org"}) {
        QVERIFY(forwardFromThread(second, QUrl(QString::fromLatin1(link))));
        QTRY_VERIFY(!activated.isEmpty());
        QVERIFY2(activated.takeFirst().at(0).toUrl().isEmpty(), link);
    }
}

void TestSingleInstance::garbageIsDroppedAndTheAppKeepsListening()
{
    QTemporaryDir profile;
    app::SingleInstance running(profile.path());
    QVERIFY(running.listen());
    QSignalSpy activated(&running, &app::SingleInstance::activated);
    sendRaw(running.serverName(), "not json at all\n");
    sendRaw(running.serverName(), "[1,2,3]\n");
    sendRaw(running.serverName(), QByteArray(app::SingleInstance::maxMessageBytes * 4, 'x'));
    sendRaw(running.serverName(), "{\"link\": 12}\n");
    QCoreApplication::processEvents();
    // A link of the wrong type still only shows the window; the rest changes nothing.
    QTRY_COMPARE(activated.size(), 1);
    QVERIFY(activated.takeFirst().at(0).toUrl().isEmpty());
    QTest::qWait(100);
    QCOMPARE(activated.size(), 0);
    const app::SingleInstance second(profile.path());
    QVERIFY(forwardFromThread(second, QUrl(QStringLiteral("plein:/home"))));
    QTRY_COMPARE(activated.size(), 1);
}

void TestSingleInstance::aStaleSocketFromACrashIsReplaced()
{
    QTemporaryDir profile;
    app::SingleInstance running(profile.path());
    // What a crashed app leaves: the socket's file, with nobody behind it (and its lock, whose
    // process is gone, which QLockFile takes over).
    const QString path = running.serverName();
    QFile stale(path);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    const app::SingleInstance second(profile.path());
    QVERIFY(!second.forward(QUrl(), 300));
    QVERIFY2(running.listen(), qPrintable(running.errorString()));
    QSignalSpy activated(&running, &app::SingleInstance::activated);
    QVERIFY(forwardFromThread(second, QUrl()));
    QTRY_COMPARE(activated.size(), 1);
}

void TestSingleInstance::profilesHaveTheirOwnApp()
{
    QTemporaryDir one;
    QTemporaryDir two;
    app::SingleInstance first(one.path());
    QVERIFY(first.listen());
    const app::SingleInstance other(two.path());
    QVERIFY(first.serverName() != other.serverName());
    QVERIFY(!other.forward(QUrl(), 300));
}

void TestSingleInstance::twoStartsAtOnceCannotBothRun()
{
    QTemporaryDir profile;
    app::SingleInstance first(profile.path());
    app::SingleInstance second(profile.path());
    QVERIFY(first.listen());
    // The second finds the profile taken even before it tries the socket.
    QVERIFY(!second.listen());
    QVERIFY(!second.errorString().isEmpty());
    // The socket lies in the user's private runtime folder, not in a shared one.
    QVERIFY2(!first.serverName().startsWith(QStringLiteral("/tmp/plein-")),
             qPrintable(first.serverName()));
}

void TestSingleInstance::theRealAppHandsOverAndExits()
{
    QTemporaryDir profile;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The first start waits in its login dialog (no account yet).
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(PLEIN_CLIENT_BINARY),
                {QStringLiteral("--profile"), profile.path(), QStringLiteral("--lang"),
                 QStringLiteral("en")});
    QVERIFY(first.waitForStarted());
    const app::SingleInstance probe(profile.path());
    QDeadlineTimer listening(10000);
    while (!probe.forward(QUrl(), 200) && !listening.hasExpired())
        QTest::qWait(100);
    QVERIFY2(!listening.hasExpired(), "the first start listens");

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(PLEIN_CLIENT_BINARY),
                 {QStringLiteral("--profile"), profile.path(), QStringLiteral("plein:/group/12")});
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QCOMPARE(first.state(), QProcess::Running);
    first.kill();
    first.waitForFinished();
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
