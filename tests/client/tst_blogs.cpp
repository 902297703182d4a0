// Blogs through the client core against the real plein-server with the demo organisation:
// working copies saved as one types and synced as drafts, a draft continued on a second
// laptop, crossing edits in both orders ending in a conflict that is merged and resolved, an
// offline publish and an offline edit coming back stale, a draft that survives kill -9,
// scheduled publishing reaching the cache, comments, likes and the notification of a comment.
#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "blogs/drafts.h"
#include "blogs/textmerge.h"
#include "client.h"
#include "connection.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "search/searchindex.h"
#include "search/searchsource.h"
#include "store/cache.h"
#include "testclient.h"
#include "testserver.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <iostream>

using namespace plein;
using namespace plein::client;

namespace {

constexpr const char* childProfileVariable = "PLEIN_BLOGS_CHILD_PROFILE";
constexpr const char* childServerVariable = "PLEIN_BLOGS_CHILD_SERVER";

ArticleText textOf(const QString& title, const QString& body)
{
    return ArticleText {title, QString(), body, {}};
}

bool synced(Client& c, const QString& localId)
{
    const auto w = c.drafts().work(localId);
    return w && w->state() == WorkRow::State::Synced && w->articleId > 0;
}

// Reads an article whole into the cache (article.get) and waits for it.
bool readWhole(Client& c, qint64 articleId)
{
    QSignalSpy changed(&c.blogs(), &Blogs::articleChanged);
    c.blogs().fetchArticle(articleId);
    return changed.wait(10000);
}

std::optional<ArticleRow> findByTitle(Client& c, const QString& title)
{
    for (const ArticleRow& a : BlogStore(c.cache()).published(100)) {
        if (a.text.title == title)
            return a;
    }
    return std::nullopt;
}

// The child of draftSurvivesKill: writes a draft offline, says so, and waits to be killed.
int runChild()
{
    const QString profile = qEnvironmentVariable(childProfileVariable);
    auto anna = test::makeClient(QUrl(qEnvironmentVariable(childServerVariable)),
                                 QStringLiteral("anna"), profile);
    if (!anna)
        return 2;
    const QString id = anna->drafts().create();
    if (id.isEmpty()
        || !anna->drafts().setText(
            id,
            textOf(QStringLiteral("In de trein"),
                   QStringLiteral("Tussen Utrecht en Zwolle schreef ik dit halverwege een "))))
        return 3;
    std::cout << id.toStdString() << std::endl;
    QEventLoop().exec();
    return 0;
}

} // namespace

class TestBlogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::TestServer::backendMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        qInfo("server on %s", qPrintable(test::TestServer::backend()));
    }

    // The demo's articles arrive with the catch-up; reading one fills in its text and its
    // comments, and the drafts of the user are theirs alone.
    void demoArticlesFillTheCache()
    {
        QTemporaryDir profile;
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), profile.path());
        QVERIFY(bram && test::goOnlineAndCatchUp(*bram));
        const auto plan = findByTitle(*bram,
                                      QStringLiteral("Het nieuwe ondernemingsplan: wat "
                                                     "verandert er?"));
        QVERIFY(plan);
        QCOMPARE(plan->revision, 2); // eva's correction after publishing
        QVERIFY(!plan->hasBody);
        QCOMPARE(plan->comments, 3);
        QVERIFY(readWhole(*bram, plan->id));
        QVERIFY(BlogStore(bram->cache()).article(plan->id)->hasBody);
        QSignalSpy comments(&bram->blogs(), &Blogs::commentsChanged);
        bram->blogs().fetchComments(plan->id);
        QVERIFY(comments.wait(10000));
        const QList<CommentRow> list = bram->blogs().comments(plan->id);
        QCOMPARE(list.size(), 3);
        // A reply sits under its comment.
        QCOMPARE(list.at(1).parentId, list.at(0).id);
        // Nobody else's drafts: anna's draft and chantal's scheduled article are not here.
        QVERIFY(BlogStore(bram->cache()).drafts().isEmpty());
    }

    // A draft written on one laptop is saved to the server a moment after typing stops and
    // continues on the second one.
    void draftContinuesOnASecondLaptop()
    {
        QTemporaryDir laptopA;
        QTemporaryDir laptopB;
        auto a = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopA.path());
        auto b = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopB.path());
        QVERIFY(a && b);
        a->drafts().setSaveDelay(50);
        QVERIFY(test::goOnlineAndCatchUp(*a));
        QVERIFY(test::goOnlineAndCatchUp(*b));
        const QString id = a->drafts().create();
        // No title yet: kept here only.
        QVERIFY(a->drafts().setText(id, textOf(QString(), QStringLiteral("Eerst de tekst"))));
        QTest::qWait(300);
        QCOMPARE(a->drafts().work(id)->state(), WorkRow::State::Local);
        QVERIFY(a->drafts().setText(id,
                                    textOf(QStringLiteral("Werken op afstand"),
                                           QStringLiteral("Eerst de tekst, dan de titel."))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, id), 10000);
        const qint64 articleId = a->drafts().work(id)->articleId;
        QCOMPARE(a->drafts().pendingCount(), 0);
        // Laptop B heard of it (article.draft goes to its authors) and reads it whole.
        QTRY_VERIFY_WITH_TIMEOUT(BlogStore(b->cache()).article(articleId).has_value(), 10000);
        QVERIFY(readWhole(*b, articleId));
        const QString onB = b->drafts().edit(articleId);
        QVERIFY(!onB.isEmpty());
        QCOMPARE(b->drafts().work(onB)->text.body, QStringLiteral("Eerst de tekst, dan de titel."));
        // B writes on; A, with nothing of its own, follows.
        b->drafts().setSaveDelay(50);
        QVERIFY(b->drafts().setText(onB,
                                    textOf(QStringLiteral("Werken op afstand"),
                                           QStringLiteral("Eerst de tekst, dan de titel. "
                                                          "Verder in de trein."))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*b, onB), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            a->drafts().work(id)->text.body,
            QStringLiteral("Eerst de tekst, dan de titel. Verder in de trein."), 10000);
        QCOMPARE(a->drafts().work(id)->baseRevision, b->drafts().work(onB)->baseRevision);
    }

    // The owner names a co-author in the working copy: sent with the next save, the draft is
    // the co-author's too (theirs to edit), and nothing is left to send; a co-author who is
    // taken off again hears of it and lets go of it.
    void coAuthorsChosenInTheWorkingCopy()
    {
        QTemporaryDir annaDir;
        QTemporaryDir evaDir;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), annaDir.path());
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), evaDir.path());
        QVERIFY(anna && eva);
        anna->drafts().setSaveDelay(50);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        const qint64 evaId = eva->blogs().userId();
        const QString id = anna->drafts().create();
        QVERIFY(anna->drafts().setText(
            id,
            textOf(QStringLiteral("Samen geschreven"), QStringLiteral("Eerst Anna, dan Eva."))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*anna, id), 10000);
        const qint64 articleId = anna->drafts().work(id)->articleId;
        QVERIFY(!BlogStore(eva->cache()).article(articleId));
        QVERIFY(anna->drafts().setCoAuthors(
            id, {{evaId, QStringLiteral("eva"), QStringLiteral("Eva Smit"), {}}}));
        QCOMPARE(anna->drafts().work(id)->state(), WorkRow::State::Local);
        // Kept in the cache until it is sent: a restart would still send it.
        QVERIFY(anna->drafts().work(id)->coAuthors.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(synced(*anna, id), 10000);
        QVERIFY(!anna->drafts().work(id)->coAuthors.has_value()); // the server's now
        const auto mine = BlogStore(anna->cache()).article(articleId);
        QVERIFY(mine);
        QCOMPARE(mine->coAuthors.size(), 1);
        QCOMPARE(mine->coAuthors.first().id, evaId);
        // Choosing the people it has already leaves nothing to send.
        QVERIFY(anna->drafts().setCoAuthors(
            id, {{evaId, QStringLiteral("eva"), QStringLiteral("Eva Smit"), {}}}));
        QVERIFY(!anna->drafts().work(id)->coAuthors.has_value());
        QCOMPARE(anna->drafts().work(id)->state(), WorkRow::State::Synced);
        // Eva hears of the draft (article.draft goes to its authors) and may edit it.
        QTRY_VERIFY_WITH_TIMEOUT(BlogStore(eva->cache()).article(articleId).has_value(), 10000);
        QVERIFY(BlogStore(eva->cache()).article(articleId)->isAuthor(evaId));
        // Taken off again: her cache lets go of it.
        QVERIFY(anna->drafts().setCoAuthors(id, {}));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*anna, id), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!BlogStore(eva->cache()).article(articleId).has_value(), 10000);
        QVERIFY(BlogStore(anna->cache()).article(articleId)->coAuthors.isEmpty());
    }

    // Both laptops change the same draft while one is offline; whichever saves second is
    // refused as stale, reads the other's text, and the author sees base, theirs and mine:
    // the changes that do not overlap merged, resolved into one text both then hold.
    void crossingEdits_data()
    {
        QTest::addColumn<bool>("offlineFirst");
        QTest::newRow("online saves first") << false;
        QTest::newRow("offline laptop saved first") << true;
    }
    void crossingEdits()
    {
        QFETCH(bool, offlineFirst);
        QTemporaryDir laptopA;
        QTemporaryDir laptopB;
        auto a = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopA.path());
        auto b = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopB.path());
        a->drafts().setSaveDelay(20);
        b->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*a));
        const QString base = QStringLiteral("Regel een.\nRegel twee.\nRegel drie.\nRegel vier.\n");
        const QString onA = a->drafts().create();
        QVERIFY(a->drafts().setText(onA, textOf(QStringLiteral("Kruisende wijzigingen"), base)));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, onA), 10000);
        const qint64 articleId = a->drafts().work(onA)->articleId;
        QVERIFY(test::goOnlineAndCatchUp(*b));
        QVERIFY(readWhole(*b, articleId));
        const QString onB = b->drafts().edit(articleId);
        QVERIFY(!onB.isEmpty());

        // A goes offline (the train) and changes the first line; B changes the last.
        a->connection().stop();
        const QString mine = QStringLiteral("Regel een, in de trein.\nRegel twee.\nRegel drie.\n"
                                            "Regel vier.\n");
        const QString theirs = QStringLiteral("Regel een.\nRegel twee.\nRegel drie.\nRegel vier, "
                                              "op kantoor.\n");
        if (offlineFirst) {
            // A's change was typed first, but B reaches the server first anyway.
            QVERIFY(
                a->drafts().setText(onA, textOf(QStringLiteral("Kruisende wijzigingen"), mine)));
            QTest::qWait(50);
        }
        QVERIFY(b->drafts().setText(onB, textOf(QStringLiteral("Kruisende wijzigingen"), theirs)));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*b, onB), 10000);
        if (!offlineFirst)
            QVERIFY(
                a->drafts().setText(onA, textOf(QStringLiteral("Kruisende wijzigingen"), mine)));
        QCOMPARE(a->drafts().work(onA)->state(), WorkRow::State::Local);

        QSignalSpy conflicted(&a->drafts(), &Drafts::conflicted);
        a->connection().start();
        QVERIFY(conflicted.wait(15000));
        const WorkRow w = *a->drafts().work(onA);
        QCOMPARE(w.state(), WorkRow::State::Conflict);
        QCOMPARE(w.base.body, base);
        QCOMPARE(w.text.body, mine);
        QCOMPARE(w.conflict->text.body, theirs);
        // Nothing of A's reached the server: B's text is the article's.
        QCOMPARE(BlogStore(a->cache()).article(articleId)->text.body, theirs);
        const textmerge::Merge merge
            = textmerge::merge(w.base.body, w.text.body, w.conflict->text.body);
        QVERIFY(merge.clean());
        const QString merged = merge.resolved({});
        QCOMPARE(merged,
                 QStringLiteral("Regel een, in de trein.\nRegel twee.\nRegel drie.\nRegel "
                                "vier, op kantoor.\n"));
        QVERIFY(a->drafts().resolve(onA, textOf(QStringLiteral("Kruisende wijzigingen"), merged)));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, onA), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->drafts().work(onB)->text.body, merged, 10000);
    }

    // Offline, a new article is written and published: it waits (across a restart of the
    // app) and goes once online, saved and then published; bram's cache has it then.
    void offlinePublishGoesWhenOnline()
    {
        QTemporaryDir profile;
        QTemporaryDir bramProfile;
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), bramProfile.path());
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        const QString id = anna->drafts().create();
        QVERIFY(anna->drafts().setText(id,
                                       textOf(QStringLiteral("Geschreven zonder netwerk"),
                                              QStringLiteral("Gepubliceerd zodra het kan."))));
        QVERIFY(anna->drafts().publish(id));
        QCOMPARE(anna->drafts().pendingCount(), 1);
        anna.reset(); // the app closes before the network returns
        anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        QCOMPARE(anna->drafts().pendingCount(), 1);
        QCOMPARE(anna->drafts().work(id)->publish, QStringLiteral("now"));
        QSignalSpy published(&anna->drafts(), &Drafts::publishedNow);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(published.count() > 0 || published.wait(10000));
        QVERIFY(!anna->drafts().work(id));
        const qint64 articleId = published.first().at(1).toLongLong();
        QCOMPARE(BlogStore(anna->cache()).article(articleId)->state, QStringLiteral("published"));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(*bram, QStringLiteral("Geschreven zonder netwerk")),
                                 10000);
    }

    // An edit of a published article made offline comes back after a co-author published
    // another revision: refused as stale, shown, and sent as the merge once resolved.
    void offlineEditOfPublishedComesBackStale()
    {
        QTemporaryDir annaProfile;
        QTemporaryDir evaProfile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), annaProfile.path());
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), evaProfile.path());
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        const auto plan = findByTitle(*anna,
                                      QStringLiteral("Het nieuwe ondernemingsplan: wat "
                                                     "verandert er?"));
        QVERIFY(plan);
        for (Client* c : {anna.get(), eva.get()}) {
            QVERIFY(readWhole(*c, plan->id));
        }
        const QString onAnna = anna->drafts().edit(plan->id);
        const QString onEva = eva->drafts().edit(plan->id);
        const WorkRow start = *anna->drafts().work(onAnna);
        QVERIFY(start.published);
        anna->connection().stop();
        ArticleText mine = start.text;
        mine.body = QStringLiteral("Vooraf: dit stuk is bijgewerkt.\n\n") + mine.body;
        QVERIFY(anna->drafts().setText(onAnna, mine));
        // Saved here only: an edit of a published article waits for the author's word.
        QVERIFY(anna->drafts().sendUpdate(onAnna));
        ArticleText theirs = start.text;
        theirs.body += QStringLiteral("\n\nNaschrift van Eva.\n");
        QVERIFY(eva->drafts().setText(onEva, theirs));
        QTest::qWait(100);
        QCOMPARE(eva->drafts().work(onEva)->state(), WorkRow::State::Local);
        QVERIFY(eva->drafts().sendUpdate(onEva));
        QTRY_VERIFY_WITH_TIMEOUT(!eva->drafts().work(onEva), 10000); // sent, done
        QSignalSpy conflicted(&anna->drafts(), &Drafts::conflicted);
        anna->connection().start();
        QVERIFY(conflicted.wait(15000));
        const WorkRow w = *anna->drafts().work(onAnna);
        QCOMPARE(w.conflict->revision, start.baseRevision + 1);
        const textmerge::Merge merge
            = textmerge::merge(w.base.body, w.text.body, w.conflict->text.body);
        QVERIFY(merge.clean());
        ArticleText merged = w.text;
        merged.body = merge.resolved({});
        QVERIFY(merged.body.startsWith(QStringLiteral("Vooraf:")));
        QVERIFY2(merged.body.endsWith(QStringLiteral("Naschrift van Eva.")),
                 qPrintable(merged.body.right(80)));
        QVERIFY(anna->drafts().resolve(onAnna, merged));
        QTRY_VERIFY_WITH_TIMEOUT(!anna->drafts().work(onAnna), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(eva->cache()).article(plan->id)->revision,
                                  start.baseRevision + 2, 10000);
    }

    // Reading an article again after a co-author edited it asks only for what changed: the
    // cache kept the old text with its revision. A held text that is not what the server kept
    // (a damaged cache) fails the digest, and the article is read whole.
    void readingAgainAsksOnlyForWhatChanged()
    {
        QTemporaryDir bramProfile;
        QTemporaryDir evaProfile;
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), bramProfile.path());
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), evaProfile.path());
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        const auto plan = findByTitle(*bram,
                                      QStringLiteral("Het nieuwe ondernemingsplan: wat "
                                                     "verandert er?"));
        QVERIFY(plan);
        QVERIFY(readWhole(*bram, plan->id));
        QVERIFY(readWhole(*eva, plan->id));
        const auto editOnEva = [&](const QString& sentence) {
            const QString onEva = eva->drafts().edit(plan->id);
            ArticleText t = eva->drafts().work(onEva)->text;
            const qsizetype middle = t.body.indexOf(QStringLiteral("\n\n"), t.body.size() / 2);
            t.body.insert(middle < 0 ? t.body.size() : middle, QStringLiteral("\n\n") + sentence);
            if (!eva->drafts().setText(onEva, t) || !eva->drafts().sendUpdate(onEva))
                return QString();
            return QTest::qWaitFor([&]() { return !eva->drafts().work(onEva); }, 10000) ? t.body
                                                                                        : QString();
        };
        const Blogs::TextStats before = bram->blogs().textStats();
        const qint64 revision = BlogStore(bram->cache()).article(plan->id)->revision;
        const QString edited = editOnEva(QStringLiteral("Eva voegde deze zin toe."));
        QVERIFY(!edited.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(bram->cache()).article(plan->id)->revision,
                                  revision + 1, 10000);
        QVERIFY(!BlogStore(bram->cache()).article(plan->id)->hasBody);
        QCOMPARE(BlogStore(bram->cache()).heldText(plan->id)->revision, revision);
        // The held text is no longer the article's: the local search does not find by it.
        const auto foundByText = [&]() {
            SearchQuery q;
            q.text = QStringLiteral("klimaat");
            q.kinds = {QStringLiteral("article")};
            return !SearchIndex(bram->cache().database(), bram->searchSources())
                        .search(q)
                        .hits.isEmpty();
        };
        QVERIFY(!foundByText());
        QVERIFY(readWhole(*bram, plan->id));
        QVERIFY(foundByText());
        QCOMPARE(BlogStore(bram->cache()).article(plan->id)->text.body, edited);
        QCOMPARE(bram->blogs().textStats().patched, before.patched + 1);
        QCOMPARE(bram->blogs().textStats().whole, before.whole);

        const QString again = editOnEva(QStringLiteral("En nog een zin van Eva."));
        QVERIFY(!again.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(bram->cache()).article(plan->id)->revision,
                                  revision + 2, 10000);
        // Damaged at the same length, so the steps fit it and only the digest tells.
        QVERIFY(bram->cache().statements().run(
            QStringLiteral("UPDATE articles SET held_body = replace(held_body, 'klimaat', "
                           "'klimaaT') WHERE id = ?"),
            {plan->id}));
        QVERIFY(readWhole(*bram, plan->id));
        QCOMPARE(BlogStore(bram->cache()).article(plan->id)->text.body, again);
        QCOMPARE(bram->blogs().textStats().patched, before.patched + 1);
        QCOMPARE(bram->blogs().textStats().whole, before.whole + 1);
    }

    // The published articles in the cache are found by the local search, offline: by their
    // title and summary, and by their text once read; a draft never.
    void articlesFoundOffline()
    {
        QTemporaryDir profile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        QVERIFY(anna && test::goOnlineAndCatchUp(*anna));
        const auto sluis = findByTitle(*anna,
                                       QStringLiteral("Een nacht mee met de sluiswachters "
                                                      "van Eefde"));
        QVERIFY(sluis);
        const auto find = [&](const QString& words) {
            SearchQuery q;
            q.text = words;
            q.kinds = {QStringLiteral("article")};
            QStringList out;
            for (const SearchHit& h :
                 SearchIndex(anna->cache().database(), anna->searchSources()).search(q).hits)
                out << h.link;
            return out;
        };
        const QString link = QStringLiteral("plein:/article/%1").arg(sluis->id);
        QCOMPARE(find(QStringLiteral("sluiswachters")), QStringList {link});
        // Words only the text holds: found once it was read.
        const QString word = QStringLiteral("duwbakken");
        QVERIFY(!sluis->hasBody);
        QVERIFY(find(word).isEmpty());
        QVERIFY(readWhole(*anna, sluis->id));
        QVERIFY(BlogStore(anna->cache()).article(sluis->id)->text.body.contains(word));
        anna->connection().stop();
        QCOMPARE(find(word), QStringList {link});
        // Anna's own draft is in the cache, but not in what the search finds.
        QVERIFY(!BlogStore(anna->cache()).drafts().isEmpty());
        for (const ArticleRow& d : BlogStore(anna->cache()).drafts())
            QVERIFY(find(d.text.title).isEmpty());
    }

    // Leaving a group forgets its blog's articles here, so the search offline no longer finds
    // them; joining again reads them afresh.
    void leavingAGroupForgetsItsArticles()
    {
        QTemporaryDir profile;
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
        QVERIFY(eva && test::goOnlineAndCatchUp(*eva));
        qint64 walkers = 0;
        for (const GroupRow& g : GroupStore(eva->cache()).myGroups()) {
            if (g.name == QStringLiteral("Lunchwandelaars"))
                walkers = g.id;
        }
        QVERIFY(walkers > 0);
        QSignalSpy fetched(&eva->blogs(), &Blogs::blogFetched);
        eva->blogs().fetchBlog(walkers);
        QVERIFY(fetched.wait(10000));
        QVERIFY(!BlogStore(eva->cache()).blog(walkers, 10).isEmpty());
        QVERIFY(!eva->groups().leave(walkers).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(BlogStore(eva->cache()).blog(walkers, 10).isEmpty(), 10000);
        QVERIFY(!eva->groups().join(walkers).isEmpty()); // as the demo has her
        QTRY_COMPARE_WITH_TIMEOUT(eva->outbox().count(), 0, 10000);
    }

    // A copy an editor shows is never replaced under it: another laptop's save meets it as a
    // conflict at its next save; once closed, a copy with nothing of its own catches up.
    void openCopyIsNotReplaced()
    {
        QTemporaryDir laptopA;
        QTemporaryDir laptopB;
        auto a = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopA.path());
        auto b = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopB.path());
        a->drafts().setSaveDelay(20);
        b->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*a));
        QVERIFY(test::goOnlineAndCatchUp(*b));
        const QString onA = a->drafts().create();
        QVERIFY(a->drafts().setText(onA, textOf(QStringLiteral("Open"), QStringLiteral("een\n"))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, onA), 10000);
        const qint64 id = a->drafts().work(onA)->articleId;
        a->drafts().setOpen(onA, true);
        QVERIFY(readWhole(*b, id));
        const QString onB = b->drafts().edit(id);
        QVERIFY(b->drafts().setText(onB,
                                    textOf(QStringLiteral("Open"), QStringLiteral("een\ntwee\n"))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*b, onB), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(a->cache()).article(id)->revision, 2, 10000);
        QTest::qWait(200);
        QCOMPARE(a->drafts().work(onA)->text.body, QStringLiteral("een\n")); // not replaced
        QSignalSpy conflicted(&a->drafts(), &Drafts::conflicted);
        QVERIFY(
            a->drafts().setText(onA, textOf(QStringLiteral("Open"), QStringLiteral("nul\neen\n"))));
        QVERIFY(conflicted.wait(10000));
        // B, closed with nothing of its own, follows when A's merge lands.
        const WorkRow w = *a->drafts().work(onA);
        QVERIFY(a->drafts().resolve(
            onA,
            textOf(
                QStringLiteral("Open"),
                textmerge::merge(w.base.body, w.text.body, w.conflict->text.body).resolved({}))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, onA), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->drafts().work(onB)->text.body,
                                  QStringLiteral("nul\neen\ntwee\n"), 10000);
        a->drafts().setOpen(onA, false);
    }

    // An edit of a published article goes once per Update: what is typed while it is on its
    // way stays here until the author sends it again.
    void editGoesOncePerUpdate()
    {
        QTemporaryDir profile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        anna->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        const QString id = anna->drafts().create();
        QVERIFY(anna->drafts().setText(
            id, textOf(QStringLiteral("Eenmaal"), QStringLiteral("Tekst."))));
        QVERIFY(anna->drafts().publish(id));
        QSignalSpy published(&anna->drafts(), &Drafts::publishedNow);
        QVERIFY(published.wait(10000));
        const qint64 articleId = published.first().at(1).toLongLong();
        const qint64 revision = BlogStore(anna->cache()).article(articleId)->revision;
        const QString copy = anna->drafts().edit(articleId);
        anna->drafts().setOpen(copy, true);
        QVERIFY(anna->drafts().setText(
            copy, textOf(QStringLiteral("Eenmaal"), QStringLiteral("Tekst, bijgewerkt."))));
        QVERIFY(anna->drafts().sendUpdate(copy));
        // Typed on at once, while the edit is on its way.
        QVERIFY(anna->drafts().setText(
            copy, textOf(QStringLiteral("Eenmaal"), QStringLiteral("Tekst, bijgewerkt, half"))));
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(anna->cache()).article(articleId)->revision,
                                  revision + 1, 10000);
        QTest::qWait(300);
        QCOMPARE(BlogStore(anna->cache()).article(articleId)->revision, revision + 1);
        const WorkRow w = *anna->drafts().work(copy);
        QVERIFY(w.dirty);
        QCOMPARE(w.state(), WorkRow::State::Local);
        QCOMPARE(w.text.body, QStringLiteral("Tekst, bijgewerkt, half"));
        anna->drafts().setOpen(copy, false); // keeps a copy with text of its own
        QVERIFY(anna->drafts().work(copy));
    }

    // A draft changed offline on one laptop and published on the other: the save is refused
    // (a published article is edited, not saved), the article read, and the author chooses;
    // what is resolved becomes an edit of the published article.
    void draftPublishedElsewhere()
    {
        QTemporaryDir laptopA;
        QTemporaryDir laptopB;
        auto a = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopA.path());
        auto b = test::makeClient(m_server.url(), QStringLiteral("anna"), laptopB.path());
        a->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*a));
        const QString onA = a->drafts().create();
        QVERIFY(
            a->drafts().setText(onA, textOf(QStringLiteral("Elders"), QStringLiteral("begin\n"))));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*a, onA), 10000);
        const qint64 id = a->drafts().work(onA)->articleId;
        a->connection().stop();
        QVERIFY(a->drafts().setText(
            onA, textOf(QStringLiteral("Elders"), QStringLiteral("begin\nvan A\n"))));
        QVERIFY(test::goOnlineAndCatchUp(*b));
        QVERIFY(readWhole(*b, id));
        const QString onB = b->drafts().edit(id);
        QSignalSpy published(&b->drafts(), &Drafts::publishedNow);
        QVERIFY(b->drafts().publish(onB));
        QVERIFY(published.wait(10000));
        QSignalSpy conflicted(&a->drafts(), &Drafts::conflicted);
        a->connection().start();
        QVERIFY(conflicted.wait(15000));
        const WorkRow w = *a->drafts().work(onA);
        QVERIFY(w.conflict->isPublished());
        QVERIFY(a->drafts().resolve(onA, w.text));
        QVERIFY(a->drafts().work(onA)->published);
        // Not sent on its own: an edit readers see waits for Update.
        QTest::qWait(300);
        QCOMPARE(BlogStore(a->cache()).article(id)->revision, w.conflict->revision);
        QVERIFY(a->drafts().sendUpdate(onA));
        QTRY_VERIFY_WITH_TIMEOUT(!a->drafts().work(onA), 10000);
        QVERIFY(BlogStore(a->cache())
                    .article(id)
                    ->text.body.startsWith(QStringLiteral("begin\nvan A")));
    }

    // kill -9 halfway through a sentence: the text is there at the next start.
    void draftSurvivesKill()
    {
        QTemporaryDir profile;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(childProfileVariable), profile.path());
        env.insert(QString::fromLatin1(childServerVariable), m_server.url().toString());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.waitForReadyRead(100), 20000);
        const QString id = QString::fromUtf8(child.readLine()).trimmed();
        QVERIFY(!id.isEmpty());
        child.kill(); // SIGKILL: no destructor, no close
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        QVERIFY(anna);
        const auto w = anna->drafts().work(id);
        QVERIFY(w);
        QCOMPARE(w->text.body,
                 QStringLiteral("Tussen Utrecht en Zwolle schreef ik dit halverwege een "));
        // And it goes to the server once online.
        anna->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*anna, id), 10000);
    }

    // Scheduled a few seconds ahead: the server publishes it, the event reaches the cache and
    // the working copy, its work done, goes.
    void scheduledPublishReachesTheCache()
    {
        QTemporaryDir profile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        anna->drafts().setSaveDelay(20);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        const QString id = anna->drafts().create();
        QVERIFY(anna->drafts().setText(
            id, textOf(QStringLiteral("Straks"), QStringLiteral("Zo meteen."))));
        QVERIFY(anna->drafts().publish(id, QDateTime::currentDateTimeUtc().addSecs(2)));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*anna, id), 10000);
        const qint64 articleId = anna->drafts().work(id)->articleId;
        QCOMPARE(BlogStore(anna->cache()).article(articleId)->state, QStringLiteral("scheduled"));
        QTRY_COMPARE_WITH_TIMEOUT(BlogStore(anna->cache()).article(articleId)->state,
                                  QStringLiteral("published"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!anna->drafts().work(id), 5000);
    }

    // bram comments on anna's article and mentions chantal: both are told; likes count once.
    void commentsAndLikes()
    {
        QTemporaryDir annaProfile;
        QTemporaryDir bramProfile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), annaProfile.path());
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), bramProfile.path());
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        const auto plan = findByTitle(*bram,
                                      QStringLiteral("Het nieuwe ondernemingsplan: wat "
                                                     "verandert er?"));
        QVERIFY(plan);
        QSignalSpy loaded(&anna->blogs(), &Blogs::commentsChanged);
        anna->blogs().fetchComments(plan->id);
        QVERIFY(loaded.wait(10000));
        const int before = BlogStore(anna->cache()).article(plan->id)->comments;
        QSignalSpy forMe(&anna->blogs(), &Blogs::commentForMe);
        const QString id = bram->blogs().comment(
            plan->id, 0, QStringLiteral("Goed stuk, @chantal kijk even mee."));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(bram->outbox().count(), 0);
        QVERIFY(forMe.count() > 0 || forMe.wait(10000));
        QCOMPARE(forMe.first().at(2).toBool(), false); // as an author, not a mention
        QTRY_COMPARE(BlogStore(anna->cache()).article(plan->id)->comments, before + 1);
        QCOMPARE(anna->blogs().comments(plan->id).size(), before + 1);
        // bram's own cache counts it once too (answer and event carry one seq).
        QTRY_COMPARE(BlogStore(bram->cache()).article(plan->id)->comments, before + 1);

        // bram liked it in the demo already: the same state again changes nothing.
        const int likes = plan->likes;
        QVERIFY(!bram->blogs().like(plan->id, true).isEmpty());
        QTRY_COMPARE(bram->outbox().count(), 0);
        QCOMPARE(BlogStore(bram->cache()).article(plan->id)->likes, likes);
        QVERIFY(!anna->blogs().like(plan->id, true).isEmpty());
        QTRY_COMPARE(anna->outbox().count(), 0);
        QTRY_COMPARE(BlogStore(bram->cache()).article(plan->id)->likes, likes + 1);
        QCOMPARE(BlogStore(anna->cache()).article(plan->id)->likedByMe, true);
    }

private:
    test::TestServer m_server;
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(childProfileVariable))
        return runChild();
    TestBlogs test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_blogs.moc"
