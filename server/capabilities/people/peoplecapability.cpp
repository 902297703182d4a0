#include "capabilities/people/peoplecapability.h"

#include "capabilities/files/filescapability.h"
#include "capabilities/people/peopleprotocol.h"
#include "core/clientsession.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/handlerregistry.h"
#include "core/hub.h"
#include "core/servercore.h"

namespace plein::server {

namespace people = protocol::people;

PeopleCapability::PeopleCapability(ServerCore& core, FilesCapability& files)
    : m_store(core.db)
    , m_service(core.writes, m_store, core.events, files.service())
{
    // A profile photo is seen by everyone who may see the profile.
    files.owners().add(QString(PeopleService::photoOwnerKind),
                       [this](const User& user, qint64 userId) {
                           const auto p = m_service.visible(user, userId);
                           return p && p.value().has_value();
                       });
    // Once after migration 013: the keys folded in C++, a row for every user.
    if (auto keyed = m_store.rekey(); !keyed)
        qWarning("people: %s", qPrintable(keyed.error().message));
}

void PeopleCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addWrite(people::PeopleUpdateProfile, m_service, &PeopleService::updateProfile);
    registry.addRead(people::PeopleGet, m_service, &PeopleService::get);
    registry.addLongRead(people::PeopleSearch, &PeopleService::search);
    registry.addLongRead(people::PeopleFacets, &PeopleService::facets);
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
