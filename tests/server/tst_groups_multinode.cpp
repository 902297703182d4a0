// Group membership changed on one node counts at once on the other: two plein-server nodes
// share one PostgreSQL database (as in tst_multinode); the owner works on node A, the members
// read and listen on node B.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <functional>
#include <map>
#include <memory>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

qint64 number(const QJsonValue& v)
{
    return qint64(v.toDouble());
}

qint64 idOf(const QJsonObject& o, L key)
{
    return number(o.value(key).toObject().value(L("id")));
}

QString kindOf(const QJsonObject& event)
{
    return event.value(L("kind")).toString();
}

qint64 postIdOf(const QJsonObject& event)
{
    const QJsonObject data = event.value(L("data")).toObject();
    return data.value(L("post")).isObject() ? idOf(data, L("post"))
                                            : number(data.value(L("postId")));
}

bool isPostPush(const plein::protocol::ServerFrame& p, qint64 postId)
{
    return kindOf(p.payload) == QLatin1StringView("post.created") && postIdOf(p.payload) == postId;
}

bool isMembershipPush(const plein::protocol::ServerFrame& p, qint64 groupId, qint64 userId,
                      const QString& state)
{
    const QJsonObject data = p.payload.value(L("data")).toObject();
    return kindOf(p.payload) == QLatin1StringView("group.member")
        && number(data.value(L("groupId"))) == groupId && number(data.value(L("userId"))) == userId
        && data.value(L("state")).toString() == state;
}

// Waits until a push matching `match` has arrived; returns it (nullptr after `timeoutMs`).
const plein::protocol::ServerFrame*
waitForPush(WsClient& c, const std::function<bool(const plein::protocol::ServerFrame&)>& match,
            int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        for (const auto& p : c.pushes()) {
            if (match(p))
                return &p;
        }
        const int left = timeoutMs - int(t.elapsed());
        if (left <= 0 || !c.waitForPushes(int(c.pushes().size()) + 1, left))
            break;
    }
    for (const auto& p : c.pushes()) {
        if (match(p))
            return &p;
    }
    return nullptr;
}

// sync.since from `cursor` until more=false: the connection is live afterwards.
QList<QJsonObject> syncUntilLive(WsClient& c, qint64 cursor, bool* complete)
{
    QList<QJsonObject> events;
    *complete = false;
    for (int page = 0; page < 1000; ++page) {
        const auto r = c.request(QStringLiteral("sync.since"),
                                 QJsonObject {{QStringLiteral("cursor"), cursor}});
        if (!r.ok)
            return events;
        for (const auto& e : r.payload.value(L("events")).toArray())
            events.append(e.toObject());
        cursor = number(r.payload.value(L("next")));
        if (!r.payload.value(L("more")).toBool()) {
            *complete = true;
            return events;
        }
    }
    return events;
}

} // namespace

class TestGroupsMultiNode : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_a;
    ServerProcess m_b;
    std::map<QString, std::unique_ptr<WsClient>> m_clients; // "<user>@<node>"
    QHash<QString, qint64> m_ids;
    qint64 m_private = 0; // private, history "joined"
    qint64 m_secret = 0;
    qint64 m_before = 0; // written in the private group before the newcomer joined

    WsClient& on(const QString& user, ServerProcess& node)
    {
        const QString key = user + (&node == &m_a ? QStringLiteral("@a") : QStringLiteral("@b"));
        auto& c = m_clients[key];
        if (!c) {
            c = std::make_unique<WsClient>();
            c->setFeatures({QStringLiteral("feed"), QStringLiteral("groups"),
                            QStringLiteral("audience"), QStringLiteral("ephemeral")});
            if (c->connectTo(node.url()) && c->hello().ok) {
                const auto r = c->request(
                    QStringLiteral("auth.login"),
                    QJsonObject {{QStringLiteral("username"), user},
                                 {QStringLiteral("password"), QStringLiteral("password123")}});
                if (r.ok)
                    m_ids.insert(user, idOf(r.payload, L("user")));
            }
        }
        return *c;
    }

    WsClient::Response write(WsClient& c, const QString& type, QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), newClientId());
        return c.request(type, payload);
    }

    qint64 post(WsClient& c, qint64 groupId, const QString& body)
    {
        QJsonObject payload {{QStringLiteral("body"), body}};
        if (groupId)
            payload.insert(QStringLiteral("groupId"), groupId);
        const auto r = write(c, QStringLiteral("post.create"), payload);
        return r.ok ? idOf(r.payload, L("post")) : 0;
    }

    WsClient::Response about(WsClient& c, const QString& type, qint64 groupId, const QString& user)
    {
        QJsonObject payload {{QStringLiteral("groupId"), groupId},
                             {QStringLiteral("userId"), m_ids.value(user)}};
        if (type == QLatin1StringView("group.decide"))
            payload.insert(QStringLiteral("approve"), true);
        return write(c, type, payload);
    }

    WsClient::Response join(WsClient& c, qint64 groupId)
    {
        return write(c, QStringLiteral("group.join"),
                     QJsonObject {{QStringLiteral("groupId"), groupId}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto url = postgresUrl();
        if (!url) {
            if (postgresRequired())
                QFAIL("CI requires PLEIN_TEST_POSTGRES");
            QSKIP("PLEIN_TEST_POSTGRES is not set (scripts/test.sh sets it)");
        }
        QString error;
        QVERIFY2(resetPostgres(*url, &error), qPrintable(error));
        m_a.setExtraArguments({QStringLiteral("--database"), *url});
        m_b.setExtraArguments({QStringLiteral("--database"), *url});
        QCOMPARE(m_a.command({QStringLiteral("init")}), 0);
        for (const char* user : {"owner", "gone", "stays", "newcomer"})
            QVERIFY(m_a.addUser(QString::fromLatin1(user)));
        QVERIFY(m_a.start());
        QVERIFY(m_b.start());

        WsClient& owner = on(QStringLiteral("owner"), m_a);
        for (const char* user : {"gone", "stays", "newcomer"})
            on(QString::fromLatin1(user), m_b);
        QCOMPARE(m_ids.size(), 4);
        const auto create = [&](const QString& name, const QString& kind, const QString& rule) {
            const auto r = write(owner, QStringLiteral("group.create"),
                                 QJsonObject {{QStringLiteral("name"), name},
                                              {QStringLiteral("kind"), kind},
                                              {QStringLiteral("history"), rule}});
            return r.ok ? idOf(r.payload, L("group")) : 0;
        };
        m_private = create(QStringLiteral("Dijkbewaking"), QStringLiteral("private"),
                           QStringLiteral("joined"));
        m_secret = create(QStringLiteral("Reorganisatie"), QStringLiteral("secret"),
                          QStringLiteral("all"));
        QVERIFY(m_private && m_secret);
        for (const char* name : {"gone", "stays"}) {
            const QString user = QString::fromLatin1(name);
            WsClient& c = on(user, m_b);
            // Private: asked on B, approved on A. Secret: invited on A, accepted on B.
            QVERIFY(join(c, m_private).ok);
            QVERIFY(about(owner, QStringLiteral("group.decide"), m_private, user).ok);
            QVERIFY(about(owner, QStringLiteral("group.invite"), m_secret, user).ok);
            QVERIFY(join(c, m_secret).ok);
        }
        m_before = post(owner, m_private, QStringLiteral("before the newcomer"));
        QVERIFY(m_before);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "node A:\n"
                                 << QString::fromUtf8(m_a.log()).right(3000) << "\nnode B:\n"
                                 << QString::fromUtf8(m_b.log()).right(3000);
    }

    void cleanupTestCase()
    {
        m_clients.clear();
        QVERIFY(m_a.stop());
        QVERIFY(m_b.stop());
    }

    // Removed on A while connected to B: B says so within a second and pushes the group's
    // next post to the other member only.
    void removalStopsPushesOnTheOtherNode()
    {
        WsClient& owner = on(QStringLiteral("owner"), m_a);
        WsClient& gone = on(QStringLiteral("gone"), m_b);
        WsClient& stays = on(QStringLiteral("stays"), m_b);
        bool live = false;
        syncUntilLive(gone, 0, &live);
        QVERIFY(live);
        syncUntilLive(stays, 0, &live);
        QVERIFY(live);
        gone.pushes().clear();
        stays.pushes().clear();
        const qint64 goneId = m_ids.value(QStringLiteral("gone"));

        // The post is written right after the removal was acknowledged on A, before B has
        // necessarily heard of it: B must still apply the removal first.
        QElapsedTimer t;
        t.start();
        QVERIFY(about(owner, QStringLiteral("group.remove"), m_private, QStringLiteral("gone")).ok);
        const qint64 after = post(owner, m_private, QStringLiteral("right after the removal"));
        QVERIFY(after);
        const auto* removal = waitForPush(
            gone,
            [&](const auto& p) {
                return isMembershipPush(p, m_private, goneId, QStringLiteral("none"));
            },
            int(qMax<qint64>(0, 1000 - t.elapsed())));
        QVERIFY2(removal, "node B did not push the removal within 1000 ms");
        qInfo() << "removal pushed on node B after" << t.elapsed() << "ms";
        QCOMPARE(number(removal->payload.value(L("subject"))), goneId);
        QVERIFY2(waitForPush(
                     stays, [&](const auto& p) { return isPostPush(p, after); }, 3000),
                 "the member who stays was not pushed the post");
        // A company post after it: once that has arrived, the group post would have too.
        const qint64 barrier = post(owner, 0, QStringLiteral("company-wide"));
        QVERIFY(barrier);
        QVERIFY(waitForPush(
            gone, [&](const auto& p) { return isPostPush(p, barrier); }, 3000));
        for (const auto& p : gone.pushes())
            QVERIFY2(!isPostPush(p, after), "node B pushed the group's post to a removed member");

        // What B answers the removed member about the group.
        auto page = gone.request(QStringLiteral("feed.page"),
                                 QJsonObject {{QStringLiteral("groupId"), m_private}});
        QCOMPARE(page.errorCode, QStringLiteral("forbidden"));
        auto thread = gone.request(QStringLiteral("thread.get"),
                                   QJsonObject {{QStringLiteral("postId"), after}});
        QCOMPARE(thread.errorCode, QStringLiteral("not_found"));

        // Removed from the secret group on A: on B it is gone as if it never existed.
        QVERIFY(about(owner, QStringLiteral("group.remove"), m_secret, QStringLiteral("gone")).ok);
        QVERIFY(waitForPush(
            gone,
            [&](const auto& p) {
                return isMembershipPush(p, m_secret, goneId, QStringLiteral("none"));
            },
            1000));
        auto hidden = gone.request(QStringLiteral("group.get"),
                                   QJsonObject {{QStringLiteral("groupId"), m_secret}});
        // A group id of as many digits that names nothing (this database holds two groups).
        const qint64 missingId = QString(QString::number(m_secret).size(), u'9').toLongLong();
        auto missing = gone.request(QStringLiteral("group.get"),
                                    QJsonObject {{QStringLiteral("groupId"), missingId}});
        QCOMPARE(hidden.errorCode, QStringLiteral("not_found"));
        QCOMPARE(missing.errorCode, hidden.errorCode);
        QCOMPARE(hidden.errorMessage.replace(QString::number(m_secret), QStringLiteral("#")),
                 missing.errorMessage.replace(QString::number(missingId), QStringLiteral("#")));
    }

    // Invited and joined on A: B pushes the group to the newcomer from then on.
    void additionStartsPushesOnTheOtherNode()
    {
        WsClient& owner = on(QStringLiteral("owner"), m_a);
        WsClient& newcomerOnA = on(QStringLiteral("newcomer"), m_a);
        WsClient& newcomer = on(QStringLiteral("newcomer"), m_b);
        bool live = false;
        syncUntilLive(newcomer, 0, &live);
        QVERIFY(live);
        newcomer.pushes().clear();
        const qint64 id = m_ids.value(QStringLiteral("newcomer"));

        QVERIFY(
            about(owner, QStringLiteral("group.invite"), m_private, QStringLiteral("newcomer")).ok);
        QVERIFY(waitForPush(
            newcomer,
            [&](const auto& p) {
                return isMembershipPush(p, m_private, id, QStringLiteral("invited"));
            },
            1000));
        QVERIFY(join(newcomerOnA, m_private).ok);
        QVERIFY2(waitForPush(
                     newcomer,
                     [&](const auto& p) {
                         return isMembershipPush(p, m_private, id, QStringLiteral("member"));
                     },
                     1000),
                 "node B did not push the newcomer's membership within 1000 ms");
        QElapsedTimer t;
        t.start();
        const qint64 first = post(owner, m_private, QStringLiteral("welcome"));
        QVERIFY(first);
        QVERIFY2(waitForPush(
                     newcomer, [&](const auto& p) { return isPostPush(p, first); }, 1000),
                 "node B did not push the group's post to the newcomer within 1000 ms");
        qInfo() << "post pushed on node B after" << t.elapsed() << "ms";
    }

    // The group's history rule is "joined": node B keeps what came before out of the
    // newcomer's reach, and not out of an earlier member's.
    void historyRuleThroughTheOtherNode()
    {
        WsClient& owner = on(QStringLiteral("owner"), m_a);
        WsClient& newcomer = on(QStringLiteral("newcomer"), m_b);
        WsClient& stays = on(QStringLiteral("stays"), m_b);
        const qint64 later = post(owner, m_private, QStringLiteral("after the newcomer"));
        QVERIFY(later);

        const auto thread = [](WsClient& c, qint64 postId) {
            return c.request(QStringLiteral("thread.get"),
                             QJsonObject {{QStringLiteral("postId"), postId}});
        };
        QCOMPARE(thread(newcomer, m_before).errorCode, QStringLiteral("not_found"));
        QVERIFY(thread(newcomer, later).ok);
        QVERIFY(thread(stays, m_before).ok);

        const auto page = newcomer.request(
            QStringLiteral("feed.page"),
            QJsonObject {{QStringLiteral("groupId"), m_private}, {QStringLiteral("limit"), 200}});
        QVERIFY(page.ok);
        QList<qint64> listed;
        for (const auto& p : page.payload.value(L("posts")).toArray())
            listed << number(p.toObject().value(L("id")));
        QVERIFY(listed.contains(later));
        QVERIFY(!listed.contains(m_before));

        WsClient fresh; // a second device of the newcomer's, on node B
        fresh.setFeatures(
            {QStringLiteral("feed"), QStringLiteral("groups"), QStringLiteral("audience")});
        QVERIFY(fresh.connectTo(m_b.url()));
        QVERIFY(!fresh.login(QStringLiteral("newcomer")).isEmpty());
        bool complete = false;
        QList<qint64> synced;
        for (const QJsonObject& e : syncUntilLive(fresh, 0, &complete)) {
            if (kindOf(e).startsWith(QLatin1StringView("post.")))
                synced << postIdOf(e);
        }
        QVERIFY(complete);
        QVERIFY(synced.contains(later));
        QVERIFY(!synced.contains(m_before));
    }

    // A typing signal sent on node A reaches the group's live members on node B, is never
    // written to the event log, and does not reach a non-member.
    void signalsCrossNodes()
    {
        WsClient& owner = on(QStringLiteral("owner"), m_a);
        WsClient& stays = on(QStringLiteral("stays"), m_b);
        WsClient& outsider = on(QStringLiteral("newcomer"), m_b);
        bool live = false;
        syncUntilLive(owner, 0, &live);
        QVERIFY(live);
        const auto head = [&]() {
            return number(owner
                              .request(QStringLiteral("sync.since"),
                                       QJsonObject {{QStringLiteral("cursor"), 0}})
                              .payload.value(L("head")));
        };
        syncUntilLive(stays, 0, &live);
        QVERIFY(live);
        syncUntilLive(outsider, 0, &live);
        QVERIFY(live);
        stays.pushes().clear();
        outsider.pushes().clear();
        const qint64 before = head();
        const QString channel = QStringLiteral("group:%1").arg(m_secret);
        QVERIFY(owner
                    .request(QStringLiteral("ephemeral.send"),
                             QJsonObject {{QStringLiteral("channel"), channel},
                                          {QStringLiteral("signal"), QStringLiteral("typing")}})
                    .ok);
        const auto* signal = waitForPush(
            stays,
            [&](const auto& p) {
                return p.pushType == QLatin1StringView("ephemeral")
                    && p.payload.value(L("channel")).toString() == channel;
            },
            1000);
        QVERIFY2(signal, "node B did not pass the signal on within 1000 ms");
        QCOMPARE(number(signal->payload.value(L("from"))), m_ids.value(QStringLiteral("owner")));
        QCOMPARE(signal->payload.value(L("signal")).toString(), QStringLiteral("typing"));
        QTest::qWait(200);
        for (const auto& p : outsider.pushes())
            QVERIFY(p.pushType != QLatin1StringView("ephemeral"));
        QCOMPARE(head(), before);
    }
};

QTEST_GUILESS_MAIN(TestGroupsMultiNode)
#include "tst_groups_multinode.moc"
