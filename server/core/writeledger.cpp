#include "core/writeledger.h"

#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace plein::server {

namespace {
constexpr QLatin1StringView area("write ledger");
} // namespace

QString WriteLedger::hashRequest(const QString& type, const QJsonObject& payload)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(type.toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(h.result().toHex());
}

std::optional<WriteLedger::Entry> WriteLedger::find(qint64 userId, const QString& clientId)
{
    QSqlQuery* q = m_db.statements().run(
        QStringLiteral(
            "SELECT request_hash, result FROM client_writes WHERE user_id = ? AND client_id = ?"),
        {userId, clientId});
    if (!q || !q->next())
        return std::nullopt;
    Entry entry {q->value(0).toString(),
                 QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object()};
    q->finish();
    return entry;
}

Result<bool> WriteLedger::claim(qint64 userId, const QString& clientId, const QString& requestHash)
{
    QSqlQuery* q = m_db.statements().run(
        QStringLiteral("INSERT INTO client_writes (user_id, client_id, request_hash, result, "
                       "created_at) VALUES (?, ?, ?, '', ?) ON CONFLICT DO NOTHING"),
        {userId, clientId, requestHash, nowUtc()});
    if (!q)
        return storeError(area, m_db.statements());
    return q->numRowsAffected() > 0;
}

Result<bool> WriteLedger::complete(qint64 userId, const QString& clientId,
                                   const QByteArray& resultJson)
{
    QSqlQuery* q = m_db.statements().run(
        QStringLiteral("UPDATE client_writes SET result = ? WHERE user_id = ? AND client_id = ?"),
        {QString::fromUtf8(resultJson), userId, clientId});
    if (!q)
        return storeError(area, m_db.statements());
    return q->numRowsAffected() > 0;
}

Result<qint64> WriteLedger::pruneBefore(const QString& cutoff)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("DELETE FROM client_writes WHERE created_at < ?"), {cutoff}))
        return storeError(area, q);
    return qint64(q.numRowsAffected());
}

} // namespace plein::server
