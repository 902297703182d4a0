#include "capabilities/presence/presencecapability.h"

#include "capabilities/presence/presenceprotocol.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"
#include "core/sessionhooks.h"

#include <QJsonArray>

namespace plein::server {

namespace presence = protocol::presence;

PresenceCapability::PresenceCapability(ServerCore& core)
    : m_tracker(core.relay)
{ }

void PresenceCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addRead(presence::PresenceSet,
                     [this](const Caller& c, const QJsonObject& payload) -> Result<QJsonObject> {
                         m_tracker.set(c.session,
                                       presenceStateFromName(
                                           payload.value(QLatin1StringView("state")).toString()));
                         return QJsonObject();
                     });
    registry.addRead(
        presence::PresenceWatch,
        [this](const Caller& c, const QJsonObject& payload) -> Result<QJsonObject> {
            QList<qint64> ids;
            for (const auto& v : payload.value(QLatin1StringView("userIds")).toArray())
                ids.append(qint64(v.toDouble()));
            return QJsonObject {{QStringLiteral("presence"), m_tracker.watch(c.session, ids)}};
        });
}

void PresenceCapability::registerSessionHooks(SessionHooks& hooks)
{
    hooks.onAuthenticated([this](ClientSession& s) { m_tracker.sessionStarted(s); });
    hooks.onEnded([this](ClientSession& s) { m_tracker.sessionEnded(s); });
}

} // namespace plein::server
