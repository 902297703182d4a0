#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QUrl;

namespace plein::app {

// Keeps the session token (never the password) in the system keyring through QtKeychain.
// Without a keyring nothing is stored and the user is told so.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Ok,
        NotFound,
        // No Secret Service (or other keyring) answered, or it refused us: nothing is stored.
        NoKeyring,
    };
    Q_ENUM(Status)

    using Done = std::function<void(bool ok, const QString& tokenOrError)>;
    using Answer = std::function<void(Status status, const QString& tokenOrError)>;

    explicit TokenStore(QObject* parent = nullptr);

    // The keyring entry of one account on one server.
    static QString accountFor(const QUrl& server, const QString& username);

    void lookup(const QString& account, Answer answer);
    void store(const QString& account, const QString& token, Answer answer);
    void forget(const QString& account, Answer answer = {});

    // The same, answering only success or failure.
    void read(const QString& account, Done done);
    void write(const QString& account, const QString& token, Done done);
    void remove(const QString& account);
};

} // namespace plein::app
