#include "uploadstore.h"

#include "store/cache.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariantMap>

#include <array>

namespace plein::client {

namespace {

const QString columns
    = QStringLiteral("client_id, carrier_id, position, path, name, size, type, modified_ms, "
                     "upload_id, sent, file_id, state, error");

constexpr std::array stateNames {
    std::pair {UploadRow::State::Waiting, QLatin1StringView("waiting")},
    std::pair {UploadRow::State::Uploading, QLatin1StringView("uploading")},
    std::pair {UploadRow::State::Done, QLatin1StringView("done")},
    std::pair {UploadRow::State::Refused, QLatin1StringView("refused")},
};

UploadRow readRow(const QSqlQuery& q)
{
    UploadRow r;
    r.clientId = q.value(0).toString();
    r.carrierId = q.value(1).toString();
    r.position = q.value(2).toInt();
    r.path = q.value(3).toString();
    r.name = q.value(4).toString();
    r.size = q.value(5).toLongLong();
    r.type = q.value(6).toString();
    r.modifiedMs = q.value(7).toLongLong();
    r.uploadId = q.value(8).toString();
    r.sent = q.value(9).toLongLong();
    r.fileId = q.value(10).toString();
    r.state = UploadRow::stateFromName(q.value(11).toString());
    r.error = q.value(12).toString();
    return r;
}

} // namespace

QString UploadRow::stateName(State state)
{
    for (const auto& [s, name] : stateNames) {
        if (s == state)
            return QString(name);
    }
    return QStringLiteral("waiting");
}

UploadRow::State UploadRow::stateFromName(const QString& name)
{
    for (const auto& [s, n] : stateNames) {
        if (n == name)
            return s;
    }
    return State::Waiting;
}

bool UploadStore::add(const UploadRow& r)
{
    if (!m_cache.statements().run(
            // Qt binds an empty QString as NULL: the text columns take ''.
            QStringLiteral("INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, ''), "
                           "?, COALESCE(?, ''), ?, COALESCE(?, ''), ?, COALESCE(?, ''))")
                .arg(columns),
            {r.clientId, r.carrierId, r.position, r.path, r.name, r.size, r.type, r.modifiedMs,
             r.uploadId, r.sent, r.fileId, UploadRow::stateName(r.state), r.error}))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

std::optional<UploadRow> UploadStore::row(const QString& clientId) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM uploads WHERE client_id = ?").arg(columns), {clientId});
    if (!q || !q->next())
        return std::nullopt;
    return readRow(*q);
}

QList<UploadRow> UploadStore::attachmentsOf(const QString& carrierId) const
{
    QList<UploadRow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM uploads WHERE carrier_id = ? ORDER BY position")
            .arg(columns),
        {carrierId});
    while (q && q->next())
        out.append(readRow(*q));
    return out;
}

bool UploadStore::update(const QString& set, std::initializer_list<QVariant> values)
{
    if (!m_cache.statements().run(
            QStringLiteral("UPDATE uploads SET %1 WHERE client_id = ?").arg(set), values))
        return m_cache.fail(m_cache.statements().lastError());
    m_cache.noteChange(area);
    return true;
}

bool UploadStore::setUpload(const QString& clientId, const QString& uploadId, qint64 sent)
{
    return update(
        QStringLiteral("upload_id = COALESCE(?, ''), sent = ?, state = 'uploading', error = ''"),
        {uploadId, sent, clientId});
}

bool UploadStore::setSent(const QString& clientId, qint64 sent)
{
    return update(QStringLiteral("sent = ?, state = 'uploading', error = ''"), {sent, clientId});
}

bool UploadStore::setDone(const QString& clientId, const QString& fileId)
{
    return update(
        QStringLiteral("file_id = COALESCE(?, ''), sent = size, state = 'done', error = ''"),
        {fileId, clientId});
}

bool UploadStore::setState(const QString& clientId, UploadRow::State state, const QString& error)
{
    return update(QStringLiteral("state = ?, error = COALESCE(?, '')"),
                  {UploadRow::stateName(state), error, clientId});
}

bool UploadStore::removeSettled(QList<UploadRow>* abandoned, QStringList* paths)
{
    const QString settled = QStringLiteral(
        "client_id NOT IN (SELECT client_id FROM outbox) AND (carrier_id NOT IN (SELECT "
        "client_id FROM outbox) OR file_id = '')");
    if (paths) {
        QSqlQuery* q = m_cache.statements().run(
            QStringLiteral("SELECT path FROM uploads WHERE %1").arg(settled));
        if (!q)
            return m_cache.fail(m_cache.statements().lastError());
        while (q->next())
            paths->append(q->value(0).toString());
    }
    if (abandoned) {
        QSqlQuery* q = m_cache.statements().run(
            QStringLiteral("SELECT %1 FROM uploads WHERE %2 AND upload_id <> '' AND file_id = ''")
                .arg(columns, settled));
        if (!q)
            return m_cache.fail(m_cache.statements().lastError());
        while (q->next())
            abandoned->append(readRow(*q));
    }
    if (!m_cache.statements().run(QStringLiteral("DELETE FROM uploads WHERE %1").arg(settled)))
        return m_cache.fail(m_cache.statements().lastError());
    return true;
}

std::optional<QSet<QString>> UploadStore::pathsInUse() const
{
    QSqlQuery* q = m_cache.statements().run(QStringLiteral("SELECT path FROM uploads"));
    if (!q)
        return std::nullopt;
    QSet<QString> out;
    while (q->next())
        out.insert(q->value(0).toString());
    return out;
}

QVariantList UploadStore::pendingAttachments(const QString& carrierId) const
{
    QVariantList out;
    for (const UploadRow& u : attachmentsOf(carrierId)) {
        out.append(QVariantMap {
            {QStringLiteral("id"), u.fileId},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("type"), u.type},
            {QStringLiteral("size"), u.size},
            {QStringLiteral("path"), u.path},
            {QStringLiteral("progress"), u.size > 0 ? double(u.sent) / double(u.size) : 0.0},
            {QStringLiteral("failed"), u.state == UploadRow::State::Refused},
        });
    }
    return out;
}

} // namespace plein::client
