#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace plein::app {

// Keeps the session token (never the password) in the system keyring through QtKeychain.
// Without a keyring nothing is stored and the user is told so.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok, const QString& tokenOrError)>;

    explicit TokenStore(QObject* parent = nullptr);

    void read(const QString& account, Done done);
    void write(const QString& account, const QString& token, Done done);
    void remove(const QString& account);
};

} // namespace plein::app
