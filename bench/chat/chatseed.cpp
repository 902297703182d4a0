// plein-chat-seed: many users with many direct conversations, written straight into a
// server's database (SQLite or PostgreSQL) in the schema the server's chat store reads, so
// that chat.list and chat.history can be measured at 50,000 users with 100 conversations each
// without sending 5 million messages through the server first.
//
// What it writes (in large transactions, statements prepared once):
// - users bench1..benchN (one Argon2 hash of the password, computed once by the server's own
//   passwords code, shared by all), departments in turn;
// - for each pair (u, u + k), k = 1..C/2 (wrapping around), a direct conversation with its two
//   member rows and both members' state rows, so every user is in exactly C conversations;
// - one message per conversation (read by both), and for the pairs (2i + 1, 2i + 2) a long
//   conversation of --long-messages messages, the newest of both members (so it is the first
//   that chat.list shows them), its last 20 unread by one member;
// - session tokens for the first --token-users users (the server's own token hashing), written
//   one a line to --tokens-out, so that a load can resume 10,000 sessions without 10,000
//   password checks.
// What it leaves out, as said in README.md: the event log (no user.created or chat.message
// events; the messages carry seq 1, an event before any the bench sends, so that they count as
// unread where they should). chat.list and chat.history never read the log. No ANALYZE either:
// the server never runs it, and with its statistics SQLite plans chat.list's join of
// conversation_state with a Bloom filter over the whole table (150 ms instead of 3 ms).

#include "auth/passwords.h"
#include "chatbodies.h"
#include "core/database.h"
#include "searchbodies.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <array>
#include <cstdio>
#include <functional>

using namespace plein::server;

namespace {

const QStringList departments = {
    QStringLiteral("Sales"),   QStringLiteral("Engineering"), QStringLiteral("Support"),
    QStringLiteral("Finance"), QStringLiteral("Operations"),  QStringLiteral("Legal"),
};

struct Seed
{
    int users = 50000;
    int conversations = 100;
    int longMessages = 120;
    int unreadInLong = 20;
    int tokenUsers = 10000;
    // For the search benchmark: groups (public, private, secret in turn; every user a member
    // of three) and posts, 40 % in the company feed and the rest in the authors' groups.
    int groups = 0;
    qint64 posts = 0;
    // Instead of inserting the posts, write them to this file in PostgreSQL's COPY text
    // format (id, author_id, group_id, body, created_at, seq) for run.sh to load with psql:
    // ten times faster than statements through the driver, and in two streams at once.
    QString postsCopy;
};

// A field of COPY's text format: backslash, tab, newline and carriage return escaped.
QByteArray copyField(const QString& text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// One prepared statement run many times; the first failure is kept.
class Insert
{
public:
    Insert(QSqlDatabase& db, const QString& sql)
        : m_query(db)
    {
        m_query.prepare(sql);
    }

    bool operator()(std::initializer_list<QVariant> values)
    {
        for (const QVariant& v : values)
            m_query.addBindValue(v);
        if (m_query.exec())
            return true;
        std::fprintf(stderr, "plein-chat-seed: %s\n", qPrintable(m_query.lastError().text()));
        return false;
    }

private:
    QSqlQuery m_query;
};

qint64 scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

class Seeder
{
public:
    Seeder(Database& db, const Seed& seed)
        : m_db(db)
        , m_seed(seed)
        , m_now(QDateTime::currentDateTimeUtc())
    { }

    bool run(const QString& password, const QString& tokensOut);

private:
    bool users(const QString& password);
    bool tokens(const QString& tokensOut);
    bool conversations();
    bool longConversations();
    bool groups();
    bool posts();
    bool sequences();
    // Group g's members are the users u with g among groupsOf(u).
    std::array<int, 3> groupsOf(qint64 u) const
    {
        const int g = m_seed.groups;
        return {int((u - 1) % g), int(((u - 1) * 7 + 3) % g), int(((u - 1) * 13 + 5) % g)};
    }
    bool chunked(qint64 total, const std::function<bool(qint64)>& row);
    qint64 userId(qint64 u) const { return m_firstUser + u - 1; }
    QString at(qint64 secondsAgo) const
    {
        return m_now.addSecs(-secondsAgo).toString(Qt::ISODateWithMs);
    }

    Database& m_db;
    Seed m_seed;
    QDateTime m_now;
    qint64 m_firstUser = 1;
    qint64 m_nextConversation = 1;
    qint64 m_nextMessage = 1;
    struct Long
    {
        qint64 id; // the conversation
        qint64 a; // the member who read it all
        qint64 b; // the member with unread messages
    };
    QList<Long> m_long;
};

bool Seeder::chunked(qint64 total, const std::function<bool(qint64)>& row)
{
    constexpr qint64 perTransaction = 200000;
    for (qint64 from = 0; from < total; from += perTransaction) {
        if (!m_db.db().transaction())
            return false;
        for (qint64 i = from; i < std::min(total, from + perTransaction); ++i) {
            if (!row(i))
                return false;
        }
        if (!m_db.db().commit())
            return false;
    }
    return true;
}

bool Seeder::users(const QString& password)
{
    const auto hash = hashPassword(password);
    if (!hash)
        return false;
    Insert insert(m_db.db(),
                  QStringLiteral("INSERT INTO users (username, display_name, "
                                 "department, password_hash, created_at) VALUES (?, "
                                 "?, ?, ?, ?)"));
    const QString created = at(365 * 86400);
    const qint64 before
        = scalar(m_db.db(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM users"));
    if (!chunked(m_seed.users, [&](qint64 i) {
            const qint64 u = i + 1;
            return insert({QStringLiteral("bench%1").arg(u), QStringLiteral("Bench %1").arg(u),
                           departments.at(int(u % departments.size())), *hash, created});
        }))
        return false;
    m_firstUser = before + 1;
    return scalar(m_db.db(), QStringLiteral("SELECT id FROM users WHERE username = 'bench1'"))
        == m_firstUser;
}

bool Seeder::tokens(const QString& tokensOut)
{
    QFile file(tokensOut);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    Insert insert(m_db.db(),
                  QStringLiteral("INSERT INTO sessions (user_id, token_hash, client, "
                                 "created_at, last_used_at, revoked) VALUES (?, ?, "
                                 "'plein-chat-seed', ?, ?, 0)"));
    const QString now = nowUtc();
    return chunked(std::min(m_seed.tokenUsers, m_seed.users), [&](qint64 i) {
        const QString token = newSessionToken();
        out << token << '\n';
        return insert({userId(i + 1), hashToken(token), now, now});
    });
}

// Pairs (u, u + k): the long ones (k = 1, u odd) get their messages afterwards, newest of all.
bool Seeder::conversations()
{
    QSqlDatabase& db = m_db.db();
    Insert conversation(db,
                        QStringLiteral("INSERT INTO conversations (id, kind, direct_key, "
                                       "created_by, created_at, last_activity_at, "
                                       "last_message_id, member_count) VALUES (?, 'direct', "
                                       "?, ?, ?, ?, ?, 2)"));
    Insert member(db,
                  QStringLiteral("INSERT INTO conversation_members (conversation_id, "
                                 "user_id, since) VALUES (?, ?, ?)"));
    Insert state(db,
                 QStringLiteral("INSERT INTO conversation_state (conversation_id, user_id, "
                                "read_message_id) VALUES (?, ?, ?)"));
    Insert message(db,
                   QStringLiteral("INSERT INTO chat_messages (id, conversation_id, "
                                  "author_id, body, created_at, seq) VALUES (?, ?, ?, ?, ?, "
                                  "1)"));
    const int half = m_seed.conversations / 2;
    const qint64 total = qint64(m_seed.users) * half;
    // Older conversations first: a message id grows with its time.
    return chunked(total, [&](qint64 i) {
        const qint64 u = i % m_seed.users + 1;
        const int k = int(half - i / m_seed.users); // the farthest pairs are the oldest
        const qint64 v = (u - 1 + k) % m_seed.users + 1;
        const qint64 a = userId(std::min(u, v));
        const qint64 b = userId(std::max(u, v));
        const qint64 id = m_nextConversation++;
        const qint64 secondsAgo = 90 * 86400 - i * (89 * 86400) / std::max<qint64>(1, total);
        const QString created = at(secondsAgo + 3600);
        const QString last = at(secondsAgo);
        const bool isLong = k == 1 && u % 2 == 1;
        const qint64 messageId = isLong ? 0 : m_nextMessage++;
        if (!conversation({id, QStringLiteral("%1:%2").arg(a).arg(b), a, created, last, messageId})
            || !member({id, a, created}) || !member({id, b, created}))
            return false;
        if (isLong) {
            m_long.append({id, a, b});
            return true;
        }
        return message({messageId, id, (i % 2) ? a : b, plein::bench::chatBody(quint64(messageId)),
                        last})
            && state({id, a, messageId}) && state({id, b, messageId});
    });
}

bool Seeder::longConversations()
{
    QSqlDatabase& db = m_db.db();
    Insert message(db,
                   QStringLiteral("INSERT INTO chat_messages (id, conversation_id, "
                                  "author_id, body, created_at, seq) VALUES (?, ?, ?, ?, ?, "
                                  "1)"));
    Insert state(db,
                 QStringLiteral("INSERT INTO conversation_state (conversation_id, user_id, "
                                "read_message_id) VALUES (?, ?, ?)"));
    QSqlQuery last(db);
    last.prepare(QStringLiteral(
        "UPDATE conversations SET last_message_id = ?, last_activity_at = ? WHERE id = ?"));
    const qint64 n = m_long.size();
    const int count = m_seed.longMessages;
    // Round by round over all long conversations, over the last day.
    const qint64 firstId = m_nextMessage;
    if (!chunked(n * count, [&](qint64 i) {
            const Long& c = m_long.at(i % n);
            const qint64 round = i / n;
            const qint64 id = m_nextMessage++;
            const qint64 secondsAgo = 86400 - i * 86000 / std::max<qint64>(1, n * count);
            return message({id, c.id, round % 3 == 0 ? c.b : c.a,
                            plein::bench::chatBody(quint64(id)), at(secondsAgo)});
        }))
        return false;
    return chunked(n, [&](qint64 j) {
        const Long& c = m_long.at(j);
        const auto idAt = [&](qint64 round) { return firstId + round * n + j; };
        const qint64 newest = idAt(count - 1);
        const qint64 secondsAgo
            = 86400 - ((count - 1) * n + j) * 86000 / std::max<qint64>(1, n * count);
        last.addBindValue(newest);
        last.addBindValue(at(secondsAgo));
        last.addBindValue(c.id);
        if (!last.exec())
            return false;
        // One member read all, the other all but the last few.
        return state({c.id, c.a, newest})
            && state({c.id, c.b, idAt(std::max(0, count - 1 - m_seed.unreadInLong))});
    });
}

bool Seeder::groups()
{
    if (m_seed.groups <= 0)
        return true;
    QSqlDatabase& db = m_db.db();
    Insert group(db,
                 QStringLiteral("INSERT INTO user_groups (id, name, title, search_key, kind, "
                                "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    Insert member(db,
                  QStringLiteral("INSERT INTO group_members (group_id, user_id, role, state, "
                                 "since) VALUES (?, ?, ?, 'member', ?) ON CONFLICT DO NOTHING"));
    static const char* const kinds[] = {"public", "private", "secret"};
    const QString created = at(300 * 86400);
    if (!chunked(m_seed.groups, [&](qint64 g) {
            const QString title = QStringLiteral("Zoekgroep %1").arg(g + 1);
            return group({g + 1, title.toLower(), title, title.toLower(),
                          QString::fromLatin1(kinds[g % 3]), userId(g + 1), created});
        }))
        return false;
    if (!chunked(m_seed.users, [&](qint64 i) {
            const qint64 u = i + 1;
            for (int g : groupsOf(u)) {
                if (!member({g + 1, userId(u),
                             u == g + 1 ? QStringLiteral("owner") : QStringLiteral("member"),
                             created}))
                    return false;
            }
            return true;
        }))
        return false;
    QSqlQuery count(db);
    return count.exec(QStringLiteral("UPDATE user_groups SET member_count = (SELECT COUNT(*) FROM "
                                     "group_members m WHERE m.group_id = user_groups.id)"));
}

bool Seeder::posts()
{
    if (m_seed.posts <= 0)
        return true;
    const qint64 n = m_seed.posts;
    const qint64 usersPerGroup = std::max<qint64>(1, m_seed.users / std::max(1, m_seed.groups));
    // Post i: its author, its group (0: the company feed) and its time, oldest first over
    // the last 300 days.
    struct Row
    {
        qint64 author;
        qint64 group;
        QString when;
    };
    const auto rowOf = [&](qint64 i) {
        const QString when = at(300 * 86400 - i * (300LL * 86400) / n);
        if (m_seed.groups <= 0 || i % 5 < 2)
            return Row {userId(1 + i % m_seed.users), 0, when};
        // A member of group g: the users u with (u - 1) % groups == g.
        const qint64 g = i % m_seed.groups;
        const qint64 author = g + 1 + m_seed.groups * ((i / m_seed.groups) % usersPerGroup);
        return Row {userId(std::min<qint64>(author, m_seed.users)), g + 1, when};
    };
    if (!m_seed.postsCopy.isEmpty()) {
        QFile out(m_seed.postsCopy);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        const qint64 first
            = scalar(m_db.db(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM posts")) + 1;
        QByteArray buffer;
        for (qint64 i = 0; i < n; ++i) {
            const Row r = rowOf(i);
            buffer += QByteArray::number(first + i) + '\t' + QByteArray::number(r.author) + '\t'
                + (r.group ? QByteArray::number(r.group) : QByteArray("\\N")) + '\t'
                + copyField(plein::bench::searchBody(quint64(i))) + '\t' + r.when.toLatin1()
                + "\t1\n";
            if (buffer.size() > (1 << 20) || i + 1 == n) {
                if (out.write(buffer) != buffer.size())
                    return false;
                buffer.clear();
            }
        }
        return out.flush();
    }
    // On SQLite the FTS5 index is built once after the load ('rebuild') instead of by the
    // insert trigger row by row; the trigger is made again from its own text afterwards.
    QSqlDatabase& db = m_db.db();
    QString trigger;
    if (!m_db.dialect().isPostgres()) {
        QSqlQuery q(db);
        if (!q.exec(
                QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = "
                               "'posts_search_insert'"))
            || !q.next())
            return false;
        trigger = q.value(0).toString();
        if (!q.exec(QStringLiteral("DROP TRIGGER posts_search_insert")))
            return false;
    }
    Insert post(db,
                QStringLiteral("INSERT INTO posts (author_id, group_id, body, created_at, seq) "
                               "VALUES (?, ?, ?, ?, 1)"));
    if (!chunked(n, [&](qint64 i) {
            const Row r = rowOf(i);
            return post({r.author,
                         r.group ? QVariant(r.group) : QVariant(QMetaType(QMetaType::LongLong)),
                         plein::bench::searchBody(quint64(i)), r.when});
        }))
        return false;
    if (trigger.isEmpty())
        return true;
    QSqlQuery q(db);
    return q.exec(QStringLiteral("INSERT INTO posts_search (posts_search) VALUES ('rebuild')"))
        && q.exec(trigger);
}

bool Seeder::run(const QString& password, const QString& tokensOut)
{
    QElapsedTimer timer;
    timer.start();
    const auto step = [&](const char* what, bool ok) {
        std::fprintf(stderr, "plein-chat-seed: %s %s after %.1f s\n", what, ok ? "done" : "FAILED",
                     double(timer.elapsed()) / 1000);
        return ok;
    };
    if (scalar(m_db.db(), QStringLiteral("SELECT COUNT(*) FROM conversations")) != 0) {
        std::fprintf(stderr, "plein-chat-seed: the database has conversations already\n");
        return false;
    }
    m_nextConversation = 1;
    m_nextMessage
        = scalar(m_db.db(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM chat_messages")) + 1;
    return step("users", users(password)) && step("tokens", tokens(tokensOut))
        && step("conversations", conversations()) && step("long conversations", longConversations())
        && step("groups", groups()) && step("posts", posts()) && step("sequences", sequences());
}

bool Seeder::sequences()
{
    // Conversations, messages and groups were given their ids: on PostgreSQL the identity
    // columns' sequences must go past them, or the server's first chat.create or group.create
    // collides with a seeded row. (SQLite's AUTOINCREMENT follows the largest id by itself.)
    if (!m_db.dialect().isPostgres())
        return true;
    QSqlQuery q(m_db.db());
    for (const char* table : {"conversations", "chat_messages", "user_groups"}) {
        if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                   "GREATEST((SELECT MAX(id) FROM %1), 1))")
                        .arg(QLatin1StringView(table)))) {
            std::fprintf(stderr, "plein-chat-seed: %s\n", qPrintable(q.lastError().text()));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Fills a server database with users, direct conversations and messages."));
    p.addHelpOption();
    const Seed defaults;
    p.addOptions({
        {QStringLiteral("data"), QStringLiteral("Server data folder (its plein.db)."),
         QStringLiteral("dir")},
        {QStringLiteral("database"), QStringLiteral("Or: sqlite:/path/file.db, postgresql://…"),
         QStringLiteral("spec")},
        {QStringLiteral("users"), QStringLiteral("Users bench1..benchN."), QStringLiteral("n"),
         QString::number(defaults.users)},
        {QStringLiteral("conversations"), QStringLiteral("Direct conversations per user (even)."),
         QStringLiteral("n"), QString::number(defaults.conversations)},
        {QStringLiteral("long-messages"),
         QStringLiteral("Messages of each user's newest conversation."), QStringLiteral("n"),
         QString::number(defaults.longMessages)},
        {QStringLiteral("token-users"), QStringLiteral("Users given a session token."),
         QStringLiteral("n"), QString::number(defaults.tokenUsers)},
        {QStringLiteral("tokens-out"), QStringLiteral("File for the tokens, one a line."),
         QStringLiteral("file")},
        {QStringLiteral("password"), QStringLiteral("Everyone's password."), QStringLiteral("text"),
         QStringLiteral("password")},
        {QStringLiteral("groups"), QStringLiteral("Groups, each user a member of three (search)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("posts"), QStringLiteral("Posts with searchable words (search)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("posts-copy"),
         QStringLiteral("Write the posts to this file in COPY's text format instead."),
         QStringLiteral("file")},
    });
    p.process(app);
    Seed seed;
    seed.users = p.value(QStringLiteral("users")).toInt();
    seed.conversations = p.value(QStringLiteral("conversations")).toInt() / 2 * 2;
    seed.longMessages = std::max(1, p.value(QStringLiteral("long-messages")).toInt());
    seed.unreadInLong = std::min(seed.unreadInLong, seed.longMessages - 1);
    seed.tokenUsers = p.value(QStringLiteral("token-users")).toInt();
    seed.groups = p.value(QStringLiteral("groups")).toInt();
    seed.posts = p.value(QStringLiteral("posts")).toLongLong();
    seed.postsCopy = p.value(QStringLiteral("posts-copy"));
    if (seed.users < 2 || seed.conversations < 2 || seed.conversations >= seed.users
        || !p.isSet(QStringLiteral("tokens-out"))) {
        std::fprintf(stderr,
                     "plein-chat-seed: needs --tokens-out, --users >= 2 and "
                     "2 <= --conversations < --users\n");
        return 2;
    }
    QString error;
    const QString spec = p.isSet(QStringLiteral("database")) ? p.value(QStringLiteral("database"))
                                                             : QStringLiteral("sqlite");
    const auto location = DatabaseLocation::parse(spec, p.value(QStringLiteral("data")), &error);
    if (!location || !initialiseCrypto()) {
        std::fprintf(stderr, "plein-chat-seed: %s\n", qPrintable(error));
        return 2;
    }
    Database db;
    // A bulk load: no sync per commit; the server's own settings apply when it opens the file.
    if (auto err = db.open(*location, false); err || (err = db.migrate())) {
        std::fprintf(stderr, "plein-chat-seed: %s\n", qPrintable(*err));
        return 1;
    }
    Seeder seeder(db, seed);
    return seeder.run(p.value(QStringLiteral("password")), p.value(QStringLiteral("tokens-out")))
        ? 0
        : 1;
}
