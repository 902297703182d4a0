// Chat's rules about messages, each pinned against the real plein-server on SQLite and
// PostgreSQL: live delivery, author-only edits within the edit window and deletions, replies
// within the conversation, mentions of members, the send, edit and reaction rates, history
// paging, idempotent replays of every write, and the demo's times running forward.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Frame = plein::protocol::ServerFrame;

const QStringList people
    = QString::fromLatin1("anna bram chantal daan eva gijs hanna ivo jet kees lotte").split(u' ');

// The edit window the suite's server runs with.
constexpr int editMinutes = 5;

} // namespace

class TestChatMessages : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {},
                       {{QStringLiteral("chat_edit_minutes"), QString::number(editMinutes)}});
    }};

    ChatKit* kit() { return m_kits.current(); }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    // A direct message reaches the other person live and in sync.since; the list shows it
    // unread for them, read for the sender.
    void directMessageLive()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("anna"), QStringLiteral("bram"));
        QVERIFY2(c, qPrintable(k->error));
        // Opening again finds the same conversation, from either side, and changes nothing.
        const auto again = k->write(QStringLiteral("bram"), QStringLiteral("chat.open"),
                                    QJsonObject {{QStringLiteral("userId"), k->id("anna")}});
        QVERIFY(again.ok);
        QCOMPARE(idOf(again.payload, L("conversation")), c);
        QCOMPARE(number(again.payload.value(L("seq"))), 0);

        const qint64 m = k->send(QStringLiteral("anna"), c, QStringLiteral("Hoi Bram!"));
        QVERIFY2(m, qPrintable(k->error));
        const auto* push = ChatKit::waitFor(
            k->client(QStringLiteral("bram")),
            ChatKit::event(QStringLiteral("chat.message"),
                           [&](const QJsonObject& d) { return idOf(d, L("message")) == m; }));
        QVERIFY2(push, "bram was not pushed the message");
        QCOMPARE(push->payload.value(L("data"))
                     .toObject()
                     .value(L("message"))
                     .toObject()
                     .value(L("body"))
                     .toString(),
                 QStringLiteral("Hoi Bram!"));

        const auto list = k->read(QStringLiteral("bram"), QStringLiteral("chat.list"));
        QVERIFY(list.ok);
        const QJsonObject first
            = list.payload.value(L("conversations")).toArray().first().toObject();
        QCOMPARE(number(first.value(L("id"))), c);
        QCOMPARE(first.value(L("unread")).toInt(), 1);
        QCOMPARE(idOf(first, L("lastMessage")), m);
        QCOMPARE(first.value(L("members")).toArray().size(), 2);
        const auto mine = k->read(QStringLiteral("anna"), QStringLiteral("chat.get"),
                                  QJsonObject {{QStringLiteral("conversationId"), c}});
        QVERIFY(mine.ok);
        QCOMPARE(mine.payload.value(L("conversation")).toObject().value(L("unread")).toInt(), 0);

        const auto history = k->read(QStringLiteral("bram"), QStringLiteral("chat.history"),
                                     QJsonObject {{QStringLiteral("conversationId"), c}});
        QVERIFY(history.ok);
        QCOMPARE(messageIds(history), QList<qint64> {m});
    }

    // Only the author edits or deletes, within the edit window; a deleted message takes no
    // edit and no reaction.
    void editAndDelete()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString anna = QStringLiteral("anna");
        const QString bram = QStringLiteral("bram");
        const qint64 c = k->direct(anna, bram);
        const qint64 m = k->send(anna, c, QStringLiteral("Vergadering om 10 uur"));
        QVERIFY2(c && m, qPrintable(k->error));
        const auto notMine
            = k->write(bram, QStringLiteral("chat.edit"),
                       with(aboutMessage(m), QStringLiteral("body"), QStringLiteral("om 11 uur")));
        QCOMPARE(answerOf(notMine), QStringLiteral("forbidden"));
        QCOMPARE(answerOf(k->write(bram, QStringLiteral("chat.delete"), aboutMessage(m))),
                 QStringLiteral("forbidden"));
        const auto edited = k->write(
            anna, QStringLiteral("chat.edit"),
            with(aboutMessage(m), QStringLiteral("body"), QStringLiteral("Vergadering om 11 uur")));
        QVERIFY2(edited.ok, qPrintable(edited.errorMessage));
        QCOMPARE(messageOf(edited).value(L("body")).toString(),
                 QStringLiteral("Vergadering om 11 uur"));
        QVERIFY(messageOf(edited).value(L("editedAt")).isString());
        QVERIFY(ChatKit::waitFor(
            k->client(bram),
            ChatKit::event(QStringLiteral("chat.edited"),
                           [&](const QJsonObject& d) { return idOf(d, L("message")) == m; })));

        // Past the window (the message made old in the database): forbidden.
        const qint64 old = k->send(anna, c, QStringLiteral("Oud bericht"));
        QVERIFY(old);
        QVERIFY2(k->sql({QStringLiteral("UPDATE chat_messages SET created_at = "
                                        "'2020-01-01T08:00:00.000Z' WHERE id = %1")
                             .arg(old)}),
                 qPrintable(k->error));
        const auto late
            = k->write(anna, QStringLiteral("chat.edit"),
                       with(aboutMessage(old), QStringLiteral("body"), QStringLiteral("te laat")));
        QCOMPARE(answerOf(late), QStringLiteral("forbidden"));
        QVERIFY(late.errorMessage.contains(QString::number(editMinutes)));
        // Deleting has no window.
        const auto deleted = k->write(anna, QStringLiteral("chat.delete"), aboutMessage(old));
        QVERIFY2(deleted.ok, qPrintable(deleted.errorMessage));
        QCOMPARE(number(deleted.payload.value(L("conversationId"))), c);
        QCOMPARE(answerOf(k->write(
                     anna, QStringLiteral("chat.edit"),
                     with(aboutMessage(old), QStringLiteral("body"), QStringLiteral("terug")))),
                 QStringLiteral("not_found"));
        QCOMPARE(answerOf(k->write(bram, QStringLiteral("chat.react"),
                                   with(with(aboutMessage(old), QStringLiteral("reaction"),
                                             QStringLiteral("heart")),
                                        QStringLiteral("on"), true))),
                 QStringLiteral("not_found"));
        QCOMPARE(answerOf(k->read(bram, QStringLiteral("chat.reactors"), aboutMessage(old))),
                 QStringLiteral("not_found"));
        QCOMPARE(answerOf(k->write(anna, QStringLiteral("chat.delete"), aboutMessage(old))),
                 QStringLiteral("not_found"));
        // It keeps its place, empty.
        const auto history = k->read(bram, QStringLiteral("chat.history"), inConversation(c));
        bool kept = false;
        for (const auto& v : history.payload.value(L("messages")).toArray()) {
            const QJsonObject o = v.toObject();
            if (number(o.value(L("id"))) == old) {
                kept = o.value(L("deleted")).toBool() && o.value(L("body")).toString().isEmpty();
            }
        }
        QVERIFY(kept);
    }

    // A reply names a message of the same conversation and quotes it.
    void replies()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString anna = QStringLiteral("anna");
        const qint64 c = k->direct(anna, QStringLiteral("chantal"));
        const qint64 elsewhere = k->direct(anna, QStringLiteral("daan"));
        const QString longText(300, u'x');
        const qint64 there = k->send(anna, elsewhere, QStringLiteral("Ergens anders"));
        const qint64 first = k->send(QStringLiteral("chantal"), c, longText);
        QVERIFY2(c && elsewhere && there && first, qPrintable(k->error));
        const auto wrong = k->write(
            anna, QStringLiteral("chat.send"),
            with(with(inConversation(c), QStringLiteral("body"), QStringLiteral("Antwoord")),
                 QStringLiteral("replyTo"), there));
        QCOMPARE(answerOf(wrong), QStringLiteral("not_found"));
        QVERIFY(wrong.errorMessage.contains(QString::number(there)));
        const auto reply = k->write(
            anna, QStringLiteral("chat.send"),
            with(with(inConversation(c), QStringLiteral("body"), QStringLiteral("Antwoord")),
                 QStringLiteral("replyTo"), first));
        QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        const QJsonObject quote = messageOf(reply).value(L("replyTo")).toObject();
        QCOMPARE(number(quote.value(L("id"))), first);
        QCOMPARE(quote.value(L("body")).toString(), longText.left(200));
        QCOMPARE(idOf(quote, L("author")), k->id("chantal"));
        // The quoted message deleted: the quote stays, empty.
        QVERIFY(
            k->write(QStringLiteral("chantal"), QStringLiteral("chat.delete"), aboutMessage(first))
                .ok);
        const auto history = k->read(anna, QStringLiteral("chat.history"), inConversation(c));
        const QJsonObject newest
            = history.payload.value(L("messages")).toArray().first().toObject();
        QCOMPARE(number(newest.value(L("replyTo")).toObject().value(L("id"))), first);
        QVERIFY(newest.value(L("replyTo")).toObject().value(L("body")).toString().isEmpty());
    }

    // Mentions name members only.
    void mentions()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("anna"), QStringLiteral("eva"));
        const auto r = k->write(QStringLiteral("anna"), QStringLiteral("chat.send"),
                                with(inConversation(c), QStringLiteral("body"),
                                     QStringLiteral("@eva en @bram, kijk even (mail: a@b.nl)")));
        QVERIFY(r.ok);
        QCOMPARE(messageOf(r).value(L("mentions")).toArray(), QJsonArray {k->id("eva")});
    }

    // At most 10 messages a second in bursts of 20; refused ones are not stored.
    void sendRate()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString sender = QStringLiteral("gijs");
        const qint64 c = k->direct(sender, QStringLiteral("hanna"));
        QVERIFY(c);
        int ok = 0;
        int limited = 0;
        QString message;
        for (int i = 0; i < 35; ++i) {
            const auto r = k->write(
                sender, QStringLiteral("chat.send"),
                with(inConversation(c), QStringLiteral("body"), QStringLiteral("snel %1").arg(i)));
            if (r.ok)
                ++ok;
            else if (r.errorCode == QLatin1StringView("rate_limited")) {
                ++limited;
                message = r.errorMessage;
            }
        }
        QVERIFY2(limited > 0, "35 messages at once were all accepted");
        QVERIFY2(ok >= 20, qPrintable(QStringLiteral("only %1 accepted").arg(ok)));
        QVERIFY(message.contains(QStringLiteral("try again")));
        const auto history = k->read(sender, QStringLiteral("chat.history"),
                                     with(inConversation(c), QStringLiteral("limit"), 200));
        QCOMPARE(int(messageIds(history).size()), ok);
        QTest::qWait(1100);
        QVERIFY(k->send(sender, c, QStringLiteral("weer rustig")));
    }

    // Edits (2 a second in bursts of 10) and reactions (5 a second in bursts of 20) have
    // limits of their own, per user; refused ones change nothing.
    void editAndReactionRates()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString editor = QStringLiteral("ivo");
        const QString other = QStringLiteral("jet");
        const qint64 c = k->direct(editor, other);
        const qint64 m = k->send(editor, c, QStringLiteral("eerste versie"));
        QVERIFY2(c && m, qPrintable(k->error));
        int ok = 0;
        int limited = 0;
        QString message;
        QString lastAccepted;
        for (int i = 0; i < 25; ++i) {
            const QString body = QStringLiteral("versie %1").arg(i);
            const auto r = k->write(editor, QStringLiteral("chat.edit"),
                                    with(aboutMessage(m), QStringLiteral("body"), body));
            if (r.ok) {
                ++ok;
                lastAccepted = body;
            } else if (r.errorCode == QLatin1StringView("rate_limited")) {
                ++limited;
                message = r.errorMessage;
            }
        }
        QVERIFY2(limited > 0, "25 edits at once were all accepted");
        QVERIFY2(ok >= 10, qPrintable(QStringLiteral("only %1 edits accepted").arg(ok)));
        QVERIFY(message.contains(QStringLiteral("try again")));
        const auto history = k->read(other, QStringLiteral("chat.history"), inConversation(c));
        QCOMPARE(history.payload.value(L("messages"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(L("body"))
                     .toString(),
                 lastAccepted);
        // Another's edits are their own.
        const qint64 mine = k->send(other, c, QStringLiteral("van jet"));
        QVERIFY(k->write(other, QStringLiteral("chat.edit"),
                         with(aboutMessage(mine), QStringLiteral("body"), QStringLiteral("ook")))
                    .ok);

        ok = 0;
        limited = 0;
        for (int i = 0; i < 45; ++i) {
            const auto r
                = k->write(other, QStringLiteral("chat.react"),
                           QJsonObject {{QStringLiteral("messageId"), m},
                                        {QStringLiteral("reaction"), QStringLiteral("thumbsup")},
                                        {QStringLiteral("on"), i % 2 == 0}});
            if (r.ok)
                ++ok;
            else if (r.errorCode == QLatin1StringView("rate_limited"))
                ++limited;
        }
        QVERIFY2(limited > 0, "45 reactions at once were all accepted");
        QVERIFY2(ok >= 20, qPrintable(QStringLiteral("only %1 reactions accepted").arg(ok)));
        QVERIFY(k->write(editor, QStringLiteral("chat.react"),
                         QJsonObject {{QStringLiteral("messageId"), mine},
                                      {QStringLiteral("reaction"), QStringLiteral("heart")},
                                      {QStringLiteral("on"), true}})
                    .ok);
        QTest::qWait(1100);
        QVERIFY(k->write(editor, QStringLiteral("chat.edit"),
                         with(aboutMessage(m), QStringLiteral("body"), QStringLiteral("rustig")))
                    .ok);
    }

    // The demo organisation's conversations run forward in time: every message is at least as
    // new as the one before it, a reply newer than what it answers.
    void demoTimesRunForward()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1StringView("sqlite"))
            QSKIP("the demo is made on SQLite");
        ServerProcess demo;
        QByteArray output;
        QCOMPARE(demo.command({QStringLiteral("demo")}, {}, &output), 0);
        QVERIFY2(demo.start(), demo.log().constData());
        WsClient anna;
        anna.setFeatures(ChatKit::allFeatures());
        QVERIFY(anna.connectTo(demo.url()));
        QVERIFY(anna.hello().ok);
        QVERIFY(
            anna.request(QStringLiteral("auth.login"),
                         QJsonObject {{QStringLiteral("username"), QStringLiteral("anna")},
                                      {QStringLiteral("password"), QStringLiteral("plein-demo")}})
                .ok);
        const auto list = anna.request(QStringLiteral("chat.list"));
        const QJsonArray conversations = list.payload.value(L("conversations")).toArray();
        QVERIFY(conversations.size() >= 3);
        int replies = 0;
        for (const auto& v : conversations) {
            const qint64 c = number(v.toObject().value(L("id")));
            const auto history = anna.request(QStringLiteral("chat.history"),
                                              with(inConversation(c), QStringLiteral("after"), 0));
            QString previous;
            QHash<qint64, QString> at;
            for (const auto& mv : history.payload.value(L("messages")).toArray()) {
                const QJsonObject m = mv.toObject();
                const QString created = m.value(L("createdAt")).toString();
                QVERIFY2(created >= previous,
                         qPrintable(QStringLiteral("%1 after %2 in conversation %3")
                                        .arg(created, previous)
                                        .arg(c)));
                previous = created;
                at.insert(number(m.value(L("id"))), created);
                const qint64 quoted = number(m.value(L("replyTo")).toObject().value(L("id")));
                if (quoted) {
                    ++replies;
                    QVERIFY(at.contains(quoted));
                    QVERIFY2(created > at.value(quoted), "a reply older than what it answers");
                }
            }
        }
        QVERIFY(replies >= 3);
        QVERIFY(demo.stop());
    }

    // History pages from the newest (before) or from a point (after), with `more`.
    void historyPaging()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("lotte"), QStringLiteral("anna"));
        QList<qint64> ids;
        for (int i = 0; i < 7; ++i)
            ids << k->send(QStringLiteral("lotte"), c, QStringLiteral("%1").arg(i));
        QVERIFY2(!ids.contains(0), qPrintable(k->error));
        const auto page = [&](QJsonObject extra) {
            extra.insert(QStringLiteral("conversationId"), c);
            extra.insert(QStringLiteral("limit"), 3);
            return k->read(QStringLiteral("anna"), QStringLiteral("chat.history"), extra);
        };
        auto r = page({});
        QCOMPARE(messageIds(r), (QList<qint64> {ids[6], ids[5], ids[4]}));
        QVERIFY(r.payload.value(L("more")).toBool());
        r = page({{QStringLiteral("before"), ids[4]}});
        QCOMPARE(messageIds(r), (QList<qint64> {ids[3], ids[2], ids[1]}));
        QVERIFY(r.payload.value(L("more")).toBool());
        r = page({{QStringLiteral("before"), ids[1]}});
        QCOMPARE(messageIds(r), QList<qint64> {ids[0]});
        QVERIFY(!r.payload.value(L("more")).toBool());
        r = page({{QStringLiteral("after"), 0}});
        QCOMPARE(messageIds(r), (QList<qint64> {ids[0], ids[1], ids[2]}));
        QVERIFY(r.payload.value(L("more")).toBool());
        r = page({{QStringLiteral("after"), ids[5]}});
        QCOMPARE(messageIds(r), QList<qint64> {ids[6]});
        QVERIFY(!r.payload.value(L("more")).toBool());
        QCOMPARE(
            answerOf(page({{QStringLiteral("after"), ids[1]}, {QStringLiteral("before"), ids[5]}})),
            QStringLiteral("bad_request"));
    }

    // Every write answered again for its client id, changing nothing; another write under
    // the same client id is a conflict.
    void idempotentReplays()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString me = QStringLiteral("eva");
        const QString other = QStringLiteral("gijs");
        const qint64 c = k->people(me, {other, QStringLiteral("hanna")});
        const qint64 m = k->send(me, c, QStringLiteral("te bewerken"));
        const qint64 d = k->send(me, c, QStringLiteral("te verwijderen"));
        QVERIFY2(c && m && d, qPrintable(k->error));
        const QList<std::pair<QString, QJsonObject>> writes {
            {QStringLiteral("chat.open"), {{QStringLiteral("userId"), k->id("ivo")}}},
            {QStringLiteral("chat.create"),
             {{QStringLiteral("userIds"), QJsonArray {k->id("ivo")}}}},
            {QStringLiteral("chat.update"),
             with(inConversation(c), QStringLiteral("title"), QStringLiteral("Herhaald"))},
            {QStringLiteral("chat.add"),
             with(inConversation(c), QStringLiteral("userIds"), QJsonArray {k->id("jet")})},
            {QStringLiteral("chat.remove"),
             with(inConversation(c), QStringLiteral("userId"), k->id("hanna"))},
            {QStringLiteral("chat.send"),
             with(inConversation(c), QStringLiteral("body"), QStringLiteral("een keer"))},
            {QStringLiteral("chat.edit"),
             with(aboutMessage(m), QStringLiteral("body"), QStringLiteral("bewerkt"))},
            {QStringLiteral("chat.delete"), aboutMessage(d)},
            {QStringLiteral("chat.react"),
             with(with(aboutMessage(m), QStringLiteral("reaction"), QStringLiteral("wow")),
                  QStringLiteral("on"), true)},
            {QStringLiteral("chat.read"), with(inConversation(c), QStringLiteral("messageId"), m)},
            {QStringLiteral("chat.mute"), with(inConversation(c), QStringLiteral("muted"), true)},
            {QStringLiteral("chat.settings"), {{QStringLiteral("receipts"), true}}},
        };
        for (const auto& [type, payload] : writes) {
            QJsonObject p = payload;
            p.insert(QStringLiteral("clientId"), newClientId());
            const auto first = k->write(me, type, p);
            QVERIFY2(first.ok, qPrintable(type + u' ' + first.errorMessage));
            QVERIFY2(!first.payload.value(L("replayed")).toBool(), qPrintable(type));
            const qint64 head = number(
                k->read(me, QStringLiteral("chat.list"), QJsonObject {{QStringLiteral("limit"), 1}})
                    .payload.value(L("head")));
            const auto again = k->write(me, type, p);
            QVERIFY2(again.ok, qPrintable(type + u' ' + again.errorMessage));
            QVERIFY2(again.payload.value(L("replayed")).toBool(), qPrintable(type));
            QJsonObject a = again.payload;
            a.remove(QStringLiteral("replayed"));
            QCOMPARE(a, first.payload);
            QCOMPARE(number(k->read(me, QStringLiteral("chat.list"),
                                    QJsonObject {{QStringLiteral("limit"), 1}})
                                .payload.value(L("head"))),
                     head);
            QJsonObject changed = p;
            if (type == QLatin1StringView("chat.settings"))
                changed.insert(QStringLiteral("receipts"), false);
            else if (changed.contains(L("conversationId")))
                changed.insert(QStringLiteral("conversationId"), c + 100000);
            else if (changed.contains(L("messageId")))
                changed.insert(QStringLiteral("messageId"), m + 100000);
            else
                changed.insert(QStringLiteral("userIds"), QJsonArray {k->id("kees")});
            if (type == QLatin1StringView("chat.open"))
                changed = QJsonObject {{QStringLiteral("clientId"), p.value(L("clientId"))},
                                       {QStringLiteral("userId"), k->id("kees")}};
            QCOMPARE(answerOf(k->write(me, type, changed)), QStringLiteral("conflict"));
        }
    }
};

QTEST_GUILESS_MAIN(TestChatMessages)
#include "tst_chat_messages.moc"
