#pragma once

#include "loginflow.h"
#include "testserver.h"

#include <QString>
#include <QUrl>

namespace plein::test {

// The app's login as the widget tests run it: `password` given (as on stdin), no keyring, no
// tray.
inline app::LoginFlow::Options loginOptions(const QUrl& server, const QString& username,
                                            const QString& profileDir,
                                            const QString& password = TestServer::password())
{
    app::LoginFlow::Options options;
    options.server = server.toString();
    options.username = username;
    options.profileDir = profileDir;
    options.password = password;
    options.useKeyring = false;
    options.useTray = false;
    return options;
}

} // namespace plein::test
