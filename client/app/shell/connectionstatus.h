#pragma once

#include <QLabel>
#include <QTimer>

class QToolButton;

namespace plein::client {
class Client;
}

namespace plein::app {

// The connection state in the status bar: online, catching up, connecting, offline (retrying
// in a countdown that counts down), with the number of writes waiting in the outbox and, apart
// from them, the writes the server refused. While offline, "Reconnect now" tries at once.
class ConnectionStatus : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatus(client::Client& client, QWidget* parent = nullptr);

    void update();
    // Shown beside the label while offline; the owner puts it in the status bar.
    QToolButton* reconnectButton() const { return m_reconnect; }

private:
    client::Client& m_client;
    QToolButton* m_reconnect = nullptr;
    // Ticks once a second while a retry is scheduled, so the countdown moves.
    QTimer m_tick;
};

} // namespace plein::app
