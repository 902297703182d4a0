#include "capabilities/accounts/accountstore.h"

#include "capabilities/people/peoplestore.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"
#include "sql/sqlerror.h"

#include <QSqlQuery>

namespace plein::server {

namespace {
constexpr QLatin1StringView area("accounts");
} // namespace

using protocol::ErrorCode;

namespace {

const QString userColumns
    = QStringLiteral("id, username, display_name, email, department, role, active, password_hash");

User readUser(const QSqlQuery& q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.email = q.value(3).toString();
    u.department = q.value(4).toString();
    u.role = roleFromName(q.value(5).toString()).value_or(Role::Member);
    u.active = q.value(6).toInt() != 0;
    u.passwordHash = q.value(7).toString();
    return u;
}

// Qt binds a null QString as SQL NULL; our text columns hold '' for "none".
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

QJsonObject User::toPublicJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("department"), department},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("active"), active},
    };
}

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("member");
}

std::optional<Role> roleFromName(const QString& name)
{
    if (name == QLatin1StringView("admin"))
        return Role::Admin;
    if (name == QLatin1StringView("member"))
        return Role::Member;
    return std::nullopt;
}

Result<User> AccountStore::create(const NewUser& n)
{
    if (findByUsername(n.username))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the username '%1' is taken").arg(n.username));
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral(
                "INSERT INTO users (username, display_name, email, department, role, "
                "password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?) RETURNING id"),
            {n.username, n.displayName, text(n.email), text(n.department), roleName(n.role),
             n.passwordHash, nowUtc()})
        || !q.next())
        return storeError(area, q);
    User u;
    u.id = q.value(0).toLongLong();
    q.finish();
    // The directory lists every user from their first moment, sorted on their folded name.
    if (auto row = PeopleStore::addAccount(m_db, u.id, n.username, n.displayName); !row)
        return row.error();
    u.username = n.username;
    u.displayName = n.displayName;
    u.email = n.email;
    u.department = n.department;
    u.role = n.role;
    u.passwordHash = n.passwordHash;
    return u;
}

std::optional<User> AccountStore::findByUsername(const QString& username)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(userColumns),
                  {username.toLower()})
        || !q.next())
        return std::nullopt;
    return readUser(q);
}

std::optional<User> AccountStore::findById(qint64 id)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(userColumns), {id})
        || !q.next())
        return std::nullopt;
    return readUser(q);
}

QList<qint64> AccountStore::idsForUsernames(const QStringList& usernames)
{
    // On the path of every post that mentions someone: prepared once.
    QList<qint64> ids;
    for (const QString& name : usernames) {
        QSqlQuery* q = m_db.statements().run(
            QStringLiteral("SELECT id FROM users WHERE username = ? AND active = 1"),
            {name.toLower()});
        if (q && q->next())
            ids << q->value(0).toLongLong();
        if (q)
            q->finish();
    }
    return ids;
}

Result<bool> AccountStore::setActive(qint64 userId, bool active)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE users SET active = ? WHERE id = ?"),
                  {active ? 1 : 0, userId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> AccountStore::setRole(qint64 userId, Role role)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                  {roleName(role), userId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> AccountStore::setPasswordHash(qint64 userId, const QString& hash)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                  {hash, userId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

qint64 AccountStore::count()
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<qint64> AccountStore::createSession(qint64 userId, const QString& tokenHash,
                                           const QString& client)
{
    QSqlQuery q(m_db.db());
    const QString now = nowUtc();
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO sessions (user_id, token_hash, client, created_at, "
                                 "last_used_at, revoked) "
                                 "VALUES (?, ?, ?, ?, ?, 0) RETURNING id"),
                  {userId, tokenHash, text(client.left(64)), now, now})
        || !q.next())
        return storeError(area, q);
    return q.value(0).toLongLong();
}

std::optional<User> AccountStore::userForToken(const QString& tokenHash, const QString& idleCutoff,
                                               bool touch)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT u.id, u.username, u.display_name, u.email, u.department, u.role, u.active, "
                "u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id "
                "WHERE s.token_hash = ? AND s.revoked = 0 AND u.active = 1 AND s.last_used_at >= "
                "?"),
            {tokenHash, idleCutoff})
        || !q.next())
        return std::nullopt;
    User u = readUser(q);
    q.finish();
    if (touch)
        sql::run(q, QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"),
                 {nowUtc(), tokenHash});
    return u;
}

Result<bool> AccountStore::revokeSession(const QString& tokenHash)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"),
                  {tokenHash}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> AccountStore::revokeAllSessions(qint64 userId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q, QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0"),
            {userId}))
        return storeError(area, q);
    return true;
}

bool AccountStore::isSessionRevoked(const QString& tokenHash)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("SELECT revoked FROM sessions WHERE token_hash = ?"),
                  {tokenHash})
        || !q.next())
        return true;
    return q.value(0).toInt() != 0;
}

} // namespace plein::server
