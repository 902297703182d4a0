// Profiles and the people directory against the real server, on SQLite and PostgreSQL: who may
// change a profile, what validation refuses (and that a refusal changes nothing), search with
// its filters and cursor, facets, and deactivated people.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <map>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

const QStringList features {QStringLiteral("feed"), QStringLiteral("people"),
                            QStringLiteral("audience")};

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

QStringList names(const QJsonObject& searchAnswer)
{
    QStringList out;
    for (const QJsonValue& p : searchAnswer.value(L("people")).toArray())
        out << p.toObject().value(L("username")).toString();
    return out;
}

struct World
{
    std::unique_ptr<ServerProcess> server;
    std::map<QString, std::unique_ptr<WsClient>> clients;
    QHash<QString, qint64> ids;
    QString error;

    bool build(const std::optional<QString>& postgres)
    {
        server = std::make_unique<ServerProcess>();
        if (postgres) {
            if (!resetPostgres(*postgres, &error))
                return false;
            server->setExtraArguments({QStringLiteral("--database"), *postgres});
        }
        if (server->command({QStringLiteral("init")}) != 0) {
            error = QStringLiteral("init failed");
            return false;
        }
        server->setConfig(QStringLiteral("requests_per_second"), QStringLiteral("10000"));
        for (const char* u : {"admin", "bram", "eva", "gone", "joost", "noor", "pct"}) {
            if (!server->addUser(QString::fromLatin1(u), QLatin1StringView(u) == L("admin"))) {
                error = QStringLiteral("user add %1 failed").arg(QString::fromLatin1(u));
                return false;
            }
        }
        if (!server->start()) {
            error = QStringLiteral("the server did not start");
            return false;
        }
        for (const char* u : {"admin", "bram", "eva", "gone", "joost", "noor", "pct"}) {
            WsClient& c = as(QString::fromLatin1(u));
            const auto me = c.request(QStringLiteral("people.search"),
                                      {{QStringLiteral("query"), QString::fromLatin1(u)}});
            for (const QJsonValue& p : me.payload.value(L("people")).toArray()) {
                const QJsonObject o = p.toObject();
                ids.insert(o.value(L("username")).toString(), qint64(o.value(L("id")).toDouble()));
            }
        }
        if (ids.size() != 7) {
            error = QStringLiteral("people.search did not find every user");
            return false;
        }
        return true;
    }

    WsClient& as(const QString& user)
    {
        auto& c = clients[user];
        if (!c) {
            c = std::make_unique<WsClient>();
            c->setFeatures(features);
            if (!c->connectTo(server->url()) || c->login(user).isEmpty())
                qWarning() << "cannot log in" << user;
        }
        return *c;
    }

    WsClient::Response update(const QString& who, QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), newClientId());
        return as(who).request(QStringLiteral("people.update_profile"), payload);
    }

    QJsonObject profile(const QString& who, const QString& of)
    {
        return as(who)
            .request(QStringLiteral("people.get"), {{QStringLiteral("userId"), ids.value(of)}})
            .payload.value(L("profile"))
            .toObject();
    }

    WsClient::Response search(const QString& who, const QJsonObject& payload)
    {
        return as(who).request(QStringLiteral("people.search"), payload);
    }
};

} // namespace

class TestPeople : public QObject
{
    Q_OBJECT

private:
    std::map<QString, std::unique_ptr<World>> m_worlds;

    World* world()
    {
        QFETCH_GLOBAL(QString, backend);
        auto& w = m_worlds[backend];
        if (!w) {
            w = std::make_unique<World>();
            const bool postgres = backend == L("postgresql");
            if (postgres && !postgresUrl())
                w->error = QStringLiteral("PLEIN_TEST_POSTGRES is not set, and PostgreSQL is "
                                          "required");
            if (!w->error.isEmpty() || !w->build(postgres ? postgresUrl() : std::nullopt)) {
                QTest::qFail(qPrintable(w->error), __FILE__, __LINE__);
                return nullptr;
            }
        }
        if (!w->error.isEmpty()) {
            QTest::qSkip(qPrintable(w->error), __FILE__, __LINE__);
            return nullptr;
        }
        return w.get();
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void cleanup()
    {
        QFETCH_GLOBAL(QString, backend);
        const auto it = m_worlds.find(backend);
        if (QTest::currentTestFailed() && it != m_worlds.end() && it->second->server)
            qWarning().noquote() << QString::fromUtf8(it->second->server->log()).right(3000);
    }

    void cleanupTestCase()
    {
        for (auto& [backend, w] : m_worlds) {
            w->clients.clear();
            if (w->server)
                QVERIFY2(w->server->stop(), qPrintable(backend));
        }
    }

    // The person changes their own profile; fields are normalised, others read it, and a
    // people.profile event reaches everyone.
    void updateOwnProfile()
    {
        World* w = world();
        if (!w)
            return;
        WsClient& eva = w->as(QStringLiteral("eva"));
        eva.syncAll(0);
        eva.pushes().clear();
        const auto r
            = w->update(QStringLiteral("bram"),
                        {{QStringLiteral("jobTitle"), QStringLiteral("  Dijkinspecteur  ")},
                         {QStringLiteral("location"), QStringLiteral("Terneuzen")},
                         {QStringLiteral("phone"), QStringLiteral("+31 (0)115 640-212")},
                         {QStringLiteral("about"), QStringLiteral("Buiten op de dijk.\n")},
                         {QStringLiteral("expertise"),
                          QJsonArray {QStringLiteral(" Dijkbeheer "), QStringLiteral("GIS"),
                                      QStringLiteral("dijkbeheer"), QStringLiteral("  ")}},
                         {QStringLiteral("interests"), QJsonArray {QStringLiteral("Hardlopen")}}});
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QVERIFY(r.payload.value(L("seq")).toDouble() > 0);
        const QJsonObject p = w->profile(QStringLiteral("eva"), QStringLiteral("bram"));
        QCOMPARE(p.value(L("jobTitle")).toString(), QStringLiteral("Dijkinspecteur"));
        QCOMPARE(p.value(L("phone")).toString(), QStringLiteral("+31 (0)115 640-212"));
        QCOMPARE(p.value(L("about")).toString(), QStringLiteral("Buiten op de dijk."));
        QCOMPARE(strings(p.value(L("expertise"))),
                 QStringList({QStringLiteral("Dijkbeheer"), QStringLiteral("GIS")}));
        QCOMPARE(strings(p.value(L("interests"))), QStringList {QStringLiteral("Hardlopen")});
        QCOMPARE(p.value(L("displayName")).toString(), QStringLiteral("BRAM"));
        QVERIFY(p.value(L("active")).toBool());
        // Live, to another person.
        QVERIFY(eva.waitForPushes(1, 5000));
        bool heard = false;
        for (const auto& push : eva.pushes()) {
            const QJsonObject e = push.payload;
            if (e.value(L("kind")).toString() == L("people.profile"))
                heard = e.value(L("data"))
                            .toObject()
                            .value(L("profile"))
                            .toObject()
                            .value(L("jobTitle"))
                            .toString()
                    == L("Dijkinspecteur");
        }
        QVERIFY(heard);
        // The same write again changes nothing and appends nothing.
        const auto same = w->update(QStringLiteral("bram"),
                                    {{QStringLiteral("location"), QStringLiteral("Terneuzen")}});
        QVERIFY(same.ok);
        QCOMPARE(same.payload.value(L("seq")).toDouble(), 0.0);
        // A new name counts for what the person writes from now on.
        QVERIFY(w->update(QStringLiteral("bram"),
                          {{QStringLiteral("displayName"), QStringLiteral("Bram  Jansen")},
                           {QStringLiteral("department"), QStringLiteral("Beheer")}})
                    .ok);
        const QJsonObject post = w->as(QStringLiteral("bram")).post(QStringLiteral("hallo"));
        const QJsonObject author = post.value(L("post")).toObject().value(L("author")).toObject();
        QCOMPARE(author.value(L("displayName")).toString(), QStringLiteral("Bram Jansen"));
        QCOMPARE(author.value(L("department")).toString(), QStringLiteral("Beheer"));
    }

    // An administrator changes anyone's profile.
    void adminUpdatesAnother()
    {
        World* w = world();
        if (!w)
            return;
        const auto r = w->update(QStringLiteral("admin"),
                                 {{QStringLiteral("userId"), w->ids.value(QStringLiteral("eva"))},
                                  {QStringLiteral("jobTitle"), QStringLiteral("HR-adviseur")}});
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(w->profile(QStringLiteral("bram"), QStringLiteral("eva"))
                     .value(L("jobTitle"))
                     .toString(),
                 QStringLiteral("HR-adviseur"));
    }

    // A member may not change another's profile (forbidden: the profile is visible to them),
    // and a missing person answers not_found; neither changes anything.
    void memberMayNotUpdateAnother()
    {
        World* w = world();
        if (!w)
            return;
        const QJsonObject before = w->profile(QStringLiteral("admin"), QStringLiteral("bram"));
        const auto r = w->update(QStringLiteral("eva"),
                                 {{QStringLiteral("userId"), w->ids.value(QStringLiteral("bram"))},
                                  {QStringLiteral("jobTitle"), QStringLiteral("Stagiair")}});
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, QStringLiteral("forbidden"));
        const auto missing = w->update(QStringLiteral("eva"),
                                       {{QStringLiteral("userId"), 999999},
                                        {QStringLiteral("jobTitle"), QStringLiteral("x")}});
        QCOMPARE(missing.errorCode, QStringLiteral("not_found"));
        const auto get
            = w->as(QStringLiteral("eva"))
                  .request(QStringLiteral("people.get"), {{QStringLiteral("userId"), 999999}});
        QCOMPARE(get.errorCode, QStringLiteral("not_found"));
        QCOMPARE(w->profile(QStringLiteral("admin"), QStringLiteral("bram")), before);
    }

    void validationChangesNothing_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("code");
        const auto many = []() {
            QJsonArray a;
            for (int i = 0; i < 21; ++i)
                a.append(QStringLiteral("tag%1").arg(i));
            return a;
        };
        QTest::newRow("empty name")
            << QJsonObject {{QStringLiteral("displayName"), QStringLiteral("   ")}}
            << QStringLiteral("bad_request");
        QTest::newRow("phone letters")
            << QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("changed")},
                            {QStringLiteral("phone"), QStringLiteral("bel me")}}
            << QStringLiteral("bad_request");
        QTest::newRow("phone long") << QJsonObject {{QStringLiteral("phone"), QString(33, u'1')}}
                                    << QStringLiteral("too_large");
        QTest::newRow("about long") << QJsonObject {{QStringLiteral("about"), QString(1001, u'a')}}
                                    << QStringLiteral("too_large");
        QTest::newRow("title long")
            << QJsonObject {{QStringLiteral("jobTitle"), QString(129, u'a')}}
            << QStringLiteral("too_large");
        QTest::newRow("tag long")
            << QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("changed")},
                            {QStringLiteral("expertise"), QJsonArray {QString(41, u'a')}}}
            << QStringLiteral("too_large");
        QTest::newRow("tag comma")
            << QJsonObject {{QStringLiteral("interests"), QJsonArray {QStringLiteral("a, b")}}}
            << QStringLiteral("bad_request");
        QTest::newRow("tag control")
            << QJsonObject {{QStringLiteral("interests"), QJsonArray {QStringLiteral("a\u0007b")}}}
            << QStringLiteral("bad_request");
        QTest::newRow("name bidi override")
            << QJsonObject {{QStringLiteral("displayName"), QStringLiteral("Noor \u202Egnp.exe")}}
            << QStringLiteral("bad_request");
        QTest::newRow("title isolate")
            << QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("a\u2066b\u2069")}}
            << QStringLiteral("bad_request");
        QTest::newRow("location mark")
            << QJsonObject {{QStringLiteral("location"), QStringLiteral("Goes\u200F")}}
            << QStringLiteral("bad_request");
        QTest::newRow("department zero width")
            << QJsonObject {{QStringLiteral("department"), QStringLiteral("IC\u200BT")}}
            << QStringLiteral("bad_request");
        QTest::newRow("tag arabic mark")
            << QJsonObject {{QStringLiteral("interests"), QJsonArray {QStringLiteral("a\u061Cb")}}}
            << QStringLiteral("bad_request");
        QTest::newRow("tag soft hyphen")
            << QJsonObject {{QStringLiteral("expertise"), QJsonArray {QStringLiteral("gi\u00ADs")}}}
            << QStringLiteral("bad_request");
        QTest::newRow("about nul")
            << QJsonObject {{QStringLiteral("about"),
                             QString(QStringLiteral("a")) + QChar(0) + QStringLiteral("b")}}
            << QStringLiteral("bad_request");
        QTest::newRow("about escape")
            << QJsonObject {{QStringLiteral("about"), QStringLiteral("a\u001B[31mb")}}
            << QStringLiteral("bad_request");
        QTest::newRow("about bidi")
            << QJsonObject {{QStringLiteral("about"), QStringLiteral("a\u202Db")}}
            << QStringLiteral("bad_request");
        QTest::newRow("tags many")
            << QJsonObject {{QStringLiteral("expertise"), many()}} << QStringLiteral("too_large");
        QTest::newRow("tag not text") << QJsonObject {{QStringLiteral("expertise"), QJsonArray {3}}}
                                      << QStringLiteral("bad_request");
        QTest::newRow("nothing") << QJsonObject {} << QStringLiteral("bad_request");
        QTest::newRow("unknown field")
            << QJsonObject {{QStringLiteral("email"), QStringLiteral("x@y")}}
            << QStringLiteral("bad_request");
    }
    void validationChangesNothing()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(QJsonObject, payload);
        QFETCH(QString, code);
        const QJsonObject before = w->profile(QStringLiteral("admin"), QStringLiteral("noor"));
        qint64 head = 0;
        w->as(QStringLiteral("admin")).syncAll(0, &head);
        const auto r = w->update(QStringLiteral("noor"), payload);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, code);
        QVERIFY(!r.errorMessage.isEmpty());
        QCOMPARE(w->profile(QStringLiteral("admin"), QStringLiteral("noor")), before);
        qint64 after = 0;
        w->as(QStringLiteral("admin")).syncAll(head, &after);
        QCOMPARE(after, head);
    }

    // Search by name (case and accents folded, the text taken literally), by department and
    // tags, paged by cursor without repeats; facets count active people.
    void searchAndFacets()
    {
        World* w = world();
        if (!w)
            return;
        QVERIFY(w->update(QStringLiteral("joost"),
                          {{QStringLiteral("displayName"), QStringLiteral("Joost Ébel")},
                           {QStringLiteral("department"), QStringLiteral("ICT")},
                           {QStringLiteral("jobTitle"), QStringLiteral("GIS-specialist")},
                           {QStringLiteral("expertise"), QJsonArray {QStringLiteral("gis")}},
                           {QStringLiteral("interests"),
                            QJsonArray {QStringLiteral("Fotografie"), QStringLiteral("Zeilen")}}})
                    .ok);
        QVERIFY(
            w->update(QStringLiteral("noor"),
                      {{QStringLiteral("displayName"), QStringLiteral("Noor Bakker")},
                       {QStringLiteral("department"), QStringLiteral("ICT")},
                       {QStringLiteral("interests"), QJsonArray {QStringLiteral("fotografie")}}})
                .ok);
        QVERIFY(w->update(QStringLiteral("pct"),
                          {{QStringLiteral("displayName"), QStringLiteral("Honderd % zeker")}})
                    .ok);
        const QString me = QStringLiteral("eva");
        // Name, accents folded, job title, username.
        QCOMPARE(names(w->search(me, {{QStringLiteral("query"), QStringLiteral("EBEL")}}).payload),
                 QStringList {QStringLiteral("joost")});
        QCOMPARE(
            names(w->search(me, {{QStringLiteral("query"), QStringLiteral("gis-spec")}}).payload),
            QStringList {QStringLiteral("joost")});
        QCOMPARE(names(w->search(me, {{QStringLiteral("query"), QStringLiteral("noor")}}).payload),
                 QStringList {QStringLiteral("noor")});
        // LIKE's wildcards are plain characters.
        QCOMPARE(names(w->search(me, {{QStringLiteral("query"), QStringLiteral("%")}}).payload),
                 QStringList {QStringLiteral("pct")});
        QVERIFY(names(w->search(me, {{QStringLiteral("query"), QStringLiteral("_")}}).payload)
                    .isEmpty());
        // Filters, tags compared by key.
        QCOMPARE(
            names(w->search(me, {{QStringLiteral("department"), QStringLiteral("ICT")}}).payload),
            QStringList({QStringLiteral("joost"), QStringLiteral("noor")}));
        QCOMPARE(names(w->search(me, {{QStringLiteral("interest"), QStringLiteral("FOTOGRAFIE")}})
                           .payload),
                 QStringList({QStringLiteral("joost"), QStringLiteral("noor")}));
        QCOMPARE(names(w->search(me,
                                 {{QStringLiteral("interest"), QStringLiteral("fotografie")},
                                  {QStringLiteral("expertise"), QStringLiteral("GIS")}})
                           .payload),
                 QStringList {QStringLiteral("joost")});
        QVERIFY(
            names(w->search(me, {{QStringLiteral("department"), QStringLiteral("ict")}}).payload)
                .isEmpty());
        // Paging through everyone two at a time gives everyone once, in the order of one page.
        const QStringList all = names(w->search(me, {{QStringLiteral("limit"), 200}}).payload);
        QStringList paged;
        QString cursor;
        for (int i = 0; i < 20; ++i) {
            QJsonObject payload {{QStringLiteral("limit"), 2}};
            if (!cursor.isEmpty())
                payload.insert(QStringLiteral("cursor"), cursor);
            const auto page = w->search(me, payload);
            QVERIFY2(page.ok, qPrintable(page.errorMessage));
            QVERIFY(page.payload.value(L("head")).toDouble() > 0);
            paged += names(page.payload);
            if (!page.payload.value(L("more")).toBool()) {
                QVERIFY(!page.payload.contains(L("cursor")));
                break;
            }
            cursor = page.payload.value(L("cursor")).toString();
            QVERIFY(!cursor.isEmpty());
        }
        QCOMPARE(paged, all);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
        QVERIFY(all.contains(QStringLiteral("bram")));
        const auto bad
            = w->search(me, {{QStringLiteral("cursor"), QStringLiteral("not a cursor!")}});
        QCOMPARE(bad.errorCode, QStringLiteral("bad_request"));
        // Facets.
        const auto facets = w->as(me).request(QStringLiteral("people.facets"));
        QVERIFY2(facets.ok, qPrintable(facets.errorMessage));
        const auto count = [&](L list, const QString& key) {
            for (const QJsonValue& v : facets.payload.value(list).toArray()) {
                if (v.toObject().value(L("key")).toString() == key)
                    return v.toObject().value(L("count")).toInt();
            }
            return 0;
        };
        QCOMPARE(count(L("departments"), QStringLiteral("ICT")), 2);
        QCOMPARE(count(L("interests"), QStringLiteral("fotografie")), 2);
        QCOMPARE(count(L("interests"), QStringLiteral("zeilen")), 1);
        QCOMPARE(count(L("expertise"), QStringLiteral("gis")), 2); // bram's GIS and joost's gis
        const QJsonArray interests = facets.payload.value(L("interests")).toArray();
        QCOMPARE(interests.first().toObject().value(L("key")).toString(),
                 QStringLiteral("fotografie"));
    }

    // People with names that fold long (U+FDFA gives 18 letters, CJK and emoji stay wide) and
    // people added on the command line who never edited a profile: a page ending at either
    // gives a short cursor, paging by name and by id passes them, and an accented name is
    // found without its accent.
    void longNamesAndUnprofiledPeople()
    {
        World* w = world();
        if (!w)
            return;
        const QString fdfa = QString(120, QChar(0xFDFA));
        const QString cjk = QString(60, QChar(0x6C34)) + QString(30, QChar(0x9F8D));
        QString emoji;
        for (int i = 0; i < 30; ++i)
            emoji += QString::fromUcs4(U"\U0001F30A");
        for (const auto& [username, name] :
             {std::pair {QStringLiteral("fdfa"), fdfa}, std::pair {QStringLiteral("cjk"), cjk},
              std::pair {QStringLiteral("emoji"), emoji},
              std::pair {QStringLiteral("emile"), QStringLiteral("Émile Zoë")}}) {
            QByteArray out;
            QVERIFY2(w->server->command({QStringLiteral("user"), QStringLiteral("add"), username,
                                         QStringLiteral("--password-stdin"),
                                         QStringLiteral("--display-name"), name},
                                        "een-lang-wachtwoord-12345\n", &out)
                         == 0,
                     out.constData());
        }
        const QString me = QStringLiteral("eva");
        // Never edited, still found on the folded name.
        QCOMPARE(
            names(w->search(me, {{QStringLiteral("query"), QStringLiteral("emile zoe")}}).payload),
            QStringList {QStringLiteral("emile")});
        const QStringList all = names(w->search(me, {{QStringLiteral("limit"), 200}}).payload);
        for (const char* u : {"fdfa", "cjk", "emoji", "emile"})
            QVERIFY2(all.contains(QString::fromLatin1(u)), u);
        // By name, one at a time: every cursor short, everyone once, in order.
        QStringList paged;
        QString cursor;
        for (int i = 0; i < 100; ++i) {
            QJsonObject payload {{QStringLiteral("limit"), 1}};
            if (!cursor.isEmpty())
                payload.insert(QStringLiteral("cursor"), cursor);
            const auto page = w->search(me, payload);
            QVERIFY2(page.ok, qPrintable(page.errorMessage));
            paged += names(page.payload);
            if (!page.payload.value(L("more")).toBool())
                break;
            cursor = page.payload.value(L("cursor")).toString();
            QVERIFY(!cursor.isEmpty());
            QVERIFY2(cursor.size() <= 40, qPrintable(cursor));
        }
        QCOMPARE(paged, all);
        // By id, as a client's snapshot reads: everyone once, ids rising, no cursor.
        QList<qint64> ids;
        qint64 after = 0;
        for (int i = 0; i < 100; ++i) {
            const auto page
                = w->search(me, {{QStringLiteral("limit"), 3}, {QStringLiteral("after"), after}});
            QVERIFY2(page.ok, qPrintable(page.errorMessage));
            QVERIFY(!page.payload.contains(L("cursor")));
            for (const QJsonValue& p : page.payload.value(L("people")).toArray()) {
                const qint64 id = qint64(p.toObject().value(L("id")).toDouble());
                QVERIFY(id > after);
                after = id;
                ids << id;
            }
            if (!page.payload.value(L("more")).toBool())
                break;
        }
        QCOMPARE(ids.size(), all.size());
        const auto both = w->search(
            me, {{QStringLiteral("after"), 0}, {QStringLiteral("cursor"), QStringLiteral("MQ")}});
        QCOMPARE(both.errorCode, QStringLiteral("bad_request"));
    }

    // With two nodes on one PostgreSQL, a name changed on one node counts for what the person
    // writes through the other at once: the event hook runs on every node.
    void profileChangeReachesSessionsOnAnotherNode()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != L("postgresql"))
            QSKIP("one node on SQLite");
        World* w = world();
        if (!w)
            return;
        ServerProcess nodeB;
        nodeB.setExtraArguments({QStringLiteral("--database"), *postgresUrl()});
        QVERIFY(nodeB.start());
        WsClient onB;
        onB.setFeatures(features);
        QVERIFY(onB.connectTo(nodeB.url()));
        QVERIFY(!onB.login(QStringLiteral("joost")).isEmpty());
        onB.syncAll(0);
        onB.pushes().clear();
        QVERIFY(w->update(QStringLiteral("joost"),
                          {{QStringLiteral("displayName"), QStringLiteral("Joost van Node")},
                           {QStringLiteral("department"), QStringLiteral("Elders")}})
                    .ok);
        // Delivered on node B: its hooks ran before the push went out.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(onB.pushes().cbegin(), onB.pushes().cend(),
                                             [](const auto& p) {
                                                 return p.payload.value(L("kind")).toString()
                                                     == L("people.profile");
                                             }),
                                 10000);
        const QJsonObject author = onB.post(QStringLiteral("van node B"))
                                       .value(L("post"))
                                       .toObject()
                                       .value(L("author"))
                                       .toObject();
        QCOMPARE(author.value(L("displayName")).toString(), QStringLiteral("Joost van Node"));
        QCOMPARE(author.value(L("department")).toString(), QStringLiteral("Elders"));
        onB.close();
        QVERIFY(nodeB.stop());
    }

    // A deactivated person answers like a missing one to members, is listed and counted
    // nowhere, and is still read and corrected by administrators.
    void deactivatedPerson()
    {
        World* w = world();
        if (!w)
            return;
        QVERIFY(w->update(QStringLiteral("gone"),
                          {{QStringLiteral("department"), QStringLiteral("Archief")},
                           {QStringLiteral("interests"), QJsonArray {QStringLiteral("schaken")}}})
                    .ok);
        QVERIFY(w->server->command(
                    {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("gone")})
                == 0);
        const qint64 gone = w->ids.value(QStringLiteral("gone"));
        const auto get
            = w->as(QStringLiteral("eva"))
                  .request(QStringLiteral("people.get"), {{QStringLiteral("userId"), gone}});
        const auto missing
            = w->as(QStringLiteral("eva"))
                  .request(QStringLiteral("people.get"), {{QStringLiteral("userId"), 999998}});
        QCOMPARE(get.errorCode, QStringLiteral("not_found"));
        QCOMPARE(
            get.errorMessage,
            QString(missing.errorMessage).replace(QStringLiteral("999998"), QString::number(gone)));
        const auto edit = w->update(
            QStringLiteral("eva"),
            {{QStringLiteral("userId"), gone}, {QStringLiteral("jobTitle"), QStringLiteral("x")}});
        QCOMPARE(edit.errorCode, QStringLiteral("not_found"));
        QVERIFY(names(w->search(QStringLiteral("eva"),
                                {{QStringLiteral("query"), QStringLiteral("gone")}})
                          .payload)
                    .isEmpty());
        const auto facets = w->as(QStringLiteral("eva")).request(QStringLiteral("people.facets"));
        for (const QJsonValue& v : facets.payload.value(L("interests")).toArray())
            QVERIFY(v.toObject().value(L("key")).toString() != L("schaken"));
        for (const QJsonValue& v : facets.payload.value(L("departments")).toArray())
            QVERIFY(v.toObject().value(L("key")).toString() != L("Archief"));
        // Administrators.
        const QJsonObject asAdmin = w->profile(QStringLiteral("admin"), QStringLiteral("gone"));
        QCOMPARE(asAdmin.value(L("active")).toBool(true), false);
        QCOMPARE(asAdmin.value(L("department")).toString(), QStringLiteral("Archief"));
        qint64 evaHead = 0;
        w->as(QStringLiteral("eva")).syncAll(0, &evaHead);
        qint64 adminHead = 0;
        w->as(QStringLiteral("admin")).syncAll(0, &adminHead);
        w->as(QStringLiteral("eva")).pushes().clear();
        QVERIFY(w->update(QStringLiteral("admin"),
                          {{QStringLiteral("userId"), gone},
                           {QStringLiteral("about"), QStringLiteral("Met pensioen.")},
                           {QStringLiteral("phone"), QStringLiteral("0118 000 000")}})
                    .ok);
        // The change reaches administrators, not members: neither live nor by sync.
        const auto isProfileOfGone = [&](const QJsonObject& e) {
            return e.value(L("kind")).toString() == L("people.profile")
                && qint64(e.value(L("subject")).toDouble()) == gone;
        };
        const QList<QJsonObject> toAdmin = w->as(QStringLiteral("admin")).syncAll(adminHead);
        QVERIFY(std::any_of(toAdmin.cbegin(), toAdmin.cend(), isProfileOfGone));
        for (const QJsonObject& e : w->as(QStringLiteral("eva")).syncAll(evaHead)) {
            QVERIFY2(!isProfileOfGone(e), QJsonDocument(e).toJson().constData());
            QVERIFY(!QJsonDocument(e).toJson().contains("Met pensioen"));
        }
        QTest::qWait(200);
        for (const auto& push : w->as(QStringLiteral("eva")).pushes())
            QVERIFY(!QJsonDocument(push.payload).toJson().contains("Met pensioen"));
    }
};

QTEST_GUILESS_MAIN(TestPeople)
#include "tst_people.moc"
