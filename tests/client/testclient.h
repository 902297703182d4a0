#pragma once

#include "client.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace plein::test {

// A client core for `username` on `server` with its cache under `profileDir`, logging in with
// the demo password and retrying quickly, as tests want.
std::unique_ptr<client::Client> makeClient(const QUrl& server, const QString& username,
                                           const QString& profileDir);

// Makes a bare connection (one without a Client around it) announce the features a Client
// does, so that the server takes its feed and group requests.
void announceFeatures(client::Connection& connection);

// Starts the client and waits until it has caught up with the server.
bool goOnlineAndCatchUp(client::Client& c, int timeoutMs = 30000);

// Writes `count` posts as `username` as fast as the server takes them, through one session
// that keeps many requests in flight; replies to `parentId` when it is not 0. Returns how many
// the server confirmed.
int writeManyPosts(const QUrl& server, const QString& username, int count, const QString& prefix,
                   qint64 parentId = 0);

} // namespace plein::test
