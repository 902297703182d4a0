#include "capabilities/people/peoplecapability.h"

#include "capabilities/people/peopleprotocol.h"
#include "core/clientsession.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/handlerregistry.h"
#include "core/hub.h"
#include "core/servercore.h"

namespace plein::server {

namespace people = protocol::people;

PeopleCapability::PeopleCapability(ServerCore& core)
    : m_store(core.db)
    , m_service(core.writes, m_store, core.events)
{ }

void PeopleCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addWrite(people::PeopleUpdateProfile, m_service, &PeopleService::updateProfile);
    registry.addRead(people::PeopleGet, m_service, &PeopleService::get);
    registry.addRead(people::PeopleSearch, m_service, &PeopleService::search);
    registry.addRead(people::PeopleFacets, m_service, &PeopleService::facets);
}

void PeopleCapability::registerEventHooks(EventHooks& hooks)
{
    hooks.add(QString(people::PeopleProfile), [](const StoredEvent& e, Hub& hub) {
        const QJsonObject profile = e.data.value(QLatin1StringView("profile")).toObject();
        for (ClientSession* s : hub.sessionsOf(e.subjectId)) {
            if (!s->user)
                continue;
            s->user->displayName = profile.value(QLatin1StringView("displayName")).toString();
            s->user->department = profile.value(QLatin1StringView("department")).toString();
        }
    });
}

} // namespace plein::server
