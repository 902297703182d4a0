#pragma once

#include <QString>

namespace plein::client {

// A file attached to a write that waits in the outbox, as the uploads table keeps it.
struct UploadRow
{
    enum class State {
        Waiting, // not begun, or waiting for its turn or the network
        Uploading, // some of it is on the server
        Done, // on the server; the write that carries it goes next
        Refused, // the server refused it, or the local file vanished or changed
    };

    QString clientId; // its outbox entry
    QString carrierId; // the outbox entry of the post, reply or message it is attached to
    int position = 0; // its place among that write's attachments
    QString path; // the local file
    QString name;
    qint64 size = 0;
    QString type; // declared; the server sniffs the content
    qint64 modifiedMs = 0; // the local file's mtime when attached
    QString uploadId; // the server's upload, once begun
    qint64 sent = 0; // bytes the server has
    QString fileId; // once finished
    State state = State::Waiting;
    QString error; // why it was refused

    static QString stateName(State state);
    static State stateFromName(const QString& name);
};

} // namespace plein::client
