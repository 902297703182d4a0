#pragma once

#include "app/config.h"
#include "core/eventhooks.h"
#include "core/handlerregistry.h"
#include "core/sessionhooks.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QWebSocketServer;

namespace plein::server {

class Database;
class Dispatcher;
class HttpSide;
class Hub;
struct ServerCore;

// The running server: database, listener, sessions, live delivery, housekeeping, and an orderly
// shutdown (stop accepting, finish what is in flight, close sessions with "going away").
class ServerApp : public QObject
{
    Q_OBJECT

public:
    explicit ServerApp(ServerConfig config, QObject* parent = nullptr);
    ~ServerApp() override;

    std::optional<QString> start();
    quint16 port() const;
    void shutdown();

Q_SIGNALS:
    void stopped();

private:
    std::optional<QString> listen();
    void housekeeping();
    void finishShutdown();
    void markStopped();

    ServerConfig m_config;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<HttpSide> m_http;
    HandlerRegistry m_handlers;
    EventHooks m_hooks;
    SessionHooks m_sessionHooks;
    QWebSocketServer* m_server = nullptr;
    Hub* m_hub = nullptr;
    Dispatcher* m_dispatcher = nullptr;
    QTimer m_pollTimer;
    QTimer m_housekeepingTimer;
    bool m_shuttingDown = false;
    bool m_finishing = false;
    bool m_stopped = false;
};

} // namespace plein::server
