#pragma once

#include "serverprocess.h"
#include "wsclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace plein::test {

// The chat and presence suites' world: a real plein-server on SQLite or PostgreSQL, users,
// and one connection per user that said hello with every feature and logged in; more
// connections on demand. Failures of the set-up land in `error`.
class ChatKit
{
public:
    using Response = WsClient::Response;
    using Match = std::function<bool(const protocol::ServerFrame&)>;

    QString error;

    static QStringList allFeatures();

    // Starts a server with these users (`admins` among them are admins) and `config` lines;
    // `postgres` empty: SQLite.
    bool start(const std::optional<QString>& postgres, const QStringList& users,
               const QStringList& admins = {},
               const QList<std::pair<QString, QString>>& config = {});
    bool stop();
    ServerProcess& server() { return *m_server; }

    qint64 id(const QString& user) const { return m_ids.value(user); }
    qint64 id(const char* user) const { return m_ids.value(QString::fromLatin1(user)); }
    // The user's main connection (logged in at start).
    WsClient& client(const QString& user);
    // Another connection of the user, with these features (empty: all), caught up and live;
    // to `node` (default: the first server).
    std::unique_ptr<WsClient> connect(const QString& user, QStringList features = {},
                                      ServerProcess* node = nullptr);
    // A session token of the user's own (a login of its own, kept), for the HTTP side.
    QByteArray token(const QString& user);
    // Closes the user's main connection.
    void disconnect(const QString& user);
    // Another server node on the same PostgreSQL database, with these config lines; nullptr
    // (with `error`) on failure.
    ServerProcess* addNode(const QList<std::pair<QString, QString>>& config = {});

    Response read(const QString& user, const QString& type, const QJsonObject& payload = {});
    // A write with a new client id (or the one given in the payload).
    Response write(const QString& user, const QString& type, QJsonObject payload);
    Response write(WsClient& c, const QString& type, QJsonObject payload);

    // Conversations and messages, made by `user`; 0 on failure (with `error` set).
    qint64 direct(const QString& user, const QString& other);
    qint64 people(const QString& user, const QStringList& others, const QString& membersBy = {});
    qint64 groupChat(const QString& user, qint64 groupId);
    qint64 group(const QString& owner, const QString& name, const QString& kind,
                 const QStringList& members, const QString& history = QStringLiteral("all"));
    qint64 send(const QString& user, qint64 conversationId, const QString& body,
                qint64 replyTo = 0);

    // Runs statements on the server's database directly (to make a message old, or many
    // users at once); false (with `error`) when one fails.
    bool sql(const QStringList& statements);

    // sync.since from `cursor` until more=false; every event, and the cursor after them.
    static QList<QJsonObject> syncAll(WsClient& c, qint64 cursor, qint64* next = nullptr);
    // Waits until a push matching `match` arrived (the pushes so far count too).
    static const protocol::ServerFrame* waitFor(WsClient& c, const Match& match,
                                                int timeoutMs = 5000);
    static bool pushed(WsClient& c, const Match& match);
    // An event push of this kind whose data satisfies `data`.
    static Match event(const QString& kind,
                       const std::function<bool(const QJsonObject& data)>& data = {});
    // A presence push saying this user is now in this state ("online", "away", "dnd"...).
    static Match presence(qint64 userId, const char* state);
    // Pushes come in log order: once this user's next event push arrived (a chat.settings
    // write of their own), every push before it has too.
    bool barrier(const QString& user);

private:
    bool step(const Response& r, const QString& what);

    std::unique_ptr<ServerProcess> m_server;
    std::optional<QString> m_postgres;
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;
    std::map<QString, std::unique_ptr<WsClient>> m_clients;
    QHash<QString, qint64> m_ids;
    QHash<QString, QByteArray> m_tokens;
};

// The kits of a suite that runs on every backend (initTestCase_data from addBackendRows()):
// each started on first use by `start`; a backend whose server could not start fails once and
// is skipped after.
class BackendKits
{
public:
    using Start = std::function<bool(ChatKit& kit, const std::optional<QString>& postgres)>;
    explicit BackendKits(Start start)
        : m_start(std::move(start))
    { }

    // The current row's kit; nullptr after reporting a failure or a skip.
    ChatKit* current();
    // In cleanup(): the server's log after a failure, once per backend.
    void showLogOnFailure();
    bool stopAll();

private:
    Start m_start;
    std::map<QString, std::unique_ptr<ChatKit>> m_kits;
    QHash<QString, QString> m_broken;
    QSet<QString> m_shown;
};

// Payloads and answers, briefly.
QJsonObject with(QJsonObject o, const QString& key, const QJsonValue& value);
QJsonObject inConversation(qint64 conversationId);
QJsonObject aboutMessage(qint64 messageId);
QJsonArray idArray(const QList<qint64>& ids);
QJsonObject conversationOf(const WsClient::Response& r);
QJsonObject messageOf(const WsClient::Response& r);
// The ids of an answer's `messages`, in order.
QList<qint64> messageIds(const WsClient::Response& r);
// The ids of a conversation's `members`, sorted.
QList<qint64> memberIds(const QJsonObject& conversation);

qint64 number(const QJsonValue& v);
qint64 idOf(const QJsonObject& o, QLatin1StringView key);
QString answerOf(const WsClient::Response& r);
// An error message with the id taken out, to compare a hidden thing's answer with a missing
// one's.
QString withoutId(QString message, qint64 id);

} // namespace plein::test
