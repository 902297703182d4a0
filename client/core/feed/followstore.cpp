#include "followstore.h"

#include "store/cache.h"

#include <QSqlQuery>

namespace plein::client {

bool FollowStore::set(const QString& kind, const QString& target, bool on)
{
    auto& statements = m_cache.statements();
    const bool ok = on ? statements.run(QStringLiteral("INSERT OR IGNORE INTO follows (kind, "
                                                       "target) VALUES (?, ?)"),
                                        {kind, target})
                       : statements.run(QStringLiteral("DELETE FROM follows WHERE kind = ? AND "
                                                       "target = ?"),
                                        {kind, target});
    if (!ok)
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(area);
    return true;
}

bool FollowStore::replace(const QList<Follow>& follows)
{
    if (follows == all())
        return true;
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM follows")))
        return m_cache.fail(m_cache.statements().lastError());
    for (const Follow& f : follows) {
        if (!set(f.kind, f.target, true))
            return false;
    }
    m_cache.noteChange(area);
    return true;
}

bool FollowStore::follows(const QString& kind, const QString& target) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT 1 FROM follows WHERE kind = ? AND target = ?"), {kind, target});
    return q && q->next();
}

QList<FollowStore::Follow> FollowStore::all() const
{
    QList<Follow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT kind, target FROM follows ORDER BY kind, target"));
    while (q && q->next())
        out.append({q->value(0).toString(), q->value(1).toString()});
    return out;
}

} // namespace plein::client
