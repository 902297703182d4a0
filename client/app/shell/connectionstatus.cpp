#include "shell/connectionstatus.h"

#include "client.h"
#include "connection.h"
#include "outbox.h"
#include "syncengine.h"

namespace plein::app {

using client::Connection;

ConnectionStatus::ConnectionStatus(client::Client& client, QWidget* parent)
    : QLabel(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("connectionStatus"));
    setTextFormat(Qt::PlainText); // it may quote the server
    // The text is never a reason for the window to be wider: a narrow window cuts it (the
    // tooltip has it whole).
    setMinimumWidth(1);
    connect(&client.connection(), &Connection::stateChanged, this, &ConnectionStatus::update);
    connect(&client.outbox(), &client::Outbox::countChanged, this, &ConnectionStatus::update);
    connect(&client.sync(), &client::SyncEngine::syncStarted, this, &ConnectionStatus::update);
    connect(&client.sync(), &client::SyncEngine::caughtUp, this, &ConnectionStatus::update);
    update();
}

void ConnectionStatus::update()
{
    QString text;
    switch (m_client.connection().state()) {
    case Connection::State::Online:
        text = m_client.sync().isSyncing() ? tr("Online, catching up…") : tr("Online");
        break;
    case Connection::State::Connecting:
        text = tr("Connecting…");
        break;
    case Connection::State::Offline:
        text = m_client.connection().isWanted()
            ? tr("Offline, retrying in %n s", nullptr,
                 (m_client.connection().nextRetryMs() + 999) / 1000)
            : tr("Offline");
        break;
    }
    const int waiting = m_client.outbox().count();
    if (waiting > 0)
        text += tr(" · %n write(s) waiting", nullptr, waiting);
    setText(text);
    setToolTip(text);
}

} // namespace plein::app
