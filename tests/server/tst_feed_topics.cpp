// #topics and following against the real server, on SQLite and PostgreSQL: topics recorded on
// create, edit, delete and reply (against the thread's top-level post); a topic's page only
// holds what the reader may read (company feed, public, private and secret groups, the
// 'joined' history rule), pages with `next` and looks at a bounded number of candidates; the
// following feed; feed.follow and its event, which reaches the user's own sessions only; bad
// input refused.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QTest>

#include <map>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

const QStringList features {QStringLiteral("feed"), QStringLiteral("groups")};
const char* const users[] = {"admin", "anna", "bram", "carl", "late", "gone"};

QList<qint64> ids(const QJsonObject& page)
{
    QList<qint64> out;
    for (const QJsonValue& p : page.value(L("posts")).toArray())
        out << qint64(p.toObject().value(L("id")).toDouble());
    return out;
}

qint64 idOf(const WsClient::Response& r, L key)
{
    return r.ok ? qint64(r.payload.value(key).toObject().value(L("id")).toDouble()) : 0;
}

struct World
{
    std::unique_ptr<ServerProcess> server;
    std::map<QString, std::unique_ptr<WsClient>> clients;
    QHash<QString, qint64> userIds;
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
        server->setConfig(QStringLiteral("requests_per_second"), QStringLiteral("100000"));
        for (const char* u : users) {
            if (!server->addUser(QString::fromLatin1(u), QLatin1StringView(u) == L("admin"))) {
                error = QStringLiteral("user add %1 failed").arg(QString::fromLatin1(u));
                return false;
            }
        }
        if (!server->start()) {
            error = QStringLiteral("the server did not start");
            return false;
        }
        // Each user's id, from a post of theirs in the company feed.
        for (const char* u : users) {
            const auto r = write(QString::fromLatin1(u), QStringLiteral("post.create"),
                                 {{QStringLiteral("body"), QStringLiteral("hallo")}});
            userIds.insert(QString::fromLatin1(u),
                           qint64(r.payload.value(L("post"))
                                      .toObject()
                                      .value(L("author"))
                                      .toObject()
                                      .value(L("id"))
                                      .toDouble()));
        }
        return true;
    }

    WsClient& as(const QString& user)
    {
        auto& c = clients[user];
        if (!c) {
            c = std::make_unique<WsClient>();
            c->setFeatures(features);
            const QString name = user.section(u'#', 0, 0); // "carl#2": a second session
            if (!c->connectTo(server->url()) || c->login(name).isEmpty())
                qWarning() << "cannot log in" << user;
        }
        return *c;
    }

    WsClient::Response write(const QString& who, const QString& type, QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), newClientId());
        return as(who).request(type, payload);
    }

    qint64 post(const QString& who, const QString& body, qint64 groupId = 0, qint64 parentId = 0)
    {
        QJsonObject payload {{QStringLiteral("body"), body}};
        if (groupId)
            payload.insert(QStringLiteral("groupId"), groupId);
        if (parentId)
            payload.insert(QStringLiteral("parentId"), parentId);
        return idOf(write(who, QStringLiteral("post.create"), payload), L("post"));
    }

    qint64 group(const QString& name, const QString& kind, const QString& history)
    {
        return idOf(write(QStringLiteral("anna"), QStringLiteral("group.create"),
                          {{QStringLiteral("name"), name},
                           {QStringLiteral("kind"), kind},
                           {QStringLiteral("history"), history}}),
                    L("group"));
    }

    bool admit(qint64 groupId, const QString& who)
    {
        return write(QStringLiteral("anna"), QStringLiteral("group.invite"),
                     {{QStringLiteral("groupId"), groupId},
                      {QStringLiteral("userId"), userIds.value(who)}})
                   .ok
            && write(who, QStringLiteral("group.join"), {{QStringLiteral("groupId"), groupId}}).ok;
    }

    WsClient::Response page(const QString& who, QJsonObject payload)
    {
        return as(who).request(QStringLiteral("feed.page"), payload);
    }

    QList<qint64> topic(const QString& who, const QString& topic)
    {
        return ids(page(who, {{QStringLiteral("topic"), topic}}).payload);
    }

    WsClient::Response follow(const QString& who, QJsonObject payload, bool on = true)
    {
        payload.insert(QStringLiteral("on"), on);
        return write(who, QStringLiteral("feed.follow"), payload);
    }
};

} // namespace

class TestFeedTopics : public QObject
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
                QVERIFY(w->server->stop());
        }
    }

    // A post's topics and its replies' count for the thread's top-level post; an edit replaces
    // only that post's or reply's own, a deletion removes them; code is not text.
    void taggedOnWrites()
    {
        World* w = world();
        if (!w)
            return;
        const QString anna = QStringLiteral("anna");
        const qint64 root = w->post(anna, QStringLiteral("Over de #Dijk en de #sluis, `#code`"));
        QVERIFY(root);
        QCOMPARE(w->topic(anna, QStringLiteral("dijk")), QList<qint64> {root});
        QCOMPARE(w->topic(anna, QStringLiteral("sluis")), QList<qint64> {root});
        QVERIFY(w->topic(anna, QStringLiteral("code")).isEmpty());
        // A reply brings its thread to its topics' pages, never itself.
        const qint64 reply
            = w->post(QStringLiteral("bram"), QStringLiteral("#dijk en #gemaal"), 0, root);
        QVERIFY(reply);
        QCOMPARE(w->topic(anna, QStringLiteral("gemaal")), QList<qint64> {root});
        // The root drops its topics: #dijk stays through the reply, #sluis goes.
        QVERIFY(w->write(anna, QStringLiteral("post.edit"),
                         {{QStringLiteral("postId"), root},
                          {QStringLiteral("body"), QStringLiteral("Geen onderwerp, wel #brug")}})
                    .ok);
        QCOMPARE(w->topic(anna, QStringLiteral("dijk")), QList<qint64> {root});
        QVERIFY(w->topic(anna, QStringLiteral("sluis")).isEmpty());
        QCOMPARE(w->topic(anna, QStringLiteral("brug")), QList<qint64> {root});
        // The reply edited: its old topics go, its new ones come.
        QVERIFY(w->write(QStringLiteral("bram"), QStringLiteral("post.edit"),
                         {{QStringLiteral("postId"), reply},
                          {QStringLiteral("body"), QStringLiteral("#gemaal alleen")}})
                    .ok);
        QVERIFY(w->topic(anna, QStringLiteral("dijk")).isEmpty());
        QCOMPARE(w->topic(anna, QStringLiteral("gemaal")), QList<qint64> {root});
        QVERIFY(w->write(QStringLiteral("bram"), QStringLiteral("post.delete"),
                         {{QStringLiteral("postId"), reply}})
                    .ok);
        QVERIFY(w->topic(anna, QStringLiteral("gemaal")).isEmpty());
        QCOMPARE(w->topic(anna, QStringLiteral("brug")), QList<qint64> {root});
        // A deleted top-level post leaves the page.
        QVERIFY(
            w->write(anna, QStringLiteral("post.delete"), {{QStringLiteral("postId"), root}}).ok);
        QVERIFY(w->topic(anna, QStringLiteral("brug")).isEmpty());
    }

    // Who reads which post of a topic: as FeedService::readable decides for a post by id.
    void visibilityMatrix()
    {
        World* w = world();
        if (!w)
            return;
        const QString anna = QStringLiteral("anna");
        const qint64 pub = w->group(QStringLiteral("Matrix public"), QStringLiteral("public"),
                                    QStringLiteral("all"));
        const qint64 priv = w->group(QStringLiteral("Matrix private"), QStringLiteral("private"),
                                     QStringLiteral("all"));
        const qint64 secret = w->group(QStringLiteral("Matrix secret"), QStringLiteral("secret"),
                                       QStringLiteral("all"));
        const qint64 joined = w->group(QStringLiteral("Matrix joined"), QStringLiteral("private"),
                                       QStringLiteral("joined"));
        QVERIFY(pub && priv && secret && joined);
        QVERIFY(w->admit(priv, QStringLiteral("bram")));
        const QString body = QStringLiteral("#matrix");
        const qint64 company = w->post(anna, body);
        const qint64 inPublic = w->post(anna, body, pub);
        const qint64 inPrivate = w->post(anna, body, priv);
        const qint64 inSecret = w->post(anna, body, secret);
        const qint64 beforeJoin = w->post(anna, body, joined);
        QVERIFY(w->admit(joined, QStringLiteral("late")));
        const qint64 afterJoin = w->post(anna, body, joined);
        QVERIFY(company && inPublic && inPrivate && inSecret && beforeJoin && afterJoin);
        const QList<qint64> all {afterJoin, beforeJoin, inSecret, inPrivate, inPublic, company};
        const QString topic = QStringLiteral("matrix");
        QCOMPARE(w->topic(anna, topic), all);
        QCOMPARE(w->topic(QStringLiteral("admin"), topic), all); // admins read every group
        QCOMPARE(w->topic(QStringLiteral("carl"), topic), (QList<qint64> {inPublic, company}));
        QCOMPARE(w->topic(QStringLiteral("bram"), topic),
                 (QList<qint64> {inPrivate, inPublic, company}));
        QCOMPARE(w->topic(QStringLiteral("late"), topic),
                 (QList<qint64> {afterJoin, inPublic, company}));
    }

    // Pages of `limit` go on with `next`; a page looks at 2,000 candidates at most, so a topic
    // mostly hidden from the reader answers short pages with `more` until the end.
    void paging()
    {
        World* w = world();
        if (!w)
            return;
        const QString anna = QStringLiteral("anna");
        const qint64 oldest = w->post(anna, QStringLiteral("#paging"));
        const qint64 secret = w->group(QStringLiteral("Paging secret"), QStringLiteral("secret"),
                                       QStringLiteral("all"));
        QVERIFY(oldest && secret);
        // 2,001 posts the outsider cannot see, sent back to back.
        for (int done = 0; done < 2001;) {
            QList<std::pair<QString, QJsonObject>> batch;
            for (int i = 0; i < 200 && done < 2001; ++i, ++done)
                batch.append({QStringLiteral("post.create"),
                              {{QStringLiteral("clientId"), newClientId()},
                               {QStringLiteral("groupId"), secret},
                               {QStringLiteral("body"), QStringLiteral("#paging %1").arg(done)}}});
            w->as(anna).send(batch);
            const QList<WsClient::Response> answers = w->as(anna).answers(int(batch.size()));
            QCOMPARE(answers.size(), batch.size());
            for (const WsClient::Response& r : answers)
                QVERIFY2(r.ok, qPrintable(r.errorMessage));
        }
        QList<qint64> newer;
        for (int i = 0; i < 3; ++i)
            newer.prepend(w->post(anna, QStringLiteral("#paging nieuw %1").arg(i)));
        // The outsider: a page of two, then the rest of what was looked at, then the oldest.
        const QString carl = QStringLiteral("carl");
        auto first = w->page(
            carl,
            {{QStringLiteral("topic"), QStringLiteral("paging")}, {QStringLiteral("limit"), 2}});
        QVERIFY(first.ok);
        QCOMPARE(ids(first.payload), newer.mid(0, 2));
        QVERIFY(first.payload.value(L("more")).toBool());
        QCOMPARE(qint64(first.payload.value(L("next")).toDouble()), newer.at(1));
        auto second = w->page(carl,
                              {{QStringLiteral("topic"), QStringLiteral("paging")},
                               {QStringLiteral("limit"), 2},
                               {QStringLiteral("before"), first.payload.value(L("next"))}});
        QCOMPARE(ids(second.payload), newer.mid(2));
        QVERIFY(second.payload.value(L("more")).toBool()); // capped: 2,000 looked at
        auto third = w->page(carl,
                             {{QStringLiteral("topic"), QStringLiteral("paging")},
                              {QStringLiteral("limit"), 2},
                              {QStringLiteral("before"), second.payload.value(L("next"))}});
        QVERIFY(third.ok);
        QCOMPARE(ids(third.payload), QList<qint64> {oldest});
        QVERIFY(!third.payload.value(L("more")).toBool());
        QVERIFY(!third.payload.contains(L("next")));
        // A member reads them all, fifty at a time.
        auto member = w->page(anna, {{QStringLiteral("topic"), QStringLiteral("paging")}});
        QCOMPARE(ids(member.payload).size(), 50);
        QVERIFY(member.payload.value(L("more")).toBool());
    }

    // The following feed: posts by the people and with the topics one follows, readable only.
    void followingFeed()
    {
        World* w = world();
        if (!w)
            return;
        const QString bram = QStringLiteral("bram");
        QCOMPARE(ids(w->page(bram, {{QStringLiteral("following"), true}}).payload),
                 QList<qint64>());
        const qint64 secret = w->group(QStringLiteral("Following secret"), QStringLiteral("secret"),
                                       QStringLiteral("all"));
        const qint64 byAnna = w->post(QStringLiteral("anna"), QStringLiteral("gewoon"));
        const qint64 hidden = w->post(QStringLiteral("anna"), QStringLiteral("#kade"), secret);
        const qint64 onTopic = w->post(QStringLiteral("carl"), QStringLiteral("de #kade"));
        const qint64 other = w->post(QStringLiteral("carl"), QStringLiteral("iets anders"));
        const qint64 reply = w->post(QStringLiteral("carl"), QStringLiteral("antwoord"), 0, byAnna);
        QVERIFY(secret && byAnna && hidden && onTopic && other && reply);
        QVERIFY(
            w->follow(bram, {{QStringLiteral("userId"), w->userIds.value(QStringLiteral("anna"))}})
                .ok);
        QVERIFY(w->follow(bram, {{QStringLiteral("topic"), QStringLiteral("kade")}}).ok);
        const QList<qint64> got = ids(w->page(bram, {{QStringLiteral("following"), true}}).payload);
        QVERIFY(got.size() >= 2);
        QCOMPARE(got.mid(0, 2), (QList<qint64> {onTopic, byAnna}));
        QVERIFY(!got.contains(hidden));
        QVERIFY(!got.contains(other));
        QVERIFY(!got.contains(reply));
        // Stopping takes them off.
        QVERIFY(w->follow(bram, {{QStringLiteral("topic"), QStringLiteral("kade")}}, false).ok);
        QVERIFY(
            !ids(w->page(bram, {{QStringLiteral("following"), true}}).payload).contains(onTopic));
    }

    // feed.follow is idempotent, listed by feed.follows, and told to the user's sessions only.
    void followEvents()
    {
        World* w = world();
        if (!w)
            return;
        const QString carl = QStringLiteral("carl");
        WsClient& second = w->as(QStringLiteral("carl#2"));
        WsClient& other = w->as(QStringLiteral("late"));
        const qint64 head = qint64(w->as(carl)
                                       .request(QStringLiteral("feed.follows"))
                                       .payload.value(L("head"))
                                       .toDouble());
        second.syncAll(0); // caught up: live from now on
        other.syncAll(0);
        second.pushes().clear();
        other.pushes().clear();
        const auto on = w->follow(carl, {{QStringLiteral("topic"), QStringLiteral("gemaal")}});
        QVERIFY(on.ok);
        QVERIFY(on.payload.value(L("seq")).toDouble() > 0);
        QCOMPARE(on.payload.value(L("kind")).toString(), QStringLiteral("topic"));
        const auto again = w->follow(carl, {{QStringLiteral("topic"), QStringLiteral("gemaal")}});
        QVERIFY(again.ok);
        QCOMPARE(again.payload.value(L("seq")).toDouble(), 0.0);
        QVERIFY(second.waitForPushes(1));
        const QJsonObject event = second.pushes().first().payload;
        QCOMPARE(event.value(L("kind")).toString(), QStringLiteral("feed.followed"));
        const QJsonObject data = event.value(L("data")).toObject();
        QCOMPARE(data.value(L("target")).toString(), QStringLiteral("gemaal"));
        QVERIFY(data.value(L("on")).toBool());
        // Another user hears nothing, live or by sync.
        QVERIFY(!other.waitForPushes(1, 300));
        for (const QJsonObject& e : other.syncAll(head))
            QVERIFY(e.value(L("kind")).toString() != QStringLiteral("feed.followed"));
        const auto follows = w->as(carl).request(QStringLiteral("feed.follows"));
        QVERIFY(follows.ok);
        bool listed = false;
        for (const QJsonValue& f : follows.payload.value(L("follows")).toArray())
            listed |= f.toObject().value(L("target")).toString() == QStringLiteral("gemaal");
        QVERIFY(listed);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("code");
        const QString page = QStringLiteral("feed.page");
        const QString follow = QStringLiteral("feed.follow");
        QTest::newRow("page: not folded")
            << page << QJsonObject {{QStringLiteral("topic"), QStringLiteral("Dijk")}}
            << QStringLiteral("bad_request");
        QTest::newRow("page: with #")
            << page << QJsonObject {{QStringLiteral("topic"), QStringLiteral("#dijk")}}
            << QStringLiteral("bad_request");
        QTest::newRow("page: a number")
            << page << QJsonObject {{QStringLiteral("topic"), QStringLiteral("12")}}
            << QStringLiteral("bad_request");
        QTest::newRow("page: topic and group")
            << page
            << QJsonObject {{QStringLiteral("topic"), QStringLiteral("dijk")},
                            {QStringLiteral("groupId"), 1}}
            << QStringLiteral("bad_request");
        QTest::newRow("page: topic and following")
            << page
            << QJsonObject {{QStringLiteral("topic"), QStringLiteral("dijk")},
                            {QStringLiteral("following"), true}}
            << QStringLiteral("bad_request");
        QTest::newRow("follow: neither") << follow << QJsonObject {{QStringLiteral("on"), true}}
                                         << QStringLiteral("bad_request");
        QTest::newRow("follow: both")
            << follow
            << QJsonObject {{QStringLiteral("on"), true},
                            {QStringLiteral("topic"), QStringLiteral("dijk")},
                            {QStringLiteral("userId"), 1}}
            << QStringLiteral("bad_request");
        QTest::newRow("follow: bad topic")
            << follow
            << QJsonObject {{QStringLiteral("on"), true},
                            {QStringLiteral("topic"), QStringLiteral("a b")}}
            << QStringLiteral("bad_request");
        QTest::newRow("follow: unknown person")
            << follow
            << QJsonObject {{QStringLiteral("on"), true}, {QStringLiteral("userId"), 999999}}
            << QStringLiteral("not_found");
    }

    void badInput()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(QString, type);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, code);
        const QString who = QStringLiteral("bram");
        const auto before = w->as(who).request(QStringLiteral("feed.follows"));
        if (type == QLatin1StringView("feed.follow"))
            payload.insert(QStringLiteral("clientId"), newClientId());
        const auto r = w->as(who).request(type, payload);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, code);
        const auto after = w->as(who).request(QStringLiteral("feed.follows"));
        QCOMPARE(after.payload.value(L("follows")), before.payload.value(L("follows")));
    }

    // Oneself: bad_request; a deactivated person: not_found, as one that does not exist, but
    // one may stop following them.
    void followingPeople()
    {
        World* w = world();
        if (!w)
            return;
        const QString bram = QStringLiteral("bram");
        QCOMPARE(
            w->follow(bram, {{QStringLiteral("userId"), w->userIds.value(QStringLiteral("bram"))}})
                .errorCode,
            QStringLiteral("bad_request"));
        const qint64 gone = w->userIds.value(QStringLiteral("gone"));
        QVERIFY(w->follow(bram, {{QStringLiteral("userId"), gone}}).ok);
        QCOMPARE(w->server->command({QStringLiteral("user"), QStringLiteral("deactivate"),
                                     QStringLiteral("gone")}),
                 0);
        const auto refused = w->follow(QStringLiteral("carl"), {{QStringLiteral("userId"), gone}});
        const auto missing
            = w->follow(QStringLiteral("carl"), {{QStringLiteral("userId"), 999998}});
        QCOMPARE(refused.errorCode, QStringLiteral("not_found"));
        QCOMPARE(
            refused.errorMessage,
            QString(missing.errorMessage).replace(QStringLiteral("999998"), QString::number(gone)));
        QVERIFY(w->follow(bram, {{QStringLiteral("userId"), gone}}, false).ok);
    }
};

QTEST_GUILESS_MAIN(TestFeedTopics)
#include "tst_feed_topics.moc"
