#include "core/writeservice.h"

#include "core/database.h"
#include "core/eventlog.h"
#include "core/writeledger.h"

#include <QSqlQuery>

namespace plein::server {

using protocol::ErrorCode;

namespace {

protocol::Error unavailable(const QString& why)
{
    return protocol::Error {ErrorCode::Unavailable,
                            QStringLiteral("the database is busy, try again (%1)").arg(why)};
}

} // namespace

Result<WriteService::Outcome> WriteService::run(qint64 userId, const QString& type,
                                                const QJsonObject& payload, const Apply& apply)
{
    const QString clientId = payload.value(QLatin1StringView("clientId")).toString();
    const QString hash = WriteLedger::hashRequest(type, payload);
    Transaction tx(m_db);
    if (!tx.isActive())
        return unavailable(tx.error());
    // Claim the client id first. When another node is applying the same write right now,
    // PostgreSQL makes this insert wait for that transaction, after which the id is taken and
    // the write is answered as a replay, not as a failure of the second copy.
    auto claimed = m_ledger.claim(userId, clientId, hash);
    if (!claimed)
        return claimed.error();
    if (!claimed.value()) {
        const auto prior = m_ledger.find(userId, clientId);
        if (!prior)
            return unavailable(QStringLiteral("the write is being applied elsewhere"));
        if (prior->requestHash != hash)
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("the client id '%1' was already used for a different write")
                    .arg(clientId));
        return Outcome {prior->result, true};
    }
    auto result = apply();
    if (!result)
        return result.error();
    if (auto recorded = m_ledger.complete(userId, clientId, result.value()); !recorded)
        return recorded.error();
    if (!tx.commit())
        return unavailable(tx.error());
    notifyCommitted();
    return Outcome {result.value(), false};
}

Result<QJsonObject> WriteService::runUnlogged(const Apply& apply)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return unavailable(tx.error());
    auto result = apply();
    if (!result)
        return result.error();
    if (!tx.commit())
        return unavailable(tx.error());
    notifyCommitted();
    return result;
}

void WriteService::notifyCommitted()
{
    // Other server nodes sharing this PostgreSQL database learn of new events through it.
    if (m_db.dialect().isPostgres()) {
        QSqlQuery q(m_db.db());
        q.exec(QStringLiteral("NOTIFY plein_events"));
    }
}

} // namespace plein::server
