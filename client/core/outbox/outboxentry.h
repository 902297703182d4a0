#pragma once

#include <QJsonObject>
#include <QString>

namespace plein::client {

// A write to make: what the capabilities hand to the outbox.
struct OutboxDraft
{
    QString kind; // the request's wire name: post.create, group.join, ...
    // Writes of one lane go in the order they were made; lanes do not wait for each other.
    // One lane per conversation or object: "feed" (company posts), "group:12", ...
    QString lane;
    // The object the write changes ("post:991"), or "post:@<clientId>" when an earlier write
    // in the outbox creates it; such a write waits until that one is confirmed.
    QString target;
    QJsonObject payload; // the request payload, without its clientId
    // Chosen by the caller when another write must name this one before it is stored (an
    // upload that a post carries); empty: the outbox makes one.
    QString clientId = {};

    bool isValid() const { return !kind.isEmpty() && !lane.isEmpty(); }
};

// A write kept on disk until the server confirms it.
struct OutboxEntry
{
    qint64 seq = 0;
    QString clientId;
    QString kind;
    QString lane;
    QString target;
    QJsonObject payload; // the request payload, clientId included
    bool failed = false;
    bool sent = false; // went to the server at least once
    QString errorCode;
    QString errorMessage;
    QString createdAt;

    // The clientId of the earlier write this one waits for ("post:@abc" → "abc"), or empty.
    QString waitsFor() const
    {
        const qsizetype at = target.indexOf(u'@');
        return at < 0 ? QString() : target.mid(at + 1);
    }
};

} // namespace plein::client
