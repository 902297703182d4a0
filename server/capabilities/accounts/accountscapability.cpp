#include "capabilities/accounts/accountscapability.h"

#include "capabilities/accounts/accountsprotocol.h"
#include "core/eventhooks.h"
#include "core/eventlog.h"
#include "core/hub.h"
#include "core/servercore.h"

namespace plein::server {

namespace accounts = protocol::accounts;

namespace {

// Older logs name the user as the actor; newer ones as the subject, with the actor being who
// made the change.
qint64 userConcerned(const StoredEvent& e)
{
    return e.subjectId ? e.subjectId : e.actorId;
}

} // namespace

void AccountsCapability::registerHandlers(HandlerRegistry&) { }

void AccountsCapability::registerEventHooks(EventHooks& hooks)
{
    hooks.add(QString(accounts::UserDeactivated), [](const StoredEvent& e, Hub& hub) {
        hub.closeUserSessions(userConcerned(e), QWebSocketProtocol::CloseCode(4001),
                              QStringLiteral("account deactivated"));
    });
    hooks.add(QString(accounts::UserSessionsRevoked), [](const StoredEvent& e, Hub& hub) {
        hub.closeUserSessions(userConcerned(e), QWebSocketProtocol::CloseCode(4003),
                              QStringLiteral("sessions revoked"));
    });
    hooks.add(QString(accounts::UserSessionEnded), [this](const StoredEvent& e, Hub& hub) {
        // The connections of this user whose token was just revoked (on any node).
        for (ClientSession* s : hub.sessionsOf(userConcerned(e))) {
            if (!s->tokenHash.isEmpty() && m_core.accounts.isSessionRevoked(s->tokenHash))
                hub.closeTokenSessions(s->tokenHash, QWebSocketProtocol::CloseCode(4003),
                                       QStringLiteral("logged out"));
        }
    });
    hooks.add(QString(accounts::UserUpdated), [](const StoredEvent& e, Hub& hub) {
        // A changed role counts from the next request of every open session of that user, and
        // a changed name from the next thing they write (their posts carry it as it is then).
        const QJsonObject user = e.data.value(QLatin1StringView("user")).toObject();
        const auto role = roleFromName(user.value(QLatin1StringView("role")).toString());
        if (!role)
            return;
        for (ClientSession* s : hub.sessionsOf(userConcerned(e))) {
            if (!s->user)
                continue;
            s->user->role = *role;
            s->user->displayName = user.value(QLatin1StringView("displayName")).toString();
            s->user->department = user.value(QLatin1StringView("department")).toString();
        }
    });
}

} // namespace plein::server
