// Group rules found by review, each pinned by a test against the real server: the history rule
// also covers events about older posts, taken names do not reveal secret groups, replies to
// replies respect the thread, and a few protocol edges.
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

qint64 idOf(const QJsonObject& o, L key)
{
    return qint64(o.value(key).toObject().value(L("id")).toDouble());
}

const QStringList allFeatures {QStringLiteral("feed"), QStringLiteral("groups"),
                               QStringLiteral("audience"), QStringLiteral("ephemeral")};

} // namespace

class TestGroupsRules : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    std::map<QString, std::unique_ptr<WsClient>> m_clients;

    WsClient& as(const QString& user)
    {
        auto& c = m_clients[user];
        if (!c) {
            c = std::make_unique<WsClient>();
            c->setFeatures(allFeatures);
            if (!c->connectTo(m_server.url()) || c->login(user).isEmpty())
                qWarning() << "cannot log in" << user;
        }
        return *c;
    }

    WsClient::Response write(WsClient& c, const QString& type, QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), newClientId());
        return c.request(type, payload);
    }

    qint64 createGroup(const QString& name, const QString& kind, const QString& history)
    {
        const auto r = write(as(QStringLiteral("owner")), QStringLiteral("group.create"),
                             {{QStringLiteral("name"), name},
                              {QStringLiteral("kind"), kind},
                              {QStringLiteral("history"), history}});
        return r.ok ? idOf(r.payload, L("group")) : 0;
    }

    qint64 post(WsClient& c, const QJsonObject& fields)
    {
        QJsonObject payload = fields;
        if (!payload.contains(QLatin1StringView("body")))
            payload.insert(QStringLiteral("body"), QStringLiteral("text"));
        const auto r = write(c, QStringLiteral("post.create"), payload);
        return r.ok ? idOf(r.payload, L("post")) : 0;
    }

    // Kinds of the events about `postId` that `c` receives in a sync from 0.
    QStringList eventsAbout(WsClient& c, qint64 postId)
    {
        QStringList kinds;
        for (const QJsonObject& e : c.syncAll(0)) {
            const QJsonObject data = e.value(L("data")).toObject();
            const qint64 about = data.contains(L("post"))
                ? idOf(data, L("post"))
                : qint64(data.value(L("postId")).toDouble());
            const qint64 parent
                = qint64(data.value(L("post")).toObject().value(L("parentId")).toDouble());
            if (about == postId || parent == postId)
                kinds << e.value(L("kind")).toString();
        }
        return kinds;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_server.command({QStringLiteral("init")}), 0);
        for (const char* user : {"owner", "early", "late", "outsider"})
            QVERIFY(m_server.addUser(QString::fromLatin1(user)));
        m_server.setConfig(QStringLiteral("requests_per_second"), QStringLiteral("10000"));
        QVERIFY(m_server.start());
    }

    void cleanupTestCase()
    {
        m_clients.clear();
        QVERIFY(m_server.stop());
    }

    // In a "joined" group, a member who joined after a post never hears of it: not its edits,
    // likes, pins or deletion, nor replies in its thread, in sync.since or live.
    void historyRuleCoversEventsAboutOlderPosts()
    {
        const qint64 group = createGroup(QStringLiteral("Since joining"), QStringLiteral("public"),
                                         QStringLiteral("joined"));
        QVERIFY(group);
        WsClient& owner = as(QStringLiteral("owner"));
        const qint64 old = post(owner,
                                {{QStringLiteral("groupId"), group},
                                 {QStringLiteral("body"), QStringLiteral("before")}});
        QVERIFY(old);
        WsClient& late = as(QStringLiteral("late"));
        QVERIFY(write(late, QStringLiteral("group.join"), {{QStringLiteral("groupId"), group}}).ok);
        late.syncAll(0);
        late.pushes().clear();
        const qint64 fresh = post(owner,
                                  {{QStringLiteral("groupId"), group},
                                   {QStringLiteral("body"), QStringLiteral("after")}});
        QVERIFY(write(owner, QStringLiteral("post.edit"),
                      {{QStringLiteral("postId"), old},
                       {QStringLiteral("body"), QStringLiteral("secret edit")}})
                    .ok);
        QVERIFY(write(owner, QStringLiteral("post.like"),
                      {{QStringLiteral("postId"), old}, {QStringLiteral("liked"), true}})
                    .ok);
        QVERIFY(post(owner, {{QStringLiteral("parentId"), old}}));
        QVERIFY(write(owner, QStringLiteral("post.pin"),
                      {{QStringLiteral("postId"), old}, {QStringLiteral("pinned"), true}})
                    .ok);
        QVERIFY(write(owner, QStringLiteral("post.edit"),
                      {{QStringLiteral("postId"), fresh},
                       {QStringLiteral("body"), QStringLiteral("seen")}})
                    .ok);
        // Live: the edit of the newer post arrives, nothing about the older one.
        QVERIFY(late.waitForPushes(2, 3000));
        QTest::qWait(300);
        for (const auto& p : late.pushes()) {
            const QJsonObject data = p.payload.value(L("data")).toObject();
            QVERIFY2(idOf(data, L("post")) != old
                         && qint64(data.value(L("postId")).toDouble()) != old
                         && qint64(data.value(L("post")).toObject().value(L("parentId")).toDouble())
                             != old,
                     qPrintable(p.payload.value(L("kind")).toString()));
        }
        QCOMPARE(eventsAbout(late, old), QStringList());
        QCOMPARE(eventsAbout(late, fresh),
                 (QStringList {QStringLiteral("post.created"), QStringLiteral("post.edited")}));
        // A member from before sees all of it.
        QVERIFY(eventsAbout(owner, old).size() >= 5);
        // Opening the history lets the late member's open connection read the older post.
        QVERIFY(write(owner, QStringLiteral("group.update"),
                      {{QStringLiteral("groupId"), group},
                       {QStringLiteral("history"), QStringLiteral("all")}})
                    .ok);
        QTRY_VERIFY_WITH_TIMEOUT(eventsAbout(late, old).contains(QStringLiteral("post.created")),
                                 3000);
    }

    // A reply to a reply goes into the top-level post's thread only when that is readable.
    void replyToReplyRespectsTheThread()
    {
        const qint64 group = createGroup(QStringLiteral("Replies"), QStringLiteral("public"),
                                         QStringLiteral("joined"));
        WsClient& owner = as(QStringLiteral("owner"));
        const qint64 root = post(owner, {{QStringLiteral("groupId"), group}});
        WsClient& early = as(QStringLiteral("early"));
        QVERIFY(
            write(early, QStringLiteral("group.join"), {{QStringLiteral("groupId"), group}}).ok);
        const qint64 reply = post(owner, {{QStringLiteral("parentId"), root}});
        QVERIFY(reply);
        // `early` joined after the root: its thread is not theirs, even through a newer reply.
        const auto r = write(early, QStringLiteral("post.create"),
                             {{QStringLiteral("parentId"), reply},
                              {QStringLiteral("body"), QStringLiteral("sneaking in")}});
        QCOMPARE(r.errorCode, QStringLiteral("not_found"));
    }

    // Names are unique among groups everyone may know of; a secret group's name is taken from
    // nobody, so creating or renaming never reveals that it exists.
    void takenNamesRevealNoSecretGroup()
    {
        QVERIFY(createGroup(QStringLiteral("Project Nightingale"), QStringLiteral("secret"),
                            QStringLiteral("all")));
        WsClient& outsider = as(QStringLiteral("outsider"));
        const auto same = write(outsider, QStringLiteral("group.create"),
                                {{QStringLiteral("name"), QStringLiteral("project nightingale")},
                                 {QStringLiteral("kind"), QStringLiteral("public")}});
        QVERIFY2(same.ok, qPrintable(same.errorMessage));
        // Public and private names stay unique, without regard to case.
        const auto twice = write(outsider, QStringLiteral("group.create"),
                                 {{QStringLiteral("name"), QStringLiteral("PROJECT NIGHTINGALE")},
                                  {QStringLiteral("kind"), QStringLiteral("private")}});
        QCOMPARE(twice.errorCode, QStringLiteral("conflict"));
        // Two secret groups may share a name.
        QVERIFY(createGroup(QStringLiteral("Project Nightingale"), QStringLiteral("secret"),
                            QStringLiteral("all")));
    }

    // An optional field sent as null is a field not sent: it changes nothing.
    void nullFieldsChangeNothing()
    {
        const qint64 group = createGroup(QStringLiteral("Null history"), QStringLiteral("private"),
                                         QStringLiteral("joined"));
        const auto r = write(as(QStringLiteral("owner")), QStringLiteral("group.update"),
                             {{QStringLiteral("groupId"), group},
                              {QStringLiteral("history"), QJsonValue()},
                              {QStringLiteral("description"), QStringLiteral("changed")}});
        QVERIFY(r.ok);
        const QJsonObject g = r.payload.value(L("group")).toObject();
        QCOMPARE(g.value(L("history")).toString(), QStringLiteral("joined"));
        QCOMPARE(g.value(L("description")).toString(), QStringLiteral("changed"));
    }

    void helloOncePerConnectionAndSignalsNeedTheirFeature()
    {
        WsClient c; // features: feed only
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(!c.login(QStringLiteral("owner")).isEmpty());
        const auto again
            = c.request(QStringLiteral("hello"), QJsonObject {{QStringLiteral("protocol"), 1}});
        QCOMPARE(again.errorCode, QStringLiteral("bad_request"));
        const auto signal = c.request(QStringLiteral("ephemeral.send"),
                                      {{QStringLiteral("channel"), QStringLiteral("group:1")},
                                       {QStringLiteral("signal"), QStringLiteral("typing")}});
        QCOMPARE(signal.errorCode, QStringLiteral("bad_request"));
        QVERIFY(signal.errorMessage.contains(QStringLiteral("ephemeral")));
    }

    // Far over the limit is counted in bytes: 1.2 MB of two-byte characters (600,000 UTF-16
    // units, fewer than twice the limit's 524,288) closes with 1009 like 1.2 MB of ASCII.
    void frameLimitCountsBytes()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.url()));
        QVERIFY(c.hello().ok);
        // Two-byte characters only: Qt's client cuts messages into 512 KiB frames, and every
        // cut must fall between characters (Qt's server checks each frame's UTF-8 on its own).
        c.raw(QString(600000, QChar(0x00E9)).toUtf8(), 2000);
        QCOMPARE(c.waitForClose(5000), std::optional<int>(1009));
    }
};

QTEST_GUILESS_MAIN(TestGroupsRules)
#include "tst_groups_rules.moc"
