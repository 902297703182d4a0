#include "searchindex.h"

#include "searchrank.h"
#include "searchsource.h"
#include "sql/sqlerror.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <limits>

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

// A snippet reads as a line of text: the Markdown that only marks up (code fences, bold) goes,
// and line breaks and runs of spaces become one space.
QString tidy(const QString& snippet)
{
    static const QRegularExpression markup(QStringLiteral("`{3,}|\\*\\*|__"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QString out = snippet;
    out.remove(markup);
    out.replace(spaces, QStringLiteral(" "));
    return out.trimmed();
}

QString orEmpty(const QString& expression, const char* otherwise)
{
    return expression.isEmpty() ? QString::fromLatin1(otherwise) : expression;
}

} // namespace

SearchIndex::SearchIndex(QSqlDatabase db, const SearchSources& sources)
    : m_db(std::move(db))
    , m_sources(sources)
{
    if (auto err = searchrank::install(m_db))
        m_rankError = *err;
}

double SearchIndex::idf(const SearchSource& source, const QString& term) const
{
    // A prefix longer than the indexed ones costs a merge of every word it starts: it counts
    // as rare as its first three letters, which the index answers at once (a lower bound).
    static constexpr int indexedPrefix = 3;
    if (term.endsWith(u'*') && term.size() > indexedPrefix + 3)
        return idf(source, term.left(indexedPrefix + 1) + QStringLiteral("\"*"));
    const QString key = source.index + u'\n' + term;
    if (const auto known = m_idf.constFind(key); known != m_idf.cend())
        return *known;
    // The newest matches, and how far back in rowids they reach; rowids grow as rows come,
    // so the share of rows holding the word among the newest stands for the whole.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    double rows = 1;
    double frequency = 0;
    bool common = false;
    if (exec(q,
             QStringLiteral("SELECT (SELECT MIN(id) FROM %1), (SELECT MAX(id) FROM %1), COUNT(*), "
                            "MIN(r) FROM (SELECT rowid AS r FROM %2 WHERE %2 MATCH ? ORDER BY "
                            "rowid DESC LIMIT %3)")
                 .arg(source.content, source.index)
                 .arg(frequencySample),
             {term})
        && q.next()) {
        const double first = q.value(0).toDouble();
        const double last = q.value(1).toDouble();
        const double count = q.value(2).toDouble();
        const double oldest = q.value(3).toDouble();
        rows = std::max(1.0, last - first + 1.0);
        common = count >= frequencySample;
        frequency
            = count >= frequencySample ? count * rows / std::max(1.0, last - oldest + 1.0) : count;
    }
    q.finish();
    const double value = searchrank::idf(rows, std::min(frequency, rows));
    // Common words are remembered: their estimates move slowly and cost the most to make. A
    // rarer word is counted again each time (under frequencySample matches), so a word that
    // arrives with new rows is weighed as it now is.
    if (common) {
        if (m_idf.size() > 4096)
            m_idf.clear(); // estimates are renewed now and then
        m_idf.insert(key, value);
    }
    return value;
}

void SearchIndex::tuneReadConnection(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    // Index pages read through the map instead of copied by read(), and kept between queries.
    q.exec(QStringLiteral("PRAGMA mmap_size=268435456"));
    q.exec(QStringLiteral("PRAGMA cache_size=-16384"));
}

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
    const QStringList terms = SearchQuery::matchTerms(query.text);
    if (terms.isEmpty() || query.limit <= 0)
        return result;
    if (!m_rankError.isEmpty()) {
        result.error = m_rankError;
        return result;
    }
    const auto match = std::optional<QString>(terms.join(u' '));
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
        QStringList idfs;
        for (const QString& term : terms) {
            idfs << QStringLiteral("?");
            partValues << idf(s, term);
        }
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
                                "plein_rank(%2, %7) / %3 AS score FROM %2 JOIN %4 c ON c.id = "
                                "%2.rowid WHERE %5 ORDER BY %2.rowid DESC LIMIT %6)")
                     .arg(used.size())
                     .arg(s.index, weight, s.content, where.join(QLatin1StringView(" AND ")))
                     .arg(candidates)
                     .arg(idfs.join(QLatin1StringView(", ")));
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

    // Then what is shown, for the page only: snippets cost a read of each text. One pass over
    // the matches between the page's lowest and highest rowid (a rowid IN list would run the
    // match once per row, and a long prefix costs a merge of every word it starts).
    QHash<QPair<int, qint64>, SearchHit> found;
    for (int source = 0; source < used.size(); ++source) {
        QStringList ids;
        qint64 lowest = std::numeric_limits<qint64>::max();
        qint64 highest = std::numeric_limits<qint64>::min();
        for (const Ranked& r : ranked) {
            if (r.source == source) {
                ids << QString::number(r.rowid);
                lowest = std::min(lowest, r.rowid);
                highest = std::max(highest, r.rowid);
            }
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
                             "WHERE %3 MATCH ? AND %3.rowid BETWEEN %12 AND %13 AND %3.rowid + 0 "
                             "IN (%11)")
                  .arg(orEmpty(s.title, "''"), marked, s.index)
                  .arg(s.snippetColumn)
                  .arg(orEmpty(s.context, "''"), orEmpty(s.authorId, "0"),
                       orEmpty(s.authorName, "''"), orEmpty(s.time, "''"), s.link, s.content,
                       ids.join(u','), QString::number(lowest), QString::number(highest));
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
            hit.snippet = tidy(q.value(3).toString());
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
