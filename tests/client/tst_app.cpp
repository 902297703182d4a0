#include "client.h"
#include "composer.h"
#include "connection.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "markdown.h"
#include "outbox.h"
#include "postlistmodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace plein;

// The Widgets UI under the offscreen platform, against the real server.
class TestApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginDialogValidates();
    void composingPendingOfflineThenSent();
    void closingWithoutTrayQuits();
    void linksAndHtmlAreSafe();

private:
    test::TestServer m_server;
};

void TestApp::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestApp::loginDialogValidates()
{
    app::LoginDialog dialog;
    dialog.serverEdit()->setText(QStringLiteral("http://example.org"));
    dialog.userEdit()->setText(QStringLiteral("Anna"));
    dialog.passwordEdit()->setText(QStringLiteral("x"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.serverEdit()->setText(m_server.url().toString());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.username(), QStringLiteral("anna"));
    QCOMPARE(dialog.server(), m_server.url());
}

void TestApp::composingPendingOfflineThenSent()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
    app::MainWindow window(*core, false);
    window.show();
    QVERIFY(window.stateLabel()->text().contains(QStringLiteral("Offline")));
    QTest::keyClicks(window.composer()->editor(), QStringLiteral("Hello from the train"));
    QVERIFY(window.composer()->charactersLeft() < 5000);
    QTest::keyClick(window.composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(window.composer()->text().isEmpty());
    auto* model = window.feedView()->model();
    QVERIFY(model->index(0, 0).data(client::PostListModel::PendingRole).toBool());
    QVERIFY(window.stateLabel()->text().contains(QStringLiteral("waiting")));

    QVERIFY(test::goOnlineAndCatchUp(*core));
    QTRY_COMPARE(core->outbox().count(), 0);
    QTRY_COMPARE(window.stateLabel()->text(), QStringLiteral("Online"));
    QCOMPARE(model->index(0, 0).data(client::PostListModel::BodyRole).toString(),
             QStringLiteral("Hello from the train"));
    QVERIFY(!model->index(0, 0).data(client::PostListModel::PendingRole).toBool());
}

void TestApp::closingWithoutTrayQuits()
{
    QTemporaryDir profile;
    auto core = test::makeClient(m_server.url(), QStringLiteral("daan"), profile.path());
    app::MainWindow window(*core, false);
    QVERIFY(!window.tray());
    window.show();
    QSignalSpy quitting(qApp, &QCoreApplication::aboutToQuit);
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

void TestApp::linksAndHtmlAreSafe()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc, QStringLiteral("<b>x</b> **y** ![img](file:///etc/passwd)"));
    QVERIFY(doc.toPlainText().contains(QStringLiteral("<b>x</b>")));
    QVERIFY(!doc.toHtml().contains(QStringLiteral("<img")));
    QVERIFY(app::isOpenableLink(QUrl(QStringLiteral("https://plein.example"))));
    QVERIFY(app::isOpenableLink(QUrl(QStringLiteral("mailto:a@b.nl"))));
    QVERIFY(!app::isOpenableLink(QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY(!app::isOpenableLink(QUrl(QStringLiteral("javascript:alert(1)"))));
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"
