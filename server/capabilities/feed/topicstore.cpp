#include "capabilities/feed/topicstore.h"

#include "capabilities/feed/topics.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "protocol/messagespec.h"
#include "sql/query.h"

#include <QSqlQuery>

#include <algorithm>

namespace plein::server {

namespace {

constexpr QLatin1StringView area("feed");

// Runs `statement` with `values` bound in order; the statement's first column are post ids,
// newest first, at most `cap`.
Result<Candidates> candidates(QSqlQuery& q, const QString& statement, const QVariantList& values,
                              int cap)
{
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        return storeError(area, q);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storeError(area, q);
    Candidates c;
    while (q.next())
        c.ids.append(q.value(0).toLongLong());
    c.capped = c.ids.size() >= cap;
    c.lowest = c.ids.isEmpty() ? 0 : c.ids.last();
    return c;
}

} // namespace

Result<bool> TopicStore::tag(qint64 sourceId, qint64 postId, const QStringList& topics)
{
    if (auto r = untag(sourceId); !r)
        return r;
    sql::PreparedStatements& statements = m_db.statements();
    for (const QString& topic : topics) {
        if (!statements.run(QStringLiteral("INSERT INTO post_topics (topic, post_id, source_id) "
                                           "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                            {topic, postId, sourceId}))
            return storeError(area, statements);
    }
    return true;
}

Result<bool> TopicStore::untag(qint64 sourceId)
{
    sql::PreparedStatements& statements = m_db.statements();
    if (!statements.run(QStringLiteral("DELETE FROM post_topics WHERE source_id = ?"), {sourceId}))
        return storeError(area, statements);
    return true;
}

Result<Candidates> TopicStore::ofTopic(const QString& topic, qint64 before, int cap)
{
    QSqlQuery q(m_db.db());
    return candidates(q,
                      QStringLiteral("SELECT DISTINCT post_id FROM post_topics WHERE topic = ? AND "
                                     "post_id < ? ORDER BY post_id DESC LIMIT ?"),
                      {topic, before > 0 ? before : protocol::maxSafeInteger, cap}, cap);
}

Result<Candidates> TopicStore::followedBy(qint64 userId, qint64 before, int cap)
{
    const QVariant upper = before > 0 ? before : protocol::maxSafeInteger;
    // Each list is walked newest first up to the cap; the merge holds every candidate down to
    // the highest point where a capped list stopped. The follows are read inside the queries,
    // however many there are (never one bound value each).
    QList<Candidates> lists;
    QSqlQuery q(m_db.db());
    auto byPeople = candidates(
        q,
        QStringLiteral("SELECT id FROM posts WHERE author_id IN (SELECT CAST(target AS BIGINT) "
                       "FROM follows WHERE user_id = ? AND kind = 'person') AND parent_id IS NULL "
                       "AND deleted = 0 AND id < ? ORDER BY id DESC LIMIT ?"),
        {userId, upper, cap}, cap);
    if (!byPeople)
        return byPeople.error();
    lists.append(byPeople.value());
    q.finish();
    auto byTopics = candidates(
        q,
        QStringLiteral("SELECT DISTINCT post_id FROM post_topics WHERE topic IN (SELECT target "
                       "FROM follows WHERE user_id = ? AND kind = 'topic') AND post_id < ? ORDER "
                       "BY post_id DESC LIMIT ?"),
        {userId, upper, cap}, cap);
    if (!byTopics)
        return byTopics.error();
    lists.append(byTopics.value());
    Candidates merged;
    qint64 floor = 0;
    for (const Candidates& c : std::as_const(lists)) {
        merged.ids += c.ids;
        if (c.capped)
            floor = std::max(floor, c.lowest);
    }
    std::sort(merged.ids.begin(), merged.ids.end(), std::greater<qint64>());
    merged.ids.erase(std::unique(merged.ids.begin(), merged.ids.end()), merged.ids.end());
    if (floor > 0) {
        merged.ids.erase(std::find_if(merged.ids.begin(), merged.ids.end(),
                                      [floor](qint64 id) { return id < floor; }),
                         merged.ids.end());
        merged.capped = true;
    }
    if (merged.ids.size() > cap) {
        merged.ids.resize(cap);
        merged.capped = true;
    }
    merged.lowest = merged.ids.isEmpty() ? 0 : merged.ids.last();
    return merged;
}

Result<bool> TopicStore::setFollow(qint64 userId, const QString& kind, const QString& target,
                                   bool on)
{
    QSqlQuery q(m_db.db());
    const bool ok = on ? sql::run(q,
                                  QStringLiteral("INSERT INTO follows (user_id, kind, target, "
                                                 "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO "
                                                 "NOTHING"),
                                  {userId, kind, target, nowUtc()})
                       : sql::run(q,
                                  QStringLiteral("DELETE FROM follows WHERE user_id = ? AND kind = "
                                                 "? AND target = ?"),
                                  {userId, kind, target});
    if (!ok)
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> TopicStore::follows(qint64 userId, const QString& kind, const QString& target)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("SELECT 1 FROM follows WHERE user_id = ? AND kind = ? AND target "
                                 "= ?"),
                  {userId, kind, target}))
        return storeError(area, q);
    return q.next();
}

Result<int> TopicStore::followCount(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT COUNT(*) FROM follows WHERE user_id = ?"), {userId})
        || !q.next())
        return storeError(area, q);
    return q.value(0).toInt();
}

Result<QList<Follow>> TopicStore::followsOf(qint64 userId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT kind, target, created_at FROM follows WHERE user_id = ? "
                                 "ORDER BY kind, target"),
                  {userId}))
        return storeError(area, q);
    QList<Follow> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

Result<int> TopicStore::backfill(int batch)
{
    const auto progress = [this]() -> Result<qint64> {
        QSqlQuery q(m_db.db());
        if (!sql::run(q,
                      QStringLiteral("SELECT value FROM server_meta WHERE key = "
                                     "'feed_topics_backfill'")))
            return storeError(area, q);
        return q.next() ? q.value(0).toLongLong() : qint64(-1);
    };
    const auto failed = [](const QString& why) {
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("feed: cannot tag the older posts: %1").arg(why));
    };
    int read = 0;
    for (;;) {
        auto before = progress();
        if (!before)
            return before.error();
        if (before.value() < 0)
            return read;
        Transaction tx(m_db);
        if (!tx.isActive())
            return failed(tx.error());
        // Under the write lock: another process that started alike goes on where this one is.
        auto done = progress();
        if (!done)
            return done.error();
        if (done.value() < 0)
            return read;
        struct Row
        {
            qint64 id;
            qint64 root;
            QString body;
        };
        QList<Row> rows;
        QSqlQuery q(m_db.db());
        q.setForwardOnly(true);
        if (!sql::run(q,
                      QStringLiteral("SELECT id, parent_id, body FROM posts WHERE id > ? AND "
                                     "deleted = 0 ORDER BY id LIMIT ?"),
                      {done.value(), batch}))
            return storeError(area, q);
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const qint64 parent = q.value(1).toLongLong();
            rows.append({id, parent ? parent : id, q.value(2).toString()});
        }
        q.finish();
        for (const Row& r : std::as_const(rows)) {
            if (auto tagged = tag(r.id, r.root, protocol::topicsIn(r.body)); !tagged)
                return tagged.error();
        }
        const bool last = rows.size() < batch;
        const bool ok = last
            ? sql::run(q,
                       QStringLiteral("DELETE FROM server_meta WHERE key = "
                                      "'feed_topics_backfill'"))
            : sql::run(q,
                       QStringLiteral("UPDATE server_meta SET value = ? WHERE key = "
                                      "'feed_topics_backfill'"),
                       {QString::number(rows.last().id)});
        if (!ok)
            return storeError(area, q);
        if (!tx.commit())
            return failed(tx.error());
        read += int(rows.size());
        if (last)
            return read;
    }
}

} // namespace plein::server
