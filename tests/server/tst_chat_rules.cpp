// Chat's rules about conversations, each pinned against the real plein-server on SQLite and
// PostgreSQL: membersBy, the member cap, typing (members only, never stored, not in large
// conversations, stopped at once for a member who goes), read positions and unread counts, mute,
// receipts both ways, group chats following their group, the list's order, notes to oneself.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Frame = plein::protocol::ServerFrame;

const QStringList people
    = QString::fromLatin1("anna bram chantal daan eva frits gijs hanna ivo jet kees lotte")
          .split(u' ');

bool isTyping(const Frame& p, qint64 conversationId)
{
    return p.pushType == QLatin1StringView("ephemeral")
        && p.payload.value(L("channel")).toString()
        == QStringLiteral("chat:%1").arg(conversationId);
}

} // namespace

class TestChatRules : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {}, {});
    }};

    ChatKit* kit() { return m_kits.current(); }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    // Typing reaches the other members' live connections, and never the event log.
    void typingToMembersOnly()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("chantal"), QStringLiteral("daan"));
        QVERIFY2(c, qPrintable(k->error));
        WsClient& daan = k->client(QStringLiteral("daan"));
        WsClient& eva = k->client(QStringLiteral("eva"));
        const qint64 head = number(
            k->read(QStringLiteral("daan"), QStringLiteral("chat.list")).payload.value(L("head")));
        const auto sent
            = k->read(QStringLiteral("chantal"), QStringLiteral("ephemeral.send"),
                      QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(c)},
                                   {QStringLiteral("signal"), QStringLiteral("typing")}});
        QVERIFY2(sent.ok, qPrintable(answerOf(sent) + u' ' + sent.errorMessage));
        const auto* typing = ChatKit::waitFor(daan, [&](const Frame& p) { return isTyping(p, c); });
        QVERIFY2(typing, "daan did not see chantal typing");
        QCOMPARE(number(typing->payload.value(L("from"))), k->id("chantal"));
        QVERIFY(k->barrier(QStringLiteral("eva")));
        QVERIFY(!ChatKit::pushed(eva, [&](const Frame& p) { return isTyping(p, c); }));
        // A non-member's signal: like a channel that does not exist.
        const auto outside
            = k->read(QStringLiteral("eva"), QStringLiteral("ephemeral.send"),
                      QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(c)},
                                   {QStringLiteral("signal"), QStringLiteral("typing")}});
        const auto missing = k->read(
            QStringLiteral("eva"), QStringLiteral("ephemeral.send"),
            QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(c + 1000)},
                         {QStringLiteral("signal"), QStringLiteral("typing")}});
        QCOMPARE(answerOf(outside), QStringLiteral("not_found"));
        QCOMPARE(withoutId(outside.errorMessage, c), withoutId(missing.errorMessage, c + 1000));
        for (const QJsonObject& e : ChatKit::syncAll(daan, head))
            QVERIFY2(!e.value(L("kind")).toString().contains(QLatin1StringView("typing")),
                     "a signal in the event log");
    }

    // The server keeps who may type in memory; a member removed, or who left the group, is
    // refused from the answer to that change on, and nobody hears them.
    void typingStopsAtOnce()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto typing = [&](const QString& who, qint64 conversationId) {
            return answerOf(
                k->read(who, QStringLiteral("ephemeral.send"),
                        QJsonObject {{QStringLiteral("channel"),
                                      QStringLiteral("chat:%1").arg(conversationId)},
                                     {QStringLiteral("signal"), QStringLiteral("typing")}}));
        };
        const QString kees = QStringLiteral("kees");
        const QString lotte = QStringLiteral("lotte");
        const QString ivo = QStringLiteral("ivo");
        const qint64 c = k->people(kees, {lotte, ivo});
        QVERIFY2(c, qPrintable(k->error));
        QCOMPARE(typing(ivo, c), QStringLiteral("ok"));
        QCOMPARE(typing(ivo, c), QStringLiteral("ok"));
        QVERIFY(k->write(kees, QStringLiteral("chat.remove"),
                         with(inConversation(c), QStringLiteral("userId"), k->id("ivo")))
                    .ok);
        k->client(lotte).pushes().clear();
        QCOMPARE(typing(ivo, c), QStringLiteral("not_found"));
        QCOMPARE(typing(lotte, c), QStringLiteral("ok"));
        QVERIFY(k->barrier(lotte));
        QVERIFY2(!ChatKit::pushed(k->client(lotte),
                                  [&](const Frame& p) {
                                      return isTyping(p, c)
                                          && number(p.payload.value(L("from"))) == k->id("ivo");
                                  }),
                 "a removed member's typing was heard");

        const qint64 g
            = k->group(kees, QStringLiteral("Typeclub"), QStringLiteral("public"), {lotte});
        const qint64 gc = k->groupChat(kees, g);
        QVERIFY2(g && gc, qPrintable(k->error));
        QCOMPARE(typing(lotte, gc), QStringLiteral("ok"));
        QVERIFY(k->write(lotte, QStringLiteral("group.leave"),
                         QJsonObject {{QStringLiteral("groupId"), g}})
                    .ok);
        QCOMPARE(typing(lotte, gc), QStringLiteral("not_found"));
        QCOMPARE(typing(kees, gc), QStringLiteral("ok"));
        QVERIFY(k->write(lotte, QStringLiteral("group.join"),
                         QJsonObject {{QStringLiteral("groupId"), g}})
                    .ok);
        QCOMPARE(typing(lotte, gc), QStringLiteral("ok"));
    }

    // membersBy "creator": only the creator adds, removes and renames; anyone leaves.
    void membersByCreator()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString creator = QStringLiteral("daan");
        const QString member = QStringLiteral("eva");
        const qint64 c
            = k->people(creator, {member, QStringLiteral("frits")}, QStringLiteral("creator"));
        QVERIFY2(c, qPrintable(k->error));
        const QJsonObject add
            = with(inConversation(c), QStringLiteral("userIds"), QJsonArray {k->id("gijs")});
        const QJsonObject removeFrits
            = with(inConversation(c), QStringLiteral("userId"), k->id("frits"));
        QCOMPARE(answerOf(k->write(member, QStringLiteral("chat.add"), add)),
                 QStringLiteral("forbidden"));
        QCOMPARE(answerOf(k->write(member, QStringLiteral("chat.remove"), removeFrits)),
                 QStringLiteral("forbidden"));
        QCOMPARE(answerOf(k->write(
                     member, QStringLiteral("chat.update"),
                     with(inConversation(c), QStringLiteral("title"), QStringLiteral("Nieuw")))),
                 QStringLiteral("forbidden"));
        QCOMPARE(answerOf(k->write(member, QStringLiteral("chat.update"),
                                   with(inConversation(c), QStringLiteral("membersBy"),
                                        QStringLiteral("anyone")))),
                 QStringLiteral("forbidden"));
        const auto added = k->write(creator, QStringLiteral("chat.add"), add);
        QVERIFY(added.ok);
        QCOMPARE(conversationOf(added).value(L("memberCount")).toInt(), 4);
        // Adding who is in already changes nothing.
        const auto again = k->write(creator, QStringLiteral("chat.add"), add);
        QVERIFY(again.ok);
        QCOMPARE(number(again.payload.value(L("seq"))), 0);
        QVERIFY(k->write(creator, QStringLiteral("chat.remove"), removeFrits).ok);
        // The member leaves on their own.
        const auto left
            = k->write(member, QStringLiteral("chat.remove"),
                       with(inConversation(c), QStringLiteral("userId"), k->id(member)));
        QVERIFY(left.ok);
        QCOMPARE(answerOf(k->read(member, QStringLiteral("chat.get"), inConversation(c))),
                 QStringLiteral("not_found"));
        // The creator opens it to everyone.
        const auto opened = k->write(
            creator, QStringLiteral("chat.update"),
            with(with(inConversation(c), QStringLiteral("membersBy"), QStringLiteral("anyone")),
                 QStringLiteral("title"), QStringLiteral("Open")));
        QVERIFY(opened.ok);
        QCOMPARE(conversationOf(opened).value(L("membersBy")).toString(), QStringLiteral("anyone"));
        QCOMPARE(conversationOf(opened).value(L("title")).toString(), QStringLiteral("Open"));
        QVERIFY(k->write(QStringLiteral("gijs"), QStringLiteral("chat.add"),
                         with(inConversation(c), QStringLiteral("userIds"),
                              QJsonArray {k->id("frits")}))
                    .ok);
        // Everyone named must exist; a conversation needs someone besides its creator.
        const auto unknown = k->write(
            creator, QStringLiteral("chat.create"),
            QJsonObject {{QStringLiteral("userIds"), QJsonArray {k->id("eva"), 99999999}}});
        QCOMPARE(answerOf(unknown), QStringLiteral("not_found"));
        QVERIFY(unknown.errorMessage.contains(QStringLiteral("99999999")));
        QCOMPARE(answerOf(k->write(
                     creator, QStringLiteral("chat.create"),
                     QJsonObject {{QStringLiteral("userIds"), QJsonArray {k->id(creator)}}})),
                 QStringLiteral("bad_request"));
    }

    // At most 500 members; typing only up to 100. The many members are made directly in the
    // database: they never log in.
    void largeConversations()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        QStringList statements;
        for (int i = 0; i < 499; ++i)
            statements << QStringLiteral("INSERT INTO users (username, display_name, "
                                         "password_hash, created_at) VALUES ('many%1', "
                                         "'Collega %1', 'x', '2026-01-01T00:00:00.000Z')")
                              .arg(i);
        QVERIFY2(k->sql(statements), qPrintable(k->error));
        // Their ids: the newest 499 users.
        QList<qint64> many;
        const qint64 last = k->id("lotte");
        for (qint64 id = last + 1; id <= last + 499; ++id)
            many << id;
        const auto hundred
            = k->write(QStringLiteral("hanna"), QStringLiteral("chat.create"),
                       QJsonObject {{QStringLiteral("userIds"), idArray(many.mid(0, 100))}});
        QVERIFY2(hundred.ok, qPrintable(hundred.errorMessage));
        const qint64 c = idOf(hundred.payload, L("conversation"));
        QCOMPARE(conversationOf(hundred).value(L("memberCount")).toInt(), 101);
        const auto typing
            = k->read(QStringLiteral("hanna"), QStringLiteral("ephemeral.send"),
                      QJsonObject {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(c)},
                                   {QStringLiteral("signal"), QStringLiteral("typing")}});
        QCOMPARE(answerOf(typing), QStringLiteral("bad_request"));
        QVERIFY(typing.errorMessage.contains(QStringLiteral("100")));

        const auto full = k->write(QStringLiteral("hanna"), QStringLiteral("chat.create"),
                                   QJsonObject {{QStringLiteral("userIds"), idArray(many)}});
        QVERIFY2(full.ok, qPrintable(full.errorMessage));
        QCOMPARE(conversationOf(full).value(L("memberCount")).toInt(), 500);
        const qint64 big = idOf(full.payload, L("conversation"));
        const auto over = k->write(
            QStringLiteral("hanna"), QStringLiteral("chat.add"),
            with(inConversation(big), QStringLiteral("userIds"), QJsonArray {k->id("ivo")}));
        QCOMPARE(answerOf(over), QStringLiteral("too_large"));
        // One of them leaves: room for one.
        QVERIFY(k->write(QStringLiteral("hanna"), QStringLiteral("chat.remove"),
                         with(inConversation(big), QStringLiteral("userId"), many.last()))
                    .ok);
        QVERIFY(k->write(QStringLiteral("hanna"), QStringLiteral("chat.add"),
                         with(inConversation(big), QStringLiteral("userIds"),
                              QJsonArray {k->id("ivo")}))
                    .ok);
        // The list stays small enough to send.
        const auto list = k->read(QStringLiteral("hanna"), QStringLiteral("chat.list"));
        QVERIFY(list.ok);
    }

    // The read position moves forward only; unread counts others' messages after it that are
    // not deleted; every device of the user hears of it.
    void readPositionAndUnread()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString reader = QStringLiteral("ivo");
        const QString writer = QStringLiteral("jet");
        const qint64 c = k->direct(reader, writer);
        QList<qint64> sent;
        for (int i = 0; i < 4; ++i)
            sent << k->send(writer, c, QStringLiteral("bericht %1").arg(i));
        k->send(reader, c, QStringLiteral("mijn eigen"));
        QVERIFY2(!sent.contains(0), qPrintable(k->error));
        const auto unreadOf = [&]() {
            return conversationOf(k->read(reader, QStringLiteral("chat.get"), inConversation(c)))
                .value(L("unread"))
                .toInt();
        };
        QCOMPARE(unreadOf(), 4);
        QVERIFY(k->write(writer, QStringLiteral("chat.delete"), aboutMessage(sent[3])).ok);
        QCOMPARE(unreadOf(), 3);
        auto other = k->connect(reader);
        QVERIFY(other);
        const auto read = k->write(reader, QStringLiteral("chat.read"),
                                   with(inConversation(c), QStringLiteral("messageId"), sent[1]));
        QVERIFY(read.ok);
        QCOMPARE(number(read.payload.value(L("readMessageId"))), sent[1]);
        QCOMPARE(read.payload.value(L("unread")).toInt(), 1);
        QVERIFY(number(read.payload.value(L("seq"))) > 0);
        QVERIFY2(ChatKit::waitFor(*other,
                                  ChatKit::event(QStringLiteral("chat.state"),
                                                 [&](const QJsonObject& d) {
                                                     return number(d.value(L("readMessageId")))
                                                         == sent[1];
                                                 })),
                 "the user's other device did not hear of the read position");
        // Backwards changes nothing.
        const auto back = k->write(reader, QStringLiteral("chat.read"),
                                   with(inConversation(c), QStringLiteral("messageId"), sent[0]));
        QVERIFY(back.ok);
        QCOMPARE(number(back.payload.value(L("seq"))), 0);
        QCOMPARE(number(back.payload.value(L("readMessageId"))), sent[1]);
        QCOMPARE(unreadOf(), 1);
        // A message of another conversation is no position here.
        const qint64 elsewhere
            = k->send(reader, k->direct(reader, QStringLiteral("kees")), QStringLiteral("elders"));
        QCOMPARE(
            answerOf(k->write(reader, QStringLiteral("chat.read"),
                              with(inConversation(c), QStringLiteral("messageId"), elsewhere))),
            QStringLiteral("not_found"));
        // The list carries the same.
        const auto list = k->read(reader, QStringLiteral("chat.list"));
        for (const auto& v : list.payload.value(L("conversations")).toArray()) {
            if (number(v.toObject().value(L("id"))) == c) {
                QCOMPARE(v.toObject().value(L("unread")).toInt(), 1);
                QCOMPARE(number(v.toObject().value(L("readMessageId"))), sent[1]);
            }
        }
    }

    // Mute is the user's, on all their devices.
    void mute()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("kees"), QStringLiteral("lotte"));
        const auto muted = k->write(QStringLiteral("kees"), QStringLiteral("chat.mute"),
                                    with(inConversation(c), QStringLiteral("muted"), true));
        QVERIFY(muted.ok);
        QVERIFY(muted.payload.value(L("muted")).toBool());
        QVERIFY(number(muted.payload.value(L("seq"))) > 0);
        const auto again = k->write(QStringLiteral("kees"), QStringLiteral("chat.mute"),
                                    with(inConversation(c), QStringLiteral("muted"), true));
        QCOMPARE(number(again.payload.value(L("seq"))), 0);
        QVERIFY(conversationOf(
                    k->read(QStringLiteral("kees"), QStringLiteral("chat.get"), inConversation(c)))
                    .value(L("muted"))
                    .toBool());
        QVERIFY(!conversationOf(k->read(QStringLiteral("lotte"), QStringLiteral("chat.get"),
                                        inConversation(c)))
                     .value(L("muted"))
                     .toBool());
        QVERIFY(k->write(QStringLiteral("kees"), QStringLiteral("chat.mute"),
                         with(inConversation(c), QStringLiteral("muted"), false))
                    .ok);
    }

    // Receipts: members who share them see each other's read positions and get chat.seen;
    // one who turned them off sends none and sees none.
    void receipts()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString anna = QStringLiteral("anna");
        const QString bram = QStringLiteral("bram");
        const QString off = QStringLiteral("chantal");
        const qint64 c = k->people(anna, {bram, off});
        const qint64 m = k->send(anna, c, QStringLiteral("Gelezen?"));
        QVERIFY2(c && m, qPrintable(k->error));
        QVERIFY(k->write(off, QStringLiteral("chat.settings"),
                         QJsonObject {{QStringLiteral("receipts"), false}})
                    .ok);
        const auto seenBy = [&](const QString& reader) {
            return ChatKit::event(QStringLiteral("chat.seen"), [&, reader](const QJsonObject& d) {
                return number(d.value(L("conversationId"))) == c
                    && number(d.value(L("userId"))) == k->id(reader);
            });
        };
        const QJsonObject read = with(inConversation(c), QStringLiteral("messageId"), m);
        QVERIFY(k->write(bram, QStringLiteral("chat.read"), read).ok);
        QVERIFY2(ChatKit::waitFor(k->client(anna), seenBy(bram)),
                 "anna did not see that bram read it");
        QVERIFY(k->write(off, QStringLiteral("chat.read"), read).ok);
        QVERIFY(k->barrier(anna));
        QVERIFY(k->barrier(off));
        QVERIFY2(!ChatKit::pushed(k->client(anna), seenBy(off)),
                 "one who does not share receipts sent chat.seen");
        QVERIFY2(!ChatKit::pushed(k->client(off), seenBy(bram)),
                 "one who does not share receipts got chat.seen");
        const auto readersOf = [&](const QString& user) {
            QHash<qint64, qint64> out;
            const auto r = k->read(user, QStringLiteral("chat.get"), inConversation(c));
            for (const auto& v : r.payload.value(L("readers")).toArray())
                out.insert(number(v.toObject().value(L("userId"))),
                           number(v.toObject().value(L("messageId"))));
            return out;
        };
        QCOMPARE(readersOf(anna).value(k->id(bram)), m);
        QVERIFY(!readersOf(anna).contains(k->id(off)));
        QVERIFY(readersOf(off).isEmpty());
        const auto list = k->read(off, QStringLiteral("chat.list"));
        QCOMPARE(list.payload.value(L("settings")).toObject().value(L("receipts")).toBool(true),
                 false);
        QVERIFY(k->write(off, QStringLiteral("chat.settings"),
                         QJsonObject {{QStringLiteral("receipts"), true}})
                    .ok);
    }

    // A group's chat is its members' at every moment: joining lets one in at once, leaving
    // ends it at once; a 'joined' group shows its chat from the join on.
    void groupChatFollowsMembership()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString owner = QStringLiteral("daan");
        const QString newcomer = QStringLiteral("frits");
        const qint64 g = k->group(owner, QStringLiteral("Kanoclub"), QStringLiteral("public"),
                                  {QStringLiteral("eva")}, QStringLiteral("joined"));
        const qint64 c = k->groupChat(owner, g);
        const qint64 before = k->send(owner, c, QStringLiteral("Voor frits er was"));
        QVERIFY2(g && c && before, qPrintable(k->error));
        QCOMPARE(answerOf(k->write(
                     newcomer, QStringLiteral("chat.send"),
                     with(inConversation(c), QStringLiteral("body"), QStringLiteral("mag ik?")))),
                 QStringLiteral("not_found"));
        QVERIFY(k->write(newcomer, QStringLiteral("group.join"),
                         QJsonObject {{QStringLiteral("groupId"), g}})
                    .ok);
        const qint64 mine = k->send(newcomer, c, QStringLiteral("Hallo allemaal"));
        QVERIFY2(mine, qPrintable(k->error));
        const auto history = k->read(newcomer, QStringLiteral("chat.history"), inConversation(c));
        QVERIFY(history.ok);
        QCOMPARE(messageIds(history), QList<qint64> {mine});
        QCOMPARE(answerOf(k->read(newcomer, QStringLiteral("chat.reactors"), aboutMessage(before))),
                 QStringLiteral("not_found"));
        // An edit of the older message does not reach them either.
        QVERIFY(
            k->write(owner, QStringLiteral("chat.edit"),
                     with(aboutMessage(before), QStringLiteral("body"), QStringLiteral("bewerkt")))
                .ok);
        const qint64 live = k->send(owner, c, QStringLiteral("Welkom frits"));
        WsClient& frits = k->client(newcomer);
        QVERIFY(ChatKit::waitFor(
            frits, ChatKit::event(QStringLiteral("chat.message"), [&](const QJsonObject& d) {
                return idOf(d, L("message")) == live;
            })));
        QVERIFY(!ChatKit::pushed(
            frits, ChatKit::event(QStringLiteral("chat.edited"), [&](const QJsonObject& d) {
                return idOf(d, L("message")) == before;
            })));
        // A reply to a message from before they joined quotes nothing of it for them: not
        // live, not in the history, not in the list's last message.
        const qint64 reply = k->send(QStringLiteral("eva"), c, QStringLiteral("Klopt"), before);
        QVERIFY2(reply, qPrintable(k->error));
        const auto* pushedReply = ChatKit::waitFor(
            frits, ChatKit::event(QStringLiteral("chat.message"), [&](const QJsonObject& d) {
                return idOf(d, L("message")) == reply;
            }));
        QVERIFY(pushedReply);
        const QJsonObject livePush = pushedReply->payload;
        const QJsonObject liveQuote = livePush.value(L("data"))
                                          .toObject()
                                          .value(L("message"))
                                          .toObject()
                                          .value(L("replyTo"))
                                          .toObject();
        QCOMPARE(number(liveQuote.value(L("id"))), before);
        QVERIFY(!liveQuote.contains(L("body")) && !liveQuote.contains(L("author")));
        for (const auto& v : k->read(newcomer, QStringLiteral("chat.history"), inConversation(c))
                                 .payload.value(L("messages"))
                                 .toArray()) {
            const QJsonObject quote = v.toObject().value(L("replyTo")).toObject();
            QVERIFY(!quote.contains(L("body")));
        }
        for (const auto& v : k->read(newcomer, QStringLiteral("chat.list"))
                                 .payload.value(L("conversations"))
                                 .toArray()) {
            const QJsonObject last = v.toObject().value(L("lastMessage")).toObject();
            QVERIFY(!last.value(L("replyTo")).toObject().contains(L("body")));
        }
        // Those who may see it read the quote in the history.
        bool quoted = false;
        for (const auto& v : k->read(owner, QStringLiteral("chat.history"), inConversation(c))
                                 .payload.value(L("messages"))
                                 .toArray())
            quoted = quoted
                || v.toObject().value(L("replyTo")).toObject().value(L("body")).toString()
                    == QStringLiteral("bewerkt");
        QVERIFY(quoted);

        // The list has it, titled after the group.
        bool listed = false;
        for (const auto& v : k->read(newcomer, QStringLiteral("chat.list"))
                                 .payload.value(L("conversations"))
                                 .toArray())
            listed = listed
                || (number(v.toObject().value(L("id"))) == c
                    && v.toObject().value(L("title")).toString() == QStringLiteral("Kanoclub"));
        QVERIFY(listed);

        QVERIFY(k->write(newcomer, QStringLiteral("group.leave"),
                         QJsonObject {{QStringLiteral("groupId"), g}})
                    .ok);
        QCOMPARE(answerOf(k->write(
                     newcomer, QStringLiteral("chat.send"),
                     with(inConversation(c), QStringLiteral("body"), QStringLiteral("nog één")))),
                 QStringLiteral("not_found"));
        QCOMPARE(answerOf(k->read(newcomer, QStringLiteral("chat.history"), inConversation(c))),
                 QStringLiteral("not_found"));
        const qint64 after = k->send(owner, c, QStringLiteral("Jammer dat frits weg is"));
        QVERIFY(after);
        QVERIFY(k->barrier(newcomer));
        QVERIFY2(!ChatKit::pushed(frits,
                                  ChatKit::event(QStringLiteral("chat.message"),
                                                 [&](const QJsonObject& d) {
                                                     return idOf(d, L("message")) == after;
                                                 })),
                 "one who left the group was pushed its chat");
        // A group's chat takes no member changes of its own.
        QCOMPARE(answerOf(k->write(owner, QStringLiteral("chat.add"),
                                   with(inConversation(c), QStringLiteral("userIds"),
                                        QJsonArray {k->id(newcomer)}))),
                 QStringLiteral("bad_request"));
    }

    // The list is by last activity, newest first, paged.
    void listOrder()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const QString me = QStringLiteral("bram");
        const qint64 a = k->direct(me, QStringLiteral("kees"));
        const qint64 b = k->direct(me, QStringLiteral("lotte"));
        const qint64 c = k->people(me, {QStringLiteral("kees"), QStringLiteral("lotte")});
        QVERIFY(k->send(QStringLiteral("kees"), a, QStringLiteral("eerst")));
        QVERIFY(k->send(QStringLiteral("lotte"), b, QStringLiteral("daarna")));
        QVERIFY(k->send(me, c, QStringLiteral("toen")));
        QVERIFY(k->send(QStringLiteral("kees"), a, QStringLiteral("en nu weer")));
        const auto first = [&](int offset, int limit) {
            const auto r = k->read(
                me, QStringLiteral("chat.list"),
                QJsonObject {{QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit}});
            QList<qint64> ids;
            for (const auto& v : r.payload.value(L("conversations")).toArray())
                ids << number(v.toObject().value(L("id")));
            return std::make_pair(ids, r.payload.value(L("more")).toBool());
        };
        const auto [top, more] = first(0, 3);
        QCOMPARE(top, (QList<qint64> {a, c, b}));
        QVERIFY(more); // bram has other conversations too
        const auto [next, _] = first(1, 1);
        QCOMPARE(next, QList<qint64> {c});
    }

    // A conversation with oneself holds notes; the same one every time.
    void notesToSelf()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 c = k->direct(QStringLiteral("jet"), QStringLiteral("jet"));
        QVERIFY2(c, qPrintable(k->error));
        QCOMPARE(k->direct(QStringLiteral("jet"), QStringLiteral("jet")), c);
        const auto get
            = k->read(QStringLiteral("jet"), QStringLiteral("chat.get"), inConversation(c));
        QCOMPARE(conversationOf(get).value(L("memberCount")).toInt(), 1);
        QCOMPARE(memberIds(conversationOf(get)), QList<qint64> {k->id("jet")});
        QVERIFY(k->send(QStringLiteral("jet"), c, QStringLiteral("boodschappen")));
    }
};

QTEST_GUILESS_MAIN(TestChatRules)
#include "tst_chat_rules.moc"
