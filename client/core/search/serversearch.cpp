#include "serversearch.h"

#include "capabilities/search/searchprotocol.h"

#include <QSqlQuery>

#include <algorithm>

namespace plein::client::serversearch {

namespace {

using L = QLatin1StringView;

QString utc(QDate day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODate);
}

} // namespace

std::optional<QJsonObject> payload(const SearchQuery& query, const SearchSources& sources,
                                   int offset, int limit)
{
    const QString words = query.text.simplified();
    if (words.isEmpty() || !SearchQuery::matchExpression(query.text))
        return std::nullopt;
    const QStringList served = sources.serverKinds();
    QStringList kinds = served;
    if (!query.kinds.isEmpty())
        kinds.removeIf([&](const QString& k) { return !query.kinds.contains(k); });
    if (kinds.isEmpty())
        return std::nullopt;
    // As one types: a trailing space says the last word is whole, for the server as locally.
    QString q = words.left(protocol::search::maxQueryChars);
    if (query.text.endsWith(u' ') && q.size() < protocol::search::maxQueryChars)
        q += u' ';
    QJsonObject p {{QStringLiteral("q"), q},
                   {QStringLiteral("offset"), offset},
                   {QStringLiteral("limit"), qBound(1, limit, protocol::search::maxPage)}};
    if (kinds.size() < served.size())
        p.insert(QStringLiteral("kind"), kinds.first());
    if (query.groupId > 0)
        p.insert(QStringLiteral("groupId"), query.groupId);
    if (query.authorId > 0)
        p.insert(QStringLiteral("authorId"), query.authorId);
    if (query.from.isValid())
        p.insert(QStringLiteral("after"), utc(query.from));
    if (query.to.isValid())
        p.insert(QStringLiteral("before"), utc(query.to.addDays(1)));
    return p;
}

QString marked(const QString& snippet, const QJsonArray& marks)
{
    QList<std::pair<qsizetype, qsizetype>> spans;
    for (const QJsonValue& m : marks) {
        const QJsonArray pair = m.toArray();
        const qsizetype start = pair.at(0).toInteger(-1);
        const qsizetype length = pair.at(1).toInteger(0);
        if (start >= 0 && length > 0 && start + length <= snippet.size())
            spans.append({start, length});
    }
    std::sort(spans.begin(), spans.end());
    QString out;
    out.reserve(snippet.size() + 2 * spans.size());
    qsizetype at = 0;
    for (const auto& [start, length] : std::as_const(spans)) {
        if (start < at)
            continue; // overlaps the one before
        out += QStringView(snippet).mid(at, start - at);
        out += SearchHit::highlightStart;
        out += QStringView(snippet).mid(start, length);
        out += SearchHit::highlightEnd;
        at = start + length;
    }
    out += QStringView(snippet).mid(at);
    return out;
}

std::optional<SearchHit> hit(const QJsonObject& result, const SearchSources& sources,
                             const QSqlDatabase& cache)
{
    const SearchSource* source = sources.find(result.value(L("kind")).toString());
    if (!source || !source->serverLink)
        return std::nullopt;
    SearchHit h;
    h.kind = source->kind;
    h.id = result.value(L("id")).toInteger();
    const QJsonObject author = result.value(L("author")).toObject();
    h.authorId = author.value(L("id")).toInteger();
    h.authorName = author.value(L("displayName")).toString();
    h.title = h.authorName;
    h.markedTitle = h.authorName;
    // A kind with titles of its own (articles) sends them, marked as the snippet is.
    if (const QString title = result.value(L("title")).toString(); !title.isEmpty()) {
        h.title = title;
        h.markedTitle = marked(QString(title)
                                   .replace(SearchHit::highlightStart, QChar::ReplacementCharacter)
                                   .replace(SearchHit::highlightEnd, QChar::ReplacementCharacter),
                               result.value(L("titleMarks")).toArray());
    }
    // The snippet is plain text: markers it holds itself are not the server's marks (replaced,
    // not removed, so the marks' offsets still hold).
    QString snippet = result.value(L("snippet")).toString();
    snippet.replace(SearchHit::highlightStart, QChar::ReplacementCharacter);
    snippet.replace(SearchHit::highlightEnd, QChar::ReplacementCharacter);
    h.snippet = marked(snippet, result.value(L("marks")).toArray());
    h.time = QDateTime::fromString(result.value(L("createdAt")).toString(), Qt::ISODateWithMs);
    h.link = source->serverLink(result);
    const qint64 place = result.value(source->placeField).toInteger();
    if (place > 0 && !source->placeContext.isEmpty() && cache.isOpen()) {
        QSqlQuery q(cache);
        q.prepare(source->placeContext);
        q.addBindValue(place);
        if (q.exec() && q.next())
            h.context = q.value(0).toString();
    }
    return h;
}

} // namespace plein::client::serversearch
