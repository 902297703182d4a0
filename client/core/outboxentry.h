#pragma once

#include <QJsonObject>
#include <QString>

namespace plein::client {

// A write kept on disk until the server confirms it.
struct OutboxEntry
{
    qint64 seq = 0;
    QString clientId;
    QString kind; // the request's wire name: post.create, post.edit, ...
    QJsonObject payload; // the request payload, clientId included
    bool failed = false;
    bool sent = false; // went to the server at least once
    QString errorCode;
    QString errorMessage;
};

} // namespace plein::client
