#pragma once

#include "core/writeservice.h"
#include "protocol/envelope.h"
#include "protocol/result.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace plein::server {

class ClientSession;
class Database;
struct User;

// Who calls, as a handler sees it: the logged-in user and their session.
struct Caller
{
    const User& user;
    ClientSession& session;
};

// Who hears a signal on an ephemeral channel: the live sessions of a group's members, or of
// these users.
struct ChannelAudience
{
    qint64 groupId = 0; // 0: `users`
    QList<qint64> users;
};

// The handlers of every request, by message name. Capabilities register theirs; the dispatcher
// looks them up, so no central switch grows with each message.
class HandlerRegistry
{
public:
    // Answers with the returned payload or error.
    using Read
        = std::function<Result<QJsonObject>(const Caller& caller, const QJsonObject& payload)>;
    // A client write (payload with a clientId): answered, then delivered live.
    using Write = std::function<Result<WriteService::Outcome>(const Caller& caller,
                                                              const QJsonObject& payload)>;
    // A read that may take long (search): runs on a thread of the read pool with that thread's
    // read-only connection, never on the connection that writes, so live delivery goes on
    // meanwhile. It gets a copy of the caller's user and of the features their client agreed
    // on (what it may be answered), and must touch nothing of the event loop's (no stores,
    // services or sessions): only `db`. The connection's later requests wait for its answer,
    // as they wait for a write's.
    using LongRead = std::function<Result<QJsonObject>(
        Database& db, const User& user, const QSet<QString>& features, const QJsonObject& payload)>;
    // Full control over the answer (handshake, login, sync): for the session itself.
    using Raw = std::function<void(ClientSession& session, const protocol::Request& request)>;

    // An ephemeral channel `<prefix>:<id>`: who hears `signal` when the caller sends it; nothing
    // when the channel does not exist for the caller (answered `not_found`, alike for every
    // id); or an error (a signal the channel does not take).
    using Channel = std::function<Result<std::optional<ChannelAudience>>(
        const Caller& caller, qint64 id, const QString& signal)>;
    // Who hears a signal of channel `<prefix>:<id>` that another node checked and passed on, as
    // this node knows it now (nothing: no one). Without it the sender's node's audience is used.
    using Hearers = std::function<std::optional<ChannelAudience>(qint64 id)>;

    void addRead(QLatin1StringView message, Read handler);
    void addWrite(QLatin1StringView message, Write handler);
    void addRaw(QLatin1StringView message, Raw handler);
    void addLongRead(QLatin1StringView message, LongRead handler);
    // A channel of a capability; its sender and hearers need the capability's `feature`.
    void addChannel(QLatin1StringView prefix, QLatin1StringView feature, Channel resolve,
                    Hearers hearers = {});

    // A service method taking the caller's user and the payload, as a handler.
    template<class Service>
    void addWrite(QLatin1StringView message, Service& service,
                  Result<WriteService::Outcome> (Service::*method)(const User&, const QJsonObject&))
    {
        addWrite(message, [&service, method](const Caller& c, const QJsonObject& payload) {
            return (service.*method)(c.user, payload);
        });
    }
    template<class Service>
    void addRead(QLatin1StringView message, Service& service,
                 Result<QJsonObject> (Service::*method)(const User&, const QJsonObject&))
    {
        addRead(message, [&service, method](const Caller& c, const QJsonObject& payload) {
            return (service.*method)(c.user, payload);
        });
    }

    struct Entry
    {
        Read read;
        Write write;
        Raw raw;
        LongRead longRead;
    };
    const Entry* find(QLatin1StringView message) const;
    struct ChannelEntry
    {
        QLatin1StringView feature;
        Channel resolve;
        Hearers hearers;
    };
    const ChannelEntry* findChannel(QStringView prefix) const;
    // Request messages of the protocol registry that nobody handles (a test checks it is empty).
    QStringList unhandled() const;

private:
    Entry& entry(QLatin1StringView message);
    QHash<QString, Entry> m_entries;
    QHash<QString, ChannelEntry> m_channels;
};

} // namespace plein::server
