#include "capabilities/accounts/accountservice.h"

#include "auth/passwords.h"
#include "capabilities/feed/mentions.h"
#include "core/eventlog.h"
#include "core/writeservice.h"
#include "protocol/limits.h"

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
        auto seq = m_events.append(QStringLiteral("user.created"), 0, Scope::everyone(),
                                   QJsonObject {{QStringLiteral("user"), created.toPublicJson()}},
                                   created.id);
        if (!seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return created;
}

Result<User> AccountService::change(User user, const Change& apply, const QString& eventKind,
                                    const Scope& scope, const QJsonObject& eventData)
{
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        if (auto changed = apply(user); !changed)
            return changed.error();
        const QJsonObject data = eventData.isEmpty()
            ? QJsonObject {{QStringLiteral("user"), user.toPublicJson()}}
            : eventData;
        // Made by the administration (actor 0) about this user (the subject).
        if (auto seq = m_events.append(eventKind, 0, scope, data, user.id); !seq)
            return seq.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    return user;
}

Result<User> AccountService::setActive(const QString& username, bool active)
{
    auto user = findUser(username);
    if (!user)
        return user;
    return change(
        user.value(),
        [&](User& u) -> Result<bool> {
            if (auto changed = m_accounts.setActive(u.id, active); !changed)
                return changed;
            u.active = active;
            return active ? Result<bool>(true) : m_accounts.revokeAllSessions(u.id);
        },
        active ? QStringLiteral("user.activated") : QStringLiteral("user.deactivated"),
        Scope::everyone());
}

Result<User> AccountService::setRole(const QString& username, Role role)
{
    auto user = findUser(username);
    if (!user)
        return user;
    return change(
        user.value(),
        [&](User& u) -> Result<bool> {
            u.role = role;
            return m_accounts.setRole(u.id, role);
        },
        QStringLiteral("user.updated"), Scope::everyone());
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
    // Scoped to the user alone: their live sessions end, nobody else needs to know.
    return change(
        user.value(),
        [&](User& u) -> Result<bool> {
            if (auto changed = m_accounts.setPasswordHash(u.id, *hash); !changed)
                return changed;
            return m_accounts.revokeAllSessions(u.id);
        },
        QStringLiteral("user.sessions_revoked"), Scope::usersOnly({user->id}),
        QJsonObject {{QStringLiteral("userId"), user->id}});
}

} // namespace plein::server
