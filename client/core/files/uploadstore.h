#pragma once

#include "uploadrow.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace plein::client {

class Cache;

// The uploads table (client migration 017): files attached to writes in the outbox, with
// where each upload stands. Methods run in the caller's transaction.
class UploadStore
{
public:
    static constexpr QLatin1StringView area {"uploads"};

    explicit UploadStore(Cache& cache)
        : m_cache(cache)
    { }

    bool add(const UploadRow& row);
    std::optional<UploadRow> row(const QString& clientId) const;
    // The attachments of one write in the outbox, in their order.
    QList<UploadRow> attachmentsOf(const QString& carrierId) const;
    // The files of a write still in the outbox as the models show attachments (name, type,
    // size, the local path, `progress` 0–1 and `failed`), in their order.
    QVariantList pendingAttachments(const QString& carrierId) const;

    // The server's upload began (or began again, at 0).
    bool setUpload(const QString& clientId, const QString& uploadId, qint64 sent);
    bool setSent(const QString& clientId, qint64 sent);
    bool setDone(const QString& clientId, const QString& fileId);
    bool setState(const QString& clientId, UploadRow::State state, const QString& error = {});
    // Rows whose upload and carrier have both left the outbox, and those of uploads discarded
    // before they finished; `abandoned` gets the latter that the server had begun (to be
    // given up there too), `paths` the files of every row removed.
    bool removeSettled(QList<UploadRow>* abandoned = nullptr, QStringList* paths = nullptr);
    // The files that uploads not settled yet will read; nothing when the cache cannot say.
    std::optional<QSet<QString>> pathsInUse() const;

private:
    bool update(const QString& set, std::initializer_list<QVariant> values);

    Cache& m_cache;
};

} // namespace plein::client
