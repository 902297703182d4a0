#include "shell/connectionstatus.h"

#include "client.h"
#include "connection.h"
#include "outbox.h"
#include "syncengine.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QToolButton>

namespace plein::app {

using client::Connection;

ConnectionStatus::ConnectionStatus(client::Client& client, QWidget* parent)
    : QLabel(parent)
    , m_client(client)
    , m_reconnect(new QToolButton(parent))
{
    setObjectName(QStringLiteral("connectionStatus"));
    setTextFormat(Qt::PlainText); // it may quote the server
    // The text is never a reason for the window to be wider: a narrow window cuts it (the
    // tooltip has it whole).
    setMinimumWidth(1);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setText(tr("Reconnect now"));
    m_reconnect->setIcon(icons::icon(icons::Icon::Reconnect));
    m_reconnect->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reconnect->setAutoRaise(true);
    m_reconnect->hide();
    connect(m_reconnect, &QToolButton::clicked, this,
            [this]() { m_client.connection().networkChanged(); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::update);
    connect(&client.connection(), &Connection::stateChanged, this, &ConnectionStatus::update);
    connect(&client.outbox(), &client::Outbox::countChanged, this, &ConnectionStatus::update);
    connect(&client.sync(), &client::SyncEngine::syncStarted, this, &ConnectionStatus::update);
    connect(&client.sync(), &client::SyncEngine::caughtUp, this, &ConnectionStatus::update);
    update();
}

void ConnectionStatus::update()
{
    QString text;
    const Connection& connection = m_client.connection();
    const bool offline = connection.state() == Connection::State::Offline;
    const bool retrying = offline && connection.isWanted();
    const int untilRetry = retrying ? connection.msUntilRetry() : -1;
    switch (connection.state()) {
    case Connection::State::Online:
        text = m_client.sync().isSyncing() ? tr("Online, catching up…") : tr("Online");
        break;
    case Connection::State::Connecting:
        text = tr("Connecting…");
        break;
    case Connection::State::Offline:
        // Rounded up, so the last second says 1 s and not 0 s.
        text = untilRetry >= 0 ? tr("Offline, retrying in %n s", nullptr, (untilRetry + 999) / 1000)
                               : tr("Offline");
        break;
    }
    const int refused = m_client.outbox().failedCount();
    const int waiting = m_client.outbox().count() - refused;
    if (waiting > 0)
        text += tr(" · %n write(s) waiting", nullptr, waiting);
    if (refused > 0)
        text += tr(" · %n refused", nullptr, refused);
    setText(text);
    setToolTip(plainToolTip(text));
    // While offline and retrying: the retry is scheduled just after the state changes, so the
    // first tick shows it.
    if (retrying) {
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    m_reconnect->setVisible(offline && connection.isWanted());
}

} // namespace plein::app
