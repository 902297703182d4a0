#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace plein::client::attachmentfield {

// The `attachments` of a post, reply or message in the outbox: file ids, and "@<clientId>"
// for each file still uploading (an outbox write of its own, in the same lane, before it).
// For WriteKind::carries and WriteKind::bindCarried of the writes that take attachments.

inline const QString field = QStringLiteral("attachments");

inline QString placeholder(const QString& uploadClientId)
{
    return u'@' + uploadClientId;
}

// The uploads the payload still waits for.
QStringList uploadsOf(const QJsonObject& payload);
// The upload `clientId` finished as "file:<id>" (its placeholder becomes the id), or was
// discarded (`created` empty: the placeholder goes, and the field with the last one).
void bind(QJsonObject& payload, const QString& clientId, const QString& created);

// The same for a field that names one file (a profile's `photoFileId`): "@<clientId>" while
// it uploads, the file's id once it is there; discarded, the field goes.
QStringList uploadOf(const QJsonObject& payload, const QString& name);
void bindOne(QJsonObject& payload, const QString& name, const QString& clientId,
             const QString& created);

} // namespace plein::client::attachmentfield
