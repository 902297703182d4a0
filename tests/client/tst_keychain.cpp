#include "client.h"
#include "connection.h"
#include "logindialog.h"
#include "loginflow.h"
#include "shell/mainwindow.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace plein;
using Status = app::TokenStore::Status;

// The session token through the real TokenStore, QtKeychain and the Secret Service (the
// gnome-keyring that scripts/test.sh starts in a private D-Bus session).
class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadDelete();
    void rememberedSessionResumesWithoutTheDialog();
    void refusedTokenIsForgottenAndTheDialogSaysWhy();

private:
    struct Answer
    {
        bool done = false;
        Status status = Status::NoKeyring;
        QString text;
    };
    static Answer lookup(app::TokenStore& store, const QString& account);
    static Answer store(app::TokenStore& store, const QString& account, const QString& token);
    static Answer forget(app::TokenStore& store, const QString& account);

    test::TestServer m_server;
};

TestKeychain::Answer TestKeychain::lookup(app::TokenStore& tokens, const QString& account)
{
    Answer a;
    tokens.lookup(account, [&a](Status status, const QString& text) { a = {true, status, text}; });
    // A timeout leaves `done` false, which the callers check.
    (void)QTest::qWaitFor([&a]() { return a.done; }, 20000);
    return a;
}

TestKeychain::Answer TestKeychain::store(app::TokenStore& tokens, const QString& account,
                                         const QString& token)
{
    Answer a;
    tokens.store(account, token, [&a](Status status, const QString& text) {
        a = {true, status, text};
    });
    // A timeout leaves `done` false, which the callers check.
    (void)QTest::qWaitFor([&a]() { return a.done; }, 20000);
    return a;
}

TestKeychain::Answer TestKeychain::forget(app::TokenStore& tokens, const QString& account)
{
    Answer a;
    tokens.forget(account, [&a](Status status, const QString& text) { a = {true, status, text}; });
    // A timeout leaves `done` false, which the callers check.
    (void)QTest::qWaitFor([&a]() { return a.done; }, 20000);
    return a;
}

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Is a Secret Service there at all? A probe entry answers that.
    app::TokenStore tokens;
    const QString probe = QStringLiteral("probe-%1").arg(QUuid::createUuid().toString());
    const Answer a = store(tokens, probe, QStringLiteral("x"));
    QVERIFY(a.done);
    if (a.status != Status::Ok) {
        const QString reason = QStringLiteral("no Secret Service is reachable (%1); "
                                              "run through scripts/test.sh")
                                   .arg(a.text);
        if (qgetenv("CI") != "true")
            QSKIP(qPrintable(reason));
        QFAIL(qPrintable(reason));
    }
    forget(tokens, probe);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestKeychain::writeReadDelete()
{
    app::TokenStore tokens;
    const QString account = QStringLiteral("keychain-test-%1@ws://plein.test")
                                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    QCOMPARE(store(tokens, account, token).status, Status::Ok);
    const Answer read = lookup(tokens, account);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.text, token);
    QCOMPARE(forget(tokens, account).status, Status::Ok);
    QCOMPARE(lookup(tokens, account).status, Status::NotFound);
}

void TestKeychain::rememberedSessionResumesWithoutTheDialog()
{
    QTemporaryDir profile;
    app::LoginFlow::Options options;
    options.server = m_server.url().toString();
    options.username = QStringLiteral("anna");
    options.profileDir = profile.path();
    options.useTray = false;
    app::TokenStore tokens;
    const QString account = app::TokenStore::accountFor(m_server.url(), options.username);
    forget(tokens, account);
    {
        // First run: a password login that is remembered.
        auto first = options;
        first.password = test::TestServer::password();
        first.remember = true;
        app::LoginFlow flow(first);
        flow.start();
        // The client is the flow's once the server has accepted the login.
        QTRY_VERIFY_WITH_TIMEOUT(flow.client(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(flow.client()->connection().state(),
                                  client::Connection::State::Online, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lookup(tokens, account).status, Status::Ok, 10000);
    }
    // Next start: no password, no dialog, online with the stored token.
    app::LoginFlow flow(options);
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.client(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(flow.client()->connection().state(),
                              client::Connection::State::Online, 10000);
    QVERIFY(!flow.dialog());
    forget(tokens, account);
}

void TestKeychain::refusedTokenIsForgottenAndTheDialogSaysWhy()
{
    QTemporaryDir profile;
    app::LoginFlow::Options options;
    options.server = m_server.url().toString();
    options.username = QStringLiteral("bram");
    options.profileDir = profile.path();
    options.useTray = false;
    app::TokenStore tokens;
    const QString account = app::TokenStore::accountFor(m_server.url(), options.username);
    QCOMPARE(store(tokens, account, QStringLiteral("revoked-or-made-up")).status, Status::Ok);

    app::LoginFlow flow(options);
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && flow.dialog()->isVisible() && !flow.isAttempting(),
                             10000);
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("saved session has ended")),
             qPrintable(flow.dialog()->message()));
    QTRY_COMPARE_WITH_TIMEOUT(lookup(tokens, account).status, Status::NotFound, 10000);
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
