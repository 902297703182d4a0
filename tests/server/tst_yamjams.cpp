// YamJams against the real plein-server on SQLite and PostgreSQL: who takes part (a restricted
// audience of two groups and a named person; everyone else answered like a missing YamJam),
// questions before the start and after the end (`closed`), votes that converge and change
// nothing when repeated, host-only answers (also after the end), a moderated queue with its
// reasons told to the asker, anonymous questions that name no one in events or reads, merges,
// an event for two of a reader's groups read once, and the live room's pushes.
#include "chatkit.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

const QStringList people = QString::fromLatin1("anna bram chantal daan eva femke").split(u' ');

QString utcIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

QJsonObject yamjamOf(const WsClient::Response& r)
{
    return r.payload.value(L("yamjam")).toObject();
}

QJsonObject questionOf(const WsClient::Response& r)
{
    return r.payload.value(L("question")).toObject();
}

} // namespace

class TestYamJams : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {QStringLiteral("femke")}, {});
    }};
    ChatKit* kit() { return m_kits.current(); }

    // Groups: "Directie" (anna, bram, chantal) and "Regio Noord" (bram, eva, anna); daan is in
    // none.
    qint64 m_directie = 0;
    qint64 m_noord = 0;
    // The groups of each backend's kit, made on its first use.
    QHash<ChatKit*, std::pair<qint64, qint64>> m_groups;

    bool groups()
    {
        ChatKit* k = kit();
        if (!m_groups.contains(k)) {
            const qint64 directie = k->group(QStringLiteral("anna"), QStringLiteral("Directie"),
                                             QStringLiteral("private"),
                                             {QStringLiteral("bram"), QStringLiteral("chantal")});
            const qint64 noord = k->group(QStringLiteral("bram"), QStringLiteral("Regio Noord"),
                                          QStringLiteral("public"),
                                          {QStringLiteral("eva"), QStringLiteral("anna")});
            if (!directie || !noord)
                return false;
            m_groups.insert(k, {directie, noord});
        }
        std::tie(m_directie, m_noord) = m_groups.value(k);
        return true;
    }

    // A YamJam of anna's with chantal hosting, for both groups; its answer.
    WsClient::Response create(qint64 startMs, qint64 endMs, QJsonObject more = {})
    {
        QJsonObject p {{QStringLiteral("title"), QStringLiteral("Vraag het de directie")},
                       {QStringLiteral("description"), QStringLiteral("Alles mag.")},
                       {QStringLiteral("startsAt"), utcIn(startMs)},
                       {QStringLiteral("endsAt"), utcIn(endMs)},
                       {QStringLiteral("hostIds"), idArray({kit()->id("chantal")})},
                       {QStringLiteral("audience"), QStringLiteral("restricted")},
                       {QStringLiteral("groupIds"), idArray({m_directie, m_noord})}};
        for (auto it = more.begin(); it != more.end(); ++it)
            p.insert(it.key(), it.value());
        return kit()->write(QStringLiteral("anna"), QStringLiteral("yamjam.create"), p);
    }

    qint64 live(QJsonObject more = {})
    {
        const auto r = create(-60 * 1000, 3600 * 1000, std::move(more));
        return r.ok ? number(yamjamOf(r).value(L("id"))) : 0;
    }

    WsClient::Response ask(const QString& user, qint64 yamjam, const QString& body,
                           bool anonymous = false)
    {
        return kit()->write(user, QStringLiteral("yamjam.ask"),
                            {{QStringLiteral("yamjamId"), yamjam},
                             {QStringLiteral("body"), body},
                             {QStringLiteral("anonymous"), anonymous}});
    }

    WsClient::Response vote(const QString& user, qint64 question, bool voted)
    {
        return kit()->write(
            user, QStringLiteral("yamjam.vote"),
            {{QStringLiteral("questionId"), question}, {QStringLiteral("voted"), voted}});
    }

    // The questions `user` reads, by id.
    QHash<qint64, QJsonObject> questions(const QString& user, qint64 yamjam)
    {
        QHash<qint64, QJsonObject> out;
        const auto r = kit()->read(user, QStringLiteral("yamjam.questions"),
                                   {{QStringLiteral("yamjamId"), yamjam}});
        for (const QJsonValue& v : r.payload.value(L("questions")).toArray())
            out.insert(number(v.toObject().value(L("id"))), v.toObject());
        return out;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }
    void init()
    {
        if (kit())
            QVERIFY2(groups(), qPrintable(kit()->error));
    }

    void theAudienceTakesPartAndNoOneElse()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto made = create(3600 * 1000, 7200 * 1000,
                                 {{QStringLiteral("userIds"), idArray({k->id("daan")})}});
        QVERIFY2(made.ok, qPrintable(answerOf(made) + made.errorMessage));
        const QJsonObject card = yamjamOf(made);
        const qint64 id = number(card.value(L("id")));
        QCOMPARE(card.value(L("phase")).toString(), QStringLiteral("upcoming"));
        QCOMPARE(card.value(L("myRoles")).toArray(), QJsonArray {QStringLiteral("organiser")});
        QVERIFY(card.contains(L("figures")));
        // The groups' members, the named person and the host hear of it; bram, in both groups,
        // once.
        for (const char* who : {"bram", "eva", "daan", "chantal"}) {
            QVERIFY2(
                ChatKit::waitFor(
                    k->client(QString::fromLatin1(who)),
                    ChatKit::event(QStringLiteral("yamjam.created"),
                                   [&](const QJsonObject& d) {
                                       return number(d.value(L("yamjam")).toObject().value(L("id")))
                                           == id;
                                   })),
                who);
        }
        int seen = 0;
        for (const QJsonObject& e : ChatKit::syncAll(k->client(QStringLiteral("bram")), 0)) {
            if (e.value(L("kind")).toString() == L("yamjam.created")
                && number(
                       e.value(L("data")).toObject().value(L("yamjam")).toObject().value(L("id")))
                    == id)
                ++seen;
        }
        QCOMPARE(seen, 1);
        const auto daan = k->read(QStringLiteral("daan"), QStringLiteral("yamjam.get"),
                                  {{QStringLiteral("yamjamId"), id}});
        QVERIFY(daan.ok);
        QVERIFY(!yamjamOf(daan).contains(L("figures")));

        // Taking daan off: he hears of it (to drop it), then it is missing for him.
        k->client(QStringLiteral("daan")).pushes().clear();
        const auto changed = k->write(
            QStringLiteral("anna"), QStringLiteral("yamjam.update"),
            {{QStringLiteral("yamjamId"), id}, {QStringLiteral("userIds"), QJsonArray()}});
        QVERIFY2(changed.ok, qPrintable(changed.errorMessage));
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("daan")),
                                 ChatKit::event(QStringLiteral("yamjam.updated"))));
        const qint64 missing = id + 100000;
        const auto hidden = k->read(QStringLiteral("daan"), QStringLiteral("yamjam.get"),
                                    {{QStringLiteral("yamjamId"), id}});
        const auto absent = k->read(QStringLiteral("daan"), QStringLiteral("yamjam.get"),
                                    {{QStringLiteral("yamjamId"), missing}});
        QCOMPARE(hidden.errorCode, QStringLiteral("not_found"));
        QCOMPARE(withoutId(hidden.errorMessage, id), withoutId(absent.errorMessage, missing));
        const auto asked = ask(QStringLiteral("daan"), id, QStringLiteral("Mag ik ook?"));
        QCOMPARE(asked.errorCode, QStringLiteral("not_found"));
        // Listed for those who take part only.
        const auto list = k->read(QStringLiteral("eva"), QStringLiteral("yamjam.list"));
        bool listed = false;
        for (const QJsonValue& v : list.payload.value(L("yamjams")).toArray())
            listed = listed || number(v.toObject().value(L("id"))) == id;
        QVERIFY(listed);
        const auto notListed = k->read(QStringLiteral("daan"), QStringLiteral("yamjam.list"));
        for (const QJsonValue& v : notListed.payload.value(L("yamjams")).toArray())
            QVERIFY(number(v.toObject().value(L("id"))) != id);
    }

    void onlyAdminsAnnounceToEveryone()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        QJsonObject p {{QStringLiteral("title"), QStringLiteral("Voor iedereen")},
                       {QStringLiteral("startsAt"), utcIn(3600 * 1000)},
                       {QStringLiteral("endsAt"), utcIn(7200 * 1000)},
                       {QStringLiteral("hostIds"), idArray({k->id("chantal")})},
                       {QStringLiteral("audience"), QStringLiteral("everyone")}};
        QCOMPARE(k->write(QStringLiteral("anna"), QStringLiteral("yamjam.create"), p).errorCode,
                 QStringLiteral("forbidden"));
        const auto made = k->write(QStringLiteral("femke"), QStringLiteral("yamjam.create"), p);
        QVERIFY2(made.ok, qPrintable(made.errorMessage));
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("daan")),
                                 ChatKit::event(QStringLiteral("yamjam.created"))));
        // Times that make no sense are refused and nothing is made.
        p.insert(QStringLiteral("endsAt"), utcIn(3600 * 1000 + 60 * 1000));
        QCOMPARE(k->write(QStringLiteral("femke"), QStringLiteral("yamjam.create"), p).errorCode,
                 QStringLiteral("bad_request"));
        // A group one is not in is not one's to invite.
        const auto other = create(3600 * 1000, 7200 * 1000);
        QVERIFY(other.ok);
        const qint64 secret = k->group(QStringLiteral("daan"), QStringLiteral("Geheim"),
                                       QStringLiteral("secret"), {});
        QVERIFY(secret);
        const auto notMine
            = create(3600 * 1000, 7200 * 1000, {{QStringLiteral("groupIds"), idArray({secret})}});
        QCOMPARE(notMine.errorCode, QStringLiteral("not_found"));
    }

    void questionsAndVotesFollowTheTimes()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        // Before the start: taken where early questions are allowed, refused where not.
        const auto early = create(3600 * 1000, 7200 * 1000);
        QVERIFY(early.ok);
        const qint64 earlyId = number(yamjamOf(early).value(L("id")));
        QVERIFY(ask(QStringLiteral("eva"), earlyId, QStringLiteral("Vooraf gevraagd")).ok);
        const auto late = create(3600 * 1000, 7200 * 1000, {{QStringLiteral("early"), false}});
        QCOMPARE(ask(QStringLiteral("eva"), number(yamjamOf(late).value(L("id"))),
                     QStringLiteral("Te vroeg"))
                     .errorCode,
                 QStringLiteral("closed"));

        const qint64 id = live();
        QVERIFY(id);
        const auto q
            = ask(QStringLiteral("eva"), id, QStringLiteral("Komt er een nieuwe kantine?"));
        QVERIFY2(q.ok, qPrintable(q.errorMessage));
        const qint64 qid = number(questionOf(q).value(L("id")));
        QCOMPARE(questionOf(q).value(L("mine")).toBool(), true);
        QCOMPARE(questionOf(q).value(L("author")).toObject().value(L("id")).toInteger(),
                 k->id("eva"));
        // Votes converge: each person once, taking back counts down, repeating changes nothing.
        QCOMPARE(number(vote(QStringLiteral("bram"), qid, true).payload.value(L("votes"))), 1);
        QCOMPARE(number(vote(QStringLiteral("anna"), qid, true).payload.value(L("votes"))), 2);
        const auto again = vote(QStringLiteral("anna"), qid, true);
        QCOMPARE(number(again.payload.value(L("votes"))), 2);
        QVERIFY(!again.payload.contains(L("seq")));
        QCOMPARE(number(vote(QStringLiteral("bram"), qid, false).payload.value(L("votes"))), 1);
        QVERIFY(ChatKit::waitFor(
            k->client(QStringLiteral("eva")),
            ChatKit::event(QStringLiteral("yamjam.voted"), [&](const QJsonObject& d) {
                return number(d.value(L("questionId"))) == qid && number(d.value(L("votes"))) == 1;
            })));
        QCOMPARE(questions(QStringLiteral("anna"), id).value(qid).value(L("votedByMe")).toBool(),
                 true);
        QCOMPARE(questions(QStringLiteral("bram"), id).value(qid).value(L("votedByMe")).toBool(),
                 false);

        // Only hosts answer.
        const auto byAnna = k->write(
            QStringLiteral("anna"), QStringLiteral("yamjam.answer"),
            {{QStringLiteral("questionId"), qid}, {QStringLiteral("body"), QStringLiteral("Ja")}});
        QCOMPARE(byAnna.errorCode, QStringLiteral("forbidden"));
        const auto answered = k->write(QStringLiteral("chantal"), QStringLiteral("yamjam.answer"),
                                       {{QStringLiteral("questionId"), qid},
                                        {QStringLiteral("body"), QStringLiteral("In maart.")}});
        QVERIFY2(answered.ok, qPrintable(answered.errorMessage));
        QVERIFY(ChatKit::waitFor(
            k->client(QStringLiteral("bram")),
            ChatKit::event(QStringLiteral("yamjam.question"), [&](const QJsonObject& d) {
                const QJsonObject a
                    = d.value(L("question")).toObject().value(L("answer")).toObject();
                return a.value(L("body")).toString() == L("In maart.");
            })));

        // Ended by its host: no more questions or votes, but the host still answers.
        const auto q2 = ask(QStringLiteral("bram"), id, QStringLiteral("En parkeren?"));
        QVERIFY(q2.ok);
        const qint64 qid2 = number(questionOf(q2).value(L("id")));
        const auto ended = k->write(QStringLiteral("chantal"), QStringLiteral("yamjam.end"),
                                    {{QStringLiteral("yamjamId"), id}});
        QVERIFY2(ended.ok, qPrintable(ended.errorMessage));
        QCOMPARE(yamjamOf(ended).value(L("phase")).toString(), QStringLiteral("closed"));
        QCOMPARE(ask(QStringLiteral("eva"), id, QStringLiteral("Nog één")).errorCode,
                 QStringLiteral("closed"));
        QCOMPARE(vote(QStringLiteral("eva"), qid2, true).errorCode, QStringLiteral("closed"));
        QVERIFY(k->write(QStringLiteral("chantal"), QStringLiteral("yamjam.answer"),
                         {{QStringLiteral("questionId"), qid2}, {QStringLiteral("live"), true}})
                    .ok);
        const auto archive = questions(QStringLiteral("eva"), id);
        QCOMPARE(archive.size(), 2);
        QCOMPARE(archive.value(qid2).value(L("answer")).toObject().value(L("live")).toBool(), true);
        const auto figures = k->read(QStringLiteral("anna"), QStringLiteral("yamjam.get"),
                                     {{QStringLiteral("yamjamId"), id}});
        const QJsonObject f = yamjamOf(figures).value(L("figures")).toObject();
        QCOMPARE(number(f.value(L("questions"))), 2);
        QCOMPARE(number(f.value(L("answered"))), 2);
        QCOMPARE(number(f.value(L("upvotes"))), 1);
        QCOMPARE(number(f.value(L("participants"))), 3); // eva and bram asked, anna voted
    }

    void aModeratedQueueAndAnonymousQuestions()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 id
            = live({{QStringLiteral("moderated"), true}, {QStringLiteral("anonymous"), true}});
        QVERIFY(id);
        for (const char* who : {"anna", "bram", "eva", "chantal"})
            k->client(QString::fromLatin1(who)).pushes().clear();
        const auto held = ask(QStringLiteral("eva"), id, QStringLiteral("Wie beslist dit?"), true);
        QVERIFY2(held.ok, qPrintable(held.errorMessage));
        const qint64 qid = number(questionOf(held).value(L("id")));
        QCOMPARE(questionOf(held).value(L("state")).toString(), QStringLiteral("pending"));
        // Held: the organiser and the asker are told, the others see nothing of it.
        const auto* queued = ChatKit::waitFor(k->client(QStringLiteral("anna")),
                                              ChatKit::event(QStringLiteral("yamjam.queued")));
        QVERIFY(queued);
        QCOMPARE(number(queued->payload.value(L("actor"))), 0);
        QCOMPARE(number(queued->payload.value(L("data"))
                            .toObject()
                            .value(L("question"))
                            .toObject()
                            .value(L("askerId"))),
                 k->id("eva"));
        QVERIFY(!questions(QStringLiteral("bram"), id).contains(qid));
        QVERIFY(questions(QStringLiteral("eva"), id).contains(qid));
        QCOMPARE(vote(QStringLiteral("bram"), qid, true).errorCode, QStringLiteral("not_found"));
        QCOMPARE(k->write(QStringLiteral("bram"), QStringLiteral("yamjam.moderate"),
                          {{QStringLiteral("questionId"), qid},
                           {QStringLiteral("action"), QStringLiteral("approve")}})
                     .errorCode,
                 QStringLiteral("not_found"));
        // Moderation stays on.
        QCOMPARE(k->write(QStringLiteral("anna"), QStringLiteral("yamjam.update"),
                          {{QStringLiteral("yamjamId"), id}, {QStringLiteral("moderated"), false}})
                     .errorCode,
                 QStringLiteral("bad_request"));

        // Approved: everyone sees it, and no one learns who asked: not from the event, not from
        // a read, not as the event's actor.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("yamjam.moderate"),
                         {{QStringLiteral("questionId"), qid},
                          {QStringLiteral("action"), QStringLiteral("approve")}})
                    .ok);
        const auto* published = ChatKit::waitFor(
            k->client(QStringLiteral("bram")),
            ChatKit::event(QStringLiteral("yamjam.question"), [&](const QJsonObject& d) {
                return number(d.value(L("question")).toObject().value(L("id"))) == qid;
            }));
        QVERIFY(published);
        const QString pushed = QString::fromUtf8(
            QJsonDocument(published->payload.value(L("data")).toObject()).toJson());
        QVERIFY(published->payload.value(L("data"))
                    .toObject()
                    .value(L("question"))
                    .toObject()
                    .value(L("author"))
                    .isNull());
        QVERIFY(!pushed.contains(L("askerId")));
        QVERIFY(!pushed.contains(QStringLiteral("eva")));
        QCOMPARE(number(published->payload.value(L("actor"))), k->id("anna"));
        const QJsonObject asBram = questions(QStringLiteral("bram"), id).value(qid);
        QVERIFY(asBram.value(L("author")).isNull());
        QVERIFY(!asBram.contains(L("askerId")));
        QCOMPARE(asBram.value(L("mine")).toBool(), false);
        QCOMPARE(number(questions(QStringLiteral("anna"), id).value(qid).value(L("askerId"))),
                 k->id("eva"));
        for (const QJsonObject& e : ChatKit::syncAll(k->client(QStringLiteral("bram")), 0)) {
            if (e.value(L("kind")).toString().startsWith(L("yamjam."))
                && number(e.value(L("subject"))) == qid)
                QVERIFY(number(e.value(L("actor"))) != k->id("eva"));
        }

        // Hidden with a reason: the asker is told why, the others see it go.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("yamjam.moderate"),
                         {{QStringLiteral("questionId"), qid},
                          {QStringLiteral("action"), QStringLiteral("hide")},
                          {QStringLiteral("reason"), QStringLiteral("Hoort bij HR")}})
                    .ok);
        QVERIFY(ChatKit::waitFor(
            k->client(QStringLiteral("eva")),
            ChatKit::event(QStringLiteral("yamjam.queued"), [&](const QJsonObject& d) {
                return d.value(L("question")).toObject().value(L("reason")).toString()
                    == L("Hoort bij HR");
            })));
        const auto* gone = ChatKit::waitFor(
            k->client(QStringLiteral("bram")),
            ChatKit::event(QStringLiteral("yamjam.question"), [&](const QJsonObject& d) {
                return d.value(L("question")).toObject().value(L("state")).toString()
                    == L("hidden");
            }));
        QVERIFY(gone);
        QVERIFY(!gone->payload.value(L("data"))
                     .toObject()
                     .value(L("question"))
                     .toObject()
                     .contains(L("body")));
        QVERIFY(!questions(QStringLiteral("bram"), id).contains(qid));
        QCOMPARE(questions(QStringLiteral("eva"), id).value(qid).value(L("reason")).toString(),
                 QStringLiteral("Hoort bij HR"));
        // Not anonymous where the YamJam does not allow it.
        const qint64 open = live();
        QCOMPARE(ask(QStringLiteral("eva"), open, QStringLiteral("Stiekem"), true).errorCode,
                 QStringLiteral("bad_request"));
    }

    void duplicatesMerge()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 id = live();
        const qint64 a
            = number(questionOf(ask(QStringLiteral("eva"), id, QStringLiteral("Thuiswerken?")))
                         .value(L("id")));
        const qint64 b = number(
            questionOf(ask(QStringLiteral("bram"), id, QStringLiteral("Mogen we thuiswerken?")))
                .value(L("id")));
        QVERIFY(a && b);
        QVERIFY(vote(QStringLiteral("anna"), a, true).ok);
        QVERIFY(vote(QStringLiteral("anna"), b, true).ok);
        QVERIFY(vote(QStringLiteral("eva"), b, true).ok);
        const auto merged
            = k->write(QStringLiteral("chantal"), QStringLiteral("yamjam.merge"),
                       {{QStringLiteral("questionId"), b}, {QStringLiteral("intoId"), a}});
        QVERIFY2(merged.ok, qPrintable(merged.errorMessage));
        QCOMPARE(number(merged.payload.value(L("votes"))), 2); // anna once, eva
        const auto seen = questions(QStringLiteral("eva"), id);
        QVERIFY(!seen.contains(b));
        QCOMPARE(number(seen.value(a).value(L("votes"))), 2);
        QCOMPARE(seen.value(a).value(L("votedByMe")).toBool(), true);
    }

    void theLiveRoomCountsAndShowsWhatIsAnswered()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 id = live();
        const qint64 qid
            = number(questionOf(ask(QStringLiteral("eva"), id, QStringLiteral("Hoe gaat het?")))
                         .value(L("id")));
        const QJsonObject room {{QStringLiteral("yamjamId"), id}};
        const auto first = k->read(QStringLiteral("bram"), QStringLiteral("yamjam.join"), room);
        QVERIFY2(first.ok, qPrintable(first.errorMessage));
        QCOMPARE(number(first.payload.value(L("present"))), 1);
        QCOMPARE(k->read(QStringLiteral("daan"), QStringLiteral("yamjam.join"), room).errorCode,
                 QStringLiteral("not_found"));
        QVERIFY(k->read(QStringLiteral("eva"), QStringLiteral("yamjam.join"), room).ok);
        const auto isLive = [&](int present, qint64 answering) {
            return [=](const plein::protocol::ServerFrame& f) {
                return f.kind == plein::protocol::ServerFrame::Kind::Push
                    && f.pushType == L("yamjam.live")
                    && number(f.payload.value(L("yamjamId"))) == id
                    && number(f.payload.value(L("present"))) == present
                    && number(f.payload.value(L("answering"))) == answering;
            };
        };
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("bram")), isLive(2, 0), 4000));
        QCOMPARE(k->read(QStringLiteral("eva"), QStringLiteral("yamjam.feature"),
                         {{QStringLiteral("yamjamId"), id}, {QStringLiteral("questionId"), qid}})
                     .errorCode,
                 QStringLiteral("forbidden"));
        QVERIFY(k->read(QStringLiteral("chantal"), QStringLiteral("yamjam.feature"),
                        {{QStringLiteral("yamjamId"), id}, {QStringLiteral("questionId"), qid}})
                    .ok);
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("eva")), isLive(2, qid), 4000));
        // A late joiner is told at once; a connection that goes leaves the room.
        auto late = k->connect(QStringLiteral("anna"));
        QVERIFY(late);
        const auto joined = late->request(QStringLiteral("yamjam.join"), room);
        QCOMPARE(number(joined.payload.value(L("answering"))), qid);
        QCOMPARE(number(joined.payload.value(L("present"))), 3);
        k->client(QStringLiteral("bram")).pushes().clear();
        late.reset();
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("bram")), isLive(2, qid), 4000));
        QVERIFY(k->read(QStringLiteral("eva"), QStringLiteral("yamjam.leave"), room).ok);
        QVERIFY(ChatKit::waitFor(k->client(QStringLiteral("bram")), isLive(1, qid), 4000));
    }
};

QTEST_GUILESS_MAIN(TestYamJams)
#include "tst_yamjams.moc"
