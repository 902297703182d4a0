#pragma once

#include "attachment.h"

#include <QLatin1StringView>

namespace plein::client {

class Cache;

// The `attachments` table (client migration 018): what each post, reply and chat message in
// the cache carries, in its order. The stores of those rows write it with their rows
// (replace) and read it with them (json, a column of their SELECT); the migration's
// triggers drop a row's attachments when the row is deleted or marked deleted.
class AttachmentStore
{
public:
    // The owner kinds, named as the server names them.
    static constexpr QLatin1StringView postKind {"post"};
    static constexpr QLatin1StringView messageKind {"chat-message"};

    explicit AttachmentStore(Cache& cache)
        : m_cache(cache)
    { }

    // Makes `attachments` what `ownerId` carries. `isNew`: the row was just inserted, so
    // there is nothing to remove first.
    bool replace(QLatin1StringView ownerKind, qint64 ownerId, const QList<Attachment>& attachments,
                 bool isNew = false);
    // Whether any post or message in the cache still carries the file.
    bool isAttached(const QString& fileId) const;

    // An SQL expression for a SELECT over the owners' table: a JSON array of the attachments
    // of the row whose id is `idColumn` ("p.id"); read it with fromColumn().
    static QString jsonColumn(QLatin1StringView ownerKind, QLatin1StringView idColumn);
    static QList<Attachment> fromColumn(const QVariant& value);

private:
    Cache& m_cache;
};

} // namespace plein::client
