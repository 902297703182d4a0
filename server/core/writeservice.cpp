#include "core/writeservice.h"

#include "core/database.h"
#include "core/eventlog.h"
#include "core/writebatch.h"
#include "core/writeledger.h"

#include <QJsonDocument>
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

Result<WriteService::Outcome> WriteService::applyOnce(qint64 userId, const QString& type,
                                                      const QJsonObject& payload,
                                                      const Apply& apply)
{
    const QString clientId = payload.value(QLatin1StringView("clientId")).toString();
    const QString hash = WriteLedger::hashRequest(type, payload);
    // Claim the client id first. When another node is applying the same write right now,
    // PostgreSQL makes this insert wait for that transaction, after which the id is taken and
    // the write is answered as a replay, not as a failure of the second copy. The same holds
    // for a copy earlier in the same batch: its claim is visible here, and its result too.
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
        return Outcome {prior->result, true, {}};
    }
    auto result = apply();
    if (!result)
        return result.error();
    QByteArray json = QJsonDocument(result.value()).toJson(QJsonDocument::Compact);
    if (auto recorded = m_ledger.complete(userId, clientId, json); !recorded)
        return recorded.error();
    return Outcome {result.value(), false, std::move(json)};
}

bool WriteService::enterSavepoint(Savepoint& sp, qint64* seqMark, QString* why)
{
    *seqMark = m_events.batchMark();
    if (!m_batch->isActive()) {
        *why = m_batch->error();
        return false;
    }
    if (sp.take())
        return true;
    *why = sp.error();
    m_batch->fail(*why);
    return false;
}

bool WriteService::leaveSavepoint(Savepoint& sp, qint64 seqMark, bool keep, QString* why)
{
    if (keep && sp.release()) {
        m_batch->noteChange();
        return true;
    }
    if (keep)
        *why = sp.error();
    // The sequence numbers the write took are free again, as its events are gone.
    m_events.rewindBatch(seqMark);
    if (!sp.rollback())
        m_batch->fail(sp.error());
    return !keep;
}

Result<WriteService::Outcome> WriteService::run(qint64 userId, const QString& type,
                                                const QJsonObject& payload, const Apply& apply)
{
    if (m_batch) {
        Savepoint sp(m_db);
        qint64 seqMark = 0;
        QString why;
        if (!enterSavepoint(sp, &seqMark, &why))
            return unavailable(why);
        auto outcome = applyOnce(userId, type, payload, apply);
        // A failed or replayed write leaves nothing behind: its savepoint is undone.
        if (!leaveSavepoint(sp, seqMark, outcome && !outcome->replayed, &why))
            return unavailable(why);
        return outcome;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return unavailable(tx.error());
    auto outcome = applyOnce(userId, type, payload, apply);
    if (!outcome || outcome->replayed)
        return outcome;
    notifyOtherNodes();
    if (!tx.commit())
        return unavailable(tx.error());
    return outcome;
}

Result<QJsonObject> WriteService::runUnlogged(const Apply& apply)
{
    if (m_batch) {
        Savepoint sp(m_db);
        qint64 seqMark = 0;
        QString why;
        if (!enterSavepoint(sp, &seqMark, &why))
            return unavailable(why);
        auto result = apply();
        if (!leaveSavepoint(sp, seqMark, bool(result), &why))
            return unavailable(why);
        return result;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return unavailable(tx.error());
    auto result = apply();
    if (!result)
        return result.error();
    notifyOtherNodes();
    if (!tx.commit())
        return unavailable(tx.error());
    return result;
}

void WriteService::notifyOtherNodes()
{
    // Other server nodes sharing this PostgreSQL database learn of new events through it.
    if (m_db.dialect().isPostgres()) {
        QSqlQuery q(m_db.db());
        q.exec(QStringLiteral("NOTIFY plein_events"));
    }
}

} // namespace plein::server
