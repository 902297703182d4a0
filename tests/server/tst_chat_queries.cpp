// What chat's reads cost, in process against SQLite and PostgreSQL: unread counts stop at the
// cap; a 'joined' group chat's history pages and unread counts read an id range that starts
// where the member's history does, not all that came before; chat.list reads members only for
// the conversations of its page and is planned alike with and without ANALYZE's statistics;
// typing asks the database nothing once it knows who may type, and forgets that at once as
// members go, and costs no pg_notify on a node alone. The answers are checked on both backends;
// statement counts, their work and plans are SQLite's (its trace hook on the server's own
// connection).
#include "auth/passwords.h"
#include "capabilities/chat/chatcapability.h"
#include "capabilities/groups/groupscapability.h"
#include "core/database.h"
#include "core/eventhooks.h"
#include "core/handlerregistry.h"
#include "core/hub.h"
#include "core/noderelay.h"
#include "core/servercore.h"
#include "core/sessionhooks.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

using namespace plein;
using namespace plein::server;

namespace {

using L = QLatin1StringView;

// Every statement SQLite runs on one connection while this lives, with the work it did (virtual
// machine steps, which grow with the rows a statement visits).
class StatementTrace
{
public:
    struct Statement
    {
        QString sql;
        int steps = 0;
    };

    explicit StatementTrace(QSqlDatabase& db)
        : m_handle(*static_cast<sqlite3* const*>(db.driver()->handle().constData()))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_PROFILE, &StatementTrace::traced, this);
    }
    ~StatementTrace() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }
    StatementTrace(const StatementTrace&) = delete;
    StatementTrace& operator=(const StatementTrace&) = delete;

    QList<Statement> statements;

    // The statements whose text contains `part`.
    QList<Statement> with(const QString& part) const
    {
        QList<Statement> out;
        for (const Statement& s : statements) {
            if (s.sql.contains(part))
                out << s;
        }
        return out;
    }

private:
    static int traced(unsigned, void* context, void* statement, void*)
    {
        auto* self = static_cast<StatementTrace*>(context);
        auto* stmt = static_cast<sqlite3_stmt*>(statement);
        char* sql = sqlite3_expanded_sql(stmt);
        self->statements.append(
            {QString::fromUtf8(sql), sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP, 1)});
        sqlite3_free(sql);
        return 0;
    }

    sqlite3* m_handle;
};

QString planOf(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    QStringList lines;
    if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
        return QStringLiteral("(no plan: %1)").arg(q.lastError().text());
    while (q.next())
        lines << q.value(3).toString();
    return lines.join(u'\n');
}

// chat.list's statement as it was, joining each row's state: the control that shows the
// statistics below do make SQLite plan a join with a Bloom filter.
QString joinedListStatement(qint64 userId)
{
    return QStringLiteral(
               "SELECT c.id, s.read_message_id, s.muted, gm.visible_from FROM conversations c "
               "LEFT JOIN user_groups g ON g.id = c.group_id JOIN (SELECT conversation_id AS id "
               "FROM conversation_members WHERE user_id = %1 UNION SELECT x.id FROM "
               "conversations x JOIN group_members m ON m.group_id = x.group_id WHERE m.user_id "
               "= %1 AND m.state = 'member') mine ON mine.id = c.id LEFT JOIN conversation_state "
               "s ON s.conversation_id = c.id AND s.user_id = %1 LEFT JOIN group_members gm ON "
               "gm.group_id = c.group_id AND gm.user_id = %1 ORDER BY c.last_activity_at DESC, "
               "c.id DESC LIMIT 51 OFFSET 0")
        .arg(userId);
}

// ANALYZE's statistics of a server with 50,000 users in 100 direct conversations each
// (bench/chat's plein-chat-seed), where chat.list went from 3 ms to 150 ms.
const char* const seededStatistics[] = {
    "chat_messages|chat_messages_conversation|5494070 3 1",
    "chat_messages|chat_messages_seq|5494070 3 1",
    "conversation_state|sqlite_autoindex_conversation_state_1|5000000 2 1",
    "conversations|sqlite_autoindex_conversations_2|2500007 1",
    "conversations|sqlite_autoindex_conversations_1|2500007 2500007",
    "users|sqlite_autoindex_users_1|50000 1",
    "user_groups|sqlite_autoindex_user_groups_1|7 1",
    "group_members|group_members_state|3500 500 500 1",
    "group_members|group_members_user|3500 7",
    "group_members|sqlite_autoindex_group_members_1|3500 500 1",
    "conversation_members|conversation_members_user|5003500 101 1",
    "conversation_members|sqlite_autoindex_conversation_members_1|5003500 3 1",
};

qint64 idIn(const QJsonObject& answer, QLatin1StringView key)
{
    return answer.value(key).toObject().value(L("id")).toInteger();
}

} // namespace

class TestChatQueries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<HandlerRegistry> m_handlers;
    std::unique_ptr<EventHooks> m_hooks;
    std::unique_ptr<SessionHooks> m_sessionHooks;
    std::unique_ptr<Hub> m_hub;
    QString m_failure;
    int m_counter = 0;

    bool sqlite() const
    {
        QFETCH_GLOBAL(QString, backend);
        return backend == QLatin1StringView("sqlite");
    }
    ChatService& chat() { return m_core->capability<ChatCapability>().service(); }
    ChatReads& reads() { return m_core->capability<ChatCapability>().reads(); }
    ChatChannels& channels() { return m_core->capability<ChatCapability>().channels(); }
    GroupService& groups() { return m_core->capability<GroupsCapability>().service(); }

    bool openFresh()
    {
        m_hub.reset();
        m_core.reset();
        m_db = std::make_unique<Database>();
        QString error;
        std::optional<DatabaseLocation> location;
        if (!sqlite()) {
            const auto url = test::postgresUrl();
            if (!test::resetPostgres(*url, &error)) {
                qWarning() << "cannot reset PostgreSQL:" << error;
                return false;
            }
            location = DatabaseLocation::parse(*url, QString(), &error);
        } else {
            location = DatabaseLocation::parse(
                QStringLiteral("sqlite:%1/chat-%2.db").arg(m_dir.path()).arg(++m_counter),
                QString(), &error);
        }
        if (!location || m_db->open(*location) || m_db->migrate())
            return false;
        m_core = std::make_unique<ServerCore>(*m_db);
        // Wired as the server wires them: the hub runs every capability's event hooks for each
        // event it reads from the log.
        m_handlers = std::make_unique<HandlerRegistry>();
        m_hooks = std::make_unique<EventHooks>();
        m_sessionHooks = std::make_unique<SessionHooks>();
        m_core->registerAll(*m_handlers, *m_hooks, *m_sessionHooks);
        m_hub = std::make_unique<Hub>(m_core->events, *m_hooks, *m_sessionHooks,
                                      ClientSession::Limits {});
        m_hub->start();
        m_failure.clear();
        return true;
    }

    User makeUser(const QString& name)
    {
        auto u = m_core->accounts.create(
            NewUser {name, name.toUpper(), QString(), QString(), Role::Member,
                     hashPassword(QStringLiteral("password123"), PasswordCost {1, 8192}).value()});
        return u ? u.value() : User {};
    }

    // A write as the dispatcher runs it: the answer, then the hub reads the new events (and
    // runs their hooks). A failure is kept in m_failure.
    template<class Service>
    QJsonObject write(Service& service,
                      Result<WriteService::Outcome> (Service::*method)(const User&,
                                                                       const QJsonObject&),
                      const User& user, QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::Id128));
        auto r = (service.*method)(user, payload);
        if (!r) {
            if (m_failure.isEmpty())
                m_failure = r.error().message;
            return {};
        }
        m_hub->pump();
        return r->result;
    }
    QJsonObject read(Result<QJsonObject> (ChatReads::*method)(const User&, const QJsonObject&),
                     const User& user, const QJsonObject& payload)
    {
        auto r = (reads().*method)(user, payload);
        if (!r) {
            if (m_failure.isEmpty())
                m_failure = r.error().message;
            return {};
        }
        return r.value();
    }

    qint64 send(const User& user, qint64 conversationId, const QString& body)
    {
        return idIn(write(chat(), &ChatService::send, user,
                          {{QStringLiteral("conversationId"), conversationId},
                           {QStringLiteral("body"), body}}),
                    L("message"));
    }

    // `count` messages by `authorId` written straight into the table, as if sent as of the
    // event `seq`; the conversation's newest message follows.
    bool insertMessages(qint64 conversationId, qint64 authorId, int count, qint64 seq)
    {
        QSqlQuery q(m_db->db());
        const bool ok
            = q.exec(QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                         "< %3) INSERT INTO chat_messages (conversation_id, author_id, body, "
                         "mentions, created_at, seq) SELECT %1, %2, 'ouder bericht', '[]', "
                         "'2026-01-01T00:00:00.000Z', %4 FROM n")
                         .arg(conversationId)
                         .arg(authorId)
                         .arg(count)
                         .arg(seq))
            && q.exec(QStringLiteral("UPDATE conversations SET last_message_id = (SELECT MAX(id) "
                                     "FROM chat_messages WHERE conversation_id = %1) WHERE id = "
                                     "%1")
                          .arg(conversationId));
        if (!ok)
            m_failure = q.lastError().text();
        return ok;
    }

    int unreadOf(const User& user, qint64 conversationId)
    {
        return read(&ChatReads::get, user, {{QStringLiteral("conversationId"), conversationId}})
            .value(L("conversation"))
            .toObject()
            .value(L("unread"))
            .toInt(-1);
    }

    QList<qint64> historyIds(const User& user, QJsonObject page)
    {
        QList<qint64> ids;
        for (const auto& m : read(&ChatReads::history, user, page).value(L("messages")).toArray())
            ids << m.toObject().value(L("id")).toInteger();
        return ids;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void initTestCase()
    {
        QVERIFY(initialiseCrypto());
        QVERIFY(m_dir.isValid());
    }

    void init() { QVERIFY(openFresh()); }

    void cleanupTestCase()
    {
        m_hub.reset();
        m_core.reset();
        m_db.reset();
    }

    // A count stops at the cap ("1000 or more"); counting costs what the cap allows, however
    // much more is unread.
    void unreadStopsAtTheCap()
    {
        const User anna = makeUser(QStringLiteral("anna"));
        const User bram = makeUser(QStringLiteral("bram"));
        const qint64 c
            = idIn(write(chat(), &ChatService::open, bram, {{QStringLiteral("userId"), anna.id}}),
                   L("conversation"));
        QVERIFY2(c && send(bram, c, QStringLiteral("Hoi")), qPrintable(m_failure));
        QVERIFY2(insertMessages(c, bram.id, 999, m_core->events.head()), qPrintable(m_failure));
        QCOMPARE(unreadOf(anna, c), 1000);
        int atCap = 0;
        if (sqlite()) {
            StatementTrace trace(m_db->db());
            QCOMPARE(unreadOf(anna, c), 1000);
            const auto counts = trace.with(QStringLiteral("COUNT(*)"));
            QCOMPARE(counts.size(), 1);
            atCap = counts.first().steps;
        }
        QVERIFY(insertMessages(c, bram.id, 4000, m_core->events.head()));
        const qint64 last = send(bram, c, QStringLiteral("Nog eentje"));
        QVERIFY2(last, qPrintable(m_failure));
        QCOMPARE(unreadOf(anna, c), ChatStore::unreadCap);
        if (sqlite()) {
            StatementTrace trace(m_db->db());
            QCOMPARE(unreadOf(anna, c), ChatStore::unreadCap);
            const auto counts = trace.with(QStringLiteral("COUNT(*)"));
            QCOMPARE(counts.size(), 1);
            // 5,001 unread cost what 1,000 did, not five times as much.
            QVERIFY2(counts.first().steps < atCap * 3 / 2,
                     qPrintable(QStringLiteral("%1 steps at 5,001 unread, %2 at 1,000")
                                    .arg(counts.first().steps)
                                    .arg(atCap)));
        }
        // The list says the same; so does a read position that leaves less than the cap.
        const QJsonObject list = read(&ChatReads::list, anna, {});
        QCOMPARE(list.value(L("conversations")).toArray().first().toObject().value(L("unread")),
                 ChatStore::unreadCap);
        const QList<qint64> newest = historyIds(
            anna, {{QStringLiteral("conversationId"), c}, {QStringLiteral("limit"), 4}});
        QCOMPARE(newest.size(), 4);
        const QJsonObject moved = write(
            chat(), &ChatService::read, anna,
            {{QStringLiteral("conversationId"), c}, {QStringLiteral("messageId"), newest.last()}});
        QCOMPARE(moved.value(L("unread")).toInt(), 3);
        QCOMPARE(unreadOf(anna, c), 3);
    }

    // A newcomer to a 'joined' group's chat: pages and unread counts start where their history
    // does, on both backends, and (SQLite) cost the messages they answer, not the 4,000 before.
    void joinedGroupChatReadsFromTheJoin()
    {
        const User daan = makeUser(QStringLiteral("daan"));
        const User eva = makeUser(QStringLiteral("eva"));
        const qint64 g = idIn(write(groups(), &GroupService::create, daan,
                                    {{QStringLiteral("name"), QStringLiteral("Roeiclub")},
                                     {QStringLiteral("kind"), QStringLiteral("public")},
                                     {QStringLiteral("history"), QStringLiteral("joined")}}),
                              L("group"));
        const qint64 c
            = idIn(write(chat(), &ChatService::open, daan, {{QStringLiteral("groupId"), g}}),
                   L("conversation"));
        QVERIFY2(g && c && send(daan, c, QStringLiteral("De eerste")), qPrintable(m_failure));
        QVERIFY2(insertMessages(c, daan.id, 4000, m_core->events.head()), qPrintable(m_failure));
        write(groups(), &GroupService::join, eva, {{QStringLiteral("groupId"), g}});
        QList<qint64> after;
        for (int i = 0; i < 3; ++i)
            after << send(daan, c, QStringLiteral("Na eva %1").arg(i));
        QVERIFY2(m_failure.isEmpty(), qPrintable(m_failure));

        const QJsonObject in {{QStringLiteral("conversationId"), c}};
        const auto page = [&](const char* key, qint64 value) {
            QJsonObject p = in;
            p.insert(QLatin1StringView(key), value);
            return p;
        };
        std::unique_ptr<StatementTrace> trace;
        if (sqlite())
            trace = std::make_unique<StatementTrace>(m_db->db());
        QCOMPARE(historyIds(eva, in), (QList<qint64> {after[2], after[1], after[0]}));
        QCOMPARE(historyIds(eva, page("before", after[0])), QList<qint64> {});
        QCOMPARE(historyIds(eva, page("after", 0)), after);
        QCOMPARE(historyIds(eva, page("after", after[0])), after.mid(1));
        QCOMPARE(unreadOf(eva, c), 3);
        const QJsonArray listed
            = read(&ChatReads::list, eva, {}).value(L("conversations")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(L("unread")).toInt(), 3);
        // Those who were there all along see it all.
        QCOMPARE(historyIds(daan, page("before", after[0])).size(), 50);
        QCOMPARE(unreadOf(daan, c), 0);
        if (!trace)
            return;
        const auto pages = trace->with(QStringLiteral("FROM chat_messages m JOIN users u"));
        const auto counts = trace->with(QStringLiteral("COUNT(*)"));
        QVERIFY(pages.size() >= 4 && counts.size() >= 2);
        // eva's pages and counts (daan's 50 come last): each far below the 4,000 rows before
        // the join.
        for (qsizetype i = 0; i < 4; ++i)
            QVERIFY2(pages[i].steps < 1000,
                     qPrintable(
                         QStringLiteral("%1 steps for %2").arg(pages[i].steps).arg(pages[i].sql)));
        for (qsizetype i = 0; i < 2; ++i)
            QVERIFY2(
                counts[i].steps < 1000,
                qPrintable(
                    QStringLiteral("%1 steps for %2").arg(counts[i].steps).arg(counts[i].sql)));
        // The page's index range is bounded by id on both sides.
        const QString plan = planOf(m_db->db(), pages[1].sql);
        QVERIFY2(plan.contains(QRegularExpression(
                     QStringLiteral("chat_messages_conversation \\(conversation_id=\\? AND "
                                    "id>\\? AND id<\\?\\)"))),
                 qPrintable(plan));
    }

    // chat.list cuts its page (by size: conversations of 500 list their members) before it
    // reads members and unread counts, and then reads them for that page only.
    void listReadsItsPageOnly()
    {
        const User anna = makeUser(QStringLiteral("anna"));
        QStringList people;
        for (int i = 0; i < 499; ++i)
            people << QStringLiteral("('veel%1', 'Collega %1', 'x', '2026-01-01T00:00:00.000Z')")
                          .arg(i);
        QSqlQuery q(m_db->db());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO users (username, display_name, "
                                       "password_hash, created_at) VALUES ")
                        + people.join(u',')),
                 qPrintable(q.lastError().text()));
        QJsonArray many;
        for (qint64 id = anna.id + 1; id <= anna.id + 498; ++id)
            many.append(id);
        QList<qint64> conversations;
        for (int i = 0; i < 20; ++i) {
            const qint64 c = idIn(
                write(chat(), &ChatService::create, anna, {{QStringLiteral("userIds"), many}}),
                L("conversation"));
            QVERIFY2(c && send(anna, c, QStringLiteral("Hallo %1").arg(i)), qPrintable(m_failure));
            conversations << c;
        }
        std::unique_ptr<StatementTrace> trace;
        if (sqlite())
            trace = std::make_unique<StatementTrace>(m_db->db());
        const QJsonObject page = read(&ChatReads::list, anna, {{QStringLiteral("limit"), 50}});
        const QJsonArray listed = page.value(L("conversations")).toArray();
        QVERIFY2(listed.size() > 1 && listed.size() < 20,
                 qPrintable(QString::number(listed.size())));
        QVERIFY(page.value(L("more")).toBool());
        const QJsonObject first = listed.first().toObject();
        QCOMPARE(first.value(L("id")).toInteger(), conversations.last()); // the newest activity
        QCOMPARE(first.value(L("members")).toArray().size(), 499);
        if (!trace)
            return;
        const auto members = trace->with(QStringLiteral("FROM conversation_members m JOIN users"));
        QCOMPARE(members.size(), 1);
        const QRegularExpression in(QStringLiteral("IN \\(([0-9,]*)\\)"));
        const QStringList named = in.match(members.first().sql).captured(1).split(u',');
        QCOMPARE(named.size(), listed.size());
        // Unread counts too: one branch per conversation of the page.
        const auto counts = trace->with(QStringLiteral("COUNT(*)"));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.first().sql.count(QStringLiteral("SELECT 1 FROM chat_messages")),
                 listed.size());
    }

    // With ANALYZE's statistics of a large server, chat.list is planned as without them: no
    // Bloom filter over every user's conversation_state.
    void listPlanIgnoresStatistics()
    {
        if (!sqlite())
            QSKIP("SQLite's planner");
        const User anna = makeUser(QStringLiteral("anna"));
        const User bram = makeUser(QStringLiteral("bram"));
        const qint64 c
            = idIn(write(chat(), &ChatService::open, anna, {{QStringLiteral("userId"), bram.id}}),
                   L("conversation"));
        QVERIFY2(c && send(bram, c, QStringLiteral("Hoi")), qPrintable(m_failure));
        const auto listStatement = [&]() {
            StatementTrace trace(m_db->db());
            read(&ChatReads::list, anna, {});
            const auto found = trace.with(QStringLiteral("ORDER BY c.last_activity_at DESC"));
            return found.isEmpty() ? QString() : found.first().sql;
        };
        const QString statement = listStatement();
        QVERIFY(!statement.isEmpty());
        const QString without = planOf(m_db->db(), statement);
        QVERIFY2(!without.contains(QStringLiteral("BLOOM")), qPrintable(without));

        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("ANALYZE")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM sqlite_stat1")));
        for (const char* row : seededStatistics) {
            const QStringList parts = QString::fromLatin1(row).split(u'|');
            q.prepare(QStringLiteral("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)"));
            q.addBindValue(parts[0]);
            q.addBindValue(parts[1]);
            q.addBindValue(parts[2]);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(QStringLiteral("ANALYZE sqlite_schema"))); // loads them
        const QString control = planOf(m_db->db(), joinedListStatement(anna.id));
        QVERIFY2(control.contains(QStringLiteral("BLOOM FILTER ON s")),
                 qPrintable(QStringLiteral("the statistics no longer provoke a Bloom filter:\n")
                            + control));
        const QString with = planOf(m_db->db(), listStatement());
        QVERIFY2(!with.contains(QStringLiteral("BLOOM")), qPrintable(with));
        QVERIFY2(with.contains(QStringLiteral("SEARCH s USING INDEX")), qPrintable(with));
        const QJsonArray listed
            = read(&ChatReads::list, anna, {}).value(L("conversations")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(L("unread")).toInt(), 1);
    }

    // Typing: the database is asked once per conversation (and group member); after that a
    // signal costs no statement. A member removed, or who left the group, is refused at once.
    void typingAsksTheDatabaseOnce()
    {
        const User anna = makeUser(QStringLiteral("anna"));
        const User bram = makeUser(QStringLiteral("bram"));
        const User chantal = makeUser(QStringLiteral("chantal"));
        const User eva = makeUser(QStringLiteral("eva"));
        const qint64 c
            = idIn(write(chat(), &ChatService::create, anna,
                         {{QStringLiteral("userIds"), QJsonArray {bram.id, chantal.id}}}),
                   L("conversation"));
        QVERIFY2(c, qPrintable(m_failure));
        const QString typing = QStringLiteral("typing");
        const auto audience = channels().resolve(chantal, c, typing);
        QVERIFY(audience && audience.value());
        QCOMPARE(audience.value()->users, (QList<qint64> {anna.id, bram.id, chantal.id}));
        if (sqlite()) {
            StatementTrace trace(m_db->db());
            for (const User& u : {anna, bram, chantal})
                QVERIFY(channels().resolve(u, c, typing).value());
            QCOMPARE(trace.statements.size(), 0);
        }
        // Not a member: refused, and nothing kept for it.
        const qsizetype kept = channels().keptConversations();
        QVERIFY(!channels().resolve(eva, c, typing).value());
        QVERIFY(!channels().resolve(eva, c + 1000, typing).value());
        QCOMPARE(channels().keptConversations(), kept);

        write(chat(), &ChatService::remove, anna,
              {{QStringLiteral("conversationId"), c}, {QStringLiteral("userId"), chantal.id}});
        QVERIFY2(m_failure.isEmpty(), qPrintable(m_failure));
        QVERIFY2(!channels().resolve(chantal, c, typing).value(),
                 "a member removed could still type");
        const auto after = channels().resolve(bram, c, typing);
        QVERIFY(after && after.value());
        QCOMPARE(after.value()->users, (QList<qint64> {anna.id, bram.id}));
        // A signal another node checked and passed on reaches the members this node knows
        // now: the removal it read counts, whatever the sender's node knew.
        const std::optional<ChannelAudience> hearers = channels().hearers(c);
        QVERIFY(hearers);
        QCOMPARE(hearers->users, (QList<qint64> {anna.id, bram.id}));
        QVERIFY(!channels().hearers(c + 1000));

        // A group's chat follows the group.
        const qint64 g = idIn(write(groups(), &GroupService::create, anna,
                                    {{QStringLiteral("name"), QStringLiteral("Zeilclub")},
                                     {QStringLiteral("kind"), QStringLiteral("public")}}),
                              L("group"));
        write(groups(), &GroupService::join, bram, {{QStringLiteral("groupId"), g}});
        const qint64 gc
            = idIn(write(chat(), &ChatService::open, anna, {{QStringLiteral("groupId"), g}}),
                   L("conversation"));
        QVERIFY2(g && gc, qPrintable(m_failure));
        QVERIFY(channels().resolve(bram, gc, typing).value());
        QVERIFY(channels().resolve(anna, gc, typing).value());
        if (sqlite()) {
            StatementTrace trace(m_db->db());
            QCOMPARE(channels().resolve(bram, gc, typing).value()->groupId, g);
            QVERIFY(channels().resolve(anna, gc, typing).value());
            QCOMPARE(trace.statements.size(), 0);
        }
        QVERIFY(!channels().resolve(eva, gc, typing).value());
        QCOMPARE(channels().hearers(gc)->groupId, g);
        write(groups(), &GroupService::leave, bram, {{QStringLiteral("groupId"), g}});
        QVERIFY2(!channels().resolve(bram, gc, typing).value(), "one who left could still type");
        QVERIFY(channels().resolve(anna, gc, typing).value());
        write(groups(), &GroupService::join, bram, {{QStringLiteral("groupId"), g}});
        QVERIFY(channels().resolve(bram, gc, typing).value());
        QVERIFY2(m_failure.isEmpty(), qPrintable(m_failure));
    }

    // A node alone on PostgreSQL passes no typing to other nodes (no pg_notify per signal);
    // once another node is heard from, it does. Presence's own notes go regardless, so that
    // nodes find each other.
    void signalsStayHomeOnANodeAlone()
    {
        NodeRelay relay;
        QList<QByteArray> sent;
        relay.setTransport([&](const QByteArray& note) { sent << note; });
        const QJsonObject signal {{QStringLiteral("frame"), QStringLiteral("{}")}};
        QVERIFY(!relay.publish(QStringLiteral("ephemeral"), signal));
        QVERIFY(relay.publish(QStringLiteral("presence"),
                              {{QStringLiteral("type"), QStringLiteral("alive")}},
                              NodeRelay::Reach::Always));
        QCOMPARE(sent.size(), 1);
        // Its own note coming back is nobody else.
        relay.receive(sent.first());
        QVERIFY(!relay.hearsOthers());
        QVERIFY(!relay.publish(QStringLiteral("ephemeral"), signal));
        relay.receive(R"({"node":"another","topic":"presence","type":"alive","n":1})");
        QVERIFY(relay.hearsOthers());
        QVERIFY(relay.publish(QStringLiteral("ephemeral"), signal));
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent.last().contains("ephemeral"));
    }
};

QTEST_GUILESS_MAIN(TestChatQueries)
#include "tst_chat_queries.moc"
