#pragma once

#include "auth/loginthrottle.h"
#include "protocol/envelope.h"
#include "protocol/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

namespace plein::server {

class ClientSession;
class HandlerRegistry;
struct ChannelAudience;
class Hub;
struct ServerCore;

struct DispatcherOptions
{
    QString organisation;
    qint64 sessionIdleSeconds = 30LL * 24 * 3600;
};

// Answers requests: decodes and validates each frame against the protocol registry, checks the
// handshake, the login and the capability's feature, and calls the handler the capability
// registered for the message. Writes trigger live delivery once committed. The connection's
// own messages (hello, login, sync, ephemeral signals) are handled here.
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    Dispatcher(ServerCore& core, Hub& hub, HandlerRegistry& handlers, DispatcherOptions options,
               QObject* parent = nullptr);

    void handleFrame(ClientSession* session, const QByteArray& frame);
    // New requests get "unavailable" from now on; used while shutting down.
    void stopAccepting() { m_accepting = false; }
    int loginsInFlight() const { return m_loginsInFlight; }
    // Milliseconds since the last frame arrived on any connection.
    qint64 quietMilliseconds() const { return m_lastFrame.elapsed(); }

    static QStringList serverFeatures();

Q_SIGNALS:
    void loginsFinished();

private:
    void dispatch(ClientSession* session, const protocol::Request& request);
    void reply(ClientSession* session, const protocol::Request& request,
               const Result<QJsonObject>& result);

    void hello(ClientSession* session, const protocol::Request& request);
    void login(ClientSession* session, const protocol::Request& request);
    // userId 0: wrong name or password; `active` false: right password, deactivated account.
    void finishLogin(ClientSession* session, const protocol::Request& request, qint64 userId,
                     bool active);
    void resume(ClientSession* session, const protocol::Request& request);
    void logout(ClientSession* session, const protocol::Request& request);
    void syncSince(ClientSession* session, const protocol::Request& request);
    void ephemeral(ClientSession* session, const protocol::Request& request);
    // Hands a signal to this node's sessions of its audience.
    void deliverSignal(const ChannelAudience& audience, const QStringList& features,
                       const QByteArray& frame, const ClientSession* except);
    void authenticated(ClientSession* session, qint64 userId);
    void registerSessionHandlers();

    ServerCore& m_core;
    Hub& m_hub;
    HandlerRegistry& m_handlers;
    DispatcherOptions m_options;
    LoginThrottle m_throttle;
    bool m_accepting = true;
    QElapsedTimer m_lastFrame;
    int m_loginsInFlight = 0;
};

} // namespace plein::server
