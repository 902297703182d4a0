// Chat and presence across two server nodes on one PostgreSQL database (skipped without
// PLEIN_TEST_POSTGRES): a message, typing (never in the event log), a reaction and a read
// position cross from one node to the other; a member removed on one node stops typing on the
// other from when it reads the removal; and what a node knows of the other's presence is
// repaired after a lost note and after the other stalled past being taken for gone. The nodes'
// presence heartbeat is 1 s here (30 s in service), so a stall of a few seconds is one.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <csignal>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Frame = plein::protocol::ServerFrame;

const QStringList people = QString::fromLatin1("anna bram chantal daan eva").split(u' ');

bool isTyping(const Frame& p, qint64 conversationId, qint64 from)
{
    return p.pushType == QLatin1StringView("ephemeral")
        && p.payload.value(L("channel")).toString() == QStringLiteral("chat:%1").arg(conversationId)
        && number(p.payload.value(L("from"))) == from;
}

QJsonObject typing(qint64 conversationId)
{
    return QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(conversationId)},
                        {QStringLiteral("signal"), QStringLiteral("typing")}};
}

QString stateIn(const WsClient::Response& watch, qint64 userId)
{
    for (const auto& v : watch.payload.value(L("presence")).toArray()) {
        if (number(v.toObject().value(L("userId"))) == userId)
            return v.toObject().value(L("state")).toString();
    }
    return QString();
}

// A connection of its own to the nodes' database that hears the notes they pass each other.
class RelayListener
{
public:
    explicit RelayListener(const QString& url)
    {
        const QUrl u(url);
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        m_db.setHostName(u.host());
        m_db.setPort(u.port(5432));
        m_db.setUserName(u.userName());
        m_db.setPassword(u.password());
        m_db.setDatabaseName(u.path().mid(1));
        if (!m_db.open() || !m_db.driver()->subscribeToNotification(QString(channel))) {
            error = m_db.lastError().text();
            return;
        }
        QObject::connect(
            m_db.driver(), &QSqlDriver::notification, m_db.driver(),
            [this](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                notes.append(QJsonDocument::fromJson(payload.toString().toUtf8()).object());
            });
    }
    ~RelayListener()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RelayListener(const RelayListener&) = delete;
    RelayListener& operator=(const RelayListener&) = delete;

    // Passes a note to every node, as a node would.
    bool send(const QJsonObject& note)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT pg_notify('plein_ephemeral', ?)"));
        q.addBindValue(QString::fromUtf8(QJsonDocument(note).toJson(QJsonDocument::Compact)));
        return q.exec();
    }

    static constexpr QLatin1StringView channel {"plein_ephemeral"};
    QString error;
    QList<QJsonObject> notes;

private:
    const QString m_name = QStringLiteral("plein-relay-listener");
    QSqlDatabase m_db;
};

} // namespace

class TestChatNodes : public QObject
{
    Q_OBJECT

private:
    ChatKit m_kit;
    ServerProcess* m_second = nullptr;
    QString m_url;

    void resume()
    {
        if (m_second && m_second->isRunning())
            ::kill(pid_t(m_second->pid()), SIGCONT);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto url = postgresUrl();
        if (!url)
            QSKIP("two nodes need PostgreSQL (PLEIN_TEST_POSTGRES)");
        m_url = *url;
        // Both nodes take it from the environment they are started in.
        qputenv("PLEIN_PRESENCE_HEARTBEAT_MS", "1000");
        QVERIFY2(m_kit.start(m_url, people), qPrintable(m_kit.error));
        m_second = m_kit.addNode();
        QVERIFY2(m_second, qPrintable(m_kit.error));
    }

    void init() { m_kit.error.clear(); }

    void cleanup()
    {
        resume();
        if (QTest::currentTestFailed() && m_second)
            qWarning().noquote() << "second node's log:\n"
                                 << QString::fromUtf8(m_second->log()).right(3000);
    }

    void cleanupTestCase()
    {
        resume();
        QVERIFY(m_kit.stop());
        qunsetenv("PLEIN_PRESENCE_HEARTBEAT_MS");
    }

    // anna on the first node, bram on the second: her message reaches him live, her typing
    // too (and never the log), his reaction and his read position reach her and his other
    // device on the first node.
    void conversationAcrossNodes()
    {
        auto bram = m_kit.connect(QStringLiteral("bram"), {}, m_second);
        QVERIFY2(bram, qPrintable(m_kit.error));
        WsClient& anna = m_kit.client(QStringLiteral("anna"));
        WsClient& bramHere = m_kit.client(QStringLiteral("bram"));
        const qint64 c = m_kit.direct(QStringLiteral("anna"), QStringLiteral("bram"));
        QVERIFY2(c, qPrintable(m_kit.error));
        const qint64 head
            = number(bram->request(QStringLiteral("chat.list")).payload.value(L("head")));

        const qint64 m = m_kit.send(QStringLiteral("anna"), c, QStringLiteral("Hoi Bram!"));
        QVERIFY2(m, qPrintable(m_kit.error));
        QVERIFY2(ChatKit::waitFor(*bram,
                                  ChatKit::event(QStringLiteral("chat.message"),
                                                 [&](const QJsonObject& d) {
                                                     return idOf(d, L("message")) == m;
                                                 })),
                 "the message did not reach the other node live");

        const auto sent = anna.request(QStringLiteral("ephemeral.send"), typing(c));
        QVERIFY2(sent.ok, qPrintable(sent.errorMessage));
        QVERIFY2(ChatKit::waitFor(*bram,
                                  [&](const Frame& p) { return isTyping(p, c, m_kit.id("anna")); }),
                 "typing did not reach the other node");
        QVERIFY(bram->request(QStringLiteral("ephemeral.send"), typing(c)).ok);
        QVERIFY(ChatKit::waitFor(anna,
                                 [&](const Frame& p) { return isTyping(p, c, m_kit.id("bram")); }));

        const auto reacted
            = m_kit.write(*bram, QStringLiteral("chat.react"),
                          QJsonObject {{QStringLiteral("messageId"), m},
                                       {QStringLiteral("reaction"), QStringLiteral("heart")},
                                       {QStringLiteral("on"), true}});
        QVERIFY2(reacted.ok, qPrintable(reacted.errorMessage));
        QVERIFY2(ChatKit::waitFor(anna,
                                  ChatKit::event(QStringLiteral("chat.reacted"),
                                                 [&](const QJsonObject& d) {
                                                     return number(d.value(L("messageId"))) == m
                                                         && d.value(L("on")).toBool();
                                                 })),
                 "the reaction did not reach the first node");

        const auto read = m_kit.write(*bram, QStringLiteral("chat.read"),
                                      with(inConversation(c), QStringLiteral("messageId"), m));
        QVERIFY2(read.ok, qPrintable(read.errorMessage));
        QVERIFY2(ChatKit::waitFor(bramHere,
                                  ChatKit::event(QStringLiteral("chat.state"),
                                                 [&](const QJsonObject& d) {
                                                     return number(d.value(L("readMessageId")))
                                                         == m;
                                                 })),
                 "bram's device on the first node did not hear of his read position");
        QVERIFY2(ChatKit::waitFor(anna,
                                  ChatKit::event(QStringLiteral("chat.seen"),
                                                 [&](const QJsonObject& d) {
                                                     return number(d.value(L("messageId"))) == m;
                                                 })),
                 "anna did not see that bram read it");

        // Typing crossed both ways and is nowhere in the log.
        const QList<QJsonObject> events = ChatKit::syncAll(*bram, head);
        QVERIFY(!events.isEmpty());
        for (const QJsonObject& e : events) {
            QVERIFY2(!QJsonDocument(e).toJson().contains("typing"),
                     "a typing signal reached the event log");
        }
    }

    // A member removed on the first node: the second refuses their typing from the moment it
    // has read the removal (its push to them is that moment), and nobody hears it.
    void removedMemberStopsTypingOnTheOtherNode()
    {
        auto chantal = m_kit.connect(QStringLiteral("chantal"), {}, m_second);
        auto bram = m_kit.connect(QStringLiteral("bram"), {}, m_second);
        QVERIFY2(chantal && bram, qPrintable(m_kit.error));
        const qint64 c = m_kit.people(QStringLiteral("anna"),
                                      {QStringLiteral("bram"), QStringLiteral("chantal")});
        QVERIFY2(c, qPrintable(m_kit.error));
        const qint64 chantalId = m_kit.id("chantal");
        // Known to the second node now.
        QVERIFY(chantal->request(QStringLiteral("ephemeral.send"), typing(c)).ok);
        QVERIFY(ChatKit::waitFor(*bram, [&](const Frame& p) { return isTyping(p, c, chantalId); }));

        const auto removed
            = m_kit.write(QStringLiteral("anna"), QStringLiteral("chat.remove"),
                          with(inConversation(c), QStringLiteral("userId"), chantalId));
        QVERIFY2(removed.ok, qPrintable(removed.errorMessage));
        QVERIFY2(ChatKit::waitFor(
                     *chantal,
                     ChatKit::event(QStringLiteral("chat.conversation"),
                                    [&](const QJsonObject& d) {
                                        return !memberIds(d.value(L("conversation")).toObject())
                                                    .contains(chantalId);
                                    })),
                 "the removal did not reach the second node");
        bram->pushes().clear();
        m_kit.client(QStringLiteral("anna")).pushes().clear();
        const auto after = chantal->request(QStringLiteral("ephemeral.send"), typing(c));
        QCOMPARE(answerOf(after), QStringLiteral("not_found"));
        QTest::qWait(300);
        QVERIFY(!ChatKit::pushed(*bram, [&](const Frame& p) { return isTyping(p, c, chantalId); }));
        QVERIFY(!ChatKit::pushed(m_kit.client(QStringLiteral("anna")),
                                 [&](const Frame& p) { return isTyping(p, c, chantalId); }));
    }

    // A note that never arrived leaves the first node wrong about someone on the second, until
    // the gap in the second node's count shows: then it asks for a snapshot and is right again.
    // The lost note is played by a forged one that skips counts, saying daan is away.
    void lostNoteIsRepaired()
    {
        RelayListener relay(m_url);
        QVERIFY2(relay.error.isEmpty(), qPrintable(relay.error));
        const qint64 daanId = m_kit.id("daan");
        WsClient& anna = m_kit.client(QStringLiteral("anna"));
        QVERIFY(anna.request(QStringLiteral("presence.watch"),
                             QJsonObject {{QStringLiteral("userIds"), QJsonArray {daanId}}})
                    .ok);
        m_kit.disconnect(QStringLiteral("daan"));
        QVERIFY(ChatKit::waitFor(anna, ChatKit::presence(daanId, "offline")));
        anna.pushes().clear();
        auto daan = m_kit.connect(QStringLiteral("daan"), {}, m_second);
        QVERIFY2(daan, qPrintable(m_kit.error));
        QVERIFY(ChatKit::waitFor(anna, ChatKit::presence(daanId, "online")));
        // The second node's note that daan is online there names it and its count.
        QJsonObject said;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                for (const QJsonObject& n : std::as_const(relay.notes)) {
                    if (n.value(L("topic")).toString() == QLatin1StringView("presence")
                        && n.value(L("type")).toString() == QLatin1StringView("state")
                        && n.value(L("user")).toInteger() == daanId
                        && n.value(L("state")).toString() == QLatin1StringView("online"))
                        said = n;
                }
                return !said.isEmpty();
            }(),
            5000);
        anna.pushes().clear();
        QJsonObject forged = said;
        forged.insert(QStringLiteral("state"), QStringLiteral("away"));
        forged.insert(QStringLiteral("n"), said.value(L("n")).toInteger() + 1000);
        QVERIFY(relay.send(forged));
        QVERIFY2(ChatKit::waitFor(anna, ChatKit::presence(daanId, "away")),
                 "the forged note was not heard");
        QVERIFY2(ChatKit::waitFor(anna, ChatKit::presence(daanId, "online")),
                 "the first node stayed wrong after a gap in the second's notes");
        QCOMPARE(
            stateIn(anna.request(QStringLiteral("presence.watch"),
                                 QJsonObject {{QStringLiteral("userIds"), QJsonArray {daanId}}}),
                    daanId),
            QStringLiteral("online"));
    }

    // The second node stalls past three heartbeats: the first takes it for gone (its people
    // offline). When it goes on, each node hears a node it does not know any more, asks for a
    // snapshot, and both show each other's people as they are.
    void stalledNodeComesBack()
    {
        const qint64 evaId = m_kit.id("eva");
        const qint64 annaId = m_kit.id("anna");
        WsClient& anna = m_kit.client(QStringLiteral("anna"));
        auto eva = m_kit.connect(QStringLiteral("eva"), {}, m_second);
        QVERIFY2(eva, qPrintable(m_kit.error));
        m_kit.disconnect(
            QStringLiteral("eva")); // her first-node connection: she is on the second only
        QVERIFY(anna.request(QStringLiteral("presence.watch"),
                             QJsonObject {{QStringLiteral("userIds"), QJsonArray {evaId}}})
                    .ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            stateIn(anna.request(QStringLiteral("presence.watch"),
                                 QJsonObject {{QStringLiteral("userIds"), QJsonArray {evaId}}}),
                    evaId),
            QStringLiteral("online"), 5000);
        QVERIFY(eva->request(QStringLiteral("presence.watch"),
                             QJsonObject {{QStringLiteral("userIds"), QJsonArray {annaId}}})
                    .ok);
        anna.pushes().clear();

        QCOMPARE(::kill(pid_t(m_second->pid()), SIGSTOP), 0);
        QVERIFY2(ChatKit::waitFor(anna, ChatKit::presence(evaId, "offline"), 10000),
                 "the first node did not take the stalled node for gone");
        QTest::qWait(1500); // the second node's own view of the first is out of date too now
        anna.pushes().clear();
        QCOMPARE(::kill(pid_t(m_second->pid()), SIGCONT), 0);
        QVERIFY2(ChatKit::waitFor(anna, ChatKit::presence(evaId, "online"), 10000),
                 "the node came back, but its people stayed offline on the first node");
        QTRY_COMPARE_WITH_TIMEOUT(
            stateIn(eva->request(QStringLiteral("presence.watch"),
                                 QJsonObject {{QStringLiteral("userIds"), QJsonArray {annaId}}}),
                    annaId),
            QStringLiteral("online"), 10000);
    }

    // A node of the earlier version (during an upgrade) sends notes without a count: they are
    // taken as they come, and it is not asked for snapshots it cannot give.
    void uncountedNotesOfAnEarlierNode()
    {
        RelayListener relay(m_url);
        QVERIFY2(relay.error.isEmpty(), qPrintable(relay.error));
        const qint64 evaId = m_kit.id("eva"); // on no node since the test before
        WsClient& anna = m_kit.client(QStringLiteral("anna"));
        QTRY_COMPARE_WITH_TIMEOUT(
            stateIn(anna.request(QStringLiteral("presence.watch"),
                                 QJsonObject {{QStringLiteral("userIds"), QJsonArray {evaId}}}),
                    evaId),
            QStringLiteral("offline"), 10000);
        anna.pushes().clear();
        const QString old = QStringLiteral("node-of-the-earlier-version");
        const auto note = [&](const char* state) {
            return QJsonObject {{QStringLiteral("node"), old},
                                {QStringLiteral("topic"), QStringLiteral("presence")},
                                {QStringLiteral("type"), QStringLiteral("state")},
                                {QStringLiteral("user"), evaId},
                                {QStringLiteral("state"), QLatin1StringView(state)}};
        };
        QVERIFY(relay.send(note("away")));
        QVERIFY2(ChatKit::waitFor(anna, ChatKit::presence(evaId, "away")),
                 "an uncounted note was not taken");
        QVERIFY(relay.send(note("offline")));
        QVERIFY(ChatKit::waitFor(anna, ChatKit::presence(evaId, "offline")));
        QTest::qWait(1500); // a heartbeat of both nodes
        for (const QJsonObject& n : std::as_const(relay.notes))
            QVERIFY2(n.value(L("type")).toString() != QLatin1StringView("ask")
                         || n.value(L("to")).toString() != old,
                     "a node of the earlier version was asked for a snapshot");
    }
};

QTEST_GUILESS_MAIN(TestChatNodes)
#include "tst_chat_nodes.moc"
