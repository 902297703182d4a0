#include "core/audience.h"

#include "core/database.h"
#include "protocol/registry.h"
#include "sql/query.h"

#include <QSqlQuery>

namespace plein::server {

bool Reader::agreesOn(const QString& kind) const
{
    const protocol::CapabilitySpec* c = protocol::capabilityOfEvent(kind);
    return !c || c->feature.isEmpty() || features.contains(QString(c->feature));
}

QStringList Reader::excludedKinds() const
{
    QStringList out;
    for (const protocol::CapabilitySpec* c : protocol::capabilities()) {
        if (c->feature.isEmpty() || features.contains(QString(c->feature)))
            continue;
        for (const auto& k : c->events)
            out << QString(k.kind);
    }
    return out;
}

QList<GroupReach> Audience::groupsOf(qint64 userId)
{
    QList<GroupReach> out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT group_id, visible_from FROM group_members "
                                 "WHERE user_id = ? AND state = 'member' ORDER BY group_id"),
                  {userId}))
        return out;
    while (q.next())
        out.append(GroupReach {q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

} // namespace plein::server
