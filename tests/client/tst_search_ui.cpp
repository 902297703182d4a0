#include "client.h"
#include "connection.h"
#include "pages/search/searchcapability.h"
#include "pages/search/searchpage.h"
#include "search/searchmodel.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace plein;
using client::SearchModel;

// The search page of the app against the real server and its demo organisation: typing shows
// hits, Enter opens one, a plein:/search link fills the page, Ctrl+K reaches it from anywhere.
class TestSearchUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typingShowsResults();
    void enterOpensTheResult();
    void aLinkFillsThePage();
    void ctrlKReachesItFromAnywhere();
    void nothingFoundSaysSo();
    void serverNoteSaysWhereResultsComeFrom();

private:
    app::SearchPage* openSearch(const QString& link = QStringLiteral("plein:/search"));

    test::TestServer m_server;
    QTemporaryDir m_profile;
    std::unique_ptr<client::Client> m_core;
    std::unique_ptr<app::MainWindow> m_window;
};

void TestSearchUi::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_core = test::makeClient(m_server.url(), QStringLiteral("bram"), m_profile.path());
    QVERIFY(m_core);
    m_window = std::make_unique<app::MainWindow>(*m_core, false);
    m_window->resize(1100, 760);
    m_window->show();
    QVERIFY(test::goOnlineAndCatchUp(*m_core));
}

void TestSearchUi::cleanupTestCase()
{
    if (m_core)
        m_core->connection().stop();
    m_window.reset();
    m_core.reset();
}

app::SearchPage* TestSearchUi::openSearch(const QString& link)
{
    if (!m_window->navigator().open(QUrl(link)))
        return nullptr;
    return qobject_cast<app::SearchPage*>(m_window->currentPage());
}

void TestSearchUi::typingShowsResults()
{
    auto* page = openSearch();
    QVERIFY(page);
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Before the first word: what the page is for.
    QVERIFY(page->stateHeading()->isVisible());
    page->searchEdit()->clear();
    QTest::keyClicks(page->searchEdit(), QStringLiteral("sluis"));
    QTRY_VERIFY(page->model()->rowCount() > 0);
    QVERIFY(page->view()->isVisible());
    QStringList kinds;
    for (int row = 0; row < page->model()->rowCount(); ++row) {
        const QModelIndex i = page->model()->index(row);
        kinds << i.data(SearchModel::KindRole).toString();
        const QString snippet = i.data(SearchModel::SnippetHtmlRole).toString();
        QVERIFY2(snippet.contains(QLatin1StringView("<b>"))
                     || i.data(SearchModel::KindRole).toString() != u"post",
                 qPrintable(snippet));
    }
    QVERIFY2(kinds.contains(QStringLiteral("post")), qPrintable(kinds.join(u',')));
    // The chips narrow it down.
    page->kindChip(QStringLiteral("group"))->click();
    QTRY_VERIFY(!page->model()->isSearching());
    for (int row = 0; row < page->model()->rowCount(); ++row)
        QCOMPARE(page->model()->index(row).data(SearchModel::KindRole).toString(),
                 QStringLiteral("group"));
    page->kindChip(QString())->click();
    // The list is painted (the delegate runs over every row shown).
    QVERIFY(!page->view()->grab().isNull());
}

void TestSearchUi::enterOpensTheResult()
{
    auto* page = openSearch();
    QVERIFY(page);
    page->searchEdit()->setFocus();
    page->searchEdit()->selectAll();
    QTest::keyClicks(page->searchEdit(), QStringLiteral("Kruiningen"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QTRY_VERIFY(!page->model()->isSearching());
    const QString link = page->model()->index(0).data(SearchModel::LinkRole).toString();
    QVERIFY2(link.startsWith(QLatin1StringView("plein:/post/")), qPrintable(link));
    QSignalSpy opened(&m_window->navigator(), &app::Navigator::opened);
    QTest::keyClick(page->searchEdit(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toUrl(), QUrl(link));
    // A group opens its page.
    page = openSearch(QStringLiteral("plein:/search?q=dijkbeheer&kind=group"));
    QVERIFY(page);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QTRY_VERIFY(!page->model()->isSearching());
    opened.clear();
    const QModelIndex first = page->model()->index(0);
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {},
                      page->view()->visualRect(first).center());
    QCOMPARE(opened.size(), 1);
    QVERIFY(
        opened.first().first().toUrl().toString().startsWith(QLatin1StringView("plein:/group/")));
}

void TestSearchUi::aLinkFillsThePage()
{
    auto* page = openSearch(QStringLiteral("plein:/search?q=dijk&kind=post"));
    QVERIFY(page);
    QCOMPARE(page->searchEdit()->text(), QStringLiteral("dijk"));
    QVERIFY(page->kindChip(QStringLiteral("post"))->isChecked());
    QTRY_VERIFY(page->model()->rowCount() > 0);
    QTRY_VERIFY(!page->model()->isSearching());
    for (int row = 0; row < page->model()->rowCount(); ++row)
        QCOMPARE(page->model()->index(row).data(SearchModel::KindRole).toString(),
                 QStringLiteral("post"));
    // And the page gives the same link back to share.
    const QUrlQuery back(page->link());
    QCOMPARE(back.queryItemValue(QStringLiteral("q")), QStringLiteral("dijk"));
    QCOMPARE(back.queryItemValue(QStringLiteral("kind")), QStringLiteral("post"));
    // A bare link keeps the search; one with HTML in it shows it as text.
    page = openSearch();
    QCOMPARE(page->searchEdit()->text(), QStringLiteral("dijk"));
    page
        = openSearch(QStringLiteral("plein:/search?q=%3Cb%3Eqqzx%3C/b%3E&kind=nonsense&group=abc"));
    QVERIFY(page);
    QCOMPARE(page->searchEdit()->text(), QStringLiteral("<b>qqzx</b>"));
    QVERIFY(page->kindChip(QString())->isChecked());
    QTRY_VERIFY(page->stateHeading()->isVisible());
    QTRY_VERIFY(page->stateHeading()->text().contains(QLatin1StringView("<b>qqzx</b>")));
    QCOMPARE(page->stateHeading()->textFormat(), Qt::PlainText);
}

void TestSearchUi::ctrlKReachesItFromAnywhere()
{
    QVERIFY(m_window->navigator().open(QUrl(QStringLiteral("plein:/home"))));
    QVERIFY(!qobject_cast<app::SearchPage*>(m_window->currentPage()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("searchAction"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_K)));
    QVERIFY(action->shortcuts().contains(QKeySequence(QKeySequence::Find)));
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    auto* page = qobject_cast<app::SearchPage*>(m_window->currentPage());
    QVERIFY(page);
    QTRY_VERIFY(page->searchEdit()->hasFocus());
    QCOMPARE(m_window->navigator().current(), QUrl(QStringLiteral("plein:/search")));
}

void TestSearchUi::nothingFoundSaysSo()
{
    auto* page = openSearch(QStringLiteral("plein:/search?q=x"));
    QVERIFY(page);
    page->searchEdit()->clear();
    QTRY_VERIFY(page->stateHeading()->isVisible());
    QTest::keyClicks(page->searchEdit(), QStringLiteral("zzqqxw"));
    QTRY_COMPARE(page->stateHeading()->text(), QStringLiteral("Nothing found for “zzqqxw”"));
    QVERIFY(!page->view()->isVisible());
}

// Online, a line under the filters says the server is being searched, and goes once it has
// answered; offline it says the results are this computer's only.
void TestSearchUi::serverNoteSaysWhereResultsComeFrom()
{
    auto* page = openSearch();
    QVERIFY(page);
    page->searchEdit()->clear();
    QVERIFY(page->serverNote()->isHidden());
    QTest::keyClicks(page->searchEdit(), QStringLiteral("sluis"));
    QVERIFY(!page->serverNote()->isHidden());
    QCOMPARE(page->serverNote()->text(), QStringLiteral("Searching the server…"));
    QTRY_VERIFY(page->serverNote()->isHidden());
    QCOMPARE(page->model()->serverState(), SearchModel::ServerState::Answered);
    QVERIFY(page->model()->rowCount() > 0);

    m_core->connection().stop();
    QTRY_VERIFY(m_core->connection().state() == client::Connection::State::Offline);
    QTest::keyClicks(page->searchEdit(), QStringLiteral("deur"));
    QCOMPARE(page->serverNote()->text(),
             QStringLiteral("Offline: results from this computer only"));
    QVERIFY(!page->serverNote()->isHidden());
    // Nothing to search for: nothing to say about the server either.
    page->searchEdit()->clear();
    QVERIFY(page->serverNote()->isHidden());
    QVERIFY(test::goOnlineAndCatchUp(*m_core));
}

QTEST_MAIN(TestSearchUi)
#include "tst_search_ui.moc"
