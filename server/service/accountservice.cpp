#include "service/accountservice.h"

#include "auth/passwords.h"
#include "protocol/limits.h"
#include "protocol/mentions.h"
#include "service/writeservice.h"
#include "store/eventlog.h"

namespace plein::server {

using protocol::ErrorCode;

std::optional<protocol::Error> AccountService::checkPassword(const QString& password)
{
    if (password.size() < 8)
        return protocol::Error {ErrorCode::BadRequest,
                                QStringLiteral("a password needs at least 8 characters")};
    if (password.size() > protocol::maxPasswordChars)
        return protocol::Error {
            ErrorCode::TooLarge,
            QStringLiteral("a password has at most %1 characters").arg(protocol::maxPasswordChars)};
    return std::nullopt;
}

Result<User> AccountService::findUser(const QString& username)
{
    auto user = m_accounts.findByUsername(username);
    if (!user)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("there is no user '%1'").arg(username));
    return *user;
}

Result<User> AccountService::create(const NewAccount& a)
{
    const QString username = a.username.toLower();
    if (!protocol::isValidUsername(username))
        return makeError(
            ErrorCode::BadRequest,
            QStringLiteral("a username has 1 to 64 characters: letters, digits, '.', '_' or '-'"));
    const QString displayName
        = a.displayName.trimmed().isEmpty() ? username : a.displayName.trimmed();
    if (displayName.size() > 128 || a.email.size() > 254 || a.department.size() > 128)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("display name, e-mail or department is too long"));
    if (auto err = checkPassword(a.password))
        return *err;
    const auto hash = hashPassword(a.password);
    if (!hash)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("not enough memory to hash the password"));
    User created;
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        auto user = m_accounts.create(
            NewUser {username, displayName, a.email, a.department, a.role, *hash});
        if (!user)
            return user.error();
        created = user.value();
        auto seq = m_events.append(QStringLiteral("user.created"), created.id, Scope::everyone(),
                                   QJsonObject {{QStringLiteral("user"), created.toPublicJson()}});
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return created;
}

Result<User> AccountService::setActive(const QString& username, bool active)
{
    auto user = findUser(username);
    if (!user)
        return user;
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        if (auto changed = m_accounts.setActive(user->id, active); !changed)
            return changed.error();
        if (!active) {
            if (auto revoked = m_accounts.revokeAllSessions(user->id); !revoked)
                return revoked.error();
        }
        user->active = active;
        auto seq = m_events.append(active ? QStringLiteral("user.activated")
                                          : QStringLiteral("user.deactivated"),
                                   user->id, Scope::everyone(),
                                   QJsonObject {{QStringLiteral("user"), user->toPublicJson()}});
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return user;
}

Result<User> AccountService::setRole(const QString& username, Role role)
{
    auto user = findUser(username);
    if (!user)
        return user;
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        if (auto changed = m_accounts.setRole(user->id, role); !changed)
            return changed.error();
        user->role = role;
        auto seq = m_events.append(QStringLiteral("user.updated"), user->id, Scope::everyone(),
                                   QJsonObject {{QStringLiteral("user"), user->toPublicJson()}});
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return user;
}

Result<User> AccountService::setPassword(const QString& username, const QString& password)
{
    auto user = findUser(username);
    if (!user)
        return user;
    if (auto err = checkPassword(password))
        return *err;
    const auto hash = hashPassword(password);
    if (!hash)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("not enough memory to hash the password"));
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        if (auto changed = m_accounts.setPasswordHash(user->id, *hash); !changed)
            return changed.error();
        if (auto revoked = m_accounts.revokeAllSessions(user->id); !revoked)
            return revoked.error();
        // Scoped to the user alone: their live sessions end, nobody else needs to know.
        auto seq = m_events.append(QStringLiteral("user.sessions_revoked"), user->id,
                                   Scope::usersOnly({user->id}),
                                   QJsonObject {{QStringLiteral("userId"), user->id}});
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return user;
}

} // namespace plein::server
