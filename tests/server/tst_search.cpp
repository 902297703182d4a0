// Search on the server (search.query), against the real plein-server on SQLite and PostgreSQL:
// words with and without diacritics, prefixes, snippets with marks; what a user may not see
// (a secret or private group's posts, the history before a 'joined' member's join, a chat they
// are not in, a deleted post, a group they left) is never found, and answers exactly like a
// word nobody wrote; hostile queries are words; filters, sorting and pages; edits follow.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

const QStringList people = QString::fromLatin1("anna bram chantal daan eva frits gijs").split(u' ');

QJsonObject query(const QString& q, QJsonObject more = {})
{
    more.insert(QStringLiteral("q"), q);
    return more;
}

QJsonArray resultsOf(const WsClient::Response& r)
{
    return r.payload.value(L("results")).toArray();
}

// The ids of the results of one kind, in order.
QList<qint64> ids(const WsClient::Response& r, const char* kind = nullptr)
{
    QList<qint64> out;
    for (const QJsonValue& v : resultsOf(r)) {
        const QJsonObject o = v.toObject();
        if (!kind || o.value(L("kind")).toString() == QLatin1StringView(kind))
            out << number(o.value(L("id")));
    }
    return out;
}

qint64 postIn(ChatKit& k, const QString& user, const QString& body, qint64 groupId = 0)
{
    QJsonObject payload {{QStringLiteral("body"), body}};
    if (groupId)
        payload.insert(QStringLiteral("groupId"), groupId);
    const auto r = k.write(user, QStringLiteral("post.create"), payload);
    if (!r.ok)
        k.error = QStringLiteral("post.create: %1 %2").arg(answerOf(r), r.errorMessage);
    return idOf(r.payload, L("post"));
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {QStringLiteral("gijs")}, {});
    }};

    ChatKit* kit() { return m_kits.current(); }

    WsClient::Response find(const QString& user, const QString& q, const QJsonObject& more = {})
    {
        return kit()->read(user, QStringLiteral("search.query"), query(q, more));
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    // Diacritics folded both ways, the last word as a prefix, a snippet with its marks.
    void wordsPrefixesAndSnippets()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 post = postIn(*k, QStringLiteral("anna"),
                                   QStringLiteral("Het **café** bij de zeedijk is weer open, "
                                                  "met koffie en appeltaart."));
        QVERIFY2(post, qPrintable(k->error));
        for (const QString& q :
             {QStringLiteral("cafe"), QStringLiteral("CAFÉ"), QStringLiteral("zeedijk open"),
              QStringLiteral("appelt"), QStringLiteral("koffie caf")}) {
            const auto r = find(QStringLiteral("bram"), q);
            QVERIFY2(r.ok, qPrintable(q + u' ' + answerOf(r) + u' ' + r.errorMessage));
            QVERIFY2(ids(r, "post").contains(post), qPrintable(q));
        }
        // Words as the index keeps them, and words both languages call stop words.
        const qint64 other = postIn(*k, QStringLiteral("anna"),
                                    QStringLiteral("Søren loopt over de straße naar het Café"));
        QVERIFY2(other, qPrintable(k->error));
        for (const QString& q : {QStringLiteral("søren"), QStringLiteral("Straße"),
                                 QStringLiteral("over "), QStringLiteral("ove"),
                                 QStringLiteral("cafe\u0301 "), QStringLiteral("loopt over de")}) {
            const auto r = find(QStringLiteral("bram"), q);
            QVERIFY2(r.ok, qPrintable(q + u' ' + answerOf(r) + u' ' + r.errorMessage));
            QVERIFY2(ids(r, "post").contains(other), qPrintable(q));
        }
        // Compatibility forms are not query syntax either.
        for (const QString& q :
             {QStringLiteral("⑴⑵"), QStringLiteral("x⑴"), QStringLiteral("⒈ ½")}) {
            const auto r = find(QStringLiteral("bram"), q);
            QVERIFY2(r.ok || r.errorCode == QStringLiteral("bad_request"),
                     qPrintable(q + u' ' + answerOf(r) + u' ' + r.errorMessage));
        }
        // A prefix only at the end of what is typed: "appelt " is a finished word.
        QVERIFY(
            !ids(find(QStringLiteral("bram"), QStringLiteral("appelt ")), "post").contains(post));
        const auto r = find(QStringLiteral("bram"), QStringLiteral("cafe"));
        QJsonObject hit;
        for (const QJsonValue& v : resultsOf(r)) {
            if (number(v.toObject().value(L("id"))) == post)
                hit = v.toObject();
        }
        QCOMPARE(hit.value(L("kind")).toString(), QStringLiteral("post"));
        QCOMPARE(number(hit.value(L("author")).toObject().value(L("id"))), k->id("anna"));
        const QString snippet = hit.value(L("snippet")).toString();
        QVERIFY2(!snippet.contains(u'*'), qPrintable(snippet));
        const QJsonArray marks = hit.value(L("marks")).toArray();
        QCOMPARE(marks.size(), 1);
        const QJsonArray mark = marks.first().toArray();
        QCOMPARE(snippet.mid(mark.at(0).toInt(), mark.at(1).toInt()), QStringLiteral("café"));
    }

    // What a user may not see is never found, and answers like a word nobody wrote.
    void visibility()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 secret = k->group(QStringLiteral("anna"), QStringLiteral("Geheim overleg"),
                                       QStringLiteral("secret"), {QStringLiteral("bram")});
        const qint64 closed = k->group(QStringLiteral("anna"), QStringLiteral("Dicht team"),
                                       QStringLiteral("private"), {QStringLiteral("bram")});
        const qint64 open = k->group(QStringLiteral("anna"), QStringLiteral("Open team"),
                                     QStringLiteral("public"), {});
        const qint64 joined = k->group(QStringLiteral("anna"), QStringLiteral("Nieuw team"),
                                       QStringLiteral("secret"), {QStringLiteral("bram")},
                                       QStringLiteral("joined"));
        QVERIFY2(secret && closed && open && joined, qPrintable(k->error));
        const qint64 inSecret
            = postIn(*k, QStringLiteral("anna"), QStringLiteral("begroting reorganisatie"), secret);
        const qint64 inClosed
            = postIn(*k, QStringLiteral("bram"), QStringLiteral("reorganisatie planning"), closed);
        const qint64 inOpen
            = postIn(*k, QStringLiteral("anna"), QStringLiteral("reorganisatie lunch"), open);
        const qint64 before
            = postIn(*k, QStringLiteral("anna"), QStringLiteral("reorganisatie vooraf"), joined);
        QVERIFY2(inSecret && inClosed && inOpen && before, qPrintable(k->error));
        const qint64 direct = k->direct(QStringLiteral("anna"), QStringLiteral("bram"));
        const qint64 message
            = k->send(QStringLiteral("anna"), direct, QStringLiteral("reorganisatie onder ons"));
        const qint64 groupChat = k->groupChat(QStringLiteral("anna"), secret);
        const qint64 groupMessage = k->send(QStringLiteral("bram"), groupChat,
                                            QStringLiteral("reorganisatie in de groep"));
        QVERIFY2(message && groupMessage, qPrintable(k->error));

        // Members find all of it.
        const auto bram = find(QStringLiteral("bram"), QStringLiteral("reorganisatie"));
        QVERIFY2(bram.ok, qPrintable(bram.errorMessage));
        for (qint64 id : {inSecret, inClosed, inOpen, before})
            QVERIFY2(ids(bram, "post").contains(id), qPrintable(QString::number(id)));
        QVERIFY(ids(bram, "chat").contains(message));
        QVERIFY(ids(bram, "chat").contains(groupMessage));

        // Someone outside: the public group's post only, and nothing of a word only secret
        // places hold, exactly like a word nobody wrote.
        const auto chantal = find(QStringLiteral("chantal"), QStringLiteral("reorganisatie"));
        QCOMPARE(ids(chantal), QList<qint64> {inOpen});
        const auto secretWord = find(QStringLiteral("chantal"), QStringLiteral("begroting"));
        const auto noWord = find(QStringLiteral("chantal"), QStringLiteral("zwxqvbn"));
        QVERIFY(secretWord.ok && noWord.ok);
        QCOMPARE(secretWord.payload, noWord.payload);

        // An admin reads every group's posts, but not other people's chats.
        const auto admin = find(QStringLiteral("gijs"), QStringLiteral("reorganisatie"));
        QVERIFY(ids(admin, "post").contains(inSecret));
        QVERIFY(ids(admin, "chat").isEmpty());

        // A member who joins a 'joined' group finds what came after the join only.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("group.invite"),
                         QJsonObject {{QStringLiteral("groupId"), joined},
                                      {QStringLiteral("userId"), k->id("daan")}})
                    .ok);
        QVERIFY(k->write(QStringLiteral("daan"), QStringLiteral("group.join"),
                         QJsonObject {{QStringLiteral("groupId"), joined}})
                    .ok);
        const qint64 after
            = postIn(*k, QStringLiteral("anna"), QStringLiteral("reorganisatie achteraf"), joined);
        // A reply written after the join, in a thread that began before it: not seen either.
        const auto reply = k->write(
            QStringLiteral("anna"), QStringLiteral("post.create"),
            QJsonObject {{QStringLiteral("body"), QStringLiteral("reorganisatie oude draad")},
                         {QStringLiteral("parentId"), before}});
        QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        const qint64 lateReply = idOf(reply.payload, L("post"));
        const auto daan = find(QStringLiteral("daan"), QStringLiteral("reorganisatie"));
        QVERIFY(ids(daan, "post").contains(after));
        QVERIFY(!ids(daan, "post").contains(before));
        QVERIFY(!ids(daan, "post").contains(lateReply));
        QVERIFY(ids(find(QStringLiteral("bram"), QStringLiteral("draad"))).contains(lateReply));

        // Removed from the secret group: its posts and chat are gone from bram's searches.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("group.remove"),
                         QJsonObject {{QStringLiteral("groupId"), secret},
                                      {QStringLiteral("userId"), k->id("bram")}})
                    .ok);
        const auto removed = find(QStringLiteral("bram"), QStringLiteral("reorganisatie"));
        QVERIFY(!ids(removed, "post").contains(inSecret));
        QVERIFY(!ids(removed, "chat").contains(groupMessage));
        QVERIFY(ids(removed, "chat").contains(message));

        // Deleted: found by nobody.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("post.delete"),
                         QJsonObject {{QStringLiteral("postId"), inOpen}})
                    .ok);
        QVERIFY(
            !ids(find(QStringLiteral("anna"), QStringLiteral("reorganisatie"))).contains(inOpen));
    }

    // An edit replaces the words that are found.
    void editsFollow()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 post
            = postIn(*k, QStringLiteral("eva"), QStringLiteral("vergadering maandag"));
        QVERIFY2(post, qPrintable(k->error));
        QVERIFY(
            k->write(QStringLiteral("eva"), QStringLiteral("post.edit"),
                     QJsonObject {{QStringLiteral("postId"), post},
                                  {QStringLiteral("body"), QStringLiteral("vergadering dinsdag")}})
                .ok);
        QVERIFY(!ids(find(QStringLiteral("eva"), QStringLiteral("maandag "))).contains(post));
        QVERIFY(ids(find(QStringLiteral("eva"), QStringLiteral("dinsdag "))).contains(post));
    }

    // Whatever is typed is words, never query syntax of either database.
    void hostileQueries()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 post
            = postIn(*k, QStringLiteral("frits"), QStringLiteral("NEAR de sluis staat water"));
        QVERIFY2(post, qPrintable(k->error));
        for (const QString& q :
             {QStringLiteral("sluis\" OR \"x"), QStringLiteral("NEAR(sluis water)"),
              QStringLiteral("sluis* -water"), QStringLiteral("sluis AND NOT water"),
              QStringLiteral("'; DROP TABLE posts; --"), QStringLiteral("sluis:* & !water | x"),
              QStringLiteral("{sluis}^2"), QStringLiteral("sluis\\")}) {
            const auto r = find(QStringLiteral("frits"), q);
            QVERIFY2(r.ok, qPrintable(q + u' ' + answerOf(r) + u' ' + r.errorMessage));
        }
        QVERIFY(
            ids(find(QStringLiteral("frits"), QStringLiteral("NEAR(sluis water)"))).contains(post));
        for (const QString& q :
             {QStringLiteral("\""), QStringLiteral("*"), QStringLiteral("  -- ")}) {
            const auto r = find(QStringLiteral("frits"), q);
            QCOMPARE(answerOf(r), QStringLiteral("bad_request"));
        }
        QCOMPARE(answerOf(find(QStringLiteral("frits"), QString(201, u'a'))),
                 QStringLiteral("too_large"));
        QCOMPARE(
            answerOf(find(QStringLiteral("frits"), QStringLiteral("sluis"),
                          QJsonObject {{QStringLiteral("after"), QStringLiteral("gisteren")}})),
            QStringLiteral("bad_request"));
        // The posts are all still there.
        QVERIFY(ids(find(QStringLiteral("frits"), QStringLiteral("sluis"))).contains(post));
    }

    // Kind, group, author and time filters; newest first; pages.
    void filtersAndPages()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 group = k->group(QStringLiteral("daan"), QStringLiteral("Gemalen"),
                                      QStringLiteral("public"), {QStringLiteral("eva")});
        QVERIFY2(group, qPrintable(k->error));
        QList<qint64> posts;
        for (int i = 0; i < 7; ++i) {
            posts << postIn(*k, i % 2 ? QStringLiteral("daan") : QStringLiteral("eva"),
                            QStringLiteral("gemaal storing %1").arg(i), i < 3 ? group : 0);
            QVERIFY2(posts.last(), qPrintable(k->error));
        }
        const qint64 chat = k->direct(QStringLiteral("daan"), QStringLiteral("eva"));
        const qint64 message
            = k->send(QStringLiteral("daan"), chat, QStringLiteral("gemaal storing chat"));
        QVERIFY2(message, qPrintable(k->error));

        const auto all = find(QStringLiteral("eva"), QStringLiteral("gemaal storing"));
        QCOMPARE(ids(all).size(), 8);
        QCOMPARE(ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                          QJsonObject {{QStringLiteral("kind"), QStringLiteral("chat")}})),
                 QList<qint64> {message});
        QCOMPARE(ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                          QJsonObject {{QStringLiteral("kind"), QStringLiteral("post")}}))
                     .size(),
                 7);
        auto inGroup = ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                                QJsonObject {{QStringLiteral("groupId"), group}}));
        std::sort(inGroup.begin(), inGroup.end());
        QCOMPARE(inGroup, posts.mid(0, 3));
        const auto byDaan = find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                                 QJsonObject {{QStringLiteral("authorId"), k->id("daan")}});
        QCOMPARE(ids(byDaan).size(), 4); // three posts and the message
        QVERIFY(ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                         QJsonObject {{QStringLiteral("after"), QStringLiteral("2100-01-01")}}))
                    .isEmpty());
        QCOMPARE(ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                          QJsonObject {{QStringLiteral("before"), QStringLiteral("2100-01-01")}}))
                     .size(),
                 8);

        // What carries a file (rows as the files capability writes them when attaching).
        const QString at = QStringLiteral("'2026-12-01T10:00:00.000Z'");
        QVERIFY2(k->sql({QStringLiteral("INSERT INTO file_blobs (sha256, size, created_at) VALUES "
                                        "('%1', 3, %2)")
                             .arg(QString(64, u'a'), at),
                         QStringLiteral("INSERT INTO files (id, sha256, uploader_id, name, size, "
                                        "type, created_at) VALUES ('searchfile', '%1', %2, "
                                        "'plan.pdf', 3, 'application/pdf', %3)")
                             .arg(QString(64, u'a'))
                             .arg(k->id("eva"))
                             .arg(at),
                         QStringLiteral("INSERT INTO file_attachments (file_id, owner_kind, "
                                        "owner_id, created_at) VALUES ('searchfile', 'post', "
                                        "%1, %2), ('searchfile', 'chat-message', %3, %2)")
                             .arg(posts.at(4))
                             .arg(at)
                             .arg(message)}),
                 qPrintable(k->error));
        auto withFile = ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                                 QJsonObject {{QStringLiteral("hasFile"), true}}));
        std::sort(withFile.begin(), withFile.end());
        QList<qint64> expected {posts.at(4), message};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(withFile, expected);
        QCOMPARE(ids(find(QStringLiteral("eva"), QStringLiteral("gemaal"),
                          QJsonObject {{QStringLiteral("hasFile"), false}}))
                     .size(),
                 6);

        // Newest first, in pages of three that add up to all of them, once each.
        QList<qint64> paged;
        QJsonValue next = 0;
        int pages = 0;
        while (!next.isNull() && pages < 10) {
            const auto r = find(QStringLiteral("eva"), QStringLiteral("gemaal storing"),
                                QJsonObject {{QStringLiteral("sort"), QStringLiteral("newest")},
                                             {QStringLiteral("kind"), QStringLiteral("post")},
                                             {QStringLiteral("limit"), 3},
                                             {QStringLiteral("offset"), next.toInt()}});
            QVERIFY2(r.ok, qPrintable(r.errorMessage));
            paged += ids(r);
            next = r.payload.value(L("next"));
            ++pages;
        }
        QCOMPARE(pages, 3);
        QList<qint64> newest = posts;
        std::reverse(newest.begin(), newest.end());
        QCOMPARE(paged, newest);
    }

    // A search holds up the requests its connection sends after it, writes and reads alike, so
    // the answers come in the order they were asked.
    void answersInOrder()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto c = k->connect(QStringLiteral("chantal"));
        QVERIFY(c);
        const QJsonObject search = query(QStringLiteral("gemaal storing"));
        const QStringList sent = c->send({
            {QStringLiteral("search.query"), search},
            {QStringLiteral("post.create"),
             QJsonObject {{QStringLiteral("clientId"), newClientId()},
                          {QStringLiteral("body"), QStringLiteral("na de zoekvraag")}}},
            {QStringLiteral("ping"), QJsonObject()},
            {QStringLiteral("search.query"), search},
            {QStringLiteral("search.query"), query(QStringLiteral("\""))},
            {QStringLiteral("ping"), QJsonObject()},
        });
        QCOMPARE(c->answeredOrder(int(sent.size())), sent);
    }

    // What waited behind a search is checked for a login again when its turn comes: a second
    // logout, or a signal, after a logout is refused, and the server goes on.
    void loginCheckedAgainBehindASearch()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto c = k->connect(QStringLiteral("eva"));
        QVERIFY(c);
        const QStringList sent = c->send({
            {QStringLiteral("search.query"), query(QStringLiteral("gemaal storing"))},
            {QStringLiteral("auth.logout"), QJsonObject()},
            {QStringLiteral("auth.logout"), QJsonObject()},
            {QStringLiteral("ephemeral.send"),
             QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:1")},
                          {QStringLiteral("signal"), QStringLiteral("typing")}}},
            {QStringLiteral("search.query"), query(QStringLiteral("gemaal"))},
        });
        QStringList order;
        const auto answers = c->answers(int(sent.size()), &order);
        QCOMPARE(order, sent);
        QVERIFY(answers.at(0).ok);
        QVERIFY(answers.at(1).ok);
        QCOMPARE(answers.at(2).errorCode, QStringLiteral("unauthorized"));
        QCOMPARE(answers.at(3).errorCode, QStringLiteral("unauthorized"));
        QCOMPARE(answers.at(4).errorCode, QStringLiteral("unauthorized"));
        QVERIFY(k->read(QStringLiteral("frits"), QStringLiteral("ping")).ok);
        QVERIFY(k->server().isRunning());
    }

    // A client that did not agree on the feature may not search.
    void needsTheFeature()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto c = k->connect(QStringLiteral("bram"), {QStringLiteral("feed")});
        QVERIFY(c);
        const auto r = c->request(QStringLiteral("search.query"), query(QStringLiteral("dijk")));
        QCOMPARE(r.errorCode, QStringLiteral("bad_request"));
        QVERIFY(r.errorMessage.contains(QStringLiteral("search")));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
