// sync.since over a large log: a user in G groups among N, with E events spread over the
// groups and the company feed. Builds the database once (SQLite or PostgreSQL), then pages
// through everything the user may see, timing each page through the server's own EventLog,
// against a baseline in the same run: the single scanning query the log used before each
// audience got its own index range. Prints JSON with page-time percentiles.
#include "core/database.h"
#include "core/eventlog.h"
#include "protocol/registry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace plein::server;

namespace {

bool exec(QSqlQuery& q, const QString& sql)
{
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
    return false;
}

// Users, groups, memberships and events written straight into the tables, in large
// transactions: the benchmark measures reading, not writing.
bool populate(Database& db, int groups, int memberOf, qint64 events, int companyPercent)
{
    QSqlQuery q(db.db());
    if (!db.db().transaction())
        return false;
    if (!exec(q,
              QStringLiteral("INSERT INTO users (username, display_name, password_hash, "
                             "created_at) VALUES ('reader', 'Reader', 'x', 'now')")))
        return false;
    const qint64 reader = 1;
    q.prepare(QStringLiteral("INSERT INTO user_groups (name, name_key, created_at) VALUES (?, ?, "
                             "'now')"));
    for (int g = 1; g <= groups; ++g) {
        q.addBindValue(QStringLiteral("group %1").arg(g));
        q.addBindValue(QStringLiteral("group %1").arg(g));
        if (!q.exec())
            return false;
    }
    // The reader's groups are spread over the range.
    q.prepare(QStringLiteral("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)"));
    for (int i = 0; i < memberOf; ++i) {
        q.addBindValue(qint64(1) + qint64(i) * groups / memberOf);
        q.addBindValue(reader);
        if (!q.exec())
            return false;
    }
    if (!db.db().commit())
        return false;
    QRandomGenerator random(42);
    const QString data = QStringLiteral(
        R"({"post":{"id":1,"body":"Inspectie van de dijk afgerond; geen schade na de storm."}})");
    constexpr qint64 batch = 20000;
    for (qint64 from = 1; from <= events; from += batch) {
        if (!db.db().transaction())
            return false;
        q.prepare(QStringLiteral("INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, "
                                 "created_at) VALUES (?, 'post.created', 1, ?, ?, ?, 'now')"));
        for (qint64 seq = from; seq < std::min(events + 1, from + batch); ++seq) {
            const bool company = int(random.bounded(100)) < companyPercent;
            q.addBindValue(seq);
            q.addBindValue(company ? QStringLiteral("all") : QStringLiteral("group"));
            q.addBindValue(company ? QVariant(QMetaType(QMetaType::LongLong))
                                   : QVariant(qint64(1 + random.bounded(groups))));
            q.addBindValue(data);
            if (!q.exec())
                return false;
        }
        if (!db.db().commit())
            return false;
    }
    return exec(q, QStringLiteral("UPDATE event_counter SET last_seq = %1").arg(events))
        && (db.dialect().isPostgres() ? exec(q, QStringLiteral("ANALYZE"))
                                      : exec(q, QStringLiteral("ANALYZE")));
}

// The query sync.since ran before: one scan with the audiences ORed together.
qint64 baselinePage(Database& db, qint64 cursor, qint64 head, const QList<GroupReach>& groups,
                    int limit, int* count)
{
    QStringList ids;
    for (const GroupReach& g : groups)
        ids << QString::number(g.groupId);
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT e.seq, e.kind, e.actor_id, e.scope, e.scope_id, e.data, "
                          "e.created_at FROM events e WHERE e.seq > %1 AND e.seq <= %2 AND "
                          "(e.scope = 'all' OR (e.scope = 'group' AND e.scope_id IN (%3)) OR "
                          "(e.scope = 'users' AND EXISTS (SELECT 1 FROM event_recipients r "
                          "WHERE r.seq = e.seq AND r.user_id = 1))) ORDER BY e.seq LIMIT %4")
               .arg(cursor)
               .arg(head)
               .arg(ids.join(u','))
               .arg(limit + 1));
    qint64 last = cursor;
    *count = 0;
    while (q.next() && *count < limit) {
        last = q.value(0).toLongLong();
        ++*count;
    }
    return *count == limit ? last : head;
}

QJsonObject percentiles(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) {
        return ms.isEmpty() ? 0.0 : ms[std::min(qsizetype(p * double(ms.size())), ms.size() - 1)];
    };
    return QJsonObject {{QStringLiteral("pages"), ms.size()},
                        {QStringLiteral("p50_ms"), at(0.50)},
                        {QStringLiteral("p99_ms"), at(0.99)},
                        {QStringLiteral("max_ms"), ms.isEmpty() ? 0.0 : ms.last()}};
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
        {QStringLiteral("groups"), QStringLiteral("Groups (default 10000)."), QStringLiteral("n"),
         QStringLiteral("10000")},
        {QStringLiteral("member-of"), QStringLiteral("Groups the reader is in (default 200)."),
         QStringLiteral("n"), QStringLiteral("200")},
        {QStringLiteral("events"), QStringLiteral("Events in the log (default 1000000)."),
         QStringLiteral("n"), QStringLiteral("1000000")},
        {QStringLiteral("company"),
         QStringLiteral("Percentage of company-wide events (default 2)."), QStringLiteral("pct"),
         QStringLiteral("2")},
        {QStringLiteral("limit"), QStringLiteral("Events per page (default 500)."),
         QStringLiteral("n"), QStringLiteral("500")},
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
    const int groups = p.value(QStringLiteral("groups")).toInt();
    const int memberOf = p.value(QStringLiteral("member-of")).toInt();
    const qint64 events = p.value(QStringLiteral("events")).toLongLong();
    const int limit = p.value(QStringLiteral("limit")).toInt();
    EventLog log(db);
    QElapsedTimer clock;
    clock.start();
    if (log.head() == 0
        && !populate(db, groups, memberOf, events, p.value(QStringLiteral("company")).toInt())) {
        std::fprintf(stderr, "cannot fill the database\n");
        return 1;
    }
    const qint64 fillMs = clock.elapsed();

    Audience audience(db);
    const QStringList features = plein::protocol::allFeatures();
    const Reader reader {1, audience.groupsOf(1), QSet<QString>(features.begin(), features.end())};
    const qint64 head = log.head();

    QList<double> indexed;
    qint64 received = 0;
    for (qint64 cursor = 0;;) {
        clock.restart();
        auto page = log.since(cursor, reader, limit);
        indexed << double(clock.nsecsElapsed()) / 1e6;
        if (!page) {
            std::fprintf(stderr, "%s\n", qPrintable(page.error().message));
            return 1;
        }
        received += page->events.size();
        cursor = page->next;
        if (!page->more)
            break;
    }
    QList<double> baseline;
    qint64 baselineReceived = 0;
    for (qint64 cursor = 0;;) {
        int count = 0;
        clock.restart();
        const qint64 next = baselinePage(db, cursor, head, reader.groups, limit, &count);
        baseline << double(clock.nsecsElapsed()) / 1e6;
        baselineReceived += count;
        if (next == head)
            break;
        cursor = next;
    }
    const QJsonObject out {
        {QStringLiteral("backend"),
         db.dialect().isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
        {QStringLiteral("groups"), groups},
        {QStringLiteral("memberOf"), memberOf},
        {QStringLiteral("events"), events},
        {QStringLiteral("fill_ms"), fillMs},
        {QStringLiteral("received"), received},
        {QStringLiteral("baseline_received"), baselineReceived},
        {QStringLiteral("per_audience_index"), percentiles(indexed)},
        {QStringLiteral("baseline_scan"), percentiles(baseline)},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return received == baselineReceived ? 0 : 1;
}
