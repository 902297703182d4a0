// Fills the offline cache of one account with N posts, as if the client had synced them, so
// that start-up, memory and scrolling can be measured on a big cache without a server; with
// --conversations also the chat tables (chatfill.h). One transaction, prepared statements: a
// million posts take seconds.

#include "cache.h"
#include "chatfill.h"
#include "samplebodies.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

using namespace plein;

namespace {

const QStringList authors
    = {QStringLiteral("anna"),   QStringLiteral("bram"), QStringLiteral("chantal"),
       QStringLiteral("daan"),   QStringLiteral("eva"),  QStringLiteral("femke"),
       QStringLiteral("gerrit"), QStringLiteral("hanna")};

bool execOrWarn(QSqlQuery& q, const QString& what)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "plein-bench-fill-cache: %s: %s\n", qPrintable(what),
                 qPrintable(q.lastError().text()));
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fills a client cache with generated posts."));
    parser.addHelpOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("Profile folder."), QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server URL."),
                                          QStringLiteral("URL"),
                                          QStringLiteral("ws://127.0.0.1:9"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Username."),
                                        QStringLiteral("NAME"), QStringLiteral("anna"));
    const QCommandLineOption postsOption(QStringLiteral("posts"),
                                         QStringLiteral("Posts in total (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repliesOption(
        QStringLiteral("replies-percent"),
        QStringLiteral("Share of the posts that are replies (default 20)."), QStringLiteral("P"),
        QStringLiteral("20"));
    const bench::ChatFill chatDefaults;
    const QCommandLineOption conversationsOption(
        QStringLiteral("conversations"),
        QStringLiteral("Chat conversations (default 0: none); the first is the big one."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption messagesOption(
        QStringLiteral("messages"), QStringLiteral("Messages of each other conversation."),
        QStringLiteral("N"), QString::number(chatDefaults.messages));
    const QCommandLineOption bigOption(
        QStringLiteral("big-messages"), QStringLiteral("Messages of the big conversation."),
        QStringLiteral("N"), QString::number(chatDefaults.bigMessages));
    parser.addOptions({profileOption, serverOption, userOption, postsOption, repliesOption,
                       conversationsOption, messagesOption, bigOption});
    parser.process(app);
    if (!parser.isSet(profileOption)) {
        std::fprintf(stderr, "plein-bench-fill-cache: --profile is required\n");
        return 2;
    }
    const qint64 total = parser.value(postsOption).toLongLong();
    const int repliesPercent = std::clamp(parser.value(repliesOption).toInt(), 0, 90);

    QElapsedTimer timer;
    timer.start();
    client::Cache cache;
    const QString file = client::Cache::fileFor(
        parser.value(profileOption), QUrl(parser.value(serverOption)), parser.value(userOption));
    if (auto err = cache.open(file)) {
        std::fprintf(stderr, "plein-bench-fill-cache: %s\n", qPrintable(*err));
        return 1;
    }
    QSqlDatabase db = cache.database();
    QSqlQuery q(db);
    // Bulk load: a big page cache, no sync until the single commit.
    for (const char* pragma : {"PRAGMA cache_size=-262144", "PRAGMA synchronous=OFF"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            std::fprintf(stderr, "plein-bench-fill-cache: %s\n", qPrintable(q.lastError().text()));
            return 1;
        }
    }
    if (!db.transaction())
        return 1;
    q.exec(QStringLiteral("DELETE FROM posts"));
    q.prepare(QStringLiteral(
        "INSERT INTO posts (id, parent_id, author_id, author_username, author_name, body, "
        "created_at, edited_at, deleted, likes, replies, liked_by_me, mentions_me) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery bump(db);
    bump.prepare(QStringLiteral("UPDATE posts SET replies = replies + 1 WHERE id = ?"));

    // One post a minute up to now.
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60 * total);
    const QVariant noParent(QMetaType(QMetaType::LongLong));
    const QVariant noEdit(QMetaType(QMetaType::QString));
    qint64 lastTopLevel = 0;
    qint64 topLevel = 0;
    for (qint64 id = 1; id <= total; ++id) {
        const auto n = quint64(id);
        const bool reply = lastTopLevel > 0 && int((n * 2654435761ULL) % 100) < repliesPercent;
        const int author = int(n % quint64(authors.size()));
        const QString username = authors.at(author);
        // Replies go to one of the last few hundred top-level posts.
        const qint64 parent = reply ? std::max<qint64>(1, lastTopLevel - qint64(n % 300)) : 0;
        q.addBindValue(id);
        q.addBindValue(reply ? QVariant(parent) : noParent);
        q.addBindValue(author + 1);
        q.addBindValue(username);
        q.addBindValue(username.at(0).toUpper() + username.mid(1) + QStringLiteral(" Jansen"));
        q.addBindValue(bench::sampleBody(n));
        q.addBindValue(start.addSecs(60 * id).toString(Qt::ISODateWithMs));
        q.addBindValue(n % 17 == 0
                           ? QVariant(start.addSecs(60 * id + 300).toString(Qt::ISODateWithMs))
                           : noEdit);
        q.addBindValue(0);
        q.addBindValue(int(n % 7));
        q.addBindValue(0);
        q.addBindValue(n % 11 == 0 ? 1 : 0);
        q.addBindValue(n % 29 == 0 ? 1 : 0);
        if (!execOrWarn(q, QStringLiteral("insert")))
            return 1;
        if (reply) {
            // Parents are always top-level posts, whose reply count the feed shows.
            bump.addBindValue(parent);
            if (!execOrWarn(bump, QStringLiteral("reply count")))
                return 1;
        } else {
            lastTopLevel = id;
            ++topLevel;
        }
    }
    q.finish();
    bump.finish();
    bench::ChatFill chat;
    chat.conversations = parser.value(conversationsOption).toInt();
    chat.messages = std::max(1, parser.value(messagesOption).toInt());
    chat.bigMessages = std::max(1, parser.value(bigOption).toInt());
    const qint64 messages = chat.conversations > 0 ? bench::fillChat(db, chat) : 0;
    if (messages < 0)
        return 1;
    if (!cache.setMeta(QStringLiteral("userId"), QStringLiteral("1")) || !cache.setCursor(total)
        || !db.commit()) {
        std::fprintf(stderr, "plein-bench-fill-cache: cannot commit: %s\n",
                     qPrintable(db.lastError().text()));
        return 1;
    }
    // Leave a compact file with no write-ahead log behind, as a client that quit would.
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    q.finish();
    q = QSqlQuery();
    bump = QSqlQuery();
    db = QSqlDatabase();
    cache.close();
    QTextStream(stdout) << "posts=" << total << " top_level=" << topLevel
                        << " conversations=" << chat.conversations << " messages=" << messages
                        << " fill_ms=" << timer.elapsed() << " file=" << file << '\n';
    return 0;
}
