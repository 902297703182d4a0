#pragma once

#include "outboxentry.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;

// The outbox table: writes made on this machine that the server has not confirmed, in the
// order they were made. Methods run in the caller's transaction.
class OutboxStore
{
public:
    static constexpr QLatin1StringView area {"outbox"};

    explicit OutboxStore(Cache& cache)
        : m_cache(cache)
    { }

    bool add(const OutboxEntry& entry);
    // Every entry, oldest first.
    QList<OutboxEntry> entries() const;
    // The entries waiting to go (not refused), oldest first.
    QList<OutboxEntry> pending() const;
    // The entries of these kinds, oldest first.
    QList<OutboxEntry> entries(const QStringList& kinds) const;
    std::optional<OutboxEntry> entry(const QString& clientId) const;
    int count() const;
    // Writes the server refused, waiting for the user to retry, edit or discard them.
    int failedCount() const;

    bool remove(const QString& clientId);
    bool setFailed(const QString& clientId, const QString& code, const QString& message);
    bool setSent(const QString& clientId);
    // Queues the entry again with this payload (the user's edit of a waiting or refused write).
    bool setPending(const QString& clientId, const QJsonObject& payload);
    // Changes the payload only (a carried write's result bound into it).
    bool setPayload(const QString& clientId, const QJsonObject& payload);
    // The object that `clientId` created exists now: writes waiting for it target `target`
    // and carry `payload` changed by `bind`.
    bool resolve(const QString& clientId, const QString& target,
                 const std::function<void(OutboxEntry&)>& bind);

private:
    QList<OutboxEntry> select(const QString& where, std::initializer_list<QVariant> values) const;

    Cache& m_cache;
};

} // namespace plein::client
