// The local search over a big cache: fills a cache with N rows of generated Dutch and English
// text (posts, replies and chat messages, through the real schema and its triggers, so the
// FTS5 indexes are built as the app builds them) and measures SearchIndex::search — ranking
// and snippets, every source, on a read-only connection as SearchModel's worker has — for
// 1-, 2- and 3-word queries and for prefixes as typed. Figures in docs/benchmarks.md.
//
//   plein-bench-search --rows 5000000 --cache /tmp/search-bench/5m.sqlite
//   plein-bench-search --cache /tmp/search-bench/5m.sqlite      (measures a filled cache again)

#include "chat/chatsearch.h"
#include "corpus.h"
#include "feed/feedsearch.h"
#include "groups/groupsearch.h"
#include "search/peoplesearch.h"
#include "search/searchindex.h"
#include "store/cache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace plein;

namespace {

constexpr int conversations = 400;
constexpr int authors = 300;

// Every fourth row is a chat message; of the posts, one in five is a reply and one in three
// is in one of 60 groups; one in fifty is deleted (and so not indexed).
bool isChat(qint64 n)
{
    return n % 4 == 0;
}

QString authorName(qint64 author)
{
    static const char* const first[]
        = {"Anna",  "Bram",  "Chantal", "Daan",   "Eva",  "Femke", "Gerrit", "Hanna", "Ilse",
           "Joost", "Karin", "Lucas",   "Mirjam", "Noah", "Özlem", "Pieter", "Renée", "Sven"};
    static const char* const last[]
        = {"de Vries", "Jansen", "Bakker", "Visser", "Smit",     "Meijer",   "de Boer", "Mulder",
           "de Groot", "Bos",    "Vos",    "Peters", "Hendriks", "van Dijk", "Dekker"};
    return QString::fromUtf8(first[author % std::size(first)]) + u' '
        + QString::fromUtf8(last[(author / 7) % std::size(last)]);
}

bool fail(const QString& what)
{
    std::fprintf(stderr, "plein-bench-search: %s\n", qPrintable(what));
    return false;
}

bool fill(client::Cache& cache, const bench::Corpus& corpus, qint64 rows)
{
    QSqlQuery q(cache.database());
    for (const char* pragma : {"PRAGMA cache_size=-262144", "PRAGMA synchronous=OFF"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return fail(q.lastError().text());
    }
    client::SqliteStatement* post = cache.sqliteStatement(
        "INSERT INTO posts (id, parent_id, author_id, author_username, author_name, body, "
        "created_at, deleted, group_id, author_department) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    client::SqliteStatement* message = cache.sqliteStatement(
        "INSERT INTO chat_messages (id, conversation_id, author_id, author_username, "
        "author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!post || !message)
        return fail(cache.lastError());
    if (!cache.transaction([&]() {
            for (int g = 1; g <= 60; ++g) {
                if (!q.exec(QStringLiteral("INSERT INTO user_groups (id, name, description) "
                                           "VALUES (%1, '%2', '%3')")
                                .arg(g)
                                .arg(corpus.text(900000000 + quint64(g), 1, 2).chopped(1),
                                     corpus.text(910000000 + quint64(g), 6, 20))))
                    return fail(q.lastError().text());
            }
            for (int c = 1; c <= conversations; ++c) {
                if (!q.exec(QStringLiteral("INSERT INTO chat_conversations (id, kind, title) "
                                           "VALUES (%1, 'people', 'Overleg %1')")
                                .arg(c)))
                    return fail(q.lastError().text());
            }
            return true;
        }))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double spanSecs = 3 * 365.0 * 86400.0; // three years of a busy organisation
    QElapsedTimer timer;
    timer.start();
    constexpr qint64 batch = 50000;
    for (qint64 from = 1; from <= rows; from += batch) {
        const bool ok = cache.transaction([&]() {
            for (qint64 n = from; n < std::min(rows + 1, from + batch); ++n) {
                const qint64 author = 1 + (n * 7919) % authors;
                const QString name = authorName(author);
                const QString username = QStringLiteral("user%1").arg(author);
                const QString at = now.addSecs(-qint64(spanSecs * double(rows - n) / double(rows)))
                                       .toString(Qt::ISODateWithMs);
                if (isChat(n)) {
                    const QString body = corpus.text(quint64(n), 3, 16);
                    message->bind(1, n);
                    message->bind(2, 1 + n % conversations);
                    message->bind(3, author);
                    message->bind(4, username);
                    message->bind(5, name);
                    message->bind(6, body);
                    message->bind(7, at);
                    if (!message->run())
                        return fail(message->error());
                    continue;
                }
                const QString body = corpus.text(quint64(n), 6, 48);
                const QString department = QStringLiteral("Afdeling %1").arg(author % 12);
                post->bind(1, n);
                if (n % 5 == 1 && n > 100)
                    post->bind(2, n - 1 - (n % 97));
                else
                    post->bindNull(2);
                post->bind(3, author);
                post->bind(4, username);
                post->bind(5, name);
                post->bind(6, body);
                post->bind(7, at);
                post->bind(8, qint64(n % 50 == 3 ? 1 : 0));
                if (n % 3 == 0)
                    post->bind(9, 1 + n % 60);
                else
                    post->bindNull(9);
                post->bind(10, department);
                if (!post->run())
                    return fail(post->error());
            }
            return true;
        });
        if (!ok)
            return false;
        const qint64 done = std::min(rows, from + batch - 1);
        if (done % 500000 == 0 || done == rows)
            std::printf("  %lld rows, %.0f s\n", qint64(done), double(timer.elapsed()) / 1000.0);
        std::fflush(stdout);
    }
    return true;
}

struct Query
{
    QString text;
};

// `count` queries of one shape, from the words of random rows (so each finds something).
QList<Query> queries(const bench::Corpus& corpus, qint64 rows, const QString& shape, int count)
{
    QList<Query> out;
    quint64 seed = 12345;
    const auto next = [&]() {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return seed >> 33;
    };
    while (out.size() < count) {
        const qint64 n = 1 + qint64(next() % quint64(rows));
        const QStringList words
            = isChat(n) ? corpus.words(quint64(n), 3, 16) : corpus.words(quint64(n), 6, 48);
        const auto word = [&]() { return words.at(qsizetype(next() % quint64(words.size()))); };
        QString text;
        if (shape == QLatin1StringView("1 word")) {
            text = word() + u' ';
        } else if (shape == QLatin1StringView("2 words")) {
            text = word() + u' ' + word() + u' ';
        } else if (shape == QLatin1StringView("3 words")) {
            text = word() + u' ' + word() + u' ' + word() + u' ';
        } else {
            // As typed: a word cut after 2 to all but one of its letters, alone ("prefix") or
            // after a whole word ("word + prefix").
            QString w = word();
            if (w.size() < 4)
                continue;
            w = w.left(2 + qsizetype(next() % quint64(w.size() - 2)));
            text = shape == QLatin1StringView("prefix") ? w : word() + u' ' + w;
        }
        out.append({text});
    }
    return out;
}

// CPU time of this thread: what a query costs, apart from waiting for a core on a shared machine.
double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype at
        = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(at);
}

double median(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local search latency over a big cache."));
    parser.addHelpOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
                                         QStringLiteral("The cache file (made when missing)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows to fill (default 5000000)."),
                                        QStringLiteral("N"), QStringLiteral("5000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs (default 5); medians are reported."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption queriesOption(
        QStringLiteral("queries"), QStringLiteral("Queries of each shape per run (default 200)."),
        QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({cacheOption, rowsOption, runsOption, queriesOption});
    parser.process(app);
    if (!parser.isSet(cacheOption))
        return fail(QStringLiteral("--cache is required")) ? 0 : 2;
    const QString file = parser.value(cacheOption);
    const qint64 wanted = parser.value(rowsOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int perShape = std::max(1, parser.value(queriesOption).toInt());

    const bench::Corpus corpus;
    client::SearchSources sources;
    sources.add(client::groupSearchSource());
    sources.add(client::postSearchSource());
    sources.add(client::chatSearchSource());
    sources.add(client::personSearchSource());

    qint64 rows = 0;
    {
        const bool existed = QFileInfo::exists(file);
        client::Cache cache;
        if (auto err = cache.open(file))
            return fail(*err) ? 0 : 1;
        QSqlQuery q(cache.database());
        q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM posts) + (SELECT COUNT(*) FROM "
                              "chat_messages)"));
        rows = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        if (!existed || rows == 0) {
            std::printf("filling %s with %lld rows (vocabulary %d words)\n", qPrintable(file),
                        qint64(wanted), corpus.vocabularySize());
            QElapsedTimer t;
            t.start();
            if (!fill(cache, corpus, wanted))
                return 1;
            rows = wanted;
            std::printf("filled in %.0f s (%.0f rows/s)\n", double(t.elapsed()) / 1000.0,
                        double(rows) * 1000.0 / double(std::max<qint64>(1, t.elapsed())));
        }
    }
    std::printf("cache %s: %lld rows, %.0f MB\n", qPrintable(file), qint64(rows),
                double(QFileInfo(file).size()) / 1e6);

    const QStringList shapes
        = {QStringLiteral("1 word"), QStringLiteral("2 words"), QStringLiteral("3 words"),
           QStringLiteral("prefix"), QStringLiteral("word + prefix")};
    QHash<QString, QList<double>> p50s, p95s, maxes, cpu50s, cpu95s, hitCounts;
    for (int run = 0; run < runs; ++run) {
        // A connection of its own, read-only, as SearchModel's worker opens.
        const QString name = QStringLiteral("bench-%1").arg(run);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open())
                return fail(db.lastError().text()) ? 0 : 1;
            client::SearchIndex::tuneReadConnection(db);
            client::SearchIndex index(db, sources);
            for (const QString& shape : shapes) {
                QList<double> times;
                QList<double> cpu;
                double hits = 0;
                for (const Query& query : queries(corpus, rows, shape, perShape)) {
                    client::SearchQuery sq;
                    sq.text = query.text;
                    QElapsedTimer t;
                    const double cpuStart = threadCpuMs();
                    t.start();
                    const client::SearchResult r = index.search(sq);
                    times.append(double(t.nsecsElapsed()) / 1e6);
                    cpu.append(threadCpuMs() - cpuStart);
                    if (!r.error.isEmpty())
                        return fail(r.error) ? 0 : 1;
                    hits += double(r.hits.size());
                }
                p50s[shape].append(percentile(times, 0.5));
                p95s[shape].append(percentile(times, 0.95));
                maxes[shape].append(percentile(times, 1.0));
                cpu50s[shape].append(percentile(cpu, 0.5));
                cpu95s[shape].append(percentile(cpu, 0.95));
                hitCounts[shape].append(hits / double(perShape));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    std::printf("\n%d runs of %d queries per shape; medians of the runs' figures (ms)\n", runs,
                perShape);
    std::printf("| query | p50 | p95 | max | CPU p50 | CPU p95 | hits shown (of 30) |\n"
                "|---|---:|---:|---:|---:|---:|---:|\n");
    for (const QString& shape : shapes)
        std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", qPrintable(shape),
                    median(p50s[shape]), median(p95s[shape]), median(maxes[shape]),
                    median(cpu50s[shape]), median(cpu95s[shape]), median(hitCounts[shape]));
    return 0;
}
