#include "searchindex.h"

#include "searchsource.h"
#include "sql/sqlerror.h"

#include <QHash>
#include <QSqlQuery>

namespace plein::client {

namespace {

double julianDay(const QDateTime& t)
{
    return 2440587.5 + double(t.toMSecsSinceEpoch()) / 86400000.0;
}

double julianDay(QDate date)
{
    return julianDay(QDateTime(date, QTime(0, 0)).toUTC());
}

bool exec(QSqlQuery& q, const QString& sql, const QVariantList& values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant& v : values)
        q.addBindValue(v);
    return q.exec();
}

QString orEmpty(const QString& expression, const char* otherwise)
{
    return expression.isEmpty() ? QString::fromLatin1(otherwise) : expression;
}

} // namespace

SearchIndex::SearchIndex(QSqlDatabase db, const SearchSources& sources)
    : m_db(std::move(db))
    , m_sources(sources)
{ }

std::optional<QString> SearchIndex::checkAvailable(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.plein_fts5_probe USING fts5(x)")))
        return QStringLiteral("the SQLite library in use has no FTS5 full-text search (%1); "
                              "Plein needs SQLite 3.9 or later built with FTS5, as Debian's is")
            .arg(sql::describeError(q));
    q.exec(QStringLiteral("DROP TABLE temp.plein_fts5_probe"));
    return std::nullopt;
}

SearchResult SearchIndex::search(const SearchQuery& query) const
{
    SearchResult result;
    const auto match = SearchQuery::matchExpression(query.text);
    if (!match || query.limit <= 0)
        return result;
    const double now = julianDay(m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());

    // First the ranking, over row ids only: each source's newest candidates that match and
    // pass the filters, scored, merged.
    QList<const SearchSource*> used;
    QStringList parts;
    QVariantList values;
    for (const SearchSource& s : m_sources.all()) {
        if (!query.kinds.isEmpty() && !query.kinds.contains(s.kind))
            continue;
        if ((query.groupId > 0 && s.groupId.isEmpty())
            || (query.authorId > 0 && s.authorId.isEmpty())
            || ((query.from.isValid() || query.to.isValid()) && s.time.isEmpty()))
            continue;
        QVariantList partValues;
        QString weight = QStringLiteral("1.0");
        if (!s.time.isEmpty()) {
            // A month old counts half, a year old a thirteenth.
            weight = QStringLiteral("(1.0 + MAX(0.0, ? - COALESCE(julianday(%1), ?)) / 30.0)")
                         .arg(s.time);
            partValues << now << now;
        }
        QStringList where {s.index + QStringLiteral(" MATCH ?")};
        partValues << *match;
        if (!s.visible.isEmpty())
            where << u'(' + s.visible + u')';
        if (query.groupId > 0) {
            where << s.groupId + QStringLiteral(" = ?");
            partValues << query.groupId;
        }
        if (query.authorId > 0) {
            where << s.authorId + QStringLiteral(" = ?");
            partValues << query.authorId;
        }
        if (query.from.isValid()) {
            where << QStringLiteral("julianday(%1) >= ?").arg(s.time);
            partValues << julianDay(query.from);
        }
        if (query.to.isValid()) {
            where << QStringLiteral("julianday(%1) < ?").arg(s.time);
            partValues << julianDay(query.to.addDays(1));
        }
        parts << QStringLiteral("SELECT %1 AS source, rowid, score FROM (SELECT %2.rowid AS rowid, "
                                "bm25(%2) / %3 AS score FROM %2 JOIN %4 c ON c.id = %2.rowid "
                                "WHERE %5 ORDER BY %2.rowid DESC LIMIT %6)")
                     .arg(used.size())
                     .arg(s.index, weight, s.content, where.join(QLatin1StringView(" AND ")))
                     .arg(candidates);
        values << partValues;
        used.append(&s);
    }
    if (parts.isEmpty())
        return result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    values << query.limit + 1 << qMax(0, query.offset);
    if (!exec(q,
              parts.join(QLatin1StringView(" UNION ALL "))
                  + QStringLiteral(" ORDER BY score, source, rowid DESC LIMIT ? OFFSET ?"),
              values)) {
        result.error = sql::describeError(q);
        return result;
    }
    struct Ranked
    {
        int source;
        qint64 rowid;
        double score;
    };
    QList<Ranked> ranked;
    while (q.next())
        ranked.append({q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toDouble()});
    q.finish();
    result.more = ranked.size() > query.limit;
    if (result.more)
        ranked.removeLast();

    // Then what is shown, for the page only: snippets cost a read of each text.
    QHash<QPair<int, qint64>, SearchHit> found;
    for (int source = 0; source < used.size(); ++source) {
        QStringList ids;
        for (const Ranked& r : ranked) {
            if (r.source == source)
                ids << QString::number(r.rowid);
        }
        if (ids.isEmpty())
            continue;
        const SearchSource& s = *used.at(source);
        const QString marked = s.titleColumn >= 0
            ? QStringLiteral("highlight(%1, %2, char(2), char(3))").arg(s.index).arg(s.titleColumn)
            : QStringLiteral("''");
        const QString sql
            = QStringLiteral("SELECT c.id, %1, %2, snippet(%3, %4, char(2), char(3), '…', 24), "
                             "%5, %6, %7, %8, %9 FROM %3 JOIN %10 c ON c.id = %3.rowid "
                             "WHERE %3 MATCH ? AND %3.rowid IN (%11)")
                  .arg(orEmpty(s.title, "''"), marked, s.index)
                  .arg(s.snippetColumn)
                  .arg(orEmpty(s.context, "''"), orEmpty(s.authorId, "0"),
                       orEmpty(s.authorName, "''"), orEmpty(s.time, "''"), s.link, s.content,
                       ids.join(u','));
        if (!exec(q, sql, {*match})) {
            result.error = sql::describeError(q);
            return result;
        }
        while (q.next()) {
            SearchHit hit;
            hit.kind = s.kind;
            hit.id = q.value(0).toLongLong();
            hit.title = q.value(1).toString();
            hit.markedTitle = q.value(2).toString();
            if (hit.markedTitle.isEmpty())
                hit.markedTitle = hit.title;
            hit.snippet = q.value(3).toString();
            hit.context = q.value(4).toString();
            hit.authorId = q.value(5).toLongLong();
            hit.authorName = q.value(6).toString();
            const QString time = q.value(7).toString();
            if (!time.isEmpty())
                hit.time = QDateTime::fromString(time, Qt::ISODateWithMs);
            hit.link = q.value(8).toString();
            found.insert({source, hit.id}, hit);
        }
        q.finish();
    }
    for (const Ranked& r : ranked) {
        auto it = found.find({r.source, r.rowid});
        if (it == found.end())
            continue; // changed between the two reads
        it->score = r.score;
        result.hits.append(*it);
    }
    return result;
}

} // namespace plein::client
