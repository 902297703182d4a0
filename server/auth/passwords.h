#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plein::server {

// Argon2id through libsodium, with at least the OWASP minimum (19 MiB, 2 iterations).
struct PasswordCost
{
    quint64 opsLimit = 2;
    quint64 memLimitBytes = 19ULL * 1024 * 1024;
};

// Must run once before anything else here (idempotent).
bool initialiseCrypto();

// The encoded hash ($argon2id$v=19$m=...), or nullopt when the machine is out of memory.
std::optional<QString> hashPassword(const QString& password, const PasswordCost& cost = {});
bool verifyPassword(const QString& password, const QString& encodedHash);
// A hash of a random password, verified against when the account does not exist so that a
// failed login takes as long for an unknown name as for a known one.
const QString& dummyPasswordHash();

// A new session token: 256 random bits, base64url without padding (43 characters).
QString newSessionToken();
// What the database stores of a token: its SHA-256, hex. Tokens carry 256 bits of entropy, so a
// fast hash is enough; the database alone never lets anyone log in.
QString hashToken(const QString& token);
// A random client id, for writes and request ids (128 bits, hex).
QString randomId();

} // namespace plein::server
