#include "chat/chatsearch.h"
#include "chat/chatstore.h"
#include "client.h"
#include "connection.h"
#include "feed/feed.h"
#include "feed/feedsearch.h"
#include "feed/poststore.h"
#include "groups/groups.h"
#include "groups/groupsearch.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "search/peoplesearch.h"
#include "search/searchindex.h"
#include "search/searchmodel.h"
#include "sql/dialect.h"
#include "sql/migrator.h"
#include "store/cache.h"
#include "sync/syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

QString daysAgo(int days)
{
    return now.addDays(-days).toString(Qt::ISODateWithMs);
}

QStringList ids(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* s : list)
        out << QString::fromUtf8(s);
    return out;
}

SearchSources allSources()
{
    SearchSources s;
    s.add(groupSearchSource());
    s.add(postSearchSource());
    s.add(chatSearchSource());
    s.add(personSearchSource());
    return s;
}

PostRow postRow(qint64 id, const QString& body, int age = 1, qint64 groupId = 0,
                qint64 authorId = 1, qint64 parentId = 0)
{
    PostRow p;
    p.id = id;
    p.parentId = parentId;
    p.groupId = groupId;
    p.authorId = authorId;
    p.authorUsername = QStringLiteral("user%1").arg(authorId);
    p.authorName = QStringLiteral("Person %1").arg(authorId);
    p.body = body;
    p.createdAt = daysAgo(age);
    return p;
}

bool putPost(Cache& cache, const PostRow& p)
{
    return cache.transaction([&]() { return PostStore(cache).upsert(p, false, false); });
}

MessageRow messageRow(qint64 id, qint64 conversation, const QString& body, qint64 authorId = 2)
{
    MessageRow m;
    m.id = id;
    m.conversationId = conversation;
    m.authorId = authorId;
    m.authorUsername = QStringLiteral("user%1").arg(authorId);
    m.authorName = QStringLiteral("Person %1").arg(authorId);
    m.body = body;
    m.createdAt = daysAgo(2);
    return m;
}

// The ids of what `text` finds, as "kind:id", best first.
QStringList found(const Cache& cache, const SearchSources& sources, SearchQuery q)
{
    SearchIndex index(cache.database(), sources);
    index.setNow(now);
    const SearchResult r = index.search(q);
    if (!r.error.isEmpty())
        return {QStringLiteral("error: ") + r.error};
    QStringList out;
    for (const SearchHit& h : r.hits)
        out << h.kind + u':' + QString::number(h.id);
    return out;
}

QStringList found(const Cache& cache, const SearchSources& sources, const QString& text)
{
    SearchQuery q;
    q.text = text;
    return found(cache, sources, q);
}

// Writes the cache file `path` as schema version `version` left it, then runs `statements`.
bool writeOldCache(const QString& path, int version, const QStringList& statements)
{
    const QString connection = QStringLiteral("old-%1").arg(version);
    bool ok = false;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QTemporaryDir probeDir;
        Cache probe; // registers the migration resources
        sql::Migrator m(db, sql::Dialect(sql::Backend::SQLite),
                        QStringLiteral(":/plein/client/migrations"));
        ok = db.open() && !probe.open(probeDir.filePath(QStringLiteral("p.sqlite")))
            && !m.migrate(version) && m.currentVersion() == version;
        QSqlQuery q(db);
        for (const QString& statement : statements) {
            ok = ok && q.exec(statement);
            if (!ok)
                qWarning() << statement << q.lastError().text();
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

// The local search (client/core/search): the indexes of client migration 016 following every
// write, the query built from what is typed, filters, ranking, snippets and the model.
class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void foldsDiacritics();
    void matchesPrefixesAsOneTypes();
    void hostileTextIsOnlyWords_data();
    void hostileTextIsOnlyWords();
    void followsPostWrites();
    void followsChatWritesAndForgetting();
    void findsGroupsAndPeople();
    void filters();
    void ranksByRelevanceAndRecency();
    void snippetsAreSafeRichText();
    void linksTravelInAQuery();
    void migrationIndexesAnExistingCache();
    void modelAnswersTheLatestQuery();
    void modelFollowsTheCache();
    void endToEndLeavingAGroupForgetsItsPosts();
    void modelAddsWhatOnlyTheServerFinds();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    SearchSources m_sources = allSources();
};

void TestSearch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<Cache>();
    const auto err = m_cache->open(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY2(!err, qPrintable(err.value_or(QString())));
}

void TestSearch::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void TestSearch::foldsDiacritics()
{
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("Koffie in het café, één keer per week"))));
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("Een naïeve coëfficiënt voor de Bühne"))));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("cafe")), ids({"post:1"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("CAFÉ ")), ids({"post:1"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("caf\u00e8 ")), ids({"post:1"}));
    // A combining accent typed after the letter folds the same.
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("cafe\u0301 ")), ids({"post:1"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("coefficient ")), ids({"post:2"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("naieve buhne ")), ids({"post:2"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("een ")).size(), 2);
}

void TestSearch::matchesPrefixesAsOneTypes()
{
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("Inspectie van de dijk bij Lelystad"))));
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("Overleg dijkbeheer om tien uur"))));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("d")), QStringList {});
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("di")).size(), 2);
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("dijkb")), ids({"post:2"}));
    // Finished words are whole words; only the last one is a prefix.
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("dijk ")), ids({"post:1"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("dijk lel")), ids({"post:1"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("lel dijk")), QStringList {});
    // A single letter after a word waits for the next one instead of reading every word.
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("dijk l")), ids({"post:1"}));
    QCOMPARE(SearchQuery::matchExpression(QStringLiteral("dijk l")), QStringLiteral("\"dijk\""));
    QCOMPARE(SearchQuery::matchExpression(QStringLiteral("dijk lel")),
             QStringLiteral("\"dijk\" \"lel\"*"));
}

void TestSearch::hostileTextIsOnlyWords_data()
{
    QTest::addColumn<QString>("text");
    for (const char* text : {"\"",
                             "\"\"",
                             "*",
                             "dijk*",
                             "NEAR(",
                             "NEAR(dijk sluis, 2)",
                             "-",
                             "-dijk",
                             "AND",
                             "dijk AND",
                             "OR dijk",
                             "NOT dijk",
                             "dijk NOT sluis",
                             "body:dijk",
                             "{body}: dijk",
                             "^dijk",
                             "(dijk",
                             "dijk)",
                             "'; DROP TABLE posts; --",
                             "dijk\" OR \"x",
                             "\x02"
                             "dijk\x03",
                             "+dijk",
                             "dijk\\",
                             "%_",
                             "\xf0\x9f\x98\x80 dijk"})
        QTest::newRow(text) << QString::fromUtf8(text);
    QTest::newRow("long") << QString(5000, u'a');
    QTest::newRow("many") << QStringLiteral("dijk ").repeated(500);
}

void TestSearch::hostileTextIsOnlyWords()
{
    QFETCH(QString, text);
    QVERIFY(putPost(
        *m_cache, postRow(1, QStringLiteral("De dijk en de sluis: AND, OR, NOT, near 2 pepper"))));
    SearchIndex index(m_cache->database(), m_sources);
    SearchQuery q;
    q.text = text;
    const SearchResult r = index.search(q);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    if (const auto m = SearchQuery::matchExpression(text)) {
        // Nothing but quoted words (letters and digits), each maybe a prefix.
        const QStringList terms = m->split(u' ');
        QVERIFY(terms.size() <= SearchQuery::maxTerms);
        for (const QString& term : terms) {
            QVERIFY2(term.startsWith(u'"') && (term.endsWith(u'"') || term.endsWith(u"\"*")),
                     qPrintable(*m));
            const QString word = term.mid(1, term.lastIndexOf(u'"') - 1);
            QVERIFY2(!word.isEmpty() && word.size() <= SearchQuery::maxTermLength, qPrintable(*m));
            for (QChar c : word)
                QVERIFY2(c.isLetterOrNumber() || c.isSurrogate(), qPrintable(*m));
        }
    }
    // Words that read as syntax elsewhere are words here.
    if (text.contains(QLatin1StringView("dijk")) && !text.contains(QLatin1StringView("x"))
        && !text.contains(QLatin1StringView("body")) && !text.contains(QLatin1StringView("DROP")))
        QVERIFY2(r.hits.size() == 1, qPrintable(text));
    QCOMPARE(PostStore(*m_cache).post(1)->body,
             QStringLiteral("De dijk en de sluis: AND, OR, NOT, near 2 pepper"));
}

void TestSearch::followsPostWrites()
{
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("Het gemaal draait weer"))));
    QVERIFY(
        putPost(*m_cache, postRow(2, QStringLiteral("Een reactie over het gemaal"), 1, 0, 3, 1)));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")).size(), 2);
    // A reply opens its thread.
    {
        SearchIndex index(m_cache->database(), m_sources);
        SearchQuery q;
        q.text = QStringLiteral("reactie");
        const auto hits = index.search(q).hits;
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().link, QStringLiteral("plein:/post/1"));
        QCOMPARE(hits.first().authorName, QStringLiteral("Person 3"));
    }
    // An edit: the old words go, the new come.
    PostRow edited = postRow(1, QStringLiteral("Het pompstation draait weer"));
    edited.editedAt = daysAgo(0);
    QVERIFY(putPost(*m_cache, edited));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")), ids({"post:2"}));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("pompstation")), ids({"post:1"}));
    // The same post again (a replay) changes nothing.
    QVERIFY(putPost(*m_cache, edited));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("pompstation")), ids({"post:1"}));
    // Deleted: gone, by the event's path and by a post that arrives deleted.
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).markDeleted(1); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("pompstation")), QStringList {});
    PostRow deleted = postRow(3, QStringLiteral("weg ermee"));
    deleted.deleted = true;
    QVERIFY(putPost(*m_cache, deleted));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("ermee")), QStringList {});
    // A group's posts purged (leaving it): gone from the index, the rest stays.
    QVERIFY(putPost(*m_cache, postRow(4, QStringLiteral("Geheim gemaal"), 1, 12)));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")), ids({"post:4", "post:2"}));
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).clearFeed(12); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")), ids({"post:2"}));
    QVERIFY(putPost(*m_cache, postRow(5, QStringLiteral("Nog een gemaal"), 1, 13)));
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).clearFeedsNotMine(); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")), ids({"post:2"}));
    // A rebuild empties the cache first.
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).clear(); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaal ")), QStringList {});
    // The index agrees with its rows.
    QSqlQuery q(m_cache->database());
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO posts_search (posts_search, rank) VALUES "
                                   "('integrity-check', 1)")),
             qPrintable(q.lastError().text()));
}

void TestSearch::followsChatWritesAndForgetting()
{
    ConversationRow c;
    c.id = 31;
    c.kind = QStringLiteral("people");
    c.title = QStringLiteral("Sluisteam");
    c.members
        = {{2, QStringLiteral("bram"), QStringLiteral("Bram Bakker"), QStringLiteral("Beheer")},
           {4, QStringLiteral("daan"), QStringLiteral("Daan de Wit"), QString()}};
    QVERIFY(m_cache->transaction([&]() {
        ChatStore chat(*m_cache);
        return chat.upsert(c, 0)
            && chat.upsertMessage(messageRow(100, 31, QStringLiteral("De sluisdeur klemt")))
            && chat.upsertMessage(messageRow(101, 31, QStringLiteral("Monteur is onderweg")));
    }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("sluisd")), ids({"chat:100"}));
    {
        SearchIndex index(m_cache->database(), m_sources);
        SearchQuery q;
        q.text = QStringLiteral("monteur");
        const auto hits = index.search(q).hits;
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().link, QStringLiteral("plein:/chat/31"));
        QCOMPARE(hits.first().context, QStringLiteral("Sluisteam"));
        QCOMPARE(hits.first().snippet,
                 QStringLiteral("\x02"
                                "Monteur\x03 is onderweg"));
    }
    MessageRow edited = messageRow(100, 31, QStringLiteral("De sluisdeur is gemaakt"));
    QVERIFY(
        m_cache->transaction([&]() { return ChatStore(*m_cache).asOf(5).upsertMessage(edited); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("klemt")), QStringList {});
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaakt")), ids({"chat:100"}));
    QVERIFY(m_cache->transaction([&]() { return ChatStore(*m_cache).asOf(6).markDeleted(100); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("gemaakt")), QStringList {});
    // The members of a conversation are people the search knows.
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("daan")), ids({"person:4"}));
    // A conversation forgotten (left, or its group left) takes its messages along.
    QVERIFY(m_cache->transaction([&]() { return ChatStore(*m_cache).remove(31); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("monteur")), QStringList {});
}

void TestSearch::findsGroupsAndPeople()
{
    GroupRow g;
    g.id = 7;
    g.name = QStringLiteral("Dijkbeheer");
    g.description = QStringLiteral("Alles over inspecties en onderhoud");
    g.kind = QStringLiteral("private");
    QVERIFY(m_cache->transaction([&]() { return GroupStore(*m_cache).upsert(g); }));
    PostRow p = postRow(1, QStringLiteral("Hallo"));
    p.authorName = QStringLiteral("Chantal Émond");
    p.authorUsername = QStringLiteral("chantal");
    p.authorDepartment = QStringLiteral("Communicatie");
    QVERIFY(putPost(*m_cache, p));
    SearchIndex index(m_cache->database(), m_sources);
    SearchQuery q;
    q.text = QStringLiteral("dijkbe");
    auto hits = index.search(q).hits;
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, QStringLiteral("group"));
    QCOMPARE(hits.first().link, QStringLiteral("plein:/group/7"));
    QCOMPARE(hits.first().markedTitle,
             QStringLiteral("\x02"
                            "Dijkbeheer\x03"));
    q.text = QStringLiteral("inspecties");
    QCOMPARE(index.search(q).hits.size(), 1);
    q.text = QStringLiteral("emond");
    hits = index.search(q).hits;
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, QStringLiteral("person"));
    QCOMPARE(hits.first().title, QStringLiteral("Chantal Émond"));
    QCOMPARE(hits.first().context, QStringLiteral("Communicatie"));
    QCOMPARE(hits.first().link, QStringLiteral("plein:/person/1"));
    q.text = QStringLiteral("communicatie");
    QCOMPARE(index.search(q).hits.size(), 1);
    // Renamed: found by the new name only; gone when the cache forgets it.
    g.name = QStringLiteral("Waterkeringen");
    QVERIFY(m_cache->transaction([&]() { return GroupStore(*m_cache).upsert(g); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("dijkbeheer")), QStringList {});
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("waterker")), ids({"group:7"}));
    QVERIFY(m_cache->transaction([&]() { return GroupStore(*m_cache).remove(7); }));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("waterker")), QStringList {});
    // A later post by the same person with a new name and no department.
    PostRow later = postRow(2, QStringLiteral("Weer hallo"));
    later.authorName = QStringLiteral("Chantal de Boer");
    QVERIFY(putPost(*m_cache, later));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("emond")), QStringList {});
    q.text = QStringLiteral("boer");
    hits = index.search(q).hits;
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().context, QStringLiteral("Communicatie"));
}

void TestSearch::filters()
{
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("stormvloed op komst"), 40, 0, 1)));
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("stormvloed in de groep"), 3, 9, 2)));
    QVERIFY(m_cache->transaction([&]() {
        ConversationRow c;
        c.id = 5;
        c.kind = QStringLiteral("group");
        c.groupId = 9;
        return ChatStore(*m_cache).upsert(c, 0)
            && ChatStore(*m_cache).upsertMessage(
                messageRow(50, 5, QStringLiteral("stormvloed!"), 1));
    }));
    GroupRow g;
    g.id = 9;
    g.name = QStringLiteral("Stormvloedteam");
    QVERIFY(m_cache->transaction([&]() { return GroupStore(*m_cache).upsert(g); }));
    SearchQuery q;
    q.text = QStringLiteral("stormvloed ");
    QCOMPARE(found(*m_cache, m_sources, q).size(), 3); // not the group: "stormvloedteam" is a word
    q.text = QStringLiteral("stormvloed*");
    QCOMPARE(found(*m_cache, m_sources, q).size(), 4);
    q.kinds = {QStringLiteral("post")};
    QCOMPARE(found(*m_cache, m_sources, q), ids({"post:2", "post:1"}));
    q.kinds = {QStringLiteral("chat"), QStringLiteral("group")};
    QCOMPARE(found(*m_cache, m_sources, q).size(), 2);
    q.kinds = {QStringLiteral("nonsense")};
    QCOMPARE(found(*m_cache, m_sources, q), QStringList {});
    q.kinds.clear();
    q.groupId = 9;
    QCOMPARE(found(*m_cache, m_sources, q), ids({"chat:50", "post:2"}));
    q.groupId = 0;
    q.authorId = 1;
    QCOMPARE(found(*m_cache, m_sources, q), ids({"chat:50", "post:1"}));
    q.authorId = 0;
    q.from = now.date().addDays(-10);
    QCOMPARE(found(*m_cache, m_sources, q), ids({"chat:50", "post:2"}));
    q.from = QDate();
    q.to = now.date().addDays(-30);
    QCOMPARE(found(*m_cache, m_sources, q), ids({"post:1"}));
    q.to = QDate();
    // Pages.
    q.limit = 2;
    SearchIndex index(m_cache->database(), m_sources);
    index.setNow(now);
    auto r = index.search(q);
    QCOMPARE(r.hits.size(), 2);
    QVERIFY(r.more);
    q.offset = 2;
    r = index.search(q);
    QCOMPARE(r.hits.size(), 2);
    QVERIFY(!r.more);
}

void TestSearch::ranksByRelevanceAndRecency()
{
    // The same words: the newer first.
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("De waterstand is hoog"), 200)));
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("De waterstand is hoog"), 2)));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("waterstand ")), ids({"post:2", "post:1"}));
    // Of one age, the one more about the word first.
    QVERIFY(putPost(*m_cache, postRow(3, QStringLiteral("Kade: kade, kade en nog eens kade"), 5)));
    QVERIFY(putPost(
        *m_cache,
        postRow(4,
                QStringLiteral(
                    "Vandaag is de kade dicht wegens werk aan de weg en de brug over het kanaal"),
                5)));
    QCOMPARE(found(*m_cache, m_sources, QStringLiteral("kade ")), ids({"post:3", "post:4"}));
}

void TestSearch::snippetsAreSafeRichText()
{
    QVERIFY(putPost(*m_cache,
                    postRow(1,
                            QStringLiteral("<img src=x onerror=alert(1)> <b>dijk</b> & \x02"
                                           "sluis"))));
    SearchIndex index(m_cache->database(), m_sources);
    SearchQuery q;
    q.text = QStringLiteral("dijk");
    const auto hits = index.search(q).hits;
    QCOMPARE(hits.size(), 1);
    const QString html = SearchHit::markedToHtml(hits.first().snippet);
    QVERIFY2(!html.contains(QLatin1StringView("<img")), qPrintable(html));
    QVERIFY(html.contains(QLatin1StringView("&lt;img src=x onerror=alert(1)&gt;")));
    QVERIFY2(html.contains(QLatin1StringView("&lt;b&gt;<b>dijk</b>&lt;/b&gt; &amp; ")),
             qPrintable(html));
    QCOMPARE(html.count(QLatin1StringView("<b>")), html.count(QLatin1StringView("</b>")));
    QCOMPARE(SearchHit::markedToHtml(QStringLiteral("a\x03"
                                                    "b\x02\x02<c")),
             QStringLiteral("ab<b>&lt;c</b>"));
    // Markdown that only marks up is left out of snippets, and lines run on.
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("**Let op:** de\n\n```\nsluizen\n```"))));
    q.text = QStringLiteral("sluizen");
    const auto tidied = index.search(q).hits;
    QCOMPARE(tidied.size(), 1);
    QCOMPARE(tidied.first().snippet,
             QStringLiteral("Let op: de \x02"
                            "sluizen\x03"));
    QCOMPARE(SearchHit::plain(QStringLiteral("\x02"
                                             "x\x03 y")),
             QStringLiteral("x y"));
}

void TestSearch::linksTravelInAQuery()
{
    SearchQuery q;
    q.text = QStringLiteral("dijk & sluis?");
    q.kinds = {QStringLiteral("post"), QStringLiteral("chat")};
    q.groupId = 12;
    q.authorId = 3;
    q.from = QDate(2026, 1, 1);
    q.to = QDate(2026, 2, 1);
    QUrl link(QStringLiteral("plein:/search"));
    link.setQuery(q.toUrlQuery());
    QCOMPARE(SearchQuery::fromUrlQuery(QUrlQuery(QUrl(link.toString()))), q);
    // What a link says that makes no sense leaves its filter off.
    const SearchQuery bad = SearchQuery::fromUrlQuery(QUrlQuery(QStringLiteral(
        "q=x&kind=post,%3Cscript%3E,,CHAT&group=-1&from=abc&after=2026-13-01&before=yesterday")));
    QCOMPARE(bad.text, QStringLiteral("x"));
    QCOMPARE(bad.kinds, ids({"post", "chat"}));
    QCOMPARE(bad.groupId, 0);
    QCOMPARE(bad.authorId, 0);
    QVERIFY(!bad.from.isValid());
    QVERIFY(!bad.to.isValid());
}

void TestSearch::migrationIndexesAnExistingCache()
{
    m_cache.reset();
    const QString path = m_dir->filePath(QStringLiteral("v13.sqlite"));
    QVERIFY(writeOldCache(
        path, 13,
        {QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                        "created_at, author_department) VALUES (7, 1, 'anna', 'Anna Jansen', "
                        "'De brug bij Zaltbommel', '2026-11-01T10:00:00.000Z', 'Beheer')"),
         QStringLiteral("INSERT INTO posts (id, author_id, author_username, author_name, body, "
                        "created_at, deleted) VALUES (8, 1, 'anna', 'Anna Jansen', '', "
                        "'2026-11-01T10:00:00.000Z', 1)"),
         QStringLiteral("INSERT INTO user_groups (id, name, description) VALUES (3, "
                        "'Bruggenbouwers', 'Over bruggen')"),
         QStringLiteral("INSERT INTO chat_conversations (id, kind, members) VALUES (4, 'direct', "
                        "'[{\"id\":9,\"username\":\"eva\",\"displayName\":\"Eva Öztürk\"}]')"),
         QStringLiteral("INSERT INTO chat_messages (id, conversation_id, author_id, author_name, "
                        "body, created_at) VALUES (70, 4, 9, 'Eva Öztürk', 'Zie je de brug?', "
                        "'2026-11-02T10:00:00.000Z')")}));
    Cache cache;
    QVERIFY(!cache.open(path));
    QCOMPARE(found(cache, m_sources, QStringLiteral("brug ")), ids({"chat:70", "post:7"}));
    QCOMPARE(found(cache, m_sources, QStringLiteral("brugg")), ids({"group:3"}));
    QCOMPARE(found(cache, m_sources, QStringLiteral("ozturk")), ids({"person:9"}));
    QCOMPARE(found(cache, m_sources, QStringLiteral("jansen")), ids({"person:1"}));
    // And the indexes go on following the rows.
    QVERIFY(cache.transaction([&]() { return PostStore(cache).markDeleted(7); }));
    QCOMPARE(found(cache, m_sources, QStringLiteral("brug ")), ids({"chat:70"}));
}

void TestSearch::modelAnswersTheLatestQuery()
{
    for (int i = 1; i <= 80; ++i)
        QVERIFY(putPost(*m_cache,
                        postRow(i, QStringLiteral("Bericht %1 over de deltawerken").arg(i), i)));
    QVERIFY(putPost(*m_cache, postRow(100, QStringLiteral("De Oosterscheldekering"))));
    SearchModel model(*m_cache, m_sources);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy answered(&model, &SearchModel::answered);
    // Typed key by key: one answer, to the last.
    for (const QString& typed : ids({"o", "oo", "oos", "oost", "ooste", "delta", "oosterschelde"}))
        model.setText(typed);
    QVERIFY(model.isSearching());
    answered.clear(); // "o" is nothing to search for yet: answered at once
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QTest::qWait(2 * SearchModel::debounceMs);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(model.index(0).data(SearchModel::LinkRole).toString(),
             QStringLiteral("plein:/post/100"));
    QCOMPARE(model.index(0).data(SearchModel::KindRole).toString(), QStringLiteral("post"));
    QCOMPARE(model.index(0).data(SearchModel::SnippetHtmlRole).toString(),
             QStringLiteral("De <b>Oosterscheldekering</b>"));
    QVERIFY(model.index(0).data(SearchModel::TimeRole).toDateTime().isValid());
    // Pages as a view scrolls.
    model.setText(QStringLiteral("deltawerken"));
    QTRY_COMPARE(answered.size(), 2);
    QCOMPARE(model.rowCount(), SearchModel::pageSize);
    QVERIFY(model.index(0).data(SearchModel::TimeRole).toDateTime()
            > model.index(1).data(SearchModel::TimeRole).toDateTime());
    QVERIFY(model.canFetchMore({}));
    // Page by page as a view asks (the model tester asks too).
    for (int pages = 1; pages < 10 && model.rowCount() < 80; ++pages) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isSearching());
    }
    QCOMPARE(model.rowCount(), 80);
    QVERIFY(!model.canFetchMore({}));
    QSet<qint64> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.insert(model.index(row).data(SearchModel::IdRole).toLongLong());
    QCOMPARE(shown.size(), 80);
    // Nothing left to search for: empty at once.
    model.setText(QStringLiteral("d"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasQuery());
    QVERIFY(!model.isSearching());
}

void TestSearch::modelFollowsTheCache()
{
    QVERIFY(putPost(*m_cache, postRow(1, QStringLiteral("Hoogwater in Limburg"))));
    SearchModel model(*m_cache, m_sources);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setText(QStringLiteral("hoogwater"));
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(putPost(*m_cache, postRow(2, QStringLiteral("Weer hoogwater"), 0)));
    QTRY_COMPARE(model.rowCount(), 2);
    QVERIFY(m_cache->transaction([&]() { return PostStore(*m_cache).markDeleted(1); }));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(SearchModel::IdRole).toLongLong(), 2);
}

// Against the real server: what the applier stores is found, and a group left takes its
// posts out of the index.
void TestSearch::endToEndLeavingAGroupForgetsItsPosts()
{
    test::TestServer server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QTemporaryDir profiles;
    auto eva = test::makeClient(server.url(), QStringLiteral("eva"),
                                profiles.filePath(QStringLiteral("eva")));
    QVERIFY(eva);
    QVERIFY(test::goOnlineAndCatchUp(*eva));
    qint64 walkers = 0;
    for (const GroupRow& g :
         GroupStore(eva->cache()).directory(QStringLiteral("Lunchwandelaars"), false, 0, 10))
        walkers = g.name == QStringLiteral("Lunchwandelaars") ? g.id : walkers;
    QVERIFY(walkers > 0);
    QVERIFY(eva->groups().group(walkers)->isMember());
    const auto search
        = [&](const QString& text) { return found(eva->cache(), eva->searchSources(), text); };
    QVERIFY(
        !eva->feed()
             .createPost(QStringLiteral("Wie loopt er mee langs de zonnebloemvelden?"), 0, walkers)
             .isEmpty());
    QVERIFY(!eva->feed()
                 .createPost(QStringLiteral("Bedrijfsbreed: de zonnebloemvelden bloeien"))
                 .isEmpty());
    QTRY_COMPARE(search(QStringLiteral("zonnebloemvelden")).size(), 2);
    QVERIFY(search(QStringLiteral("eva"))
                .contains(QStringLiteral("person:%1").arg(eva->sync().userId())));
    // Edited and deleted through the server.
    const qint64 company
        = search(QStringLiteral("bedrijfsbreed")).value(0).section(u':', 1).toLongLong();
    QVERIFY(company > 0);
    QVERIFY(!eva->feed()
                 .editPost(company, QStringLiteral("Bedrijfsbreed: de tulpenvelden bloeien"))
                 .isEmpty());
    QTRY_COMPARE(search(QStringLiteral("tulpenvelden")).size(), 1);
    QTRY_COMPARE(search(QStringLiteral("zonnebloemvelden")).size(), 1);
    QVERIFY(!eva->feed().deletePost(company).isEmpty());
    QTRY_COMPARE(search(QStringLiteral("tulpenvelden")).size(), 0);
    // Leaving the group purges its posts, and with them what the search finds.
    QVERIFY(!eva->groups().leave(walkers).isEmpty());
    QTRY_COMPARE(search(QStringLiteral("zonnebloemvelden")).size(), 0);
    QCOMPARE(search(QStringLiteral("lunchwandelaars")).size(), 1); // the public group itself
}

// Online, the model asks the server too: the posts of a public group eva never joined are not
// in her cache, the server finds them, and they come below what the cache found, paged from
// the server; a post both found is one row; offline, only the cache answers, and the server is
// asked again once online; an answer for words typed over is dropped.
void TestSearch::modelAddsWhatOnlyTheServerFinds()
{
    test::TestServer server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QTemporaryDir profiles;
    auto eva = test::makeClient(server.url(), QStringLiteral("eva"),
                                profiles.filePath(QStringLiteral("eva")));
    auto chantal = test::makeClient(server.url(), QStringLiteral("chantal"),
                                    profiles.filePath(QStringLiteral("chantal")));
    QVERIFY(eva && chantal);
    QVERIFY(test::goOnlineAndCatchUp(*eva));
    QVERIFY(test::goOnlineAndCatchUp(*chantal));
    qint64 it = 0;
    for (const GroupRow& g :
         GroupStore(chantal->cache()).directory(QStringLiteral("ICT-nieuws"), false, 0, 10))
        it = g.name == QStringLiteral("ICT-nieuws") ? g.id : it;
    QVERIFY(it > 0);
    QVERIFY(!eva->groups().group(it) || !eva->groups().group(it)->isMember());
    constexpr int inGroup = SearchModel::pageSize + 5;
    for (int i = 0; i < inGroup; ++i)
        QVERIFY(
            !chantal->feed()
                 .createPost(QStringLiteral("Kabelgoten in de serverruimte, deel %1").arg(i), 0, it)
                 .isEmpty());
    QVERIFY(
        !chantal->feed().createPost(QStringLiteral("Kabelgoten besteld voor iedereen")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(chantal->outbox().count(), 0, 30000);
    // eva's cache holds the company post only.
    QTRY_COMPARE(found(eva->cache(), eva->searchSources(), QStringLiteral("kabelgoten")).size(), 1);
    const QString company
        = found(eva->cache(), eva->searchSources(), QStringLiteral("kabelgoten")).first();

    SearchModel model(eva->cache(), eva->searchSources());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setServer(&eva->session(), &eva->connection());
    QCOMPARE(model.serverState(), SearchModel::ServerState::Unused);
    const auto key = [&](int row) {
        return model.index(row).data(SearchModel::KindRole).toString() + u':'
            + QString::number(model.index(row).data(SearchModel::IdRole).toLongLong());
    };
    model.setText(QStringLiteral("kabelgoten"));
    QCOMPARE(model.serverState(), SearchModel::ServerState::Searching);
    // The cache answers first, and its row stays where it is.
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(key(0), company);
    QTRY_COMPARE(model.serverState(), SearchModel::ServerState::Answered);
    QVERIFY(model.rowCount() >= SearchModel::pageSize);
    QCOMPARE(key(0), company);
    // A row only the server found reads like a local one.
    const QModelIndex fromServer = model.index(1);
    QCOMPARE(fromServer.data(SearchModel::KindRole).toString(), QStringLiteral("post"));
    QCOMPARE(fromServer.data(SearchModel::TitleRole).toString(), QStringLiteral("Chantal Bakker"));
    QVERIFY2(fromServer.data(SearchModel::SnippetHtmlRole)
                 .toString()
                 .contains(QStringLiteral("<b>Kabelgoten</b>")),
             qPrintable(fromServer.data(SearchModel::SnippetHtmlRole).toString()));
    QCOMPARE(
        fromServer.data(SearchModel::LinkRole).toString(),
        QStringLiteral("plein:/post/%1").arg(fromServer.data(SearchModel::IdRole).toLongLong()));
    QVERIFY(fromServer.data(SearchModel::TimeRole).toDateTime().isValid());
    // The server's next page (one page holds fewer than its posts), as a view scrolls (the
    // model tester asks too): every post once, the company post too.
    for (int pages = 0; pages < 5 && model.canFetchMore({}); ++pages) {
        model.fetchMore({});
        QTRY_VERIFY(model.serverState() != SearchModel::ServerState::Searching
                    && !model.isSearching());
    }
    QCOMPARE(model.rowCount(), inGroup + 1);
    QSet<QString> keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.insert(key(row));
    QCOMPARE(keys.size(), inGroup + 1);
    QCOMPARE(key(0), company);

    // Words typed over while the server was asked: only the last words' answer shows.
    model.setText(QStringLiteral("serverruimte"));
    QTest::qWait(SearchModel::serverDebounceMs + 20);
    model.setText(QStringLiteral("besteld"));
    QTRY_COMPARE(model.serverState(), SearchModel::ServerState::Answered);
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(key(0), company);

    // Offline: the cache alone, and the page can say so; online again, the server adds its own.
    eva->connection().stop();
    QTRY_VERIFY(eva->connection().state() == Connection::State::Offline);
    model.setText(QStringLiteral("kabelgot"));
    QCOMPARE(model.serverState(), SearchModel::ServerState::Offline);
    QTRY_COMPARE(model.rowCount(), 1);
    QTest::qWait(2 * SearchModel::serverDebounceMs);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.serverState(), SearchModel::ServerState::Offline);
    eva->connection().start();
    QTRY_COMPARE_WITH_TIMEOUT(model.serverState(), SearchModel::ServerState::Answered, 20000);
    QVERIFY(model.rowCount() > 1);
    QCOMPARE(key(0), company);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
