#include "capabilities/search/searchreads.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/search/searchprotocol.h"
#include "capabilities/search/snippet.h"
#include "core/database.h"
#include "core/readpool.h"
#include "core/storeerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <optional>

namespace plein::server {

using protocol::ErrorCode;
namespace search = protocol::search;

namespace {

using L = QLatin1StringView;

struct Request
{
    SearchTerms terms;
    QString kind; // empty: both
    qint64 groupId = 0;
    qint64 authorId = 0;
    std::optional<bool> hasFile;
    QString after;
    QString before;
    bool newest = false;
    int offset = 0;
    int limit = search::defaultPage;
};

struct Hit
{
    QString kind;
    qint64 id = 0;
    qint64 parentId = 0; // post: the post a reply answers
    qint64 groupId = 0;
    qint64 conversationId = 0; // chat
    QString createdAt;
    double score = 0; // higher is better
    QString body;
    qint64 authorId = 0;
    QString authorUsername;
    QString authorDisplayName;
    QString title; // article: its title
};

// Relevance is judged among this many of the newest matches a user may see.
constexpr int rankWindow = 1000;

protocol::Error badRequest(const QString& message)
{
    return protocol::Error {ErrorCode::BadRequest, message};
}

// A moment as the tables write it ("2026-12-02T10:00:00.000Z"), from a date or a time.
std::optional<QString> moment(const QJsonObject& payload, QLatin1StringView name)
{
    const QString text = payload.value(name).toString();
    if (text.isEmpty())
        return QString();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() && text.size() == 10)
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!t.isValid())
        return std::nullopt;
    // Without an offset the moment is UTC, whatever the server's own time zone.
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<Request> parse(const QJsonObject& payload)
{
    Request r;
    r.terms = SearchTerms::parse(payload.value(L("q")).toString(), search::maxQueryTerms);
    if (r.terms.isEmpty())
        return badRequest(QStringLiteral("the search holds no words"));
    r.kind = payload.value(L("kind")).toString();
    r.groupId = qint64(payload.value(L("groupId")).toDouble());
    r.authorId = qint64(payload.value(L("authorId")).toDouble());
    if (payload.contains(L("hasFile")))
        r.hasFile = payload.value(L("hasFile")).toBool();
    const auto after = moment(payload, L("after"));
    const auto before = moment(payload, L("before"));
    if (!after || !before)
        return badRequest(QStringLiteral("'after' and 'before' must be ISO 8601 dates or times"));
    r.after = *after;
    r.before = *before;
    r.newest = payload.value(L("sort")).toString() == L("newest");
    r.offset = payload.value(L("offset")).toInt(0);
    r.limit = payload.value(L("limit")).toInt(search::defaultPage);
    return r;
}

// The full-text condition and the score of a row, per backend; `table` is the FTS5 table
// (SQLite) and `alias` the row's table (PostgreSQL's stored vector).
struct Match
{
    QString from; // what to add to FROM
    QString where;
    QString score; // higher is better
    QString newest; // the column that orders rows newest first, cheaply
    QVariantList values; // for `from` and `where`, in that order
};

// PostgreSQL's query of the words, made once by the database (unaccent and the stemmers live
// there) and then given to the search as a constant: the planner then knows from the column's
// statistics how many rows the words match (a GIN scan for rare words, the newest rows first
// for common ones), and no row evaluates unaccent and to_tsquery again. (Written inside the
// search, the whole expression was evaluated per row read: 0.8 s where 50 ms suffice.)
Result<QString> postgresQuery(Database& db, const SearchTerms& terms)
{
    // Each word a quoted lexeme (quote_literal), so nothing typed is tsquery syntax, and
    // without diacritics as the index is; it matches as itself ('simple': stop words too, so
    // "over" finds "over") or by its Dutch or English stem. The words are all needed. Each
    // configuration's query of each word comes back as text and they are joined here, every
    // lexeme once: the planner counts a word written three times ('x' | 'x' | 'x') as three
    // times as common, and two such words as nine times, which made it read 800,000 rows
    // newest first where the index would have given the 12,500 that match.
    constexpr std::array<const char*, 3> configs {"simple", "dutch", "english"};
    QStringList columns;
    QVariantList values;
    for (qsizetype i = 0; i < terms.words.size(); ++i) {
        const bool prefix = terms.lastIsPrefix && i + 1 == terms.words.size();
        const QString lexeme = QStringLiteral("quote_literal(public.unaccent('public.unaccent'::"
                                              "regdictionary, ?))%1")
                                   .arg(prefix ? QStringLiteral(" || ':*'") : QString());
        for (const char* config : configs) {
            columns << QStringLiteral("to_tsquery('pg_catalog.%1', %2)::text")
                           .arg(QLatin1StringView(config), lexeme);
            values << terms.words[i];
        }
    }
    QSqlQuery q(db.db());
    if (!q.prepare(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))))
        return storeError(L("search"), q);
    for (const QVariant& v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storeError(L("search"), q);
    // PostgreSQL's own text of each part (its quoting), joined by its operators.
    QStringList words;
    for (qsizetype i = 0; i < terms.words.size(); ++i) {
        QStringList forms;
        for (qsizetype c = 0; c < qsizetype(configs.size()); ++c) {
            const QString form = q.value(int(i * qsizetype(configs.size()) + c)).toString();
            if (!form.isEmpty() && !forms.contains(form))
                forms << form;
        }
        if (!forms.isEmpty())
            words << u'(' + forms.join(QStringLiteral(" | ")) + u')';
    }
    return words.join(QStringLiteral(" & "));
}

// `tsquery`: postgresQuery()'s answer on PostgreSQL.
Match fullText(const Database& db, const SearchTerms& terms, const QString& tsquery,
               const QString& ftsTable, const QString& alias, const QString& idColumn)
{
    Match m;
    if (db.dialect().isPostgres()) {
        m.from = QStringLiteral(", (SELECT CAST(? AS tsquery) AS q) AS query");
        m.values = {tsquery};
        m.where = QStringLiteral("%1.search @@ query.q").arg(alias);
        m.score = QStringLiteral("ts_rank(%1.search, query.q)").arg(alias);
        m.newest = QStringLiteral("%1.id").arg(alias);
        return m;
    }
    // FTS5: every word a quoted string (so nothing is syntax), the last one maybe a prefix.
    QStringList parts;
    for (qsizetype i = 0; i < terms.words.size(); ++i) {
        const bool prefix = terms.lastIsPrefix && i + 1 == terms.words.size();
        parts << u'"' + terms.words[i] + u'"' + (prefix ? QStringLiteral("*") : QString());
    }
    m.from = QStringLiteral(" JOIN %1 ON %1.rowid = %2.%3").arg(ftsTable, alias, idColumn);
    m.where = QStringLiteral("%1 MATCH ?").arg(ftsTable);
    m.values = {parts.join(u' ')};
    m.score = QStringLiteral("-bm25(%1)").arg(ftsTable);
    // FTS5 walks its lists in rowid order: newest first without reading every match.
    m.newest = QStringLiteral("%1.rowid").arg(ftsTable);
    return m;
}

Result<QList<Hit>> run(QSqlQuery& q, const QString& statement, const QVariantList& values,
                       const QString& kind)
{
    if (!q.prepare(statement))
        return storeError(L("search"), q);
    for (const QVariant& v : values)
        q.addBindValue(v);
    const auto failed = [&q]() -> protocol::Error {
        if (ReadPool::timedOut(q.lastError()))
            return protocol::Error {ErrorCode::Unavailable,
                                    QStringLiteral("the search took too long; narrow it down")};
        return storeError(L("search"), q);
    };
    if (!q.exec())
        return failed();
    QList<Hit> out;
    while (q.next()) {
        Hit h;
        h.kind = kind;
        h.id = q.value(0).toLongLong();
        h.parentId = q.value(1).toLongLong();
        h.groupId = q.value(2).toLongLong();
        h.conversationId = q.value(3).toLongLong();
        h.createdAt = q.value(4).toString();
        h.score = q.value(5).toDouble();
        h.body = q.value(6).toString();
        h.authorId = q.value(7).toLongLong();
        h.authorUsername = q.value(8).toString();
        h.authorDisplayName = q.value(9).toString();
        h.title = q.value(10).toString();
        out << h;
    }
    // A statement interrupted while stepping ends the rows early, with the error set.
    if (q.lastError().isValid())
        return failed();
    q.finish();
    return out;
}

// Filters every kind shares: author and time (`time`: the column that says when a row was
// written or published).
void common(const Request& r, const QString& alias, const QString& time, QString& where,
            QVariantList& values)
{
    if (r.authorId) {
        where += QStringLiteral(" AND %1.author_id = ?").arg(alias);
        values << r.authorId;
    }
    if (!r.after.isEmpty()) {
        where += QStringLiteral(" AND %1.%2 >= ?").arg(alias, time);
        values << r.after;
    }
    if (!r.before.isEmpty()) {
        where += QStringLiteral(" AND %1.%2 < ?").arg(alias, time);
        values << r.before;
    }
}

// One kind of row to search: the feature a client needs to be given it, its full-text index,
// the head of its statement (the columns in Hit's order; %1 the score, %2 what the match adds
// to FROM), the rules of who may read a row (%1 the full-text condition) with their values,
// and the columns of its group and of its time.
struct Source
{
    QLatin1StringView kind;
    QLatin1StringView feature;
    QLatin1StringView ftsTable;
    QLatin1StringView alias;
    QLatin1StringView select;
    QLatin1StringView readable;
    QVariantList (*readableValues)(const User& user);
    QLatin1StringView groupColumn;
    QLatin1StringView fileOwnerKind; // its rows' kind in file_attachments
    QLatin1StringView timeColumn;
    // What orders its rows newest first when that is not the order of their ids (an article
    // is as new as its publishing): empty for the match's own cheap order.
    QLatin1StringView newestOrder = {};
};

const std::array<Source, 3> sources {
    // Readable as FeedService::readable decides: the company feed; a group's posts for its
    // members from their history rule on (a reply only in a thread that began after it), for
    // everyone in a public group, for admins in any.
    Source {
        L("post"), L("feed"), L("posts_search"), L("p"),
        L("SELECT p.id, p.parent_id, p.group_id, 0, p.created_at, %1 AS score, p.body, u.id, "
          "u.username, u.display_name, '' FROM posts p JOIN users u ON u.id = p.author_id%2"),
        L(" WHERE %1 AND p.deleted = 0 AND (p.group_id IS NULL OR EXISTS (SELECT 1 FROM "
          "user_groups g LEFT JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = ? AND "
          "gm.state = 'member' WHERE g.id = p.group_id AND (gm.user_id IS NOT NULL OR g.kind = "
          "'public' OR ? = 1) AND (gm.user_id IS NULL OR gm.visible_from = 0 OR (p.seq > "
          "gm.visible_from AND (p.parent_id IS NULL OR (SELECT r.seq FROM posts r WHERE r.id = "
          "p.parent_id) > gm.visible_from)))))"),
        [](const User& user) {
            return QVariantList {user.id, user.role == Role::Admin ? 1 : 0};
        },
        L("p.group_id"), L("post"), L("created_at")},
    // Readable as ChatAccess decides: a direct or people conversation by its members, a
    // group's chat by the group's members from their history rule on.
    Source {
        L("chat"), L("chat"), L("chat_search"), L("m"),
        L("SELECT m.id, 0, c.group_id, m.conversation_id, m.created_at, %1 AS score, m.body, "
          "u.id, u.username, u.display_name, '' FROM chat_messages m JOIN conversations c ON c.id "
          "= "
          "m.conversation_id JOIN users u ON u.id = m.author_id%2"),
        L(" WHERE %1 AND m.deleted = 0 AND ((c.kind <> 'group' AND EXISTS (SELECT 1 FROM "
          "conversation_members cm WHERE cm.conversation_id = m.conversation_id AND cm.user_id = "
          "?)) OR (c.kind = 'group' AND EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id "
          "= c.group_id AND gm.user_id = ? AND gm.state = 'member' AND (gm.visible_from = 0 OR "
          "m.seq > gm.visible_from))))"),
        [](const User& user) {
            return QVariantList {user.id, user.id};
        },
        L("c.group_id"), L("chat-message"), L("created_at")},
    // Readable as BlogService::readable decides for published articles (drafts never): the
    // company blog; a group's for its members from their history rule on, for everyone in a
    // public group, for admins in any. The hit has the title; its snippet comes from the
    // summary and the text.
    Source {
        L("article"), L("blogs"), L("articles_search"), L("a"),
        L("SELECT a.id, 0, a.group_id, 0, a.published_at, %1 AS score, CASE WHEN a.summary = "
          "'' THEN '' ELSE a.summary || ' — ' END || a.body, u.id, u.username, u.display_name, "
          "a.title FROM articles a JOIN users u ON u.id = a.author_id%2"),
        L(" WHERE %1 AND a.state = 'published' AND (a.group_id IS NULL OR EXISTS (SELECT 1 FROM "
          "user_groups g LEFT JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = ? AND "
          "gm.state = 'member' WHERE g.id = a.group_id AND (gm.user_id IS NOT NULL OR g.kind = "
          "'public' OR ? = 1) AND (gm.user_id IS NULL OR gm.visible_from = 0 OR a.published_seq "
          "> gm.visible_from)))"),
        [](const User& user) {
            return QVariantList {user.id, user.role == Role::Admin ? 1 : 0};
        },
        L("a.group_id"), L("article"), L("published_at"), L("a.published_at")},
};

// The best `rows` rows of one source for this request.
Result<QList<Hit>> find(Database& db, const Source& source, const User& user, const Request& r,
                        const QString& tsquery, int rows)
{
    const QString alias = source.alias;
    const Match m = fullText(db, r.terms, tsquery, source.ftsTable, alias, QStringLiteral("id"));
    QVariantList values = m.values + source.readableValues(user);
    QString where = QString(source.readable).arg(m.where);
    if (r.groupId) {
        where += QStringLiteral(" AND %1 = ?").arg(source.groupColumn);
        values << r.groupId;
    }
    common(r, alias, QString(source.timeColumn), where, values);
    if (r.hasFile) {
        where += QStringLiteral(" AND %1 EXISTS (SELECT 1 FROM file_attachments fa WHERE "
                                "fa.owner_kind = ? AND fa.owner_id = %2.id)")
                     .arg(*r.hasFile ? QString() : QStringLiteral("NOT"), alias);
        values << QString(source.fileOwnerKind);
    }
    // Newest first reads the matches in that order and stops at the page. The best matches are
    // those among the newest `rankWindow` the user may see: ranking every match of a common
    // word (or a short prefix) over millions of rows would cost seconds.
    QString statement = QString(source.select).arg(m.score, m.from) + where
        + QStringLiteral(" ORDER BY %1 DESC LIMIT ?")
              .arg(source.newestOrder.isEmpty() ? m.newest : QString(source.newestOrder));
    if (r.newest) {
        values << rows;
    } else {
        statement
            = QStringLiteral("SELECT * FROM (%1) AS candidates ORDER BY 6 DESC, 1 DESC LIMIT ?")
                  .arg(statement);
        values << rankWindow << rows;
    }
    QSqlQuery q(db.db());
    return run(q, statement, values, source.kind);
}

QJsonValue idOrNull(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Hit& h, const SearchTerms& terms)
{
    const Snippet s = Snippet::of(h.body, terms);
    QJsonObject o {
        {QStringLiteral("kind"), h.kind},
        {QStringLiteral("id"), h.id},
        {QStringLiteral("groupId"), idOrNull(h.groupId)},
        {QStringLiteral("createdAt"), h.createdAt},
        {QStringLiteral("snippet"), s.text},
        {QStringLiteral("marks"), s.marksJson()},
        {QStringLiteral("author"),
         QJsonObject {{QStringLiteral("id"), h.authorId},
                      {QStringLiteral("username"), h.authorUsername},
                      {QStringLiteral("displayName"), h.authorDisplayName}}},
    };
    if (!h.title.isEmpty()) {
        // A title is short: all of it, with its matching words marked as the snippet's are.
        const Snippet t = Snippet::of(h.title, terms, 400);
        o.insert(QStringLiteral("title"), t.text);
        o.insert(QStringLiteral("titleMarks"), t.marksJson());
    }
    if (h.kind == QLatin1StringView("post"))
        o.insert(QStringLiteral("parentId"), idOrNull(h.parentId));
    else if (h.kind == QLatin1StringView("chat"))
        o.insert(QStringLiteral("conversationId"), h.conversationId);
    return o;
}

} // namespace

Result<QJsonObject> SearchReads::query(Database& db, const User& user,
                                       const QSet<QString>& features, const QJsonObject& payload)
{
    auto request = parse(payload);
    if (!request)
        return request.error();
    const Request& r = request.value();
    // Each kind's best `offset + limit + 1` rows, merged: enough for this page and to tell
    // whether another follows.
    const int rows = r.offset + r.limit + 1;
    QString tsquery;
    if (db.dialect().isPostgres()) {
        auto made = postgresQuery(db, r.terms);
        if (!made)
            return made.error();
        tsquery = made.value();
    }
    QList<Hit> hits;
    for (const Source& source : sources) {
        if ((!r.kind.isEmpty() && r.kind != source.kind)
            || !features.contains(QString(source.feature)))
            continue;
        auto found = find(db, source, user, r, tsquery, rows);
        if (!found)
            return found.error();
        hits += found.value();
    }
    std::stable_sort(hits.begin(), hits.end(), [&r](const Hit& a, const Hit& b) {
        if (r.newest)
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        return a.score > b.score;
    });
    QJsonArray results;
    for (qsizetype i = r.offset; i < hits.size() && i < r.offset + r.limit; ++i)
        results.append(toJson(hits[i], r.terms));
    const bool more = hits.size() > r.offset + r.limit;
    return QJsonObject {
        {QStringLiteral("results"), results},
        {QStringLiteral("next"),
         more && r.offset + r.limit <= search::maxOffset ? QJsonValue(r.offset + r.limit)
                                                         : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace plein::server
