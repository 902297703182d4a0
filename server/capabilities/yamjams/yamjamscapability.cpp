#include "capabilities/yamjams/yamjamscapability.h"

#include "capabilities/groups/groupscapability.h"
#include "capabilities/yamjams/yamjamsprotocol.h"
#include "core/handlerregistry.h"
#include "core/servercore.h"
#include "core/sessionhooks.h"
#include "protocol/fields.h"

namespace plein::server {

namespace yamjams = protocol::yamjams;
using protocol::idField;

YamJamsCapability::YamJamsCapability(ServerCore& core, GroupsCapability& groups)
    : m_store(core.db)
    , m_service(core.writes, m_store, core.events, core.accounts, groups.service())
{ }

void YamJamsCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addWrite(yamjams::YamJamCreate, m_service, &YamJamService::create);
    registry.addWrite(yamjams::YamJamUpdate, m_service, &YamJamService::update);
    registry.addWrite(yamjams::YamJamDecline, m_service, &YamJamService::decline);
    registry.addWrite(yamjams::YamJamEnd, m_service, &YamJamService::end);
    registry.addWrite(yamjams::YamJamAsk, m_service, &YamJamService::ask);
    registry.addWrite(yamjams::YamJamVote, m_service, &YamJamService::vote);
    registry.addWrite(yamjams::YamJamAnswer, m_service, &YamJamService::answer);
    registry.addWrite(yamjams::YamJamModerate, m_service, &YamJamService::moderate);
    registry.addWrite(yamjams::YamJamEditQuestion, m_service, &YamJamService::editQuestion);
    registry.addWrite(yamjams::YamJamMerge, m_service, &YamJamService::merge);
    registry.addRead(yamjams::YamJamGet, m_service, &YamJamService::get);
    registry.addRead(yamjams::YamJamList, m_service, &YamJamService::list);
    registry.addRead(yamjams::YamJamQuestions, m_service, &YamJamService::questions);
    registry.addRead(yamjams::YamJamFeature,
                     [this](const Caller& c, const QJsonObject& payload) -> Result<QJsonObject> {
                         const qint64 id = idField(payload, QLatin1StringView("yamjamId"));
                         auto y = m_service.feature(
                             c.user, id, idField(payload, QLatin1StringView("questionId")));
                         if (!y)
                             return y.error();
                         m_rooms.setAnswering(id, y->answeringId);
                         return QJsonObject {{QStringLiteral("yamjamId"), id}};
                     });
    registry.addRead(yamjams::YamJamJoin,
                     [this](const Caller& c, const QJsonObject& payload) -> Result<QJsonObject> {
                         const qint64 id = idField(payload, QLatin1StringView("yamjamId"));
                         const auto y = m_service.visible(c.user, id);
                         if (!y)
                             return YamJamService::notFound(id);
                         return m_rooms.join(c.session, id, y->answeringId);
                     });
    registry.addRead(yamjams::YamJamLeave,
                     [this](const Caller& c, const QJsonObject& payload) -> Result<QJsonObject> {
                         const qint64 id = idField(payload, QLatin1StringView("yamjamId"));
                         m_rooms.leave(c.session, id);
                         return QJsonObject {{QStringLiteral("yamjamId"), id}};
                     });
}

void YamJamsCapability::registerSessionHooks(SessionHooks& hooks)
{
    hooks.onEnded([this](ClientSession& s) { m_rooms.sessionEnded(s); });
}

} // namespace plein::server
