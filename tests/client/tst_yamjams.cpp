// YamJams through the client core against the real plein-server with the demo organisation:
// an announcement reaching the audience's caches (and not others'), a question asked offline
// delivered once when back, votes from several laptops converging in every cache, an anonymous
// question that no participant's cache can tell the asker of while the organiser's can, the
// end reaching every cache, and a question written offline that the closed YamJam refuses: the
// outbox keeps it with its text and the code `closed`.
#include "client.h"
#include "connection.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "store/cache.h"
#include "testclient.h"
#include "testserver.h"
#include "yamjams/yamjams.h"
#include "yamjams/yamjamstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

using L = QLatin1StringView;

QString utcIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

qint64 personId(Client& c, const QString& username)
{
    QSqlQuery q(c.cache().database());
    q.prepare(QStringLiteral("SELECT id FROM people WHERE username = ?"));
    q.addBindValue(username);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

// Waits until `check` holds, the event loop running meanwhile.
bool eventually(const std::function<bool()>& check, int timeoutMs = 10000)
{
    return QTest::qWaitFor(check, timeoutMs);
}

std::optional<YamJamCard> byTitle(Client& c, const QString& title)
{
    for (const YamJamCard& y :
         YamJamStore(c.cache()).current() + YamJamStore(c.cache()).past(100)) {
        if (y.title() == title)
            return y;
    }
    return std::nullopt;
}

std::optional<YamJamQuestionRow> questionByBody(Client& c, qint64 yamjamId, const QString& body)
{
    for (const YamJamQuestionRow& q : YamJamStore(c.cache()).questions(yamjamId)) {
        if (q.body() == body)
            return q;
    }
    return std::nullopt;
}

} // namespace

class TestClientYamJams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::TestServer::backendMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    }

    void aYamJamEndToEnd()
    {
        QTemporaryDir pa, pb, pc, pd;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), pa.path());
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), pb.path());
        auto chantal = test::makeClient(m_server.url(), QStringLiteral("chantal"), pc.path());
        auto daan = test::makeClient(m_server.url(), QStringLiteral("daan"), pd.path());
        for (Client* c : {anna.get(), bram.get(), chantal.get(), daan.get()})
            QVERIFY(c && test::goOnlineAndCatchUp(*c));
        const qint64 bramId = personId(*anna, QStringLiteral("bram"));
        const qint64 chantalId = personId(*anna, QStringLiteral("chantal"));
        QVERIFY(bramId && chantalId);

        // Announced for bram, hosted by chantal: both caches get the card, daan's does not.
        const QString title = QStringLiteral("Vragenuur met de directie");
        QSignalSpy announced(&bram->yamjams(), &YamJams::announced);
        QVERIFY(!anna->yamjams()
                     .create({{QStringLiteral("title"), title},
                              {QStringLiteral("startsAt"), utcIn(-60 * 1000)},
                              {QStringLiteral("endsAt"), utcIn(3600 * 1000)},
                              {QStringLiteral("hostIds"), QJsonArray {chantalId}},
                              {QStringLiteral("audience"), QStringLiteral("restricted")},
                              {QStringLiteral("userIds"), QJsonArray {bramId}},
                              {QStringLiteral("anonymous"), true}})
                     .isEmpty());
        QVERIFY(eventually([&]() { return anna->outbox().count() == 0; }));
        QVERIFY(eventually([&]() { return byTitle(*bram, title) && byTitle(*chantal, title); }));
        const qint64 id = byTitle(*bram, title)->id;
        QCOMPARE(byTitle(*bram, title)->phase(), QStringLiteral("live"));
        QVERIFY(announced.count() == 1 || announced.wait(5000));
        QVERIFY(byTitle(*chantal, title)->isHost(chantalId));
        QVERIFY(eventually([&]() { return byTitle(*anna, title).has_value(); }));
        QTest::qWait(300);
        QVERIFY(!byTitle(*daan, title));

        // bram asks on the train: kept in the outbox, delivered once when back.
        bram->connection().stop();
        QVERIFY(
            eventually([&]() { return bram->connection().state() == Connection::State::Offline; }));
        const QString asked
            = bram->yamjams().ask(id, QStringLiteral("Komt er een treinpas?"), false);
        QVERIFY(!asked.isEmpty());
        QCOMPARE(bram->outbox().count(), 1);
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        QVERIFY(eventually([&]() { return bram->outbox().count() == 0; }));
        for (Client* c : {anna.get(), chantal.get()})
            c->yamjams().fetchQuestions(id);
        QVERIFY(eventually([&]() {
            return questionByBody(*anna, id, QStringLiteral("Komt er een treinpas?"))
                && questionByBody(*chantal, id, QStringLiteral("Komt er een treinpas?"));
        }));
        QCOMPARE(YamJamStore(anna->cache()).questions(id).size(), 1);
        const qint64 qid = questionByBody(*anna, id, QStringLiteral("Komt er een treinpas?"))->id;
        QVERIFY(questionByBody(*bram, id, QStringLiteral("Komt er een treinpas?"))->mine);

        // Votes from three laptops converge in every cache; taking one back too.
        anna->yamjams().vote(id, qid, true);
        chantal->yamjams().vote(id, qid, true);
        bram->yamjams().vote(id, qid, true);
        const auto votesEverywhere = [&](int votes) {
            return eventually([&]() {
                for (Client* c : {anna.get(), bram.get(), chantal.get()}) {
                    const auto q = YamJamStore(c->cache()).question(qid);
                    if (!q || q->votes != votes)
                        return false;
                }
                return true;
            });
        };
        QVERIFY(votesEverywhere(3));
        chantal->yamjams().vote(id, qid, false);
        QVERIFY(votesEverywhere(2));
        QVERIFY(YamJamStore(anna->cache()).question(qid)->votedByMe);
        QVERIFY(!YamJamStore(chantal->cache()).question(qid)->votedByMe);

        // Anonymous: the host's cache cannot tell who asked; the organiser's can.
        bram->yamjams().ask(id, QStringLiteral("Waarom verhuizen we?"), true);
        QVERIFY(eventually([&]() {
            return questionByBody(*chantal, id, QStringLiteral("Waarom verhuizen we?"))
                && questionByBody(*anna, id, QStringLiteral("Waarom verhuizen we?"));
        }));
        const auto hostView = questionByBody(*chantal, id, QStringLiteral("Waarom verhuizen we?"));
        QVERIFY(hostView->data.value(L("author")).isNull());
        QVERIFY(!hostView->data.contains(L("askerId")));
        QSqlQuery rows(chantal->cache().database());
        QVERIFY(rows.exec(
            QStringLiteral("SELECT data FROM yamjam_questions WHERE id = %1").arg(hostView->id)));
        QVERIFY(rows.next());
        // Neither his name nor his id anywhere in what the host's cache keeps of it.
        const QString kept = rows.value(0).toString();
        QVERIFY(!kept.contains(QStringLiteral("bram"), Qt::CaseInsensitive));
        const QJsonObject keptJson = QJsonDocument::fromJson(kept.toUtf8()).object();
        QVERIFY(!keptJson.contains(L("askerId")) && !keptJson.contains(L("userId")));
        for (auto it = keptJson.begin(); it != keptJson.end(); ++it) {
            if (it->isObject())
                QVERIFY2(it->toObject().value(L("id")).toInteger() != bramId, qPrintable(it.key()));
        }
        // The organiser learns it from a read (the event names no one either).
        anna->yamjams().fetchQuestions(id);
        QVERIFY(eventually([&]() {
            const auto q = questionByBody(*anna, id, QStringLiteral("Waarom verhuizen we?"));
            return q && q->data.value(L("askerId")).toInteger() == bramId;
        }));

        // chantal answers; the end reaches every cache; a question written offline meanwhile
        // is refused as closed and kept with its text.
        chantal->yamjams().answer(id, qid, QStringLiteral("Ja, vanaf januari."), false);
        QVERIFY(eventually([&]() {
            const auto q = YamJamStore(bram->cache()).question(qid);
            return q && q->answered;
        }));
        bram->connection().stop();
        QVERIFY(
            eventually([&]() { return bram->connection().state() == Connection::State::Offline; }));
        const QString late = bram->yamjams().ask(id, QStringLiteral("Nog één vraag"), false);
        chantal->yamjams().end(id);
        QVERIFY(eventually([&]() {
            const auto y = byTitle(*anna, title);
            return y && y->phase() == QLatin1StringView("closed");
        }));
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        QVERIFY(eventually([&]() { return bram->outbox().failedCount() == 1; }));
        const auto refused = OutboxStore(bram->cache()).entry(late);
        QVERIFY(refused && refused->failed);
        QCOMPARE(refused->errorCode, QStringLiteral("closed"));
        QCOMPARE(refused->payload.value(L("body")).toString(), QStringLiteral("Nog één vraag"));
        QCOMPARE(byTitle(*bram, title)->phase(), QStringLiteral("closed"));
        // The archive stays readable offline.
        bram->connection().stop();
        QVERIFY(
            eventually([&]() { return bram->connection().state() == Connection::State::Offline; }));
        QCOMPARE(YamJamStore(bram->cache()).questions(id).size(), 2);
    }

private:
    test::TestServer m_server;
};

QTEST_GUILESS_MAIN(TestClientYamJams)
#include "tst_yamjams.moc"
