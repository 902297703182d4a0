#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

enum class Role { Member, Admin };

struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString email;
    QString department;
    Role role = Role::Member;
    bool active = true;
    QString passwordHash;

    // What other users may see of this account.
    QJsonObject toPublicJson() const;
};

struct NewUser
{
    QString username;
    QString displayName;
    QString email;
    QString department;
    Role role = Role::Member;
    QString passwordHash;
};

// Accounts and their sessions. Methods run in the caller's transaction when there is one.
class AccountStore
{
public:
    explicit AccountStore(Database& db)
        : m_db(db)
    { }

    Result<User> create(const NewUser& user);
    std::optional<User> findByUsername(const QString& username);
    std::optional<User> findById(qint64 id);
    // Ids of the active users with these (lower-case) usernames.
    QList<qint64> idsForUsernames(const QStringList& usernames);
    Result<bool> setActive(qint64 userId, bool active);
    Result<bool> setRole(qint64 userId, Role role);
    Result<bool> setPasswordHash(qint64 userId, const QString& hash);
    qint64 count();

    // Sessions: only the SHA-256 of a token is stored.
    Result<qint64> createSession(qint64 userId, const QString& tokenHash, const QString& client);
    // The active user owning a session with this token hash that is neither revoked nor unused
    // since before `idleCutoff` (ISO 8601 UTC). Marks the session used unless `touch` is false.
    std::optional<User> userForToken(const QString& tokenHash, const QString& idleCutoff,
                                     bool touch = true);
    Result<bool> revokeSession(const QString& tokenHash);
    Result<bool> revokeAllSessions(qint64 userId);

    // True for a revoked or unknown token.
    bool isSessionRevoked(const QString& tokenHash);

private:
    Database& m_db;
};

QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);

} // namespace plein::server
