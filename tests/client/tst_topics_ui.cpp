// Topics in the app against the real server and its demo organisation: a #topic in a post is a
// link to the topic's page (code is not); the page shows the topic's posts from the server and
// keeps them in the cache; Follow follows the topic through the outbox, and the user's other
// device hears of it; a person's profile follows them.
#include "cache.h"
#include "client.h"
#include "connection.h"
#include "feed.h"
#include "feedmodel.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/feed/feedview.h"
#include "pages/people/profilepage.h"
#include "pages/topics/topicpage.h"
#include "poststore.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

using namespace plein;

namespace {

// A user's window, online and caught up.
struct Session : test::AppSession
{
    app::TopicPage* openTopic(const QString& name) const
    {
        if (!window->navigator().open(app::topicLink(name)))
            return nullptr;
        return qobject_cast<app::TopicPage*>(window->currentPage());
    }
};

// The links of a rendered document, in order.
QStringList links(const QTextDocument& doc)
{
    QStringList out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor() && (out.isEmpty() || out.last() != f.anchorHref()))
                out << f.anchorHref();
        }
    }
    return out;
}

QList<qint64> postIds(const QAbstractItemModel& model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(client::PostListModel::IdRole).toLongLong();
    return out;
}

} // namespace

class TestTopicsUi : public QObject
{
    Q_OBJECT

private:
    test::TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    }

    void topicsBecomeLinks()
    {
        QTextDocument doc;
        app::setSafeMarkdown(doc,
                             QStringLiteral("Over de #Dijk, `#code` en #café-terras\n\n```\n#"
                                            "include\n```"));
        QCOMPARE(links(doc),
                 QStringList({QStringLiteral("plein:/topic?name=dijk"),
                              QStringLiteral("plein:/topic?name=caf%C3%A9-terras")}));
        QVERIFY(app::isFollowableLink(QUrl(links(doc).first())));
        QVERIFY(doc.toPlainText().contains(QStringLiteral("#Dijk"))); // the text stays as typed
    }

    // The page shows the topic's posts from the server, its replies' topics included, and
    // keeps them for offline; Follow goes through the outbox to the user's other device.
    void topicPageAndFollow()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        Session bram;
        QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
        // Written by bram, read by anna from the server: nothing of it comes from her writes.
        bram.core->feed().createPost(QStringLiteral("De #Zandsuppletie begint om 8:00"));
        bram.core->feed().createPost(QStringLiteral("Geen onderwerp hier"));
        QTRY_COMPARE(bram.core->outbox().count(), 0);

        auto* page = anna.openTopic(QStringLiteral("Zandsuppletie"));
        QVERIFY(page);
        QCOMPARE(page->topic(), QStringLiteral("zandsuppletie"));
        QCOMPARE(page->titleLabel()->text(), QStringLiteral("#zandsuppletie"));
        auto* model = page->feedView()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 1);
        const qint64 postId = postIds(*model).first();
        QVERIFY(client::PostStore(anna.core->cache())
                    .post(postId)
                    ->body.contains(QStringLiteral("#Zandsuppletie")));
        // A reply's topic brings its thread.
        const qint64 other = [&]() {
            for (const auto& p :
                 client::PostStore(bram.core->cache()).feedPage(client::FeedScope::home(), 10)) {
                if (p.body == QStringLiteral("Geen onderwerp hier"))
                    return p.id;
            }
            return qint64(0);
        }();
        QVERIFY(other > 0);
        bram.core->feed().createPost(QStringLiteral("ook #zandsuppletie"), other);
        QTRY_COMPARE(bram.core->outbox().count(), 0);
        QTRY_COMPARE(postIds(*model), (QList<qint64> {other, postId}));

        // Follow, and the button says so at once.
        QPushButton* follow = page->followButton();
        QCOMPARE(follow->text(), QStringLiteral("Follow"));
        QVERIFY(!follow->isChecked());
        QTest::mouseClick(follow, Qt::LeftButton);
        QCOMPARE(follow->text(), QStringLiteral("Following"));
        QVERIFY(follow->isChecked());
        QTRY_COMPARE(anna.core->outbox().count(), 0);
        // anna's other device hears of it.
        Session annaLaptop;
        QVERIFY(annaLaptop.start(m_server.url(), QStringLiteral("anna")));
        QTRY_VERIFY(annaLaptop.core->feed().isFollowing(QStringLiteral("topic"),
                                                        QStringLiteral("zandsuppletie")));
        // Bram does not.
        QVERIFY(!bram.core->feed().isFollowing(QStringLiteral("topic"),
                                               QStringLiteral("zandsuppletie")));
        // Unfollowed on the laptop: the first device follows along.
        annaLaptop.core->feed().follow(QStringLiteral("topic"), QStringLiteral("zandsuppletie"),
                                       false);
        QTRY_COMPARE(follow->text(), QStringLiteral("Follow"));
        QVERIFY(!follow->isChecked());

        // Offline, the topic reads the cache.
        anna.core->connection().stop();
        anna.window->navigator().open(QUrl(QStringLiteral("plein:/home")));
        auto* again = anna.openTopic(QStringLiteral("zandsuppletie"));
        QVERIFY(again);
        QCOMPARE(postIds(*again->feedView()->model()), (QList<qint64> {other, postId}));
        client::FeedModel cached(anna.core->cache(),
                                 client::FeedScope::topic(QStringLiteral("zandsuppletie")));
        QCOMPARE(postIds(cached), (QList<qint64> {other, postId}));
    }

    // A person's profile follows them; oneself has no Follow.
    void followAPerson()
    {
        Session eva;
        QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
        const qint64 me = eva.core->connection().userId();
        eva.window->navigator().open(app::Navigator::link(QStringLiteral("person"), me));
        auto* own = qobject_cast<app::ProfilePage*>(eva.window->currentPage());
        QVERIFY(own);
        QVERIFY(!own->followButton()->isVisible());
        // Someone else: daan, whose id a post of his gives.
        Session daan;
        QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
        const qint64 daanId = daan.core->connection().userId();
        eva.window->navigator().open(app::Navigator::link(QStringLiteral("person"), daanId));
        auto* profile = qobject_cast<app::ProfilePage*>(eva.window->currentPage());
        QVERIFY(profile);
        QTRY_VERIFY(profile->followButton()->isVisible());
        QCOMPARE(profile->followButton()->text(), QStringLiteral("Follow"));
        QTest::mouseClick(profile->followButton(), Qt::LeftButton);
        QCOMPARE(profile->followButton()->text(), QStringLiteral("Following"));
        QTRY_COMPARE(eva.core->outbox().count(), 0);
        QVERIFY(eva.core->feed().isFollowing(QStringLiteral("person"), QString::number(daanId)));
    }
};

QTEST_MAIN(TestTopicsUi)
#include "tst_topics_ui.moc"
