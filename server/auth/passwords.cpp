#include "auth/passwords.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace plein::server {

bool initialiseCrypto()
{
    return sodium_init() >= 0;
}

std::optional<QString> hashPassword(const QString& password, const PasswordCost& cost)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), cost.opsLimit,
                              cost.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return std::nullopt;
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString& password, const QString& encodedHash)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray hash = encodedHash.toLatin1();
    if (hash.isEmpty())
        return false;
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

const QString& dummyPasswordHash()
{
    static const QString hash = hashPassword(randomId()).value_or(QString());
    return hash;
}

QString newSessionToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), std::size_t(bytes.size()));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString hashToken(const QString& token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString randomId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    randombytes_buf(bytes.data(), std::size_t(bytes.size()));
    return QString::fromLatin1(bytes.toHex());
}

} // namespace plein::server
