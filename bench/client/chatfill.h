#pragma once

#include <QSqlDatabase>
#include <QString>

namespace plein::bench {

// What plein-bench-fill-cache writes into the chat tables of a cache (client migration 013), as
// if the client had opened and synced every conversation.
struct ChatFill
{
    int conversations = 0; // 0: no chat
    int messages = 100; // in each conversation but the big one
    int bigMessages = 100000; // in the big one: the newest, a team of eight
};

// Fills the chat tables in the caller's transaction; the user is id 1 (anna). The big
// conversation has id 1 and the newest activity, 20 unread messages at its end; about one
// conversation in twenty has a few unread. Returns the messages written, or -1 (and says why
// on stderr).
qint64 fillChat(QSqlDatabase& db, const ChatFill& fill);

} // namespace plein::bench
