#pragma once

#include "files/attachment.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace plein::client {

// One reaction of a message: which, how many, and whether the user gave it.
struct ChatReaction
{
    QString reaction; // thumbsup, heart, ... (protocol::chat::reactions)
    int count = 0;
    bool mine = false;
    QList<qint64> users; // at most protocol::chat::maxReactionUsers

    bool operator==(const ChatReaction&) const = default;
};

// A message in the cache, or one still in the outbox (pending).
struct MessageRow
{
    qint64 id = 0; // 0 while pending
    qint64 conversationId = 0;
    qint64 authorId = 0;
    QString authorUsername;
    QString authorName;
    QString authorDepartment;
    QString body;
    qint64 replyToId = 0;
    QString replyAuthorName;
    QString replyBody; // its quoteText(); empty when that message was deleted
    bool mentionsMe = false;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    QList<ChatReaction> reactions;
    QList<Attachment> attachments; // in the server's order; none once deleted

    // The outbox's side: a message not confirmed yet, or a waiting change of a confirmed one.
    bool pending = false;
    bool failed = false;
    QString clientId;
    QString error;
    QString errorCode;
    QString changeClientId; // a waiting edit, delete or reaction
    QString changeKind;
    bool changeFailed = false;
    QString changeError;
    QString changeErrorCode;

    QString name() const { return authorName.isEmpty() ? authorUsername : authorName; }
    bool hasPendingChange() const { return !changeClientId.isEmpty(); }
    // What a reply to this message quotes: the first characters of its text or, for files
    // alone, their names ("📎 rapport.pdf and 2 more"); empty once it is deleted.
    QString quoteText() const;

    // From the server's `message` object; `me` decides ChatReaction::mine and mentionsMe
    // (from `mentions`).
    static MessageRow fromJson(const QJsonObject& o, qint64 me);

    bool operator==(const MessageRow&) const = default;
};

} // namespace plein::client
