// The store, run against SQLite and PostgreSQL with the same tests (global data rows).
#include "auth/passwords.h"
#include "capabilities/feed/feedcapability.h"
#include "capabilities/groups/groupscapability.h"
#include "capabilities/people/peopleservice.h"
#include "capabilities/search/searchreads.h"
#include "core/database.h"
#include "core/readpool.h"
#include "core/servercore.h"
#include "protocol/limits.h"
#include "protocol/registry.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::server;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerCore> m_core;

    FeedService& feed() { return m_core->capability<FeedCapability>().service(); }
    FeedStore& feedStore() { return m_core->capability<FeedCapability>().store(); }
    // A reader with every feature, receiving the groups the user is a member of.
    Reader readerFor(qint64 userId)
    {
        const QStringList all = plein::protocol::allFeatures();
        return Reader {userId, m_core->audience.groupsOf(userId),
                       QSet<QString>(all.begin(), all.end())};
    }
    int m_counter = 0;
    std::optional<DatabaseLocation> m_location;

    bool openFresh(int version = -1)
    {
        QFETCH_GLOBAL(QString, backend);
        m_core.reset();
        m_db = std::make_unique<Database>();
        QString error;
        std::optional<DatabaseLocation> location;
        if (backend == QLatin1StringView("postgresql")) {
            const auto url = test::postgresUrl();
            if (!resetPostgresOrFail(*url))
                return false;
            location = DatabaseLocation::parse(*url, QString(), &error);
        } else {
            location = DatabaseLocation::parse(
                QStringLiteral("sqlite:%1/store-%2.db").arg(m_dir.path()).arg(++m_counter),
                QString(), &error);
        }
        if (!location) {
            qWarning() << error;
            return false;
        }
        m_location = location;
        if (auto e = m_db->open(*location)) {
            qWarning() << *e;
            return false;
        }
        if (auto e = m_db->migrate(version)) {
            qWarning() << *e;
            return false;
        }
        m_core = std::make_unique<ServerCore>(*m_db);
        return true;
    }

    bool resetPostgresOrFail(const QString& url)
    {
        QString error;
        if (!test::resetPostgres(url, &error)) {
            qWarning() << "cannot reset PostgreSQL:" << error;
            return false;
        }
        return true;
    }

    User makeUser(const QString& name, Role role = Role::Member)
    {
        auto u = m_core->accounts.create(
            NewUser {name, name.toUpper(), QString(), QString(), role,
                     hashPassword(QStringLiteral("password123"), PasswordCost {1, 8192}).value()});
        return u ? u.value() : User {};
    }

    // A user as a server of an older schema wrote it (today's AccountStore::create also writes
    // the user_profiles row, which older schemas lack).
    User makeOldUser(const QString& name, const QString& displayName = QString())
    {
        QSqlQuery q(m_db->db());
        q.prepare(QStringLiteral("INSERT INTO users (username, display_name, password_hash, "
                                 "created_at) VALUES (?, ?, 'x', '2026-11-01T00:00:00.000Z')"));
        q.addBindValue(name);
        q.addBindValue(displayName.isEmpty() ? name.toUpper() : displayName);
        if (!q.exec()) {
            qWarning() << q.lastError().text();
            return User {};
        }
        q.finish();
        const auto u = m_core->accounts.findByUsername(name);
        return u ? *u : User {};
    }

    QJsonObject createPayload(const QString& clientId, const QString& body, qint64 parent = 0)
    {
        QJsonObject p {{QStringLiteral("clientId"), clientId}, {QStringLiteral("body"), body}};
        if (parent)
            p.insert(QStringLiteral("parentId"), parent);
        return p;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void initTestCase()
    {
        QVERIFY(initialiseCrypto());
        QVERIFY(m_dir.isValid());
        if (test::postgresRequired())
            QVERIFY2(test::postgresUrl(), "CI requires PLEIN_TEST_POSTGRES");
    }

    void init() { QVERIFY(openFresh()); }

    // A read that runs past the pool's time limit is cancelled on both databases, answered
    // with an error that says so, and the same connection serves the next read.
    void readPoolCancelsLongReads()
    {
        QVERIFY(m_location);
        ReadPool pool(*m_location, 1, 4, nullptr, 300);
        QVERIFY(!pool.start());
        const auto run = [&pool](const QString& statement) -> std::optional<Result<QJsonObject>> {
            std::optional<Result<QJsonObject>> answer;
            const bool queued = pool.submit(
                [statement](Database& db) -> Result<QJsonObject> {
                    // Like a careless job: rows read until they end, the error not looked at.
                    // The pool still answers a read it cut off as such.
                    QSqlQuery q(db.db());
                    q.setForwardOnly(true);
                    if (!q.exec(statement))
                        return protocol::Error {protocol::ErrorCode::Internal,
                                                q.lastError().text()};
                    qint64 last = 0;
                    while (q.next())
                        last = q.value(0).toLongLong();
                    return QJsonObject {{QStringLiteral("value"), last}};
                },
                [&answer](const Result<QJsonObject>& r) { answer = r; });
            if (queued && !QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
                qWarning() << "the read pool did not answer";
            return answer;
        };
        // Cut off while the first row is made (an aggregate) and while rows stream (next()).
        for (const QString& statement :
             {QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                             "SELECT count(*) FROM c"),
              QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                             "SELECT x FROM c LIMIT 1000000000")}) {
            QElapsedTimer took;
            took.start();
            const auto endless = run(statement);
            QVERIFY(endless);
            QVERIFY(!*endless);
            QCOMPARE(endless->error().code, protocol::ErrorCode::Unavailable);
            QVERIFY2(took.elapsed() >= 250 && took.elapsed() < 8000,
                     qPrintable(QString::number(took.elapsed())));
        }
        const auto next = run(QStringLiteral("SELECT 41 + 1"));
        QVERIFY(next);
        QVERIFY(*next);
        QCOMPARE((*next)->value(QLatin1StringView("value")).toInteger(), 42);
    }

    void schemaIsCurrent()
    {
        QCOMPARE(m_db->schemaVersion(), m_db->latestSchemaVersion());
        QVERIFY(m_db->latestSchemaVersion() >= 2);
        // Migrating again is a no-op.
        QVERIFY(!m_db->migrate());
    }

    // A database created at version 1, with data in it, upgrades to the latest version.
    void upgradeFromVersion1()
    {
        QVERIFY(openFresh(1));
        QCOMPARE(m_db->schemaVersion(), 1);
        QVERIFY(!m_db->db().tables().contains(QStringLiteral("posts")));
        const User anna = makeOldUser(QStringLiteral("anna"));
        QVERIFY(anna.id > 0);
        // Written as a version 1 server wrote it: today's code needs the later columns.
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("UPDATE event_counter SET last_seq = 1")));
        QVERIFY(
            q.exec(QStringLiteral(
                       "INSERT INTO events (seq, kind, actor_id, scope, data, created_at) VALUES "
                       "(1, 'user.created', %1, 'all', '{}', '2026-11-01T00:00:00.000Z')")
                       .arg(anna.id)));
        q.finish();

        QVERIFY(!m_db->migrate());
        QCOMPARE(m_db->schemaVersion(), m_db->latestSchemaVersion());
        const auto found = m_core->accounts.findByUsername(QStringLiteral("anna"));
        QVERIFY(found);
        QCOMPARE(found->id, anna.id);
        QCOMPARE(m_core->events.head(), qint64(1));
        auto created = feed().create(
            anna, createPayload(QStringLiteral("after-upgrade"), QStringLiteral("hi")));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        QCOMPARE(m_core->events.head(), qint64(2));
    }

    // Profiles on a database with users: 010 gives those from before it a row keyed with SQL's
    // LOWER(), a user made between 010 and 013 has none; after 013 and the server's start
    // every user has a row keyed in C++, so an accented name is found without its accent.
    void upgradeProfilesWithUsers()
    {
        QVERIFY(openFresh(8));
        const User emile = makeOldUser(QStringLiteral("emile"), QStringLiteral("Émile Zoë"));
        QVERIFY(emile.id > 0);
        QVERIFY(!m_db->migrate(10));
        const User oeke = makeOldUser(QStringLiteral("oeke"), QStringLiteral("Ŏeke Ørsted"));
        QVERIFY(oeke.id > 0);
        QVERIFY(!m_db->migrate());
        QCOMPARE(m_db->schemaVersion(), m_db->latestSchemaVersion());
        m_core = std::make_unique<ServerCore>(*m_db); // a server starting on it
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT u.username, p.name_key, p.search_key FROM users u "
                                      "LEFT JOIN user_profiles p ON p.user_id = u.id ORDER BY "
                                      "u.username")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        q.finish();
        QCOMPARE(rows,
                 QStringList({QStringLiteral("emile|emile zoe|emile zoe emile"),
                              QStringLiteral("oeke|oeke orsted|oeke orsted oeke")}));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM server_meta WHERE key = "
                                      "'people_rekey'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // once
        q.finish();
        const auto found = PeopleService::search(
            *m_db, emile, {}, {{QStringLiteral("query"), QStringLiteral("émile")}});
        QVERIFY(found.ok());
        QCOMPARE(found->value(QLatin1StringView("people")).toArray().size(), 1);
        // A user made now has a row from the start.
        const User noor = makeUser(QStringLiteral("noor"));
        QVERIFY(noor.id > 0);
        const auto byId = PeopleService::search(*m_db, emile, {}, {{QStringLiteral("after"), 0}});
        QVERIFY(byId.ok());
        QCOMPARE(byId->value(QLatin1StringView("people")).toArray().size(), 3);
    }

    // Posts written before topics (version 13) are tagged on the server's next start, in
    // batches and once: a reply's topics for its thread, code and deleted posts not at all.
    void upgradeTagsOlderPosts()
    {
        QVERIFY(openFresh(13));
        const User anna = makeOldUser(QStringLiteral("anna"));
        QSqlQuery q(m_db->db());
        const auto insert = [&](const QString& body, qint64 parent, bool deleted) -> qint64 {
            q.prepare(QStringLiteral("INSERT INTO posts (author_id, parent_id, body, created_at, "
                                     "deleted) VALUES (?, ?, ?, '2026-11-01T00:00:00.000Z', ?)"));
            q.addBindValue(anna.id);
            q.addBindValue(parent ? QVariant(parent) : QVariant(QMetaType(QMetaType::LongLong)));
            q.addBindValue(body);
            q.addBindValue(deleted ? 1 : 0);
            if (!q.exec() || !q.exec(QStringLiteral("SELECT MAX(id) FROM posts")) || !q.next())
                return 0;
            const qint64 id = q.value(0).toLongLong();
            q.finish();
            return id;
        };
        const qint64 root = insert(QStringLiteral("De #Dijk en `#code`"), 0, false);
        QVERIFY(root);
        QVERIFY(insert(QStringLiteral("#sluis"), root, false));
        QVERIFY(insert(QStringLiteral("#weg"), 0, true));
        QVERIFY(m_db->db().transaction());
        for (int i = 0; i < 1100; ++i) // more than two batches
            QVERIFY(insert(QStringLiteral("#bulk %1").arg(i), 0, false));
        QVERIFY(m_db->db().commit());
        QVERIFY(!m_db->migrate());
        m_core = std::make_unique<ServerCore>(*m_db); // a server starting on it
        const auto topicCount = [&](const QString& topic) {
            QSqlQuery c(m_db->db());
            c.prepare(
                QStringLiteral("SELECT COUNT(*), MIN(post_id) FROM post_topics WHERE topic = ?"));
            c.addBindValue(topic);
            return c.exec() && c.next() ? std::pair(c.value(0).toInt(), c.value(1).toLongLong())
                                        : std::pair(-1, qint64(0));
        };
        QCOMPARE(topicCount(QStringLiteral("dijk")), std::pair(1, root));
        QCOMPARE(topicCount(QStringLiteral("sluis")), std::pair(1, root));
        QCOMPARE(topicCount(QStringLiteral("code")).first, 0);
        QCOMPARE(topicCount(QStringLiteral("weg")).first, 0);
        QCOMPARE(topicCount(QStringLiteral("bulk")).first, 1100);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM server_meta WHERE key = "
                                      "'feed_topics_backfill'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // once
        q.finish();
        auto page = feed().page(anna, {{QStringLiteral("topic"), QStringLiteral("sluis")}});
        QVERIFY(page.ok());
        QCOMPARE(page->value(QLatin1StringView("posts")).toArray().size(), 1);
    }

    // A database with posts from before groups (version 2) upgrades: the old posts stay in the
    // company feed and readable by id, and groups work on it.
    void upgradeWithPostsFromVersion2()
    {
        QVERIFY(openFresh(2));
        const User anna = makeOldUser(QStringLiteral("anna"));
        QSqlQuery q(m_db->db());
        QVERIFY(
            q.exec(QStringLiteral(
                       "INSERT INTO posts (author_id, body, created_at) VALUES (%1, 'old post', "
                       "'2026-11-01T00:00:00.000Z')")
                       .arg(anna.id)));
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(id) FROM posts")) && q.next());
        const qint64 old = q.value(0).toLongLong();
        q.finish();
        QVERIFY(!m_db->migrate());
        QCOMPARE(m_db->schemaVersion(), m_db->latestSchemaVersion());
        auto page = feed().page(anna, {});
        QVERIFY(page.ok());
        QCOMPARE(page->value(QLatin1StringView("posts")).toArray().size(), 1);
        QVERIFY(feed().thread(anna, QJsonObject {{QStringLiteral("postId"), old}}).ok());
        auto group = m_core->capability<GroupsCapability>().service().create(
            anna,
            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("group-0001")},
                         {QStringLiteral("name"), QStringLiteral("Dijkbeheer")},
                         {QStringLiteral("kind"), QStringLiteral("private")}});
        QVERIFY2(group.ok(), qPrintable(group.ok() ? QString() : group.error().message));
    }

    // Posts written before search existed (schema 10) are found after the upgrade: the
    // migration fills the index from what is there, and edits after it keep it right.
    void upgradeMakesOldPostsSearchable()
    {
        QVERIFY(openFresh(10));
        const User anna = makeOldUser(QStringLiteral("anna"));
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO posts (author_id, body, created_at, seq) VALUES "
                                      "(%1, 'De dijkversterking bij Kampen is klaar', "
                                      "'2026-11-01T00:00:00.000Z', 1)")
                           .arg(anna.id)));
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(id) FROM posts")) && q.next());
        const qint64 old = q.value(0).toLongLong();
        q.finish();
        QVERIFY(!m_db->migrate());
        QCOMPARE(m_db->schemaVersion(), m_db->latestSchemaVersion());
        const auto find = [&](const QString& words) {
            const auto r = SearchReads::query(*m_db, anna, {QStringLiteral("feed")},
                                              QJsonObject {{QStringLiteral("q"), words}});
            QList<qint64> ids;
            if (!r) {
                qWarning() << r.error().message;
                return ids;
            }
            for (const auto& hit : r->value(QLatin1StringView("results")).toArray())
                ids << hit.toObject().value(QLatin1StringView("id")).toInteger();
            return ids;
        };
        QCOMPARE(find(QStringLiteral("dijkversterking")), QList<qint64> {old});
        QCOMPARE(find(QStringLiteral("kamp")), QList<qint64> {old}); // a prefix
        auto edited = feed().edit(
            anna,
            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("edit-old-0001")},
                         {QStringLiteral("postId"), old},
                         {QStringLiteral("body"), QStringLiteral("Het gemaal bij Zwolle")}});
        QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
        QVERIFY(find(QStringLiteral("dijkversterking")).isEmpty());
        QCOMPARE(find(QStringLiteral("gemaal")), QList<qint64> {old});
    }

    void accountsAndSessions()
    {
        const User anna = makeUser(QStringLiteral("anna"), Role::Admin);
        QCOMPARE(anna.role, Role::Admin);
        QVERIFY(!m_core->accounts.create(NewUser {QStringLiteral("anna"),
                                                  QStringLiteral("x"),
                                                  {},
                                                  {},
                                                  Role::Member,
                                                  QStringLiteral("h")}));
        QVERIFY(m_core->accounts.findByUsername(QStringLiteral("ANNA")));
        const QString token = newSessionToken();
        QCOMPARE(token.size(), 43);
        QVERIFY(m_core->accounts.createSession(anna.id, hashToken(token), QStringLiteral("test")));
        const QString longAgo = QStringLiteral("2000-01-01T00:00:00.000Z");
        QVERIFY(m_core->accounts.userForToken(hashToken(token), longAgo));
        // Unused since before the cutoff: expired.
        QVERIFY(!m_core->accounts.userForToken(hashToken(token),
                                               QStringLiteral("2999-01-01T00:00:00.000Z")));
        QVERIFY(m_core->accounts.revokeSession(hashToken(token)).value());
        QVERIFY(!m_core->accounts.userForToken(hashToken(token), longAgo));

        const QString second = newSessionToken();
        QVERIFY(m_core->accounts.createSession(anna.id, hashToken(second), QString()));
        QVERIFY(m_core->accountService.setActive(QStringLiteral("anna"), false));
        QVERIFY(!m_core->accounts.userForToken(hashToken(second), longAgo));
        QVERIFY(m_core->accountService.setActive(QStringLiteral("anna"), true));
        // Deactivation revoked the session for good.
        QVERIFY(!m_core->accounts.userForToken(hashToken(second), longAgo));
    }

    void eventScopes()
    {
        const User a = makeUser(QStringLiteral("a"));
        const User b = makeUser(QStringLiteral("b"));
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO user_groups (name, created_at) VALUES ('dike', 'now')")));
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM user_groups WHERE name = 'dike'"))
                && q.next());
        const qint64 group = q.value(0).toLongLong();
        q.finish();
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO group_members (group_id, user_id) VALUES (%1, %2)")
                       .arg(group)
                       .arg(a.id)));
        const qint64 base = m_core->events.head();
        auto appended = m_core->writes.runUnlogged([&]() -> Result<QJsonObject> {
            for (const Scope& s :
                 {Scope::everyone(), Scope::group(group), Scope::usersOnly({b.id})}) {
                auto r = m_core->events.append(QStringLiteral("test"), a.id, s, {});
                if (!r)
                    return r.error();
            }
            return QJsonObject();
        });
        QVERIFY(appended.ok());
        const auto seen = [&](const User& u) {
            auto page = m_core->events.since(base, readerFor(u.id), 100);
            QList<qint64> seqs;
            for (const auto& e : page->events)
                seqs << e.seq - base;
            return seqs;
        };
        QCOMPARE(seen(a), (QList<qint64> {1, 2}));
        QCOMPARE(seen(b), (QList<qint64> {1, 3}));
        auto all = m_core->events.after(base, 10);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(2).scope.users, QList<qint64> {b.id});
    }

    void pagingAndResync()
    {
        const User a = makeUser(QStringLiteral("a"));
        for (int i = 0; i < 25; ++i)
            QVERIFY(feed().create(a,
                                  createPayload(QStringLiteral("client-%1").arg(i),
                                                QStringLiteral("post %1").arg(i))));
        const qint64 head = m_core->events.head();
        qint64 cursor = 0;
        int pages = 0;
        int count = 0;
        for (;;) {
            auto page = m_core->events.since(cursor, readerFor(a.id), 10);
            QVERIFY(page.ok());
            QVERIFY(!page->resync);
            count += int(page->events.size());
            ++pages;
            for (const auto& e : page->events)
                QVERIFY(e.seq > cursor);
            cursor = page->next;
            if (!page->more)
                break;
        }
        QCOMPARE(cursor, head);
        QVERIFY(pages >= 3);
        QCOMPARE(count, int(head));
        // A cursor beyond the head (a restored backup) and a pruned one both ask for a resync.
        QVERIFY(m_core->events.since(head + 10, readerFor(a.id), 10)->resync);
        auto pruned = m_core->writes.runUnlogged([&]() -> Result<QJsonObject> {
            auto r = m_core->events.pruneBefore(QStringLiteral("2999-01-01T00:00:00.000Z"));
            if (!r)
                return r.error();
            return QJsonObject();
        });
        QVERIFY(pruned.ok());
        QCOMPARE(m_core->events.prunedThrough(), head);
        QVERIFY(m_core->events.since(0, readerFor(a.id), 10)->resync);
        QVERIFY(!m_core->events.since(head, readerFor(a.id), 10)->resync);
    }

    void pagesAreCutBySize()
    {
        const User a = makeUser(QStringLiteral("a"));
        const QString body(5000, u'x');
        for (int i = 0; i < 300; ++i)
            QVERIFY(feed().create(a, createPayload(QStringLiteral("long-%1").arg(i), body)));
        auto page = m_core->events.since(0, readerFor(a.id), 1000);
        QVERIFY(page->more);
        QVERIFY(page->events.size() > 100);
        QVERIFY(page->events.size() < 300);
        QCOMPARE(page->next, page->events.last().seq);
        qint64 bytes = 0;
        for (const auto& e : page->events)
            bytes += e.approxBytes;
        QVERIFY(bytes <= protocol::maxSyncPageBytes + 6000);
    }

    void feedRules()
    {
        const User a = makeUser(QStringLiteral("a"));
        const User b = makeUser(QStringLiteral("b"));
        const User admin = makeUser(QStringLiteral("boss"), Role::Admin);
        auto root = feed().create(
            a, createPayload(QStringLiteral("root-0001"), QStringLiteral("hello @b")));
        QVERIFY(root.ok());
        const QJsonObject post = root->result.value(QLatin1StringView("post")).toObject();
        const qint64 rootId = qint64(post.value(QLatin1StringView("id")).toDouble());
        QCOMPARE(post.value(QLatin1StringView("author"))
                     .toObject()
                     .value(QLatin1StringView("username"))
                     .toString(),
                 QStringLiteral("a"));
        // The mention is recorded.
        QSqlQuery q(m_db->db());
        QVERIFY(
            q.exec(QStringLiteral("SELECT user_id FROM mentions WHERE post_id = %1").arg(rootId))
            && q.next());
        QCOMPARE(q.value(0).toLongLong(), b.id);

        auto reply = feed().create(
            b, createPayload(QStringLiteral("reply-0001"), QStringLiteral("hi"), rootId));
        QVERIFY(reply.ok());
        const qint64 replyId = qint64(reply->result.value(QLatin1StringView("post"))
                                          .toObject()
                                          .value(QLatin1StringView("id"))
                                          .toDouble());
        // A reply to a reply joins the top-level thread.
        auto nested = feed().create(
            a, createPayload(QStringLiteral("reply-0002"), QStringLiteral("re"), replyId));
        QCOMPARE(qint64(nested->result.value(QLatin1StringView("post"))
                            .toObject()
                            .value(QLatin1StringView("parentId"))
                            .toDouble()),
                 rootId);

        // Only the author or an admin edits and deletes.
        const QJsonObject edit {{QStringLiteral("clientId"), QStringLiteral("edit-0001")},
                                {QStringLiteral("postId"), rootId},
                                {QStringLiteral("body"), QStringLiteral("changed")}};
        auto denied = feed().edit(b, edit);
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code, protocol::ErrorCode::Forbidden);
        QVERIFY(feed().edit(admin, edit).ok());
        QCOMPARE(feedStore().find(rootId)->body, QStringLiteral("changed"));

        // Likes toggle; the same like twice counts once.
        const auto like = [&](const User& u, const QString& id, bool liked) {
            return feed().like(u,
                               QJsonObject {{QStringLiteral("clientId"), id},
                                            {QStringLiteral("postId"), rootId},
                                            {QStringLiteral("liked"), liked}});
        };
        QVERIFY(like(b, QStringLiteral("like-0001"), true).ok());
        QVERIFY(like(b, QStringLiteral("like-0002"), true).ok());
        QVERIFY(like(a, QStringLiteral("like-0003"), true).ok());
        QCOMPARE(feedStore().find(rootId)->likes, 2);
        QVERIFY(like(b, QStringLiteral("like-0004"), false).ok());
        QCOMPARE(feedStore().find(rootId)->likes, 1);
        QVERIFY(feedStore().find(rootId, a.id)->likedByMe);
        QVERIFY(!feedStore().find(rootId, b.id)->likedByMe);

        auto thread = feed().thread(a, QJsonObject {{QStringLiteral("postId"), rootId}});
        QVERIFY(thread.ok());
        QCOMPARE(thread->value(QLatin1StringView("replies")).toArray().size(), 2);
        QCOMPARE(thread->value(QLatin1StringView("post"))
                     .toObject()
                     .value(QLatin1StringView("replies"))
                     .toInt(),
                 2);

        const QJsonObject del {{QStringLiteral("clientId"), QStringLiteral("del-0001")},
                               {QStringLiteral("postId"), rootId}};
        QCOMPARE(feed().remove(b, del).error().code, protocol::ErrorCode::Forbidden);
        QVERIFY(feed()
                    .remove(a,
                            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("del-0002")},
                                         {QStringLiteral("postId"), rootId}})
                    .ok());
        QVERIFY(feedStore().find(rootId)->deleted);
        QVERIFY(feedStore().find(rootId)->body.isEmpty());
        auto page = feed().page(a, {});
        QCOMPARE(page->value(QLatin1StringView("posts")).toArray().size(), 0);
    }

    void idempotentWrites()
    {
        const User a = makeUser(QStringLiteral("a"));
        const User b = makeUser(QStringLiteral("b"));
        const qint64 head = m_core->events.head();
        const auto payload
            = createPayload(QStringLiteral("same-client-id"), QStringLiteral("once"));
        auto first = feed().create(a, payload);
        auto second = feed().create(a, payload);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(!first->replayed);
        QVERIFY(second->replayed);
        QCOMPARE(second->result, first->result);
        QCOMPARE(m_core->events.head(), head + 1);
        // Same id, other content: conflict, nothing written.
        auto other = feed().create(
            a, createPayload(QStringLiteral("same-client-id"), QStringLiteral("twice")));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, protocol::ErrorCode::Conflict);
        QCOMPARE(m_core->events.head(), head + 1);
        // Client ids are per user.
        QVERIFY(!feed().create(b, payload)->replayed);
        auto page = feed().page(a, {});
        QCOMPARE(page->value(QLatin1StringView("posts")).toArray().size(), 2);
    }

    void failedWriteChangesNothing()
    {
        const User a = makeUser(QStringLiteral("a"));
        const qint64 head = m_core->events.head();
        auto r = feed().create(
            a, createPayload(QStringLiteral("reply-to-nothing"), QStringLiteral("x"), 999999));
        QCOMPARE(r.error().code, protocol::ErrorCode::NotFound);
        QCOMPARE(m_core->events.head(), head);
        QVERIFY(!m_core->ledger.find(a.id, QStringLiteral("reply-to-nothing")));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
