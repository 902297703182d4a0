// post.likers and the author's department in posts, against the real server: who liked a post,
// newest first, at most 50 with the total; a post the caller may not read (a private or secret
// group's, one from before a "joined" member joined, a deleted one) answers exactly like one
// that does not exist.
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QTest>

#include <map>
#include <memory>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

qint64 idOf(const QJsonObject& o, L key)
{
    return qint64(o.value(key).toObject().value(L("id")).toDouble());
}

QStringList names(const QJsonObject& answer)
{
    QStringList out;
    for (const auto& v : answer.value(L("likers")).toArray())
        out << v.toObject().value(L("displayName")).toString();
    return out;
}

const QStringList allFeatures {QStringLiteral("feed"), QStringLiteral("groups")};

} // namespace

class TestFeedLikers : public QObject
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

    qint64 post(WsClient& c, const QJsonObject& fields = {})
    {
        QJsonObject payload = fields;
        payload.insert(QStringLiteral("body"), QStringLiteral("text"));
        const auto r = write(c, QStringLiteral("post.create"), payload);
        return r.ok ? idOf(r.payload, L("post")) : 0;
    }

    bool like(const QString& user, qint64 postId, bool liked = true)
    {
        return write(as(user), QStringLiteral("post.like"),
                     {{QStringLiteral("postId"), postId}, {QStringLiteral("liked"), liked}})
            .ok;
    }

    WsClient::Response likers(const QString& user, qint64 postId)
    {
        return as(user).request(QStringLiteral("post.likers"),
                                {{QStringLiteral("postId"), postId}});
    }

    qint64 createGroup(const QString& name, const QString& kind, const QString& history)
    {
        const auto r = write(as(QStringLiteral("owner")), QStringLiteral("group.create"),
                             {{QStringLiteral("name"), name},
                              {QStringLiteral("kind"), kind},
                              {QStringLiteral("history"), history}});
        return r.ok ? idOf(r.payload, L("group")) : 0;
    }

    // The answer to a post the caller may not see must be the answer to a missing one: the
    // same code and the same words, only the id differs.
    void answersLikeAMissingPost(const QString& user, qint64 postId)
    {
        const qint64 missing = 900000 + postId;
        const auto hidden = likers(user, postId);
        const auto absent = likers(user, missing);
        QVERIFY(!hidden.ok);
        QVERIFY(!absent.ok);
        QCOMPARE(hidden.errorCode, QStringLiteral("not_found"));
        QCOMPARE(hidden.errorCode, absent.errorCode);
        QCOMPARE(
            QString(hidden.errorMessage).replace(QString::number(postId), QStringLiteral("N")),
            QString(absent.errorMessage).replace(QString::number(missing), QStringLiteral("N")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_server.command({QStringLiteral("init")}), 0);
        for (const char* user : {"owner", "member", "late", "outsider"})
            QVERIFY(m_server.addUser(QString::fromLatin1(user)));
        QCOMPARE(m_server.command({QStringLiteral("user"), QStringLiteral("add"),
                                   QStringLiteral("wim"), QStringLiteral("--password-stdin"),
                                   QStringLiteral("--display-name"), QStringLiteral("Wim Bakker"),
                                   QStringLiteral("--department"), QStringLiteral("Waterbeheer")},
                                  "password123\n"),
                 0);
        // 55 people like one post: more than post.likers names.
        for (int i = 0; i < 55; ++i)
            QVERIFY(m_server.addUser(QStringLiteral("fan%1").arg(i, 2, 10, QLatin1Char('0'))));
        m_server.setConfig(QStringLiteral("requests_per_second"), QStringLiteral("10000"));
        QVERIFY(m_server.start());
    }

    void cleanupTestCase()
    {
        m_clients.clear();
        QVERIFY(m_server.stop());
    }

    void postsCarryTheAuthorsDepartment()
    {
        WsClient& wim = as(QStringLiteral("wim"));
        const auto created
            = write(wim, QStringLiteral("post.create"),
                    {{QStringLiteral("body"), QStringLiteral("Dijk geïnspecteerd")}});
        QVERIFY(created.ok);
        const QJsonObject author
            = created.payload.value(L("post")).toObject().value(L("author")).toObject();
        QCOMPARE(author.value(L("department")).toString(), QStringLiteral("Waterbeheer"));
        const qint64 id = idOf(created.payload, L("post"));
        // In reads and in the event the others sync.
        const auto page = as(QStringLiteral("member")).request(QStringLiteral("feed.page"));
        QVERIFY(page.ok);
        bool seen = false;
        for (const auto& p : page.payload.value(L("posts")).toArray()) {
            const QJsonObject o = p.toObject();
            if (qint64(o.value(L("id")).toDouble()) == id) {
                seen = true;
                QCOMPARE(o.value(L("author")).toObject().value(L("department")).toString(),
                         QStringLiteral("Waterbeheer"));
            }
        }
        QVERIFY(seen);
        bool inEvent = false;
        for (const QJsonObject& e : as(QStringLiteral("member")).syncAll(0)) {
            const QJsonObject p = e.value(L("data")).toObject().value(L("post")).toObject();
            if (e.value(L("kind")).toString() == L("post.created")
                && qint64(p.value(L("id")).toDouble()) == id) {
                inEvent = true;
                QCOMPARE(p.value(L("author")).toObject().value(L("department")).toString(),
                         QStringLiteral("Waterbeheer"));
            }
        }
        QVERIFY(inEvent);
        // Without one it is there, empty.
        const auto other = write(as(QStringLiteral("member")), QStringLiteral("post.create"),
                                 {{QStringLiteral("body"), QStringLiteral("x")}});
        QVERIFY(other.ok);
        const QJsonObject none
            = other.payload.value(L("post")).toObject().value(L("author")).toObject();
        QVERIFY(none.contains(L("department")));
        QCOMPARE(none.value(L("department")).toString(), QString());
    }

    void newestFirstWithTheTotal()
    {
        const qint64 id = post(as(QStringLiteral("owner")));
        QVERIFY(id);
        auto r = likers(QStringLiteral("member"), id);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.payload.value(L("total")).toInt(), 0);
        QVERIFY(r.payload.value(L("likers")).toArray().isEmpty());
        QCOMPARE(qint64(r.payload.value(L("postId")).toDouble()), id);

        QVERIFY(like(QStringLiteral("member"), id));
        QTest::qWait(5); // likes a millisecond apart at least
        QVERIFY(like(QStringLiteral("wim"), id));
        r = likers(QStringLiteral("outsider"), id);
        QVERIFY(r.ok);
        QCOMPARE(names(r.payload),
                 (QStringList {QStringLiteral("Wim Bakker"), QStringLiteral("MEMBER")}));
        QCOMPARE(r.payload.value(L("total")).toInt(), 2);
        const QJsonObject first = r.payload.value(L("likers")).toArray().first().toObject();
        QCOMPARE(first.value(L("username")).toString(), QStringLiteral("wim"));
        QVERIFY(first.value(L("id")).toDouble() > 0);

        // A like taken back is gone from the list and the count.
        QVERIFY(like(QStringLiteral("wim"), id, false));
        r = likers(QStringLiteral("outsider"), id);
        QCOMPARE(names(r.payload), QStringList {QStringLiteral("MEMBER")});
        QCOMPARE(r.payload.value(L("total")).toInt(), 1);
    }

    void atMostFiftyNamed()
    {
        const qint64 id = post(as(QStringLiteral("owner")));
        QVERIFY(id);
        for (int i = 0; i < 55; ++i)
            QVERIFY(like(QStringLiteral("fan%1").arg(i, 2, 10, QLatin1Char('0')), id));
        m_clients.clear(); // 55 connections are enough
        const auto r = likers(QStringLiteral("member"), id);
        QVERIFY(r.ok);
        QCOMPARE(r.payload.value(L("total")).toInt(), 55);
        const QStringList named = names(r.payload);
        QCOMPARE(named.size(), 50);
        QCOMPARE(named.first(), QStringLiteral("FAN54"));
        QVERIFY(!named.contains(QStringLiteral("FAN04")));
    }

    void unreadablePostsAnswerLikeMissingOnes()
    {
        WsClient& owner = as(QStringLiteral("owner"));
        const qint64 secret = createGroup(QStringLiteral("Likers secret"), QStringLiteral("secret"),
                                          QStringLiteral("all"));
        const qint64 closed = createGroup(QStringLiteral("Likers private"),
                                          QStringLiteral("private"), QStringLiteral("all"));
        const qint64 joined = createGroup(QStringLiteral("Likers since joining"),
                                          QStringLiteral("public"), QStringLiteral("joined"));
        QVERIFY(secret && closed && joined);
        const qint64 inSecret = post(owner, {{QStringLiteral("groupId"), secret}});
        const qint64 inPrivate = post(owner, {{QStringLiteral("groupId"), closed}});
        const qint64 before = post(owner, {{QStringLiteral("groupId"), joined}});
        QVERIFY(inSecret && inPrivate && before);
        QVERIFY(like(QStringLiteral("owner"), inSecret));
        QVERIFY(like(QStringLiteral("owner"), inPrivate));
        QVERIFY(like(QStringLiteral("owner"), before));
        QVERIFY(write(as(QStringLiteral("late")), QStringLiteral("group.join"),
                      {{QStringLiteral("groupId"), joined}})
                    .ok);
        const qint64 after = post(owner, {{QStringLiteral("groupId"), joined}});
        QVERIFY(like(QStringLiteral("owner"), after));

        answersLikeAMissingPost(QStringLiteral("outsider"), inSecret);
        answersLikeAMissingPost(QStringLiteral("outsider"), inPrivate);
        answersLikeAMissingPost(QStringLiteral("late"), before);
        // The members read them.
        QCOMPARE(likers(QStringLiteral("owner"), inSecret).payload.value(L("total")).toInt(), 1);
        QCOMPARE(likers(QStringLiteral("owner"), inPrivate).payload.value(L("total")).toInt(), 1);
        const auto later = likers(QStringLiteral("late"), after);
        QVERIFY(later.ok);
        QCOMPARE(names(later.payload), QStringList {QStringLiteral("OWNER")});

        // A deleted post names nobody.
        const qint64 gone = post(owner);
        QVERIFY(like(QStringLiteral("member"), gone));
        QVERIFY(write(owner, QStringLiteral("post.delete"), {{QStringLiteral("postId"), gone}}).ok);
        answersLikeAMissingPost(QStringLiteral("member"), gone);
    }

    void theRequestIsValidated()
    {
        const auto r = as(QStringLiteral("member"))
                           .request(QStringLiteral("post.likers"),
                                    {{QStringLiteral("postId"), QStringLiteral("seven")}});
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, QStringLiteral("bad_request"));
        WsClient anonymous;
        QVERIFY(anonymous.connectTo(m_server.url()));
        QVERIFY(anonymous.hello().ok);
        const auto unauthenticated
            = anonymous.request(QStringLiteral("post.likers"), {{QStringLiteral("postId"), 1}});
        QCOMPARE(unauthenticated.errorCode, QStringLiteral("unauthorized"));
    }
};

QTEST_GUILESS_MAIN(TestFeedLikers)
#include "tst_feed_likers.moc"
