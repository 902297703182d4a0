#pragma once

#include "protocol/result.h"

#include <QJsonObject>

namespace plein::server {

class Database;
struct User;

// search.query: the posts, replies and chat messages a user may see that hold the words asked
// for. Runs on a connection of the read pool, so it reads the database only through `db` and
// touches nothing else. What the user may see is decided inside each query (group kinds,
// memberships and history rules, conversation members), never by filtering rows afterwards.
class SearchReads
{
public:
    // Kinds whose capability the client did not agree on are not searched: it could not show
    // them (`features`: the session's).
    static Result<QJsonObject> query(Database& db, const User& user, const QSet<QString>& features,
                                     const QJsonObject& payload);
};

} // namespace plein::server
