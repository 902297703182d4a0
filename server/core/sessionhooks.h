#pragma once

#include <QList>

#include <functional>

namespace plein::server {

class ClientSession;

// What capabilities keep about live sessions (presence, watch lists) follows the sessions
// through these: the hub runs them when a session becomes a user's (login, resume) and when it
// stops being one (logout, a new login, a closed connection, deactivation, revocation), so no
// capability keeps a session that is gone.
class SessionHooks
{
public:
    using Hook = std::function<void(ClientSession& session)>;

    void onAuthenticated(Hook hook) { m_authenticated.append(std::move(hook)); }
    void onEnded(Hook hook) { m_ended.append(std::move(hook)); }

    void authenticated(ClientSession& session) const
    {
        for (const Hook& h : m_authenticated)
            h(session);
    }
    // Runs while `session->user` is still set.
    void ended(ClientSession& session) const
    {
        for (const Hook& h : m_ended)
            h(session);
    }

private:
    QList<Hook> m_authenticated;
    QList<Hook> m_ended;
};

} // namespace plein::server
