#pragma once

#include "client.h"
#include "connection.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "testclient.h"

#include <QSize>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace plein::test {

// A user's main window on a profile of its own, online and caught up: what the widget tests of
// the app's pages start from.
struct AppSession
{
    QTemporaryDir profile;
    std::unique_ptr<client::Client> core;
    std::unique_ptr<app::MainWindow> window;

    bool start(const QUrl& server, const QString& username, QSize size = {1000, 700})
    {
        core = makeClient(server, username, profile.path());
        if (!core)
            return false;
        window = std::make_unique<app::MainWindow>(*core, false);
        window->resize(size);
        window->show();
        return goOnlineAndCatchUp(*core);
    }
    ~AppSession()
    {
        if (core)
            core->connection().stop();
    }
    // Opens `link` and gives the page it shows, if it is a `Page`.
    template<typename Page> Page* open(const QUrl& link) const
    {
        if (!window->navigator().open(link))
            return nullptr;
        return qobject_cast<Page*>(window->currentPage());
    }
};

} // namespace plein::test
