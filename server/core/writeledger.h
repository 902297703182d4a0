#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// Remembers each client write (user, client id) with a hash of its request and its result, in
// the same transaction as the write, so a write retried after a lost acknowledgement, a server
// restart or weeks offline is applied once.
class WriteLedger
{
public:
    explicit WriteLedger(Database& db)
        : m_db(db)
    { }

    struct Entry
    {
        QString requestHash;
        QJsonObject result;
    };

    static QString hashRequest(const QString& type, const QJsonObject& payload);

    std::optional<Entry> find(qint64 userId, const QString& clientId);
    // Takes the client id for a write about to be applied (its result is filled in by
    // complete() in the same transaction). False when the id is taken already.
    Result<bool> claim(qint64 userId, const QString& clientId, const QString& requestHash);
    // `resultJson`: the result in compact JSON.
    Result<bool> complete(qint64 userId, const QString& clientId, const QByteArray& resultJson);
    // Forgets entries created before `cutoff` (ISO 8601 UTC).
    Result<qint64> pruneBefore(const QString& cutoff);

private:
    Database& m_db;
};

} // namespace plein::server
