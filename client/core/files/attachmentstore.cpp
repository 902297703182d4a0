#include "attachmentstore.h"

#include "store/cache.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace plein::client {

bool AttachmentStore::replace(QLatin1StringView ownerKind, qint64 ownerId,
                              const QList<Attachment>& attachments, bool isNew)
{
    auto& statements = m_cache.statements();
    const QString kind(ownerKind);
    if (!isNew
        && !statements.run(
            QStringLiteral("DELETE FROM attachments WHERE owner_kind = ? AND owner_id = ?"),
            {kind, ownerId}))
        return m_cache.fail(statements.lastError());
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const Attachment& a = attachments.at(i);
        if (!statements.run(
                QStringLiteral("INSERT INTO attachments (owner_kind, owner_id, position, file_id, "
                               "name, type, size, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                               "?)"),
                {kind, ownerId, qint64(i), a.id, a.name,
                 a.type.isNull() ? QStringLiteral("") : a.type, a.size, a.width, a.height}))
            return m_cache.fail(statements.lastError());
    }
    return true;
}

bool AttachmentStore::isAttached(const QString& fileId) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT 1 FROM attachments WHERE file_id = ? LIMIT 1"), {fileId});
    return q && q->next();
}

QString AttachmentStore::jsonColumn(QLatin1StringView ownerKind, QLatin1StringView idColumn)
{
    return QStringLiteral(
               "(SELECT json_group_array(json_object('position', a.position, 'id', a.file_id, "
               "'name', a.name, 'type', a.type, 'size', a.size, 'width', a.width, 'height', "
               "a.height)) FROM attachments a WHERE a.owner_kind = '%1' AND a.owner_id = %2)")
        .arg(ownerKind, idColumn);
}

QList<Attachment> AttachmentStore::fromColumn(const QVariant& value)
{
    const QJsonArray rows = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    if (rows.isEmpty())
        return {};
    // The aggregate's order is not promised: the position is.
    QList<QJsonValue> sorted(rows.begin(), rows.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonValue& a, const QJsonValue& b) {
        return a.toObject().value(QLatin1StringView("position")).toInt()
            < b.toObject().value(QLatin1StringView("position")).toInt();
    });
    QJsonArray ordered;
    for (const QJsonValue& v : std::as_const(sorted))
        ordered.append(v);
    return Attachment::listFromJson(ordered);
}

} // namespace plein::client
