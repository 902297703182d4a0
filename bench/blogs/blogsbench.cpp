// Blogs at scale on the server: --articles published articles (one in five in one of 50 group
// blogs; a body of about 1,500 characters, one in a thousand of 100,000) with a kept revision
// each, and --comments comments spread over them (one article holds --hot of them), written
// straight into the tables in large transactions, so that reading is what is measured. Then,
// --repeats times each, the reads behind article.list (the company blog's first page and a page
// deep in it, a group's blog, a person's articles), article.get of a 100,000-character article,
// the same after one sentence of it was edited by a client that holds the old text (the steps
// made and answered instead of the text, and applied as the client does, with the bytes of
// both answers), comment.list (the first and the last page of the article with the most
// comments) and article.revisions, through the server's own BlogStore, BlogService and
// CommentStore and the JSON they answer. Run it on an empty database of each size (the README of
// docs/benchmarks.md gives the commands): a read that costs the same at both sizes does not grow
// with the data. Prints JSON: per read the median and p99 in ms.
#include "capabilities/blogs/blogservice.h"
#include "capabilities/blogs/blogstore.h"
#include "capabilities/blogs/commentstore.h"
#include "core/database.h"
#include "text/textdelta.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace plein::server;

namespace {

constexpr int users = 1000;
constexpr int groups = 50;
constexpr int longEvery = 1000;
constexpr int longChars = 100000;

const QStringList words
    = {QStringLiteral("dijk"),      QStringLiteral("water"),      QStringLiteral("sluis"),
       QStringLiteral("planning"),  QStringLiteral("collega's"),  QStringLiteral("de"),
       QStringLiteral("het"),       QStringLiteral("een"),        QStringLiteral("onderhoud"),
       QStringLiteral("meting"),    QStringLiteral("aannemer"),   QStringLiteral("zomer"),
       QStringLiteral("begroting"), QStringLiteral("veiligheid"), QStringLiteral("samen")};

QString text(QRandomGenerator& random, int chars)
{
    QString out;
    out.reserve(chars + 16);
    while (out.size() < chars) {
        out += words.at(int(random.bounded(qsizetype(words.size()))));
        out += random.bounded(12) == 0 ? QStringLiteral(".\n\n") : QStringLiteral(" ");
    }
    return out;
}

bool run(QSqlQuery& q)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
    return false;
}

bool prepare(QSqlQuery& q, const QString& sql)
{
    if (q.prepare(sql))
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
    return false;
}

// In transactions of this many rows.
bool batched(Database& db, qint64 rows, const std::function<bool(qint64 row)>& insert)
{
    constexpr qint64 batch = 20000;
    for (qint64 from = 0; from < rows; from += batch) {
        if (!db.db().transaction())
            return false;
        for (qint64 row = from; row < std::min(rows, from + batch); ++row) {
            if (!insert(row)) {
                db.db().rollback();
                return false;
            }
        }
        if (!db.db().commit())
            return false;
    }
    return true;
}

bool populate(Database& db, int articles, qint64 comments, int hot)
{
    QRandomGenerator random(42);
    QSqlQuery q(db.db());
    const QString now = QStringLiteral("2026-12-01T08:00:00.000Z");
    if (!prepare(q,
                 QStringLiteral("INSERT INTO users (id, username, display_name, password_hash, "
                                "created_at) VALUES (?, ?, ?, 'x', ?)"))
        || !batched(db, users, [&](qint64 i) {
               q.addBindValue(i + 1);
               q.addBindValue(QStringLiteral("user%1").arg(i + 1));
               q.addBindValue(QStringLiteral("User %1").arg(i + 1));
               q.addBindValue(now);
               return run(q);
           }))
        return false;
    if (!prepare(q,
                 QStringLiteral("INSERT INTO user_groups (id, name, created_at) VALUES (?, ?, "
                                "?)"))
        || !batched(db, groups, [&](qint64 i) {
               q.addBindValue(i + 1);
               q.addBindValue(QStringLiteral("Groep %1").arg(i + 1));
               q.addBindValue(now);
               return run(q);
           }))
        return false;
    QSqlQuery authors(db.db());
    QSqlQuery revisions(db.db());
    if (!prepare(q,
                 QStringLiteral("INSERT INTO articles (id, author_id, group_id, state, "
                                "revision, title, summary, body, tags, words, created_at, "
                                "changed_at, published_at, published_seq, publish_error, "
                                "comment_count) VALUES (?, ?, ?, 'published', 1, ?, ?, ?, "
                                "'', ?, ?, ?, ?, ?, '', ?)"))
        || !prepare(authors,
                    QStringLiteral("INSERT INTO article_authors (article_id, user_id) "
                                   "VALUES (?, ?)"))
        || !prepare(revisions,
                    QStringLiteral("INSERT INTO article_revisions (article_id, revision, kind, "
                                   "user_id, title, summary, body, tags, created_at) VALUES (?, "
                                   "1, 'published', ?, ?, ?, ?, '', ?)")))
        return false;
    const qint64 perArticle = articles > 0 ? comments / articles : 0;
    if (!batched(db, articles, [&](qint64 i) {
            const qint64 id = i + 1;
            const qint64 author = 1 + qint64(random.bounded(users));
            const QString body
                = text(random, (id % longEvery == 0) ? longChars : 800 + int(random.bounded(1400)));
            const QString title
                = QStringLiteral("Artikel %1 over de ").arg(id) + words.at(int(id % words.size()));
            const qint64 count = id == 1 ? hot : perArticle;
            q.addBindValue(id);
            q.addBindValue(author);
            q.addBindValue(id % 5 == 0 ? QVariant(1 + (id / 5) % groups)
                                       : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(title);
            q.addBindValue(QStringLiteral("Samenvatting van artikel %1").arg(id));
            q.addBindValue(body);
            q.addBindValue(int(body.count(u' ')));
            q.addBindValue(now);
            q.addBindValue(now);
            q.addBindValue(now);
            q.addBindValue(id); // published_seq: publication order
            q.addBindValue(count);
            authors.addBindValue(id);
            authors.addBindValue(author);
            revisions.addBindValue(id);
            revisions.addBindValue(author);
            revisions.addBindValue(title);
            revisions.addBindValue(QStringLiteral("Samenvatting van artikel %1").arg(id));
            revisions.addBindValue(body);
            revisions.addBindValue(now);
            return run(q) && run(authors) && run(revisions);
        }))
        return false;
    // The hot article's comments first (ids 1..hot), then the rest spread evenly.
    if (!prepare(q,
                 QStringLiteral("INSERT INTO article_comments (id, article_id, author_id, body, "
                                "created_at) VALUES (?, ?, ?, ?, ?)")))
        return false;
    const qint64 rest = std::max<qint64>(0, comments - hot);
    return batched(db, hot + rest, [&](qint64 i) {
        const qint64 article = i < hot ? 1 : 2 + (i - hot) % std::max(1, articles - 1);
        q.addBindValue(i + 1);
        q.addBindValue(article);
        q.addBindValue(1 + qint64(random.bounded(users)));
        q.addBindValue(text(random, 60 + int(random.bounded(240))));
        q.addBindValue(now);
        return run(q);
    });
}

QJsonObject stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) {
        return ms.isEmpty()
            ? 0.0
            : ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(p * double(ms.size()))));
    };
    return {{QStringLiteral("p50_ms"), at(0.5)},
            {QStringLiteral("p99_ms"), at(0.99)},
            {QStringLiteral("n"), ms.size()}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("database"),
         QStringLiteral("sqlite:/path/file.db or postgresql://… (an empty database)."),
         QStringLiteral("spec")},
        {QStringLiteral("articles"), QStringLiteral("Articles (default 100000)."),
         QStringLiteral("n"), QStringLiteral("100000")},
        {QStringLiteral("comments"), QStringLiteral("Comments (default 1000000)."),
         QStringLiteral("n"), QStringLiteral("1000000")},
        {QStringLiteral("hot"), QStringLiteral("Comments on the first article (default 20000)."),
         QStringLiteral("n"), QStringLiteral("20000")},
        {QStringLiteral("repeats"), QStringLiteral("Times each read (default 200)."),
         QStringLiteral("n"), QStringLiteral("200")},
    });
    p.process(app);
    QString error;
    const auto location
        = DatabaseLocation::parse(p.value(QStringLiteral("database")), QString(), &error);
    if (!location) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    Database db;
    if (auto err = db.open(*location, false); err || (err = db.migrate())) {
        std::fprintf(stderr, "%s\n", qPrintable(*err));
        return 1;
    }
    const int articles = std::max(longEvery, p.value(QStringLiteral("articles")).toInt());
    const qint64 comments = p.value(QStringLiteral("comments")).toLongLong();
    const int hot = std::clamp(p.value(QStringLiteral("hot")).toInt(), 1,
                               int(std::min<qint64>(comments, 1000000)));
    const int repeats = std::max(5, p.value(QStringLiteral("repeats")).toInt());
    QElapsedTimer clock;
    clock.start();
    {
        QSqlQuery count(db.db());
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM articles")) && count.next()
            && count.value(0).toLongLong() == 0 && !populate(db, articles, comments, hot)) {
            std::fprintf(stderr, "cannot fill the database\n");
            return 1;
        }
    }
    const qint64 fillMs = clock.elapsed();
    // PostgreSQL's autovacuum analyses tables after a load like this one; it is done here, so
    // that the first run does not read with the planner's guesses (SQLite has no statistics
    // unless asked, and the server does not ask).
    if (db.dialect().isPostgres()) {
        QSqlQuery analyse(db.db());
        if (!analyse.exec(QStringLiteral("ANALYZE"))) {
            std::fprintf(stderr, "%s\n", qPrintable(analyse.lastError().text()));
            return 1;
        }
    }

    BlogStore blogs(db);
    CommentStore commentStore(db);
    const qint64 longId = longEvery; // a 100,000-character body
    bool ok = true;
    QJsonObject reads;
    const auto timed = [&](const char* name, const std::function<bool()>& read) {
        QList<double> ms;
        bool answered = true;
        for (int i = 0; i < repeats && answered; ++i) {
            clock.restart();
            answered = read();
            ms << double(clock.nsecsElapsed()) / 1e6;
        }
        if (!answered)
            std::fprintf(stderr, "%s failed\n", name);
        ok = ok && answered;
        reads.insert(QLatin1StringView(name), stats(ms));
    };
    // What the handlers answer: each read turned into the JSON that goes out.
    const auto page = [](const plein::Result<QList<Article>>& r, int expected) {
        if (!r || (expected > 0 ? r->size() != expected : r->isEmpty()))
            return false;
        QJsonArray out;
        for (const Article& a : r.value())
            out.append(a.toJson(false));
        return QJsonDocument(QJsonObject {{QStringLiteral("articles"), out}}).toJson().size() > 0;
    };
    timed("company_blog_first_page", [&]() { return page(blogs.blog(0, 0, 30, 0), 30); });
    timed("company_blog_deep_page", [&]() { return page(blogs.blog(0, articles / 2, 30, 0), 30); });
    timed("group_blog_first_page", [&]() { return page(blogs.blog(7, 0, 30, 0), 0); });
    timed("author_page", [&]() {
        const auto r = blogs.byAuthor(1 + articles % users, 2, false, 0, 30);
        return r && !r->isEmpty();
    });
    timed("article_get_100k_chars", [&]() {
        const auto a = blogs.find(longId);
        return a && a->body.size() >= longChars - 20
            && QJsonDocument(a->toJson(true)).toJson().size() > longChars;
    });
    // Catching up after one sentence of the long article was edited: the kept revision read,
    // the steps from it to the new text, their digest and the answer's JSON (what
    // article.get with `have` adds to the read above), and applying them as the client does.
    QString edited = blogs.find(longId)->body;
    edited.insert(std::max<qsizetype>(0, edited.indexOf(u'\n', edited.size() / 2)),
                  QStringLiteral(" En een zin die er later bij kwam."));
    qsizetype deltaBytes = 0;
    QJsonArray steps;
    timed("article_get_100k_chars_since_edit", [&]() {
        const auto kept = blogs.revision(longId, 1);
        if (!kept)
            return false;
        const auto delta = BlogService::deltaAnswer(1, kept->text.body, edited);
        if (!delta)
            return false;
        steps = delta->value(QLatin1StringView("steps")).toArray();
        deltaBytes = QJsonDocument(*delta).toJson(QJsonDocument::Compact).size();
        return true;
    });
    const QString base = blogs.revision(longId, 1)->text.body;
    timed("apply_steps_100k_chars", [&]() {
        const auto made = plein::text::applyDelta(base, steps);
        return made && QCryptographicHash::hash(made->toUtf8(), QCryptographicHash::Sha256).size()
            && *made == edited;
    });
    const qsizetype wholeBytes = QJsonDocument(QJsonObject {{QStringLiteral("body"), edited}})
                                     .toJson(QJsonDocument::Compact)
                                     .size();
    const auto comments100 = [&](qint64 after) {
        const auto r = commentStore.page(1, 2, after, 100);
        if (!r || r->size() != 100)
            return false;
        QJsonArray out;
        for (const ArticleComment& c : r.value())
            out.append(c.toJson(true));
        return QJsonDocument(QJsonObject {{QStringLiteral("comments"), out}}).toJson().size() > 0;
    };
    timed("comments_first_page", [&]() { return comments100(0); });
    timed("comments_last_page", [&]() { return comments100(hot - 100); });
    timed("article_revisions", [&]() {
        const auto r = blogs.revisions(longId);
        return r && r->size() == 1;
    });
    const QJsonObject out {
        {QStringLiteral("backend"),
         db.dialect().isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
        {QStringLiteral("articles"), articles},
        {QStringLiteral("comments"), comments},
        {QStringLiteral("hot"), hot},
        {QStringLiteral("fill_ms"), fillMs},
        {QStringLiteral("reads"), reads},
        {QStringLiteral("catch_up_bytes"),
         QJsonObject {{QStringLiteral("whole"), double(wholeBytes)},
                      {QStringLiteral("steps"), double(deltaBytes)}}},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
