#include "accounts.h"
#include "cache.h"
#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "feedmodel.h"
#include "logindialog.h"
#include "loginflow.h"
#include "postlistmodel.h"
#include "protocol/errorcode.h"
#include "serveraddress.h"
#include "shell/mainwindow.h"
#include "testlogin.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace plein;
using Field = app::LoginDialog::Field;

// The account: the login dialog's failures (nothing opens, nothing is left behind), what a
// server address means, logging out, adding a second account and switching in one click,
// --profile keeping the settings, and the texts for the server's error codes. Against the
// real server with the demo organisation.
class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void serverAddresses_data();
    void serverAddresses();
    void dialogReadsAHostNameAsWss();
    void wrongPasswordStaysInTheDialog();
    void unreachableServerStaysInTheDialogAndLeavesNoFiles();
    void unencryptedServerIsRefusedInTheDialog();
    void failedLoginKeepsAnExistingCache();
    void unreachableServerOffersTheOfflineCopy();
    void endedSessionAsksAgainOverTheWindow();
    void successfulLoginOpensTheWindow();
    void logOutReturnsToTheDialogAndEndsTheSession();
    void logOutCanRemoveTheOfflineCopy();
    void logOutForgetsTheRememberedToken();
    void secondAccountAndSwitchInOneClick();
    void profileKeepsTheSettings();
    void everyErrorCodeHasItsOwnText();
    void tooManyAttemptsSayToWaitAndStopTrying();

private:
    QUrl closedPort() const;
    bool admin(QStringList arguments, const QByteArray& input) const;

    test::TestServer m_server;
    // The settings of this process, kept apart from the other suites' (as --profile does).
    QTemporaryDir m_settings;
};

namespace {

// Every file and folder under `dir`.
QStringList entriesUnder(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next());
    return found;
}

QAction* menuAction(QMenu* menu, const QString& text)
{
    for (QAction* a : menu->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

bool feedHas(client::Client& core, const QString& text)
{
    client::FeedModel home(core.cache(), client::FeedScope::home());
    home.setPageSize(200);
    home.refresh();
    for (int row = 0; row < home.rowCount(); ++row) {
        if (home.index(row).data(client::PostListModel::BodyRole).toString().contains(text))
            return true;
    }
    return false;
}

app::TokenStore::Status lookup(app::TokenStore& tokens, const QString& account, QString* text)
{
    bool done = false;
    auto status = app::TokenStore::Status::NoKeyring;
    tokens.lookup(account, [&](app::TokenStore::Status s, const QString& t) {
        done = true;
        status = s;
        if (text)
            *text = t;
    });
    (void)QTest::qWaitFor([&done]() { return done; }, 20000);
    return status;
}

// The demo organisation's posts that only some may read.
const QString boardPost = QStringLiteral("Agenda voor maandag"); // Directieoverleg: anna, eva
const QString dikesPost = QStringLiteral("Kwelmetingen week 48"); // Dijkbeheer: bram, daan

} // namespace

void TestAccounts::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestAccounts::init()
{
    QSettings().clear();
}

bool TestAccounts::admin(QStringList arguments, const QByteArray& input) const
{
    QProcess process;
    arguments << QStringLiteral("--data") << m_server.dataDir();
    process.start(QStringLiteral(PLEIN_SERVER_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    return process.waitForFinished(20000) && process.exitCode() == 0;
}

QUrl TestAccounts::closedPort() const
{
    // A port that was free a moment ago: nobody answers there.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return QUrl();
    QUrl url(QStringLiteral("ws://127.0.0.1"));
    url.setPort(probe.serverPort());
    return url;
}

void TestAccounts::serverAddresses_data()
{
    using Status = app::ServerAddress::Status;
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("url");
    const auto ok = [](const char* typed, const char* url) {
        QTest::newRow(typed) << QString::fromUtf8(typed) << int(Status::Ok)
                             << QString::fromUtf8(url);
    };
    const auto refused = [](const char* typed, Status status) {
        QTest::newRow(typed) << QString::fromUtf8(typed) << int(status) << QString();
    };
    ok("plein.example.org", "wss://plein.example.org");
    ok("plein.example.org:8443", "wss://plein.example.org:8443");
    ok("  Plein.Example.ORG  ", "wss://plein.example.org");
    ok("plein.example.org/", "wss://plein.example.org");
    ok("plein.example.org/plein", "wss://plein.example.org/plein");
    ok("wss://plein.example.org:443", "wss://plein.example.org");
    ok("https://plein.example.org/", "wss://plein.example.org");
    ok("WSS://plein.example.org:8443", "wss://plein.example.org:8443");
    ok("10.1.2.3:8443", "wss://10.1.2.3:8443");
    ok("ws://localhost:8080", "ws://localhost:8080");
    ok("ws://127.0.0.1:8080", "ws://127.0.0.1:8080");
    ok("ws://[::1]:8080", "ws://[::1]:8080");
    ok("http://localhost:8080", "ws://localhost:8080");
    refused("", Status::Empty);
    refused("   ", Status::Empty);
    refused("ws://plein.example.org", Status::Unencrypted);
    refused("ws://10.1.2.3:8080", Status::Unencrypted);
    refused("http://example.org", Status::Unencrypted);
    refused("ftp://plein.example.org", Status::UnknownScheme);
    refused("file:///etc/passwd", Status::UnknownScheme);
    refused("plein example.org", Status::Invalid);
    refused("anna@plein.example.org", Status::Invalid);
    refused("plein.example.org:99999", Status::Invalid);
    refused("plein.example.org:0", Status::Invalid);
    refused("plein.example.org?x=1", Status::Invalid);
    refused("-plein-.example.org", Status::Invalid);
    refused("plein..example.org", Status::Invalid);
    refused("wss://", Status::Invalid);
    refused("<script>", Status::Invalid);
    refused(":::", Status::Invalid);
}

void TestAccounts::serverAddresses()
{
    QFETCH(QString, typed);
    QFETCH(int, status);
    QFETCH(QString, url);
    const auto address = app::ServerAddress::parse(typed);
    QCOMPARE(int(address.status()), status);
    QCOMPARE(address.url(), url.isEmpty() ? QUrl() : QUrl(url));
    // Every refusal says what to do; an accepted address needs no words.
    QCOMPARE(address.problem().isEmpty(), address.isOk());
}

void TestAccounts::dialogReadsAHostNameAsWss()
{
    app::LoginDialog dialog;
    QSignalSpy submitted(&dialog, &app::LoginDialog::submitted);
    dialog.serverEdit()->setText(QStringLiteral("plein.example.org"));
    dialog.userEdit()->setText(QStringLiteral("Anna"));
    dialog.passwordEdit()->setText(QStringLiteral("x"));
    QCOMPARE(dialog.server(), QUrl(QStringLiteral("wss://plein.example.org")));
    dialog.serverEdit()->setText(QStringLiteral("plein.example.org:8443"));
    QCOMPARE(dialog.server(), QUrl(QStringLiteral("wss://plein.example.org:8443")));
    // Enter submits.
    dialog.show();
    QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(dialog.username(), QStringLiteral("anna"));
    QVERIFY(dialog.message().isEmpty());

    // Garbage is refused before anything goes online, with the field marked.
    dialog.serverEdit()->setText(QStringLiteral("plein example org"));
    dialog.accept();
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(dialog.markedField(), Field::Server);
    QVERIFY2(dialog.message().contains(QStringLiteral("not a server address")),
             qPrintable(dialog.message()));
    // Correcting it takes the mark away.
    QTest::keyClicks(dialog.serverEdit(), QStringLiteral("x"));
    QCOMPARE(dialog.markedField(), Field::None);
    dialog.serverEdit()->setText(QStringLiteral("plein.example.org"));
    dialog.passwordEdit()->clear();
    dialog.accept();
    QCOMPARE(dialog.markedField(), Field::Password);
    QCOMPARE(submitted.size(), 1);
}

void TestAccounts::wrongPasswordStaysInTheDialog()
{
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("bram"), profile.path(),
                                           QStringLiteral("not-the-password")));
    QSignalSpy opened(&flow, &app::LoginFlow::windowOpened);
    flow.start();
    QVERIFY(!flow.window());
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->isVisible());
    QVERIFY(!flow.dialog()->isBusy());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("password is not right")),
             qPrintable(flow.dialog()->message()));
    QCOMPARE(flow.dialog()->markedField(), Field::Password);
    QVERIFY(flow.dialog()->passwordEdit()->hasFocus());
    QCOMPARE(flow.dialog()->username(), QStringLiteral("bram"));
    QVERIFY(!flow.window());
    QVERIFY(!flow.client());
    QCOMPARE(opened.size(), 0);
    // A first login that failed leaves nothing behind.
    QTRY_COMPARE(entriesUnder(profile.path()), QStringList());
    QVERIFY(app::Accounts::known().isEmpty());

    // The right password from the same dialog: the window opens and the dialog goes away.
    flow.dialog()->passwordEdit()->setText(test::TestServer::password());
    QTest::keyClick(flow.dialog()->passwordEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QCOMPARE(flow.client()->connection().state(), client::Connection::State::Online);
    QVERIFY(!flow.dialog()->isVisible());
    QVERIFY(flow.dialog()->passwordEdit()->text().isEmpty());
    QCOMPARE(opened.size(), 1);
}

void TestAccounts::unreachableServerStaysInTheDialogAndLeavesNoFiles()
{
    const QUrl url = closedPort();
    QVERIFY(url.isValid());
    QTemporaryDir root;
    // A profile folder that does not exist yet: the attempt makes it, and takes it away again.
    const QString profile = QDir(root.path()).filePath(QStringLiteral("profile/plein"));
    app::LoginFlow flow(test::loginOptions(url, QStringLiteral("anna"), profile));
    flow.start();
    QVERIFY(flow.isAttempting());
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->isVisible());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("Cannot reach a Plein server at "
                                                              "127.0.0.1")),
             qPrintable(flow.dialog()->message()));
    QCOMPARE(flow.dialog()->markedField(), Field::Server);
    QVERIFY(flow.dialog()->serverEdit()->hasFocus());
    // Nothing of this account was ever on this computer: nothing to open offline.
    QVERIFY(!flow.dialog()->offlineButton()->isVisible());
    QVERIFY(!flow.window());
    QTRY_COMPARE(entriesUnder(root.path()), QStringList());
}

void TestAccounts::unencryptedServerIsRefusedInTheDialog()
{
    QTemporaryDir profile;
    auto options = test::loginOptions(m_server.url(), QStringLiteral("anna"), profile.path());
    options.server = QStringLiteral("ws://plein.example.org");
    app::LoginFlow flow(options);
    flow.start();
    QVERIFY(!flow.isAttempting());
    QVERIFY(flow.dialog() && flow.dialog()->isVisible());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("would not be encrypted")),
             qPrintable(flow.dialog()->message()));
    QCOMPARE(flow.dialog()->markedField(), Field::Server);
    QCOMPARE(flow.dialog()->serverEdit()->text(), QStringLiteral("ws://plein.example.org"));

    // Typed into the dialog it is refused the same way, before anything goes online.
    flow.dialog()->setMessage(QString());
    flow.dialog()->passwordEdit()->setText(test::TestServer::password());
    flow.dialog()->accept();
    QVERIFY(!flow.isAttempting());
    QVERIFY(flow.dialog()->message().contains(QStringLiteral("would not be encrypted")));
    QVERIFY(!flow.window());
    QCOMPARE(entriesUnder(profile.path()), QStringList());

    // Without ws:// the same host is what the person meant: wss://.
    flow.dialog()->serverEdit()->setText(QStringLiteral("plein.example.org"));
    QCOMPARE(flow.dialog()->server(), QUrl(QStringLiteral("wss://plein.example.org")));
}

void TestAccounts::failedLoginKeepsAnExistingCache()
{
    QTemporaryDir profile;
    const QString file
        = client::Cache::fileFor(profile.path(), m_server.url(), QStringLiteral("chantal"));
    {
        app::LoginFlow flow(
            test::loginOptions(m_server.url(), QStringLiteral("chantal"), profile.path()));
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    }
    QVERIFY(QFile::exists(file));
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("chantal"),
                                           profile.path(), QStringLiteral("wrong")));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->message().contains(QStringLiteral("password is not right")));
    QVERIFY(!flow.window());
    QVERIFY(QFile::exists(file));
}

void TestAccounts::unreachableServerOffersTheOfflineCopy()
{
    const QUrl url = closedPort();
    QTemporaryDir profile;
    {
        // The account was used on this computer before: its cache is there.
        client::Client earlier;
        QVERIFY(!earlier.open(url, QStringLiteral("anna"), profile.path()));
    }
    const QString file = client::Cache::fileFor(profile.path(), url, QStringLiteral("anna"));
    QVERIFY(QFile::exists(file));
    auto options = test::loginOptions(url, QStringLiteral("anna"), profile.path());
    options.password.reset(); // asked in the dialog
    app::LoginFlow flow(options);
    flow.start();
    QVERIFY(flow.dialog() && flow.dialog()->isVisible());
    QTRY_VERIFY(flow.dialog()->passwordEdit()->hasFocus());
    QTest::keyClicks(flow.dialog()->passwordEdit(), test::TestServer::password());
    QTest::keyClick(flow.dialog()->passwordEdit(), Qt::Key_Return);
    QVERIFY(flow.isAttempting());
    QVERIFY(flow.dialog()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->message().contains(QStringLiteral("Cannot reach")));
    QVERIFY(!flow.window());
    QVERIFY(QFile::exists(file)); // never removed: it was not this attempt's
    // Its copy is on this computer: it can be read without the server.
    QVERIFY(flow.dialog()->offlineButton()->isVisible());
    // Another name typed is another login: the offline copy on offer is not that person's.
    const QString name = flow.dialog()->userEdit()->text();
    QTest::keyClick(flow.dialog()->userEdit(), Qt::Key_X);
    QVERIFY(!flow.dialog()->offlineButton()->isVisible());
    flow.dialog()->userEdit()->setText(name);
    flow.dialog()->setOfflineAvailable(true);
    flow.dialog()->offlineButton()->click();
    QVERIFY(flow.window());
    QVERIFY(!flow.dialog()->isVisible());
    QCOMPARE(flow.client()->cache().filePath(), file);
    QVERIFY(flow.client()->connection().isWanted()); // it keeps trying in the background
}

void TestAccounts::endedSessionAsksAgainOverTheWindow()
{
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("gert")},
                  test::TestServer::password().toUtf8() + '\n'));
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("gert"), profile.path()));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    // A new password ends every session of the account, this one too.
    const QString changed = QStringLiteral("a-new-password");
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("gert")},
                  changed.toUtf8() + '\n'));
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && flow.dialog()->isVisible(), 20000);
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("saved session has ended")),
             qPrintable(flow.dialog()->message()));
    QVERIFY(flow.window()); // the cache stays readable meanwhile
    QCOMPARE(flow.dialog()->username(), QStringLiteral("gert"));
    client::Client* same = flow.client();
    flow.dialog()->passwordEdit()->setText(changed);
    flow.dialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!flow.dialog()->isVisible(), 10000);
    QCOMPARE(flow.client(), same);
    QCOMPARE(flow.client()->connection().state(), client::Connection::State::Online);
}

void TestAccounts::successfulLoginOpensTheWindow()
{
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("anna"), profile.path()));
    flow.start();
    QVERIFY(!flow.window()); // not before the server said yes
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QVERIFY(flow.window()->isVisible());
    QCOMPARE(flow.client()->connection().state(), client::Connection::State::Online);
    QCOMPARE(flow.account().username, QStringLiteral("anna"));
    QVERIFY(!flow.account().displayName.isEmpty());
    QVERIFY(!flow.dialog() || !flow.dialog()->isVisible());
    // The account menu says who is logged in, then what can be done.
    const QList<QAction*> actions = flow.window()->accountMenu()->actions();
    QVERIFY(!actions.isEmpty());
    const QString who = QStringLiteral("%1 (anna@127.0.0.1:%2)")
                            .arg(flow.account().displayName)
                            .arg(m_server.port());
    QCOMPARE(actions.first()->text(), who);
    QVERIFY(!actions.first()->isEnabled());
    QVERIFY(menuAction(flow.window()->accountMenu(), QStringLiteral("Add account…")));
    QVERIFY(menuAction(flow.window()->accountMenu(), QStringLiteral("Log out")));
    // The account is known for the next start.
    const auto known = app::Accounts::known();
    QCOMPARE(known.size(), 1);
    QVERIFY(known.first().sameAs(flow.account()));
    QCOMPARE(known.first().displayName, flow.account().displayName);
}

void TestAccounts::logOutReturnsToTheDialogAndEndsTheSession()
{
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("daan"), profile.path()));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    const QString token = flow.client()->connection().token();
    QVERIFY(!token.isEmpty());
    const QString file
        = client::Cache::fileFor(profile.path(), m_server.url(), QStringLiteral("daan"));

    // Through the menu and its confirmation.
    QAction* logOut = menuAction(flow.window()->accountMenu(), QStringLiteral("Log out"));
    QVERIFY(logOut);
    logOut->trigger();
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY((confirm = flow.window()->findChild<QMessageBox*>()) && confirm->isVisible());
    QVERIFY(confirm->checkBox());
    QVERIFY(!confirm->checkBox()->isChecked()); // the cache stays unless asked
    QPushButton* yes = nullptr;
    for (QAbstractButton* b : confirm->buttons()) {
        if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
            yes = qobject_cast<QPushButton*>(b);
    }
    QVERIFY(yes);
    yes->click();

    QTRY_VERIFY(!flow.window());
    QVERIFY(!flow.client());
    QVERIFY(flow.dialog() && flow.dialog()->isVisible());
    QCOMPARE(flow.dialog()->username(), QStringLiteral("daan"));
    QCOMPARE(flow.dialog()->server(), m_server.url());
    QVERIFY2(flow.dialog()->message().contains(QStringLiteral("logged out")),
             qPrintable(flow.dialog()->message()));
    QVERIFY(app::Accounts::known().isEmpty());
    QVERIFY(QFile::exists(file));

    // The server ended the session: the token opens nothing any more.
    QTemporaryDir elsewhere;
    client::Client probe;
    QVERIFY(!probe.open(m_server.url(), QStringLiteral("daan"), elsewhere.path()));
    QSignalSpy problems(&probe.connection(), &client::Connection::problem);
    probe.connection().setToken(token);
    probe.connection().start();
    QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 10000);
    QCOMPARE(problems.first().at(0).value<client::Connection::Problem>(),
             client::Connection::Problem::TokenRefused);

    // Nothing of the session is kept in this run either: coming back asks for the password.
    flow.switchTo({m_server.url(), QStringLiteral("daan"), QString()});
    QVERIFY(!flow.window());
    QVERIFY(flow.dialog()->isVisible());
    QVERIFY(flow.dialog()->passwordEdit()->hasFocus());

    // The cache was kept: logging in again opens it.
    flow.dialog()->passwordEdit()->setText(test::TestServer::password());
    flow.dialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QCOMPARE(flow.client()->cache().filePath(), file);
}

void TestAccounts::logOutCanRemoveTheOfflineCopy()
{
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("eva"), profile.path()));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    const QString file = flow.client()->cache().filePath();
    QVERIFY(QFile::exists(file));
    flow.logOut(true);
    QVERIFY(!flow.window());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(file), 10000);
    QTRY_COMPARE(entriesUnder(profile.path()), QStringList());
}

void TestAccounts::logOutForgetsTheRememberedToken()
{
    app::TokenStore tokens;
    const QString probe = QStringLiteral("probe-%1").arg(QUuid::createUuid().toString());
    bool stored = false;
    bool answered = false;
    tokens.store(probe, QStringLiteral("x"), [&](app::TokenStore::Status s, const QString&) {
        answered = true;
        stored = s == app::TokenStore::Status::Ok;
    });
    QVERIFY(QTest::qWaitFor([&answered]() { return answered; }, 20000));
    if (!stored) {
        if (qgetenv("CI") == "true")
            QFAIL("no Secret Service is reachable");
        QSKIP("no Secret Service is reachable; run through scripts/test.sh");
    }
    tokens.forget(probe);

    QTemporaryDir profile;
    auto options = test::loginOptions(m_server.url(), QStringLiteral("bram"), profile.path());
    options.useKeyring = true;
    options.remember = true;
    const QString account = app::TokenStore::accountFor(m_server.url(), QStringLiteral("bram"));
    app::LoginFlow flow(options);
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QString kept;
    QTRY_COMPARE_WITH_TIMEOUT(lookup(tokens, account, &kept), app::TokenStore::Status::Ok, 10000);
    QCOMPARE(kept, flow.client()->connection().token());
    flow.logOut();
    QTRY_COMPARE_WITH_TIMEOUT(lookup(tokens, account, nullptr), app::TokenStore::Status::NotFound,
                              10000);
    QVERIFY(flow.dialog()->isVisible());
}

void TestAccounts::secondAccountAndSwitchInOneClick()
{
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("anna"), profile.path()));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.window(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(feedHas(*flow.client(), boardPost), 10000);
    const QString annaFile = flow.client()->cache().filePath();

    // "Add account…": the dialog over the window, the server filled in, the window still there.
    QAction* add = menuAction(flow.window()->accountMenu(), QStringLiteral("Add account…"));
    QVERIFY(add);
    add->trigger();
    QTRY_VERIFY(flow.dialog() && flow.dialog()->isVisible());
    QVERIFY(flow.window());
    QCOMPARE(flow.dialog()->server(), m_server.url());
    QVERIFY(flow.dialog()->username().isEmpty());
    QVERIFY(flow.dialog()->userEdit()->hasFocus());
    // A wrong password for the new account keeps anna's window as it was.
    flow.dialog()->userEdit()->setText(QStringLiteral("bram"));
    flow.dialog()->passwordEdit()->setText(QStringLiteral("wrong"));
    flow.dialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!flow.isAttempting(), 10000);
    QVERIFY(flow.dialog()->message().contains(QStringLiteral("password is not right")));
    QCOMPARE(flow.account().username, QStringLiteral("anna"));
    flow.dialog()->passwordEdit()->setText(test::TestServer::password());
    flow.dialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(flow.account().username, QStringLiteral("bram"), 10000);
    QVERIFY(!flow.dialog()->isVisible());
    const QString bramFile = flow.client()->cache().filePath();
    QVERIFY(bramFile != annaFile);
    QCOMPARE(bramFile,
             client::Cache::fileFor(profile.path(), m_server.url(), QStringLiteral("bram")));
    // bram's own feed: his private group's posts, not anna's secret board.
    QTRY_VERIFY_WITH_TIMEOUT(feedHas(*flow.client(), dikesPost), 10000);
    QVERIFY(!feedHas(*flow.client(), boardPost));

    // One click on anna in bram's account menu: back, from this run's session, no dialog.
    QMenu* menu = flow.window()->accountMenu();
    Q_EMIT menu->aboutToShow();
    QCOMPARE(menu->actions().first()->text().contains(QStringLiteral("(bram@")), true);
    const QString annaKey = app::TokenStore::accountFor(m_server.url(), QStringLiteral("anna"));
    QAction* toAnna = nullptr;
    for (QAction* a : menu->actions()) {
        if (a->data().toString() == annaKey)
            toAnna = a;
    }
    QVERIFY(toAnna);
    QVERIFY(toAnna->isEnabled());
    QVERIFY(toAnna->text().contains(QStringLiteral("(anna@")));
    toAnna->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(flow.account().username, QStringLiteral("anna"), 10000);
    QVERIFY(!flow.dialog()->isVisible());
    QCOMPARE(flow.client()->cache().filePath(), annaFile);
    // Her cache shows at once, before the server is back.
    QVERIFY(feedHas(*flow.client(), boardPost));
    QTRY_COMPARE_WITH_TIMEOUT(flow.client()->connection().state(),
                              client::Connection::State::Online, 10000);

    // And back to bram in one click again.
    Q_EMIT flow.window()->accountMenu()->aboutToShow();
    QAction* toBram = nullptr;
    for (QAction* a : flow.window()->accountMenu()->actions()) {
        if (a->data().toString()
            == app::TokenStore::accountFor(m_server.url(), QStringLiteral("bram")))
            toBram = a;
    }
    QVERIFY(toBram);
    toBram->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(flow.account().username, QStringLiteral("bram"), 10000);
    QVERIFY(!feedHas(*flow.client(), boardPost));
    // Both are known, the one in use first.
    const auto known = app::Accounts::known();
    QCOMPARE(known.size(), 2);
    QCOMPARE(known.at(0).username, QStringLiteral("bram"));
    QCOMPARE(known.at(1).username, QStringLiteral("anna"));

    // Logging out of bram opens the other known account instead of an empty dialog.
    flow.logOut();
    QTRY_COMPARE_WITH_TIMEOUT(flow.account().username, QStringLiteral("anna"), 10000);
    QCOMPARE(app::Accounts::known().size(), 1);
}

void TestAccounts::profileKeepsTheSettings()
{
    QTemporaryDir home;
    const QString profile = QDir(home.path()).filePath(QStringLiteral("profile"));
    const QString config = QDir(home.path()).filePath(QStringLiteral("config"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home.path()).filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(PLEIN_CLIENT_BINARY),
              {QStringLiteral("--profile"), profile, QStringLiteral("--lang"), QStringLiteral("nl"),
               QStringLiteral("--server"), m_server.url().toString(), QStringLiteral("--user"),
               QStringLiteral("anna"), QStringLiteral("--password-stdin")});
    QVERIFY(app.waitForStarted());
    app.write(test::TestServer::password().toUtf8() + '\n');
    app.closeWriteChannel();
    const QString ini = QDir(profile).filePath(QStringLiteral("Plein/plein.ini"));
    // The account is written once the server has accepted it.
    QTRY_VERIFY_WITH_TIMEOUT(
        QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("accounts/1/username")),
        20000);
    app.terminate();
    QVERIFY(app.waitForFinished(10000) || (app.kill(), app.waitForFinished(5000)));

    const QSettings settings(ini, QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("language")).toString(), QStringLiteral("nl"));
    QCOMPARE(settings.value(QStringLiteral("accounts/1/username")).toString(),
             QStringLiteral("anna"));
    QCOMPARE(settings.value(QStringLiteral("accounts/1/server")).toString(),
             m_server.url().toString());
    QVERIFY(QFile::exists(client::Cache::fileFor(profile, m_server.url(), QStringLiteral("anna"))));
    // Nothing went to the global configuration.
    QCOMPARE(entriesUnder(config), QStringList());
}

void TestAccounts::everyErrorCodeHasItsOwnText()
{
    // The codes the protocol defines: the table of docs/protocol.md, which the registry of
    // error codes must know, and every value of the enum, which the table must list.
    QFile doc(QStringLiteral(PLEIN_SOURCE_DIR "/docs/protocol.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype from = text.indexOf(QStringLiteral("\n## Errors"));
    QVERIFY(from > 0);
    const qsizetype to = text.indexOf(QStringLiteral("\n## "), from + 1);
    const QString table = text.mid(from, to - from);
    QStringList codes;
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z_]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(table); it.hasNext();)
        codes.append(it.next().captured(1));
    QVERIFY(codes.size() >= 9);
    for (int i = 0; i <= int(protocol::ErrorCode::Internal); ++i)
        QVERIFY(codes.contains(protocol::errorCodeName(protocol::ErrorCode(i))));

    const QString serverMessage = QStringLiteral("post 8 was deleted");
    const QString unknown = app::errorText(QStringLiteral("no_such_code"), serverMessage);
    QVERIFY(!unknown.isEmpty());
    QStringList texts {unknown};
    for (const QString& code : std::as_const(codes)) {
        QVERIFY2(protocol::errorCodeFromName(code), qPrintable(code));
        const QString t = app::errorText(code, serverMessage);
        QVERIFY2(!t.isEmpty(), qPrintable(code));
        QVERIFY2(!texts.contains(t), qPrintable(code + QStringLiteral(": ") + t));
        QVERIFY2(!t.contains(QRegularExpression(QStringLiteral("\\d"))), qPrintable(t));
        QVERIFY2(!t.contains(serverMessage) && !t.contains(code), qPrintable(t));
        QVERIFY(t.endsWith(u'.'));
        texts.append(t);
    }
    QVERIFY(!unknown.contains(QRegularExpression(QStringLiteral("\\d"))));
    QCOMPARE(app::errorText(QString(), QString()), unknown);
}

void TestAccounts::tooManyAttemptsSayToWaitAndStopTrying()
{
    // An account of its own, so that the lockout it earns touches no other test.
    QTemporaryDir profile;
    app::LoginFlow flow(test::loginOptions(m_server.url(), QStringLiteral("ghost"), profile.path(),
                                           QStringLiteral("guess-1")));
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() && !flow.isAttempting(), 10000);
    QString message;
    for (int attempt = 2; attempt <= 10; ++attempt) {
        message = flow.dialog()->message();
        if (message.contains(QStringLiteral("Too many login attempts")))
            break;
        QVERIFY2(message.contains(QStringLiteral("password is not right")), qPrintable(message));
        flow.dialog()->passwordEdit()->setText(QStringLiteral("guess-%1").arg(attempt));
        QTest::keyClick(flow.dialog()->passwordEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!flow.isAttempting(), 10000);
    }
    QVERIFY2(message.contains(QStringLiteral("Too many login attempts")), qPrintable(message));
    // The dialog is ready for the next try (not stuck connecting), and nothing retries behind it.
    QVERIFY(!flow.dialog()->isBusy());
    QCOMPARE(flow.dialog()->markedField(), Field::Password);
    QVERIFY(!flow.window());
    QTest::qWait(1500);
    QVERIFY(!flow.isAttempting());
    QCOMPARE(flow.dialog()->message(), message);
}

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
