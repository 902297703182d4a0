#pragma once

#include "connection.h"

#include <QString>

class QUrl;

namespace plein::app {

// What went wrong with the connection of the open window, in words a colleague understands,
// with what to do about it. `detail` is the socket's own text (already in the user's
// language); the server's words are never shown, they are for the logs.
QString problemText(client::Connection::Problem problem, const QString& detail, const QUrl& server);

// The same for the login dialog, where nothing is open yet: no "keeps trying", but what to
// correct.
QString loginProblemText(client::Connection::Problem problem, const QString& detail,
                         const QUrl& server);

// Said once, when the offline copy was damaged and had to be set aside.
QString cacheRebuiltText();

} // namespace plein::app
