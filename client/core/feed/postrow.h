#pragma once

#include "files/attachment.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace plein::client {

// One row of a post list as the models show it: a post from the cache, or a post still
// waiting in the outbox (then `id` is 0 and `clientId` names the outbox entry).
struct PostRow
{
    qint64 id = 0;
    qint64 parentId = 0;
    qint64 groupId = 0; // 0: the company feed
    QString groupName; // for showing which group a post belongs to (home feed)
    bool pinned = false;
    qint64 authorId = 0;
    QString authorUsername;
    QString authorName;
    QString authorDepartment; // may be empty (not set, or a post cached before it was sent)
    QString body;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    int likes = 0;
    int replies = 0;
    bool likedByMe = false;
    bool mentionsMe = false;
    QList<Attachment> attachments; // in the server's order; none once deleted
    // Outbox state for rows that are not confirmed yet.
    QString clientId;
    bool pending = false;
    bool failed = false;
    QString error;
    QString errorCode; // the protocol's code of the refusal, for the app's own words
    // A change to this confirmed post (edit, delete or like) still in the outbox. The row shows
    // its effect already; a refused change keeps the server's reason until it is retried or
    // discarded. `changeClientId` names the entry to retry or discard.
    QString changeClientId;
    QString changeKind;
    bool changeFailed = false;
    QString changeError;
    QString changeErrorCode;

    // Stable identity across refreshes, so models can tell moved rows from new ones.
    QString key() const
    {
        return pending ? QStringLiteral("o:") + clientId
                       : QStringLiteral("p:") + QString::number(id);
    }
    bool operator==(const PostRow&) const = default;

    // Reads a post as the server sends it (Post::toJson).
    static PostRow fromJson(const QJsonObject& post);
    bool hasPendingChange() const { return !changeClientId.isEmpty(); }
};

} // namespace plein::client
