#pragma once

#include <QLabel>

namespace plein::client {
class Client;
}

namespace plein::app {

// The connection state in the status bar: online, catching up, connecting, offline (retrying),
// with the number of writes waiting in the outbox.
class ConnectionStatus : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatus(client::Client& client, QWidget* parent = nullptr);

    void update();

private:
    client::Client& m_client;
};

} // namespace plein::app
