#pragma once

#include "connection.h"

#include <QString>

class QUrl;

namespace plein::app {

// What went wrong with the connection, in words a colleague understands, with what to do about
// it. `detail` is the server's or the socket's own text, kept for whoever has to dig deeper.
QString problemText(client::Connection::Problem problem, const QString& detail, const QUrl& server);

// Said once, when the offline copy was damaged and had to be set aside.
QString cacheRebuiltText();

} // namespace plein::app
